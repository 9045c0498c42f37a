//! Feature `http`: conversions between this crate's types and those of `http` 1.

use crate::{Headers, Status};
use ::bytes::Bytes;
use ::http::StatusCode;
use ::http::header::{HeaderMap, HeaderName, HeaderValue};
use std::borrow::Cow;

/// `Status` holds the three-digit codes 100 to 999, as `StatusCode` does, so this never fails.
///
/// ```
/// use error_contract::{ApiError, Status};
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[api_error(status = 404)]
///     NotFound,
/// }
///
/// let status: http::StatusCode = E::NotFound.status().into();
/// assert_eq!(status, http::StatusCode::NOT_FOUND);
/// assert_eq!(http::StatusCode::from(Status::CONTENT_TOO_LARGE).as_u16(), 413);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl From<Status> for StatusCode {
    fn from(status: Status) -> StatusCode {
        // Both types hold exactly 100..=999, so the fallback is never taken.
        StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// Every `StatusCode` is a `Status` (both hold 100 to 999).
///
/// ```
/// use error_contract::Status;
///
/// assert_eq!(Status::from(http::StatusCode::TOO_MANY_REQUESTS), Status::TOO_MANY_REQUESTS);
/// assert_eq!(Status::from(http::StatusCode::OK).as_u16(), 200);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl From<StatusCode> for Status {
    fn from(status: StatusCode) -> Status {
        // Both types hold exactly 100..=999, so the fallback is never taken.
        Status::new(status.as_u16()).unwrap_or(Status::INTERNAL_SERVER_ERROR)
    }
}

/// Compares the numeric codes.
///
/// ```
/// use error_contract::Status;
///
/// assert_eq!(Status::NOT_FOUND, http::StatusCode::NOT_FOUND);
/// assert_ne!(Status::NOT_FOUND, http::StatusCode::GONE);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl PartialEq<StatusCode> for Status {
    fn eq(&self, other: &StatusCode) -> bool {
        self.as_u16() == other.as_u16()
    }
}

/// Compares the numeric codes.
///
/// ```
/// use error_contract::Status;
///
/// assert_eq!(http::StatusCode::CONFLICT, Status::CONFLICT);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl PartialEq<Status> for StatusCode {
    fn eq(&self, other: &Status) -> bool {
        self.as_u16() == other.as_u16()
    }
}

/// The headers in order, names lowercased as `http` stores them. A pair that `http` would not
/// accept (a name built by hand that is not a valid header name) is left out; values are
/// already free of control characters.
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum LimitError {
///     #[api_error(status = 429, code = "rate_limited", message = "slow down")]
///     RateLimited {
///         #[api_error(header = "Retry-After")]
///         retry_after: u32,
///     },
/// }
///
/// let map = http::HeaderMap::from(LimitError::RateLimited { retry_after: 30 }.headers());
/// assert_eq!(map.len(), 1);
/// assert_eq!(map["retry-after"], "30");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl From<Headers> for HeaderMap {
    fn from(headers: Headers) -> HeaderMap {
        let mut map = HeaderMap::with_capacity(headers.len());
        append(&mut map, headers);
        map
    }
}

/// Appends `headers` to `map`, leaving out any pair `http` would not accept. A fixed value is
/// sent from where it lies (`Bytes::from_static`), a built one without another copy.
pub(crate) fn append(map: &mut HeaderMap, headers: Headers) {
    for (name, value) in headers.into_values() {
        let value = match value {
            Cow::Borrowed(value) => {
                HeaderValue::from_maybe_shared(Bytes::from_static(value.as_bytes()))
            }
            Cow::Owned(value) => HeaderValue::try_from(value),
        };
        if let (Ok(name), Ok(value)) = (HeaderName::from_bytes(name.as_bytes()), value) {
            map.append(name, value);
        }
    }
}
