use error_contract::ApiError;

#[derive(ApiError)]
#[api_error(status = 404, code = 3001)]
union NotFound {
    id: u64,
    raw: [u8; 8],
}

impl std::fmt::Debug for NotFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NotFound")
    }
}

fn main() {}
