//! Feature `actix-web`: `actix_web::ResponseError` for every derived type.
//!
//! actix-web 4 uses `http` 0.2, so statuses and headers go through their numbers and bytes;
//! [`Status`](crate::Status) stays independent of either version.

use crate::ApiError;
use ::actix_web::HttpResponse;
use ::actix_web::body::BoxBody;
use ::actix_web::http::StatusCode;
use ::actix_web::http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use std::borrow::Cow;
use std::error::Error;

/// The status of `error` as actix-web's `StatusCode`.
pub fn status_code<E: ApiError + ?Sized>(error: &E) -> StatusCode {
    // `Status` holds 100..=999, as `StatusCode` does, so the fallback is never taken.
    StatusCode::from_u16(error.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The response of `error`: its status, the `Content-Type` of its body, its headers, and its
/// body. A static body is sent from where it lies, a built one without another copy. With the
/// `tracing` feature a 5xx is logged first.
pub fn error_response<E: ApiError + Error + ?Sized>(error: &E) -> HttpResponse<BoxBody> {
    #[cfg(feature = "tracing")]
    super::tracing::server_error(error);
    let body = error.body();
    let content_type = body.content_type();
    // `BoxBody::new` turns a `&'static str` into `Bytes::from_static` and a `String` into
    // `Bytes` without copying either.
    let body = match body.into_cow() {
        Cow::Borrowed(json) => BoxBody::new(json),
        Cow::Owned(json) => BoxBody::new(json),
    };
    let mut response = HttpResponse::with_body(status_code(error), body);
    let headers = response.headers_mut();
    // A custom style's content type is the user's constant: checked, never trusted to be valid.
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(CONTENT_TYPE, value);
    }
    for (name, value) in error.headers() {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::try_from(value),
        ) {
            headers.append(name, value);
        }
    }
    response
}
