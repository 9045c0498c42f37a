use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum FormError {
    #[api_error(status = 422, code = 5001, validate("length", "range"))]
    OutOfBounds,
    #[api_error(status = 422, code = 5002, validate = "email")]
    NotAnEmail,
}

fn main() {}
