//! The typed call for any `http` 1 response whose body is an `http_body::Body` of bytes
//! (feature `http`): hyper's `Incoming`, a tower client's body, `String`, ...
//!
//! ```
//! use error_contract::decode::{ClientError, http::read};
//! use error_contract::{ApiError, Unknown};
//!
//! #[derive(Debug, PartialEq, ApiError)]
//! #[api_error(style = "flat", rename_all = "snake_case", decode)]
//! enum ShopError {
//!     #[api_error(status = 404, message = "product not found")]
//!     ProductNotFound,
//!     #[api_error(other)]
//!     Other(Unknown),
//! }
//!
//! # fn block_on<F: std::future::Future>(future: F) -> F::Output {
//! #     let mut future = std::pin::pin!(future);
//! #     let waker = std::task::Waker::noop();
//! #     let mut cx = std::task::Context::from_waker(&waker);
//! #     loop {
//! #         if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut cx) { return out; }
//! #     }
//! # }
//! let response = http::Response::builder()
//!     .status(404)
//!     .body(String::from(r#"{"code":"product_not_found","message":"product not found"}"#))
//!     .unwrap();
//! let result = block_on(read::<Vec<u64>, ShopError, _>(response));
//! assert!(matches!(result, Err(ClientError::Api { error: ShopError::ProductNotFound, .. })));
//!
//! let response = http::Response::new(String::from("[1,2,3]"));
//! assert_eq!(block_on(read::<Vec<u64>, ShopError, _>(response)).unwrap(), [1, 2, 3]);
//! ```

use super::Decode;
use super::client::{BodyLimits, ClientError, Collect, SuccessBody, TransportError, outcome};
use bytes::Buf as _;
use http_body::Body;
use std::error::Error;

/// Reads a response: the status first, then at most [`BodyLimits::default`] of the body, into
/// a `T` (a success) or an `E` (an error, its header fields read from the headers). A body error
/// is a [`ClientError::Transport`] of kind `Body` (`Timeout` when an `io::Error` in its chain
/// timed out).
///
/// # Errors
///
/// Every case of [`ClientError`].
///
/// See the [module](self) for an example.
pub async fn read<T, E, B>(response: ::http::Response<B>) -> Result<T, ClientError<E>>
where
    T: SuccessBody,
    E: Decode,
    B: Body,
    B::Error: Into<Box<dyn Error + Send + Sync>>,
{
    read_limited(response, BodyLimits::default()).await
}

/// [`read`] with other limits.
///
/// # Errors
///
/// Every case of [`ClientError`].
///
/// ```
/// # use error_contract::{ApiError, Unknown};
/// # #[derive(Debug, ApiError)]
/// # #[api_error(decode)]
/// # enum E { #[api_error(other)] Other(Unknown) }
/// # fn block_on<F: std::future::Future>(future: F) -> F::Output {
/// #     let mut future = std::pin::pin!(future);
/// #     let waker = std::task::Waker::noop();
/// #     let mut cx = std::task::Context::from_waker(&waker);
/// #     loop {
/// #         if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut cx) { return out; }
/// #     }
/// # }
/// use error_contract::decode::{BodyLimits, ClientError, http::read_limited};
///
/// let limits = BodyLimits { success: 4, ..BodyLimits::default() };
/// let response = http::Response::new(String::from("[1,2,3]"));
/// let result = block_on(read_limited::<Vec<u64>, E, _>(response, limits));
/// let Err(ClientError::TooLarge(too_large)) = result else { panic!() };
/// assert_eq!(too_large.limit(), 4);
/// ```
pub async fn read_limited<T, E, B>(
    response: ::http::Response<B>,
    limits: BodyLimits,
) -> Result<T, ClientError<E>>
where
    T: SuccessBody,
    E: Decode,
    B: Body,
    B::Error: Into<Box<dyn Error + Send + Sync>>,
{
    let (parts, body) = response.into_parts();
    let status = parts.status.as_u16();
    let announced = body.size_hint().exact().or_else(|| {
        parts
            .headers
            .get(::http::header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok()?.parse().ok())
    });
    let mut collect = Collect::new(limits.for_status(status), announced);
    let mut body = std::pin::pin!(body);
    let read = async {
        while collect.wants_more() {
            match std::future::poll_fn(|cx| body.as_mut().poll_frame(cx)).await {
                None => break,
                Some(Ok(frame)) => {
                    if let Ok(mut data) = frame.into_data() {
                        while data.has_remaining() {
                            let chunk = data.chunk();
                            let n = chunk.len();
                            collect.push(chunk);
                            data.advance(n);
                        }
                    }
                }
                Some(Err(error)) => return Err(TransportError::body(error)),
            }
        }
        Ok(collect)
    };
    let collected = read.await;
    outcome(status, &parts.headers, collected)
}
