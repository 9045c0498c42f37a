//! The typed call for `reqwest::blocking` (feature `reqwest-blocking`): as
//! [`decode::reqwest`](super), without `async`.
//!
//! ```no_run
//! use error_contract::decode::{ClientError, reqwest::blocking::send};
//! use error_contract::{ApiError, Unknown};
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(rename_all = "snake_case", decode)]
//! enum ShopError {
//!     #[api_error(status = 404, message = "product not found")]
//!     ProductNotFound,
//!     #[api_error(other)]
//!     Other(Unknown),
//! }
//!
//! let client = reqwest::blocking::Client::new();
//! match send::<serde_json::Value, ShopError>(client.get("http://127.0.0.1:3000/products/7")) {
//!     Ok(product) => println!("{product}"),
//!     Err(ClientError::Api { error: ShopError::ProductNotFound, .. }) => println!("no such product"),
//!     Err(other) => eprintln!("{other}"),
//! }
//! ```

use super::super::Decode;
use super::super::client::{
    BodyLimits, ClientError, Collect, SuccessBody, TransportError, TransportKind, outcome,
};
use std::io::Read as _;

/// Reads a response: the status first, then at most [`BodyLimits::default`] of the body.
///
/// # Errors
///
/// Every case of [`ClientError`].
///
/// See the [module](self) for an example.
pub fn read<T: SuccessBody, E: Decode>(
    response: ::reqwest::blocking::Response,
) -> Result<T, ClientError<E>> {
    read_limited(response, BodyLimits::default())
}

/// [`read`] with other limits.
///
/// # Errors
///
/// Every case of [`ClientError`].
///
/// ```no_run
/// # use error_contract::{ApiError, Unknown};
/// # #[derive(Debug, ApiError)]
/// # #[api_error(decode)]
/// # enum E { #[api_error(other)] Other(Unknown) }
/// use error_contract::decode::{BodyLimits, reqwest::blocking::read_limited};
///
/// let response = reqwest::blocking::get("http://127.0.0.1:3000/products").unwrap();
/// let limits = BodyLimits { success: 1024, ..BodyLimits::default() };
/// let ids = read_limited::<Vec<u64>, E>(response, limits);
/// ```
pub fn read_limited<T: SuccessBody, E: Decode>(
    mut response: ::reqwest::blocking::Response,
    limits: BodyLimits,
) -> Result<T, ClientError<E>> {
    let status = response.status().as_u16();
    let headers = if status >= 400 {
        response.headers().clone()
    } else {
        ::reqwest::header::HeaderMap::new()
    };
    let mut body = Collect::new(limits.for_status(status), response.content_length());
    let mut buf = [0u8; 8 * 1024];
    let read = loop {
        if !body.wants_more() {
            break Ok(body);
        }
        match response.read(&mut buf) {
            Ok(0) => break Ok(body),
            Ok(n) => body.push(&buf[..n]),
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => break Err(io_error(error)),
        }
    };
    outcome(status, &headers, read)
}

/// Sends a request and reads its response, as [`read`].
///
/// # Errors
///
/// Every case of [`ClientError`].
///
/// See the [module](self) for an example.
pub fn send<T: SuccessBody, E: Decode>(
    request: ::reqwest::blocking::RequestBuilder,
) -> Result<T, ClientError<E>> {
    read(request.send()?)
}

/// A read error of a blocking body: a timeout when `reqwest`'s error inside says so, else the
/// body broke off.
fn io_error(error: std::io::Error) -> TransportError {
    match error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<::reqwest::Error>())
    {
        Some(inner) if inner.is_timeout() => TransportError::new(TransportKind::Timeout, error),
        _ => TransportError::body(error),
    }
}
