use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
enum AppError {
    #[api_error(status = 422, code = 2006, parent = 2006)]
    Validation,
}

fn main() {}
