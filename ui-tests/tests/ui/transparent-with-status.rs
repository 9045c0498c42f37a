use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum Inner {
    #[api_error(status = 404, code = 3001)]
    NotFound,
}

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(transparent, status = 500)]
    Inner(Inner),
}

fn main() {}
