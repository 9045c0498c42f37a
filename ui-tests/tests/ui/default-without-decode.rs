use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 429, code = 3003, message = "slow down")]
    RateLimited {
        #[api_error(header = "Retry-After", default)]
        retry_after: u32,
    },
}

fn main() {}
