//! Feature `actix-web`: actix-web 4 answers its own failures through your enum.
//!
//! Every derived type is an `actix_web::ResponseError` (no attribute to add): a handler returns
//! `Result<_, YourError>`. [`error_response`] and [`status_code`] are what its methods return.

mod response;

pub use response::{error_response, status_code};
