use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 422, code = 2006)]
    Validation,
    #[api_error(status = 422, code = 200601, parent = Validation)]
    MissingName,
}

fn main() {}
