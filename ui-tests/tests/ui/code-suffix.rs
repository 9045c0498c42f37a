use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 404, code = 3001i64, message = "entity not found")]
    NotFound,
}

fn main() {}
