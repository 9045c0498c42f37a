use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 400, code = 9003, catch = "invalid_path")]
    InvalidPath {
        #[api_error(expose, fact = "parameter")]
        parameter: u32,
    },
}

fn main() {}
