use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AuthError {
    #[api_error(status = 401, code = "invalid_token")]
    #[api_error(headers("Cache-Control" = "no-store", "cache-control" = "no-cache"))]
    InvalidToken,
}

fn main() {}
