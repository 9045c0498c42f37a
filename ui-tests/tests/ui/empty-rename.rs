use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 400, code = 5000, message = "validation error")]
    Validation {
        #[api_error(expose, rename = "")]
        subject: String,
    },
}

fn main() {}
