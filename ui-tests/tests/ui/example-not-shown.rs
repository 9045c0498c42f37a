use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 429, code = 4290, message = "slow down")]
    RateLimited {
        #[api_error(header = "Retry-After", example = 30)]
        retry_after: u32,
    },
    #[api_error(status = 502, code = 5020, message = "upstream answered {status}")]
    Upstream {
        #[api_error(status, example = 503)]
        status: u16,
    },
}

fn main() {}
