use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 429, code = 3003)]
    TooManyRequests {
        #[api_error(header = "Retry After")]
        retry_after: u64,
    },
}

fn main() {}
