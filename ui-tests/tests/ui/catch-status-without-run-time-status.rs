use error_contract::ApiError;

// `Internal` answers another layer's 500 only: a 503 would be answered as a 500.
#[derive(Debug, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case")]
enum ApiFailure {
    #[api_error(status = 400, message = "request refused", catch = "status")]
    Refused {
        #[api_error(status)]
        status: u16,
    },
    #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
    Internal,
}

fn main() {}
