use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 404, code = 9004, catch = unknown_route)]
    NoRoute,
    #[api_error(status = 500, code = 9001, catch("panic", 500))]
    Internal,
    #[api_error(status = 405, code = 9005, catch)]
    MethodNotAllowed,
}

fn main() {}
