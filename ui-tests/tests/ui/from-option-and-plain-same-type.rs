use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum StoreError {
    #[api_error(status = 503, code = 1, message = "store unavailable")]
    Unavailable(#[from] Option<std::io::Error>),
    #[api_error(status = 500, code = 2, message = "store failed")]
    Failed(#[from] std::io::Error),
}

fn main() {}
