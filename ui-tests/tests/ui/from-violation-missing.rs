use error_contract::{ApiError, FromViolation};

#[derive(Debug, ApiError)]
enum FormError {
    #[api_error(status = 422, code = 5000)]
    Invalid,
}

fn answer_violations<E: FromViolation>() {}

fn main() {
    answer_violations::<FormError>();
}
