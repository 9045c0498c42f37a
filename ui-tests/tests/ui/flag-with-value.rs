use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 422, code = 3002)]
    Invalid {
        #[api_error(expose = true)]
        field: String,
    },
}

fn main() {}
