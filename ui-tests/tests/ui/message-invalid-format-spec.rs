use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 422, code = 3002, message = "invalid {subject:Q}")]
    Invalid { subject: String },
}

fn main() {}
