use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum FormError {
    #[api_error(status = 422, code = 5000, validate)]
    Invalid,
    #[api_error(status = 400, code = 5003, validate)]
    Malformed,
}

fn main() {}
