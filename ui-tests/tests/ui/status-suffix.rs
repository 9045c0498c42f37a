use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 404u8, code = 3001, message = "entity not found")]
    NotFound,
}

fn main() {}
