use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "nested")]
enum DriveError {
    #[api_error(status = 416, code = "invalidRange")]
    InvalidRange {
        #[api_error(message = "The range is not valid.")]
        detail: String,
    },
}

fn main() {}
