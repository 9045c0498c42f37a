use error_contract::{ApiError, Unknown};
use std::fmt;

#[derive(Debug)]
struct Reason(&'static str);

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[derive(Debug, ApiError)]
#[api_error(style = "nested", decode)]
enum DriveError {
    #[api_error(status = 416, code = "invalidRange", message = "The range is not valid.")]
    InvalidRange {
        #[api_error(message)]
        reason: Reason,
    },
    #[api_error(other)]
    Other(Unknown),
}

fn main() {}
