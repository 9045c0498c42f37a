use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "flat", constants(code = "E1"))]
enum AppError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
}

fn main() {}
