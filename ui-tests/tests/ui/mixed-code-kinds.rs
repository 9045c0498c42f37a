use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
    #[api_error(status = 409, code = "conflict")]
    Conflict,
}

fn main() {}
