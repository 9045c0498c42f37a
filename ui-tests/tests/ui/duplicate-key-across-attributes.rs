use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 3001)]
    #[api_error(code = 3002, message = "entity not found")]
    NotFound,
}

fn main() {}
