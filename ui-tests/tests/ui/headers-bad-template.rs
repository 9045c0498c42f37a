use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AuthError {
    #[api_error(status = 401, code = "invalid_token", headers("WWW-Authenticate" = "Bearer {code"))]
    InvalidToken,
}

fn main() {}
