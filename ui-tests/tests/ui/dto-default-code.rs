use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
enum AppError {
    #[api_error(status = 404)]
    NotFound,
}

fn main() {}
