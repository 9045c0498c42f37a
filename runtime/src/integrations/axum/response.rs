//! The response of an error: what the derived `IntoResponse` calls, and what the layer calls
//! when it must not log (a panic has its own event).

use crate::ApiError;
use crate::integrations::ContractResponse;
use ::axum_core::body::Body;
use ::axum_core::response::Response;
use ::bytes::Bytes;
use ::http::header::{CONNECTION, CONTENT_TYPE, HeaderValue};
use std::borrow::Cow;
use std::error::Error;

/// The response of `error`: its status, the `Content-Type` of its body, its headers, and its
/// body. A static body is sent from where it lies (`Bytes::from_static`), a built one without
/// another copy. With the `tracing` feature a 5xx is logged first.
///
/// This is what the derived `IntoResponse` calls (through `__private::hooks`); the module is
/// private, so it is not public API.
pub fn into_response<E: ApiError + Error + ?Sized>(error: &E) -> Response {
    #[cfg(feature = "tracing")]
    crate::integrations::tracing::server_error(error);
    response(error)
}

/// [`into_response`] without the log: for a panic, which is logged as such instead.
///
/// Once a `CatchLayer` exists, the response carries the [`ContractResponse`] marker in its
/// extensions, so that the layer knows it is already in the contract and leaves it alone.
pub(crate) fn response<E: ApiError + ?Sized>(error: &E) -> Response {
    let body = error.body();
    let content_type = body.content_type();
    let bytes = match body.into_cow() {
        Cow::Borrowed(json) => Bytes::from_static(json.as_bytes()),
        Cow::Owned(json) => Bytes::from(json),
    };
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = error.status().into();
    let headers = response.headers_mut();
    // A custom style's content type is the user's constant: checked, never trusted to be valid.
    if let Ok(value) = HeaderValue::from_maybe_shared(Bytes::from_static(content_type.as_bytes())) {
        headers.insert(CONTENT_TYPE, value);
    }
    crate::integrations::http::append(headers, error.headers());
    if matches!(error.status().as_u16(), 413 | 415) {
        // The request's body was not read (not JSON, or over the limit): hyper closes the
        // connection after answering, and a client must know not to send its next request on it.
        headers.insert(CONNECTION, HeaderValue::from_static("close"));
    }
    if crate::integrations::catching() {
        response.extensions_mut().insert(ContractResponse);
    }
    response
}
