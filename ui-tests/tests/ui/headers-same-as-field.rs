use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum LimitError {
    #[api_error(status = 429, code = "rate_limited", headers("Retry-After" = "60"))]
    RateLimited {
        #[api_error(header = "retry-after")]
        seconds: u64,
    },
}

fn main() {}
