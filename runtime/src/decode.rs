//! Client side: decode an error response (status, headers, body) back into the enum, and the
//! typed call that turns a response into `Result<T, ClientError<E>>`.
//!
//! | what you have | call |
//! | --- | --- |
//! | status and body | [`E::decode(status, body)`](Decode::decode) |
//! | status, headers and body | [`E::decode_with_headers(status, &headers, body)`](Decode::decode_with_headers) |
//! | a `reqwest::Response` (feature `reqwest`) | [`reqwest::read`], [`reqwest::send`] |
//! | a `reqwest::blocking::Response` (feature `reqwest-blocking`) | `reqwest::blocking::read`, `reqwest::blocking::send` |
//! | an `http::Response<B: http_body::Body>` (feature `http`): hyper, tower clients | [`http::read`] |

pub(crate) use crate::style::ReadCode;
use crate::style::{Names, Problem, Received};
use crate::{ApiError, Body, Catalog, Code, Parts, RetryAfter, Status, Style};
use core::fmt;
use serde_json::{Map, Value};
use std::borrow::Cow;

#[cfg(feature = "http")]
mod client;
pub(crate) mod decoder;
pub(crate) mod headers;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod http;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub mod reqwest;

#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub use client::{
    BodyLimits, ClientError, DEFAULT_BODY_LIMIT, DEFAULT_SUCCESS_LIMIT, InvalidBody, RawBody,
    SuccessBody, TooLarge, TransportError, TransportKind,
};
pub use headers::ResponseHeaders;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub use reqwest::{from_response, from_response_limited};

/// Decoding of error responses, derived with `#[api_error(decode)]`.
///
/// The order, as API error pages ask of clients: a status below 400 is not an error; then the
/// body's code is looked up (an exact match wins; a numeric code not listed falls back to the
/// longest decimal prefix that some variant names as its `parent`); then the
/// `#[api_error(other)]` variant, holding an [`Unknown`]; else [`DecodeError::Unrecognized`].
/// Any bytes at all give a value or an error, never a panic.
///
/// ```
/// use error_contract::{ApiError, Decode, DecodeError, Unknown};
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api_error(style = "dto", decode)]
/// enum ShopError {
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
///     #[api_error(status = 500, code = 2006, message = "entity saving error")]
///     Saving,
///     #[api_error(status = 400, code = 200601, parent = 2006, message = "not unique")]
///     NotUnique,
///     #[api_error(other)]
///     Other(Unknown),
/// }
///
/// let body = br#"{"errors":[{"errorCode":3001,"message":"entity not found"}]}"#;
/// assert_eq!(ShopError::decode(404, body), Ok(ShopError::NotFound));
///
/// // A sub-code this client does not know yet falls back to its parent.
/// let body = br#"{"errors":[{"errorCode":200699,"message":"new!"}]}"#;
/// assert_eq!(ShopError::decode(400, body), Ok(ShopError::Saving));
///
/// // A code nobody knows, or an HTML error page: the `other` variant.
/// let decoded = ShopError::decode(502, b"<html>Bad Gateway</html>").unwrap();
/// let ShopError::Other(unknown) = decoded else { panic!() };
/// assert_eq!(unknown.status().as_u16(), 502);
///
/// assert_eq!(ShopError::decode(200, b"{}"), Err(DecodeError::NotAnError(200)));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot decode error responses: add `decode` to `#[api_error(...)]`",
    label = "`{Self}` does not implement `Decode`",
    note = "`#[api_error(decode)]` on the enum (or struct) derives `error_contract::Decode`; a hand-written `ApiError` implements `Decode` by hand"
)]
pub trait Decode: Sized {
    /// Decodes a response's status and body. Header fields see no headers: an `Option` one is
    /// `None`, a `default` one its default, and a variant with another header field falls to
    /// `other` (use [`decode_with_headers`](Decode::decode_with_headers)).
    ///
    /// # Errors
    ///
    /// [`DecodeError::NotAnError`] for a status below 400; [`DecodeError::Unrecognized`] when the
    /// code matches no variant and the type has no `other` variant.
    fn decode(status: u16, body: &[u8]) -> Result<Self, DecodeError>;

    /// Decodes a response's status, headers and body: header fields
    /// (`#[api_error(header = "Retry-After")]`) are read from `headers` (a header that is
    /// missing or does not parse counts as absent), and an [`Unknown`] keeps the `Retry-After`
    /// of a 429 or a 503. The default ignores the headers.
    ///
    /// # Errors
    ///
    /// As [`decode`](Decode::decode).
    ///
    /// ```
    /// use error_contract::{ApiError, Decode, RetryAfter};
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// #[api_error(style = "flat", rename_all = "snake_case", decode)]
    /// enum LimitError {
    ///     #[api_error(status = 429, message = "slow down")]
    ///     RateLimited {
    ///         #[api_error(header = "Retry-After")]
    ///         retry_after: RetryAfter,
    ///     },
    /// }
    ///
    /// let body = br#"{"code":"rate_limited","message":"slow down"}"#;
    /// let headers = [("Retry-After", "30")];
    /// assert_eq!(
    ///     LimitError::decode_with_headers(429, &headers, body),
    ///     Ok(LimitError::RateLimited { retry_after: RetryAfter::Seconds(30) })
    /// );
    ///
    /// // What an error sends decodes back to it.
    /// let err = LimitError::RateLimited { retry_after: RetryAfter::Seconds(5) };
    /// let again = LimitError::decode_with_headers(429, &err.headers(), err.body().as_bytes());
    /// assert_eq!(again, Ok(err));
    /// ```
    fn decode_with_headers(
        status: u16,
        headers: &dyn ResponseHeaders,
        body: &[u8],
    ) -> Result<Self, DecodeError> {
        let _ = headers;
        Self::decode(status, body)
    }

    /// Decodes a body of several errors into each, for [`Errors`](crate::Errors); `None` when
    /// the body is not one. The derive implements it; by default no body is one.
    #[doc(hidden)]
    fn __decode_errors(
        status: u16,
        headers: &dyn ResponseHeaders,
        body: &[u8],
    ) -> Option<Result<Vec<Self>, DecodeError>> {
        let _ = (status, headers, body);
        None
    }

    /// Decodes what was read of one error among several, for a type a `transparent` variant
    /// wraps. The derive implements it; by default the error is decoded by its status alone.
    #[doc(hidden)]
    fn __decode_received(
        status: u16,
        headers: &dyn ResponseHeaders,
        received: &Received<'_>,
    ) -> Result<Self, DecodeError> {
        let _ = received;
        Self::decode_with_headers(status, headers, b"")
    }
}

/// Why a response did not decode into a variant.
///
/// ```
/// use error_contract::{DecodeError, Unknown};
///
/// let err = DecodeError::NotAnError(204);
/// assert_eq!(err.to_string(), "status 204 is not an error status");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// The status is below 400: the response is not an error.
    NotAnError(u16),
    /// No variant has the code, and the type has no `other` variant. The `Unknown` holds what
    /// the response said.
    Unrecognized(Unknown),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotAnError(status) => write!(f, "status {status} is not an error status"),
            DecodeError::Unrecognized(unknown) => match unknown.received_code() {
                Some(code) => write!(
                    f,
                    "unrecognized error code {} (status {})",
                    code,
                    unknown.status.as_u16()
                ),
                None => write!(
                    f,
                    "unrecognized error response (status {})",
                    unknown.status.as_u16()
                ),
            },
        }
    }
}

impl std::error::Error for DecodeError {}

/// An error response that no variant describes: its status, code, message and remaining fields.
///
/// It is itself an [`ApiError`], so a gateway can pass an upstream error through unchanged: its
/// body is the upstream body as received (when that was JSON).
///
/// ```
/// use error_contract::{ApiError, Decode, DecodeError};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "nested", decode)]
/// enum Certifier {
///     #[api_error(status = 404, code = "not_found")]
///     NotFound,
/// }
///
/// let body = br#"{"error":{"code":"quota_exceeded","message":"Quota exceeded","limit":10}}"#;
/// let Err(DecodeError::Unrecognized(unknown)) = Certifier::decode(429, body) else { panic!() };
/// assert_eq!(unknown.status().as_u16(), 429);
/// assert_eq!(unknown.code(), "quota_exceeded");
/// assert_eq!(unknown.message(), "Quota exceeded");
/// assert_eq!(unknown.field("limit"), Some(&serde_json::json!(10)));
/// assert_eq!(unknown.body().as_bytes(), body);
/// ```
#[derive(Clone)]
pub struct Unknown {
    status: Status,
    code: Option<ReadCode<Kept>>,
    message: Option<Kept>,
    /// The other members, read from `body` with `reader` when first asked for: most callers
    /// never look, and a map of `serde_json` values costs more than the rest of the decoding.
    fields: std::sync::OnceLock<Box<Map<String, Value>>>,
    reader: Option<decoder::Reader<()>>,
    body: Box<str>,
    content_type: &'static str,
    retry_after: Option<RetryAfter>,
}

/// A text an unknown error keeps: where it stands in the body (a string without escapes, read
/// where it was), or a copy of its own (boxed twice: rare, and the `Unknown` stays small).
#[derive(Clone)]
enum Kept {
    In(u32, u32),
    Own(Box<Box<str>>),
}

impl Kept {
    /// `text` as kept by an unknown error whose body is a copy of `body`: where it stands, when
    /// it was borrowed from `body`, else a copy.
    fn of(text: &str, body: &str) -> Kept {
        let start = (text.as_ptr() as usize).wrapping_sub(body.as_ptr() as usize);
        if start <= body.len() && text.len() <= body.len() - start {
            if let (Ok(start), Ok(len)) = (u32::try_from(start), u32::try_from(text.len())) {
                return Kept::In(start, len);
            }
        }
        Kept::Own(Box::new(Box::from(text)))
    }

    /// The text, in `body`.
    fn get<'a>(&'a self, body: &'a str) -> &'a str {
        match self {
            Kept::In(start, len) => {
                let start = *start as usize;
                body.get(start..start + *len as usize).unwrap_or_default()
            }
            Kept::Own(text) => text,
        }
    }
}

impl fmt::Debug for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Unknown")
            .field("status", &self.status)
            .field("code", &self.received_code())
            .field("message", &self.received_message())
            .field("fields", self.fields())
            .field("body", &self.body)
            .field("content_type", &self.content_type)
            .field("retry_after", &self.retry_after)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Unknown {
    fn eq(&self, other: &Unknown) -> bool {
        self.status == other.status
            && self.received_code() == other.received_code()
            && self.received_message() == other.received_message()
            && self.body == other.body
            && self.content_type == other.content_type
            && self.retry_after == other.retry_after
            && self.fields() == other.fields()
    }
}

impl Unknown {
    /// An unknown error with only a status, as from a body that is not JSON.
    ///
    /// ```
    /// use error_contract::{ApiError, Status, Unknown};
    ///
    /// let unknown = Unknown::from_status(Status::BAD_GATEWAY);
    /// assert_eq!(unknown.code(), 502);
    /// assert_eq!(unknown.message(), "Bad Gateway");
    /// assert_eq!(
    ///     &*unknown.body(),
    ///     r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"Bad Gateway","code":502}"#
    /// );
    /// ```
    #[must_use]
    pub fn from_status(status: Status) -> Unknown {
        Unknown::status_only(
            status,
            <Problem as Style>::CONTENT_TYPE,
            Body::build::<Problem>,
            &Names::DEFAULT,
        )
    }

    /// An unknown error with only a status, its body written by `write` (a style's
    /// `Body::build`).
    fn status_only(
        status: Status,
        content_type: &'static str,
        write: fn(&Parts<'_>) -> Body,
        names: &Names<'_>,
    ) -> Unknown {
        let mut unknown = Unknown {
            status,
            code: None,
            message: None,
            fields: std::sync::OnceLock::new(),
            reader: None,
            body: Box::default(),
            content_type,
            retry_after: None,
        };
        unknown.body = write(
            &Parts::new(status, unknown.code(), &unknown.message().as_ref()).with_names(names),
        )
        .into_string()
        .into_boxed_str();
        unknown
    }

    /// The code the response carried, if any (`ApiError::code` falls back to the status).
    ///
    /// ```
    /// use error_contract::{Status, Unknown};
    ///
    /// assert_eq!(Unknown::from_status(Status::BAD_GATEWAY).received_code(), None);
    /// ```
    #[must_use]
    pub fn received_code(&self) -> Option<Code<'_>> {
        match self.code.as_ref()? {
            ReadCode::Num(n) => Some(Code::Num(*n)),
            ReadCode::Str(code) => Some(Code::Str(code.get(&self.body))),
        }
    }

    /// The message the response carried, if any (`ApiError::message` falls back to the
    /// reason phrase).
    ///
    /// ```
    /// use error_contract::{Status, Unknown};
    ///
    /// assert_eq!(Unknown::from_status(Status::BAD_GATEWAY).received_message(), None);
    /// ```
    #[must_use]
    pub fn received_message(&self) -> Option<&str> {
        Some(self.message.as_ref()?.get(&self.body))
    }

    /// The response's other members (exposed fields, problem extensions), by key.
    ///
    /// See [`Unknown`] for an example.
    #[must_use]
    pub fn field(&self, key: &str) -> Option<&Value> {
        self.fields().get(key)
    }

    /// When the client may try again: the `Retry-After` header of a 429 or a 503, when it was
    /// decoded with its headers ([`Decode::decode_with_headers`], or the typed call) and it
    /// parsed.
    ///
    /// ```
    /// use error_contract::{ApiError, Decode, RetryAfter, Unknown};
    /// use std::time::Duration;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "flat", decode)]
    /// enum E {
    ///     #[api_error(other)]
    ///     Other(Unknown),
    /// }
    ///
    /// let headers = [("Retry-After", "120")];
    /// let Ok(E::Other(unknown)) = E::decode_with_headers(503, &headers, b"") else { panic!() };
    /// assert_eq!(unknown.retry_after(), Some(RetryAfter::Seconds(120)));
    /// assert_eq!(unknown.retry_after().unwrap().delay(), Duration::from_secs(120));
    /// // Only a 429 or a 503 says when to retry.
    /// let Ok(E::Other(unknown)) = E::decode_with_headers(500, &headers, b"") else { panic!() };
    /// assert_eq!(unknown.retry_after(), None);
    /// ```
    #[must_use]
    pub fn retry_after(&self) -> Option<RetryAfter> {
        self.retry_after
    }

    /// All of the response's other members.
    ///
    /// ```
    /// use error_contract::{Status, Unknown};
    ///
    /// assert!(Unknown::from_status(Status::BAD_GATEWAY).fields().is_empty());
    /// ```
    #[must_use]
    pub fn fields(&self) -> &Map<String, Value> {
        self.fields.get_or_init(|| {
            let mut fields = Map::new();
            let received = &mut Received::default();
            if self
                .reader
                .is_some_and(|read| read(self.body.as_bytes(), received, &mut ()))
            {
                for (key, value) in received.fields() {
                    if let Ok(value) = serde_json::from_str(value.get()) {
                        fields.insert(key.to_owned(), value);
                    }
                }
            }
            Box::new(fields)
        })
    }
}

impl fmt::Display for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Unknown {}

impl ApiError for Unknown {
    fn status(&self) -> Status {
        self.status
    }

    /// The code the response carried, else the status as a numeric code: a client that finds
    /// no code in a body falls back to the HTTP status.
    fn code(&self) -> Code<'_> {
        self.received_code()
            .unwrap_or(Code::Num(u32::from(self.status.as_u16())))
    }

    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed(
            self.received_message()
                .unwrap_or(self.status.reason().unwrap_or("")),
        )
    }

    /// The body as it was received (when it was JSON); else one written in the decoding type's
    /// style from the status.
    fn body(&self) -> Body {
        Body::new(String::from(&*self.body), self.content_type)
    }

    fn catalog() -> Catalog {
        Catalog::new()
    }
}

impl serde::Serialize for Unknown {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::serialize::serialize_json(&self.body, serializer)
    }
}
