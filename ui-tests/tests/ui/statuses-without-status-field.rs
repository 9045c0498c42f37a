use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 500, statuses(502, 503, 504))]
    Internal,
}

fn main() {}
