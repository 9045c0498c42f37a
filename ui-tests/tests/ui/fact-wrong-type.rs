use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 400, code = 9003, catch = "invalid_path")]
    InvalidPath {
        #[api_error(expose, fact = "parameter")]
        parameter: u32,
    },
    #[api_error(status = 400, code = 9000, catch = "status")]
    Refused {
        #[api_error(status)]
        status: u16,
    },
    #[api_error(status = 500, code = 9001, catch("panic", "status"))]
    Internal {
        #[api_error(status)]
        status: u16,
    },
}

fn main() {}
