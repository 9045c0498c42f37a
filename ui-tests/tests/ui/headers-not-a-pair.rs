use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AuthError {
    #[api_error(status = 401, code = "invalid_token", headers("Cache-Control"))]
    InvalidToken,
    #[api_error(status = 400, code = "invalid_request", headers("Cache-Control" = 1))]
    InvalidRequest,
    #[api_error(status = 400, code = "invalid_grant", headers())]
    InvalidGrant,
    #[api_error(status = 400, code = "invalid_scope", headers = "Cache-Control: no-store")]
    InvalidScope,
}

fn main() {}
