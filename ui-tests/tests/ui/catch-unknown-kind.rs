use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 404, code = 3001, catch = "unknown_rout")]
    NoRoute,
    #[api_error(status = 400, code = 3002, catch("json_syntax", "teapot"))]
    NotReadable,
}

fn main() {}
