use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
enum AppError {
    #[api_error(status = 404, code = 3001, mesage = "entity not found")]
    NotFound,
    #[api_error(status = 600, code = 3002)]
    Invalid,
    #[api_error(status = 410, code = 3001)]
    Gone,
}

fn main() {}
