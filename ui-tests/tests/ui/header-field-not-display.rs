use error_contract::ApiError;

#[derive(Debug)]
struct Delay {
    seconds: u64,
}

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 429, code = 3003)]
    TooManyRequests {
        #[api_error(header = "Retry-After")]
        retry_after: Delay,
    },
}

fn main() {}
