use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(headers("Cache Control" = "no-store"))]
enum AuthError {
    #[api_error(status = 401, code = "invalid_token", headers("WWW-Authenticate:" = "Bearer"))]
    InvalidToken,
}

fn main() {}
