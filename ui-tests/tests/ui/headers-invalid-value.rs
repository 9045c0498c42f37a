use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(headers("Cache-Control" = "no-store\r\nSet-Cookie: a=b"))]
enum AuthError {
    #[api_error(status = 401, code = "invalid_token", headers("X-Note" = "caf\u{e9}"))]
    InvalidToken,
}

fn main() {}
