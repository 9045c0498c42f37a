use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
enum AppError {
    #[api_error(status = 404, code = "not_found")]
    NotFound,
}

fn main() {}
