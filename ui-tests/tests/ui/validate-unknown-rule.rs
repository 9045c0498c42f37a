use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum FormError {
    #[api_error(status = 422, code = 5001, validate = "lenght")]
    TooShort,
    #[api_error(status = 422, code = 5000, validate)]
    Invalid,
}

fn main() {}
