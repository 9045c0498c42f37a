use error_contract::{ApiError, Unknown};

#[derive(Debug, ApiError)]
#[api_error(style = "nested", decode)]
enum Inner {
    #[api_error(status = 404, code = "itemNotFound", message = "The item was not found.")]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(style = "nested", decode)]
enum DriveError {
    #[api_error(transparent)]
    Inner(#[api_error(message)] Inner),
    #[api_error(other)]
    Other(#[api_error(message)] Unknown),
}

fn main() {}
