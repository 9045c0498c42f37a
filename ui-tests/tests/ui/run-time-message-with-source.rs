use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "nested")]
enum DriveError {
    #[api_error(status = 500, code = "storage", message = "Storage failed.")]
    Storage {
        #[source]
        #[api_error(message)]
        cause: std::io::Error,
    },
    #[api_error(status = 500, code = "format", message = "Bad format.")]
    Format(#[from] #[api_error(message)] std::fmt::Error),
}

fn main() {}
