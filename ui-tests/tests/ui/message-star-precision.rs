use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 422, code = 3002, message = "value {value:.*} is too large")]
    TooLarge { value: f64 },
}

fn main() {}
