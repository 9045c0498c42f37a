use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "nested")]
enum AppError {
    #[api_error(status = 404, code = 3001, title = "Entity Not Found")]
    NotFound,
}

fn main() {}
