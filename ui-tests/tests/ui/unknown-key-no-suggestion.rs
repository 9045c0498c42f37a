use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 3001, severity = "warning")]
    NotFound,
}

fn main() {}
