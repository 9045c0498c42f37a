use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[error("order {id} not found")]
    OrderNotFound { id: u64 },
    #[api_error(status = 400, code = "invalid")]
    #[error("invalid {}", .0)]
    Invalid(String),
}

fn main() {}
