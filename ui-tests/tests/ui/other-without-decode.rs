use error_contract::{ApiError, Unknown};

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
    #[api_error(other)]
    Other(Unknown),
}

fn main() {}
