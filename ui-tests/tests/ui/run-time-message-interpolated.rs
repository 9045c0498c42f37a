use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "nested")]
enum DriveError {
    #[api_error(status = 416, code = "invalidRange", message = "Bad range at {offset}.")]
    InvalidRange {
        #[api_error(message)]
        detail: String,
        offset: u64,
    },
}

fn main() {}
