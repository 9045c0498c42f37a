use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 400, code = 9002, catch("json_syntax", "json_data"))]
    NotReadable,
    #[api_error(status = 422, code = 5000, catch = "json_data")]
    Validation,
}

fn main() {}
