use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "nested")]
enum DriveError {
    #[api_error(status = 416, code = "invalidRange", message = "The range is not valid.")]
    InvalidRange {
        #[api_error(message, expose)]
        detail: String,
    },
}

fn main() {}
