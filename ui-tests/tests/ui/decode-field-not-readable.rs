use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(decode)]
enum ShopError {
    #[api_error(status = 400, code = 5000, message = "invalid {field}")]
    Invalid {
        field: String,
        #[source]
        cause: std::io::Error,
    },
}

fn main() {}
