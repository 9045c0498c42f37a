//! Feature `actix-web`: actix-web 4 answers its own failures through your enum.
//!
//! - Every derived type is an `actix_web::ResponseError` (no attribute to add): a handler
//!   returns `Result<_, YourError>`. [`error_response`] and [`status_code`] are what its methods
//!   return.
//! - [`Json`], [`Path`] and [`Query`] are actix-web's extractors with your enum as their error:
//!   a body that is not JSON, a path parameter or a query that does not parse is answered by
//!   the variant that claims it with `catch`, with the JSON Pointer or the parameter's name as
//!   a detail and none of serde's or actix-web's text.

mod extract;
mod response;

/// Marks a request (in its extensions) whose body an extractor left unread, or read only in
/// part: a body over the limit, or with a `Content-Type` that is not JSON. actix-http closes
/// such a connection once the response is sent.
#[derive(Clone, Copy, Debug)]
struct BodyUnread;

pub use extract::{Json, JsonFuture, Path, Query};
pub use response::{error_response, status_code};
