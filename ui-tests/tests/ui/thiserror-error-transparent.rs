use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum Inner {
    #[api_error(status = 404, code = 3001)]
    NotFound,
}

#[derive(Debug, ApiError)]
enum AppError {
    #[error(transparent)]
    Inner(Inner),
}

fn main() {}
