use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 502, code = 5002)]
    Upstream {
        #[api_error(status)]
        status: String,
    },
}

fn main() {}
