use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
enum AuthError {
    #[api_error(status = 401, code = 4003, message = "authentication token is invalid")]
    InvalidToken,
    #[api_error(status = 404, code = 3001, message = "account not found")]
    AccountNotFound,
}

#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
enum ShopError {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(transparent)]
    Auth(AuthError),
}

fn main() {}
