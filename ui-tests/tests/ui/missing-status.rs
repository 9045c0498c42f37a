use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
    #[api_error(code = 3002, message = "validation failed")]
    Invalid,
}

fn main() {}
