use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum Inner {
    #[api_error(status = 404, code = 3001)]
    NotFound,
}

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(transparent)]
    Inner(Inner, String),
}

fn main() {}
