use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 404, code = 3001, expose)]
struct NotFound {
    id: u64,
}

fn main() {}
