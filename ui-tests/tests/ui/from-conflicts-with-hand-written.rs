use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 500, code = 1, message = "storage failed")]
    Storage(#[from] std::io::Error),
}

impl From<std::io::Error> for AppError {
    fn from(error: std::io::Error) -> Self {
        AppError::Storage(error)
    }
}

fn main() {}
