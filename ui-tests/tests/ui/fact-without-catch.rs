use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 400, code = 9002)]
    NotReadable {
        #[api_error(expose, fact = "pointer")]
        subject: String,
    },
}

fn main() {}
