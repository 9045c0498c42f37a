use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "nested")]
enum DriveError {
    #[api_error(status = 503, code = "unavailable", message = "Try again later.")]
    Unavailable {
        #[api_error(message, status)]
        status: u16,
    },
}

fn main() {}
