//! The typed call for `reqwest` (feature `reqwest`): a response becomes
//! `Result<T, ClientError<E>>`, its status checked before any of its body is read.
//!
//! ```no_run
//! use error_contract::decode::{ClientError, reqwest::send};
//! use error_contract::{ApiError, RetryAfter, Unknown};
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(rename_all = "snake_case", decode)]
//! enum ShopError {
//!     #[api_error(status = 404, message = "product not found")]
//!     ProductNotFound,
//!     #[api_error(status = 429, message = "too many checkouts")]
//!     RateLimited {
//!         #[api_error(header = "Retry-After")]
//!         retry_after: RetryAfter,
//!     },
//!     #[api_error(other)]
//!     Other(Unknown),
//! }
//!
//! #[derive(Debug, serde::Deserialize)]
//! struct Product {
//!     id: u64,
//!     name: String,
//! }
//!
//! # async fn run() {
//! let client = reqwest::Client::new();
//! match send::<Product, ShopError>(client.get("http://127.0.0.1:3000/products/1")).await {
//!     Ok(product) => println!("{} is {}", product.id, product.name),
//!     Err(ClientError::Api { error: ShopError::RateLimited { retry_after }, .. }) => {
//!         println!("try again in {:?}", retry_after.delay());
//!     }
//!     Err(other) => eprintln!("{other}"),
//! }
//! # }
//! ```

use super::client::{
    BodyLimits, ClientError, Collect, DEFAULT_BODY_LIMIT, SuccessBody, TransportError,
    TransportKind, outcome,
};
use super::{Decode, DecodeError};

#[cfg(feature = "reqwest-blocking")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest-blocking")))]
pub mod blocking;

/// Reads a response: the status first, then at most [`BodyLimits::default`] of the body, into
/// a `T` (a success) or an `E` (an error, its header fields read from the headers).
///
/// # Errors
///
/// Every case of [`ClientError`].
///
/// See the [module](self) for an example.
pub fn read<T: SuccessBody + Send + 'static, E: Decode + Send + 'static>(
    response: ::reqwest::Response,
) -> Call<Result<T, ClientError<E>>> {
    Call::new(read_from(response, BodyLimits::default()))
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
/// use error_contract::decode::{BodyLimits, reqwest::read_limited};
///
/// # async fn run(response: reqwest::Response) {
/// let limits = BodyLimits { success: 1024, ..BodyLimits::default() };
/// let ids = read_limited::<Vec<u64>, E>(response, limits).await;
/// # }
/// ```
pub fn read_limited<T: SuccessBody + Send + 'static, E: Decode + Send + 'static>(
    response: ::reqwest::Response,
    limits: BodyLimits,
) -> Call<Result<T, ClientError<E>>> {
    Call::new(read_from(response, limits))
}

/// What [`read_limited`] does.
async fn read_from<T: SuccessBody, E: Decode>(
    mut response: ::reqwest::Response,
    limits: BodyLimits,
) -> Result<T, ClientError<E>> {
    let status = response.status().as_u16();
    let headers = if status >= 400 {
        response.headers().clone()
    } else {
        ::reqwest::header::HeaderMap::new()
    };
    let mut body = Collect::new(limits.for_status(status), response.content_length());
    let read = async {
        while body.wants_more() {
            match response.chunk().await {
                Ok(Some(chunk)) => body.push(&chunk),
                Ok(None) => break,
                Err(error) => return Err(TransportError::from(error)),
            }
        }
        Ok(body)
    };
    let body = read.await;
    outcome(status, &headers, body)
}

/// Sends a request and reads its response, as [`read`]: a request that gets no response is a
/// [`ClientError::Transport`] too.
///
/// # Errors
///
/// Every case of [`ClientError`].
///
/// See the [module](self) for an example.
pub fn send<T: SuccessBody + Send + 'static, E: Decode + Send + 'static>(
    request: ::reqwest::RequestBuilder,
) -> Call<Result<T, ClientError<E>>> {
    Call::new(async move {
        let response = request.send().await?;
        read_from(response, BodyLimits::default()).await
    })
}

/// The future of a call of this module, `.await`ed for its result.
///
/// A box rather than an `async fn`'s own future: the bounds of the call are then checked once,
/// where it is called, and a type without `Decode` is one compile error there (an `async fn`
/// is checked again where its future is named and awaited).
///
/// ```no_run
/// use error_contract::decode::{ClientError, reqwest::{Call, send}};
/// # use error_contract::{ApiError, Unknown};
/// # #[derive(Debug, ApiError)]
/// # #[api_error(decode)]
/// # enum E { #[api_error(other)] Other(Unknown) }
///
/// # async fn run(client: reqwest::Client) {
/// let call: Call<Result<Vec<u64>, ClientError<E>>> = send(client.get("http://127.0.0.1:3000/ids"));
/// let ids = call.await;
/// # }
/// ```
pub struct Call<O>(core::pin::Pin<Box<dyn Future<Output = O> + Send>>);

impl<O> Call<O> {
    fn new(future: impl Future<Output = O> + Send + 'static) -> Call<O> {
        Call(Box::pin(future))
    }
}

impl<O> Future for Call<O> {
    type Output = O;

    fn poll(
        mut self: core::pin::Pin<&mut Self>,
        cx: &mut core::task::Context<'_>,
    ) -> core::task::Poll<O> {
        self.0.as_mut().poll(cx)
    }
}

impl<O> core::fmt::Debug for Call<O> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Call").finish_non_exhaustive()
    }
}

/// The kind of a `reqwest` failure: connect, timeout, body, or other.
///
/// ```
/// use error_contract::decode::{TransportError, TransportKind};
///
/// // A URL that does not parse fails before any connection.
/// let err = reqwest::Client::new().get("not a url").build().unwrap_err();
/// assert_eq!(TransportError::from(err).kind(), TransportKind::Other);
/// ```
impl From<::reqwest::Error> for TransportError {
    fn from(error: ::reqwest::Error) -> TransportError {
        let kind = if error.is_connect() {
            TransportKind::Connect
        } else if error.is_timeout() {
            TransportKind::Timeout
        } else if error.is_body() || error.is_decode() {
            TransportKind::Body
        } else {
            TransportKind::Other
        };
        TransportError::new(kind, error)
    }
}

/// `?` on `reqwest`'s own calls, in a function that returns the typed call's error.
///
/// ```no_run
/// use error_contract::decode::{ClientError, reqwest::read};
/// # use error_contract::{ApiError, Unknown};
/// # #[derive(Debug, ApiError)]
/// # #[api_error(decode)]
/// # enum ShopError { #[api_error(other)] Other(Unknown) }
///
/// async fn product_names() -> Result<Vec<String>, ClientError<ShopError>> {
///     let response = reqwest::get("http://127.0.0.1:3000/products").await?;
///     read(response).await
/// }
/// ```
impl<E> From<::reqwest::Error> for ClientError<E> {
    fn from(error: ::reqwest::Error) -> ClientError<E> {
        ClientError::Transport(error.into())
    }
}

/// Decodes a `reqwest` response: the status first (a success is [`DecodeError::NotAnError`]
/// without reading the body), then at most [`DEFAULT_BODY_LIMIT`] bytes of body, with its
/// headers. To read the success body too, and tell a network failure apart, use the typed call
/// [`read`].
///
/// A body over the limit, or one that fails to arrive, is not read further: the response is
/// decoded by its status alone (a status-only [`Unknown`](super::Unknown), or the `other`
/// variant).
///
/// # Errors
///
/// As [`Decode::decode`].
///
/// ```no_run
/// use error_contract::{ApiError, Decode, DecodeError, Unknown};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "nested", rename_all = "snake_case", decode)]
/// enum Certifier {
///     #[api_error(status = 404)]
///     NotFound,
///     #[api_error(other)]
///     Other(Unknown),
/// }
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let response = reqwest::get("http://127.0.0.1:3000/orders/7").await?;
/// match error_contract::decode::from_response::<Certifier>(response).await {
///     Err(DecodeError::NotAnError(_)) => { /* read the success body */ }
///     Ok(Certifier::NotFound) => { /* ... */ }
///     Ok(Certifier::Other(unknown)) => eprintln!("{}: {}", unknown.status(), unknown.message()),
///     Err(other) => return Err(other.into()),
/// }
/// # Ok(())
/// # }
/// ```
pub fn from_response<E: Decode + Send + 'static>(
    response: ::reqwest::Response,
) -> Call<Result<E, DecodeError>> {
    Call::new(decode_response(response, DEFAULT_BODY_LIMIT))
}

/// [`from_response`] with another body limit, in bytes.
///
/// # Errors
///
/// As [`Decode::decode`].
///
/// ```no_run
/// # use error_contract::{ApiError, Decode, Unknown};
/// # #[derive(Debug, ApiError)]
/// # #[api_error(decode)]
/// # enum E { #[api_error(other)] Other(Unknown) }
/// # async fn run(response: reqwest::Response) {
/// let decoded = error_contract::decode::from_response_limited::<E>(response, 4096).await;
/// # }
/// ```
pub fn from_response_limited<E: Decode + Send + 'static>(
    response: ::reqwest::Response,
    limit: usize,
) -> Call<Result<E, DecodeError>> {
    Call::new(decode_response(response, limit))
}

/// What [`from_response_limited`] does.
async fn decode_response<E: Decode>(
    mut response: ::reqwest::Response,
    limit: usize,
) -> Result<E, DecodeError> {
    let status = response.status().as_u16();
    if status < 400 {
        return Err(DecodeError::NotAnError(status));
    }
    let announced = response
        .content_length()
        .and_then(|n| usize::try_from(n).ok());
    let mut body = Vec::new();
    if announced.is_none_or(|n| n <= limit) {
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) if body.len() + chunk.len() <= limit => {
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                // Over the limit, or the body failed to arrive: decode by the status alone.
                Ok(Some(_)) | Err(_) => {
                    body.clear();
                    break;
                }
            }
        }
    }
    E::decode_with_headers(status, response.headers(), &body)
}
