use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 500, code = 5000, message = "storage failed")]
    Storage(#[from] std::io::Error),
    #[api_error(status = 502, code = 5002, message = "upstream failed")]
    Upstream(#[from] std::io::Error),
}

fn main() {}
