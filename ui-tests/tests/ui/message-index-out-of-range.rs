use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 3001, message = "{0} {1} not found")]
    NotFound(String),
}

fn main() {}
