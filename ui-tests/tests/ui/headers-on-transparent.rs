use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum Inner {
    #[api_error(status = 401, code = "invalid_token")]
    InvalidToken,
}

#[derive(Debug, ApiError)]
enum Outer {
    #[api_error(transparent, headers("Cache-Control" = "no-store"))]
    Auth(Inner),
}

fn main() {}
