use error_contract::ApiError;

#[derive(Debug, serde::Serialize)]
struct Subject {
    name: String,
}

#[derive(Debug, ApiError)]
#[api_error(decode)]
enum ShopError {
    #[api_error(status = 400, code = 5000, message = "validation error")]
    Validation {
        #[api_error(expose)]
        subject: Subject,
    },
}

fn main() {}
