//! Feature `axum`: `axum_core::response::IntoResponse` for every derived type.

use crate::ApiError;
use ::axum_core::body::Body;
use ::axum_core::response::Response;
use ::bytes::Bytes;
use ::http::header::{CONTENT_TYPE, HeaderValue};
use std::borrow::Cow;
use std::error::Error;

/// The response of `error`: its status, the `Content-Type` of its body, its headers, and its
/// body. A static body is sent from where it lies (`Bytes::from_static`), a built one without
/// another copy. With the `tracing` feature a 5xx is logged first.
pub fn into_response<E: ApiError + Error + ?Sized>(error: &E) -> Response {
    #[cfg(feature = "tracing")]
    super::tracing::server_error(error);
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
    super::http::append(headers, error.headers());
    response
}
