use error_contract::ApiError;

// 503 is listed by `Upstream` and declared by `Maintenance`, both with `catch = "status"`.
#[derive(Debug, ApiError)]
#[api_error(rename_all = "snake_case")]
enum ApiFailure {
    #[api_error(status = 400, catch = "status")]
    Refused {
        #[api_error(status)]
        status: u16,
    },
    #[api_error(status = 503, catch = "status")]
    Maintenance,
    #[api_error(status = 502, statuses(503, 504), catch = "status")]
    Upstream {
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
