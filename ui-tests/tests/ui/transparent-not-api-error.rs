use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
    #[api_error(transparent)]
    Io(std::io::Error),
}

fn main() {}
