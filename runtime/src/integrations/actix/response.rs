//! `actix_web::ResponseError` for every derived type: the status and the response.
//!
//! actix-web 4 uses `http` 0.2, so statuses and headers go through their numbers and bytes;
//! [`Status`](crate::Status) stays independent of either version.

use crate::ApiError;
use crate::integrations::ContractResponse;
use ::actix_web::HttpResponse;
use ::actix_web::body::BoxBody;
use ::actix_web::http::StatusCode;
use ::actix_web::http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use std::borrow::Cow;
use std::error::Error;

/// The status of `error` as actix-web's `StatusCode`.
///
/// What the derived `ResponseError::status_code` returns.
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "dto")]
/// enum ShopError {
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
/// }
///
/// let status = error_contract::actix::status_code(&ShopError::NotFound);
/// assert_eq!(status, actix_web::http::StatusCode::NOT_FOUND);
/// ```
pub fn status_code<E: ApiError + ?Sized>(error: &E) -> StatusCode {
    // `Status` holds 100..=999, as `StatusCode` does, so the fallback is never taken.
    StatusCode::from_u16(error.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The response of `error`: its status, the `Content-Type` of its body, its headers, and its
/// body. A static body is sent from where it lies, a built one without another copy. With the
/// `tracing` feature a 5xx is logged first.
///
/// What the derived `ResponseError::error_response` returns. The response is marked (in its
/// extensions) as written by a contract error, so that
/// [`CatchMiddleware`](super::CatchMiddleware) leaves it as it is.
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "dto")]
/// enum ShopError {
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
/// }
///
/// let response = error_contract::actix::error_response(&ShopError::NotFound);
/// assert_eq!(response.status().as_u16(), 404);
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
/// ```
pub fn error_response<E: ApiError + Error + ?Sized>(error: &E) -> HttpResponse<BoxBody> {
    #[cfg(feature = "tracing")]
    crate::integrations::tracing::server_error(error);
    unlogged(error)
}

/// [`error_response`] without the log: for a response whose cause is logged otherwise (a panic).
pub(super) fn unlogged<E: ApiError + ?Sized>(error: &E) -> HttpResponse<BoxBody> {
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
    for (name, value) in error.headers().into_values() {
        let value = match value {
            // `from_static` takes what `http` calls visible (and tab) without copying, and
            // panics on anything else: anything else goes through the checked constructor.
            Cow::Borrowed(value) if value.bytes().all(|b| b == b'\t' || (32..127).contains(&b)) => {
                Ok(HeaderValue::from_static(value))
            }
            Cow::Borrowed(value) => HeaderValue::from_str(value),
            Cow::Owned(value) => HeaderValue::try_from(value),
        };
        if let (Ok(name), Ok(value)) = (HeaderName::from_bytes(name.as_bytes()), value) {
            headers.append(name, value);
        }
    }
    if crate::integrations::catching() {
        response.extensions_mut().insert(ContractResponse);
    }
    response
}

/// Whether `response` was written by a contract error.
pub(super) fn is_contract(response: &HttpResponse<impl Sized>) -> bool {
    response.extensions().contains::<ContractResponse>()
}
