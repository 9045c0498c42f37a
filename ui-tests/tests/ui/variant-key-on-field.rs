use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 422, code = 3002)]
    Invalid {
        #[api_error(expose, title = "the field at fault")]
        field: String,
    },
}

fn main() {}
