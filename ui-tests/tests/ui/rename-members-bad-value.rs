use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "flat", rename_members(code = errorCode, message = "", code = "x"))]
enum AppError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat", rename_members = "code")]
enum Other {
    #[api_error(status = 404, code = 3001)]
    NotFound,
}

fn main() {}
