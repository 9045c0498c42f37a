use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
    #[api_error(other)]
    Unknown(error_contract::Unknown),
}

fn main() {}
