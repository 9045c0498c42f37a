use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(rename_all = "snake_case")]
enum ApiFailure {
    #[api_error(status = 400, catch = "status")]
    Refused {
        #[api_error(status)]
        status: u16,
    },
    #[api_error(status = 429, catch = "status")]
    Throttled {
        #[api_error(status)]
        status: u16,
    },
    #[api_error(status = 500, catch("panic", "status"))]
    Internal {
        #[api_error(status)]
        status: u16,
    },
}

fn main() {}
