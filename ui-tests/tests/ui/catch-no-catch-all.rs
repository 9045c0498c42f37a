use error_contract::ApiError;

// Numeric codes: the suggested variants leave the code to choose.
#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
enum ShopError {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(status = 404, code = 9004, message = "no such route", catch = "unknown_route")]
    NoRoute,
    #[api_error(status = 408, code = 9008, message = "request timeout", catch = "status")]
    Timeout,
}

fn main() {}
