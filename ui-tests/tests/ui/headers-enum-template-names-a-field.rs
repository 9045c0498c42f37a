use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(headers("WWW-Authenticate" = "Bearer error=\"{code}\", scope=\"{scope}\""))]
enum AuthError {
    #[api_error(status = 403, code = "insufficient_scope")]
    InsufficientScope { scope: String },
}

fn main() {}
