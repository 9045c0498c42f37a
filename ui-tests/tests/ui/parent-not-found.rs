use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
enum AppError {
    #[api_error(status = 422, code = 2006)]
    Validation,
    #[api_error(status = 422, code = 200601, parent = 2007)]
    MissingName,
}

fn main() {}
