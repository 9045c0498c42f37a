use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status, code = 3001)]
    NotFound,
}

fn main() {}
