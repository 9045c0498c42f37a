use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 500, code = 9001, catch = "panic")]
    Internal {
        #[source]
        #[api_error(fact = "path")]
        cause: std::io::Error,
    },
}

fn main() {}
