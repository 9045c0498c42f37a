use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 408, code = 9008, catch = "status")]
    Timeout,
    #[api_error(status = 409, code = 9009, catch = "status")]
    Conflict,
    #[api_error(status = 408, code = 9010, catch("status", "panic"))]
    SlowDown,
}

fn main() {}
