use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 429, code = 3003, header = "Retry-After")]
    TooManyRequests { retry_after: u64 },
}

fn main() {}
