use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum Inner {
    #[api_error(status = 422, code = 5000)]
    Invalid,
}

#[derive(Debug, ApiError)]
enum FormError {
    #[api_error(transparent, validate)]
    Inner(Inner),
}

fn main() {}
