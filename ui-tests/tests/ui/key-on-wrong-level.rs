use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 404)]
enum AppError {
    #[api_error(code = 3001)]
    NotFound,
}

fn main() {}
