use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 500, statuses = 503)]
    Internal {
        #[api_error(status)]
        status: u16,
    },
}

fn main() {}
