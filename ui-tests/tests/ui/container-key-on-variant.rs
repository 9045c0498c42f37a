use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = "not_found", rename_all = "snake_case")]
    NotFound,
}

fn main() {}
