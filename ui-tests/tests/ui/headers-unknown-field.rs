use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AuthError {
    #[api_error(status = 403, code = "insufficient_scope")]
    #[api_error(headers("WWW-Authenticate" = "Bearer error=\"{code}\", scope=\"{scopes}\""))]
    InsufficientScope { scope: String },
    #[api_error(status = 401, code = "invalid_token", headers("X-Token" = "{0}"))]
    InvalidToken,
}

fn main() {}
