use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(rename_all = snake_case)]
enum AppError {
    #[api_error(status = 404)]
    NotFound,
}

fn main() {}
