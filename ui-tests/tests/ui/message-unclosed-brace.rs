use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 400, code = 3004, message = "expected a JSON object {")]
    BadJson,
}

fn main() {}
