use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 400, code = 9002, catch = "json_data")]
    NotReadable {
        #[api_error(expose, fact = "pointr")]
        subject: String,
        #[api_error(expose, fact = "field")]
        field: String,
    },
}

fn main() {}
