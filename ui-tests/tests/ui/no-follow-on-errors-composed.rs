use error_contract::{ApiError, Decode, Unknown};

// This derive fails (a duplicate code)...
#[derive(Debug, ApiError)]
#[api_error(style = "flat", decode)]
enum AuthError {
    #[api_error(status = 401, code = 4003)]
    InvalidToken,
    #[api_error(status = 403, code = 4003)]
    Denied,
}

// ...and this one, which wraps it and decodes through it, adds no error of its own.
#[derive(Debug, ApiError)]
#[api_error(style = "flat", decode)]
enum ShopError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
    #[api_error(transparent)]
    Auth(AuthError),
    #[api_error(other)]
    Other(Unknown),
}

fn main() {
    let _ = ShopError::decode(404, b"{}");
    let _ = ShopError::NotFound.body();
}
