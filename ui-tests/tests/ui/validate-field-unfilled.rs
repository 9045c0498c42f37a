use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum FormError {
    #[api_error(status = 422, code = 5000, validate)]
    Invalid {
        #[api_error(expose, fact = "pointer")]
        pointer: String,
        #[api_error(expose)]
        hint: String,
    },
}

fn main() {}
