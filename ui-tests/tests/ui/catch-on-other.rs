use error_contract::{ApiError, Unknown};

#[derive(Debug, ApiError)]
#[api_error(decode)]
enum ShopError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
    #[api_error(other, catch = "status")]
    Other(Unknown),
}

fn main() {}
