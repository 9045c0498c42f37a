use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 5000000000)]
    NotFound,
}

fn main() {}
