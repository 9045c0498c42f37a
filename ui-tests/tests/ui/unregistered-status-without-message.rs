use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 499, code = 3005)]
    ClientClosed,
}

fn main() {}
