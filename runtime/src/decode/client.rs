//! The typed call's result: a response becomes `Result<T, ClientError<E>>`. What every HTTP
//! client shares: the limits, the success body, the error side, and the one decision from
//! status, headers and body.

#[cfg(feature = "http")]
use super::{Decode, ResponseHeaders};
use super::{DecodeError, Unknown};
use crate::{ApiError, Status};
use core::fmt;
use serde::de::DeserializeOwned;
use std::error::Error;

/// The most of an error body that is read: 64 KiB. Error bodies are small; a larger one is not an
/// error body of this API, and is decoded by its status alone.
///
/// See [`BodyLimits`] for an example.
pub const DEFAULT_BODY_LIMIT: usize = 64 * 1024;

/// The most of a success body that is read by default: 16 MiB.
///
/// See [`BodyLimits`] for an example.
pub const DEFAULT_SUCCESS_LIMIT: usize = 16 * 1024 * 1024;

/// How much of a body the typed call reads, in bytes.
///
/// A success body over `success` is [`ClientError::TooLarge`]; an error body over `error` is not
/// read, and the error is decoded by its status alone (a status-only [`Unknown`], or the `other`
/// variant). A `Content-Length` over the limit is refused before any byte is read.
///
/// ```
/// use error_contract::decode::{BodyLimits, DEFAULT_BODY_LIMIT, DEFAULT_SUCCESS_LIMIT};
///
/// let limits = BodyLimits { success: 1024 * 1024, ..BodyLimits::default() };
/// assert_eq!(limits.error, DEFAULT_BODY_LIMIT);
/// assert_eq!(BodyLimits::default().success, DEFAULT_SUCCESS_LIMIT);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimits {
    /// The most of a success body (status below 400) to read.
    pub success: usize,
    /// The most of an error body (status 400 and above) to read.
    pub error: usize,
}

impl Default for BodyLimits {
    fn default() -> BodyLimits {
        BodyLimits {
            success: DEFAULT_SUCCESS_LIMIT,
            error: DEFAULT_BODY_LIMIT,
        }
    }
}

#[cfg(feature = "http")]
impl BodyLimits {
    /// The limit for a response of `status`.
    pub(crate) fn for_status(self, status: u16) -> usize {
        if status >= 400 {
            self.error
        } else {
            self.success
        }
    }
}

/// What a success response's body becomes: any `serde::de::DeserializeOwned` type (read as JSON;
/// an empty body reads as `null`, so `()` and `Option<T>` take a 204), or [`RawBody`] for the
/// bytes as they are.
///
/// ```
/// use error_contract::Status;
/// use error_contract::decode::{RawBody, SuccessBody};
///
/// let ok = Status::new(200).unwrap();
/// let ids: Vec<u32> = SuccessBody::from_body(ok, b"[1,2]".to_vec()).unwrap();
/// assert_eq!(ids, [1, 2]);
/// let nothing: () = SuccessBody::from_body(Status::new(204).unwrap(), Vec::new()).unwrap();
/// let raw: RawBody = SuccessBody::from_body(ok, b"%PDF-1.7".to_vec()).unwrap();
/// assert_eq!(raw.as_bytes(), b"%PDF-1.7");
/// let err = <Vec<u32> as SuccessBody>::from_body(ok, b"{}".to_vec()).unwrap_err();
/// assert_eq!(err.to_string(), "the success body (status 200) is not of the expected type: invalid type: map, expected a sequence at line 1 column 0");
/// ```
pub trait SuccessBody: Sized {
    /// Reads the body of a success response of `status`.
    ///
    /// # Errors
    ///
    /// [`InvalidBody`] when the body is not a `Self`.
    fn from_body(status: Status, body: Vec<u8>) -> Result<Self, InvalidBody>;
}

impl<T: DeserializeOwned> SuccessBody for T {
    fn from_body(status: Status, body: Vec<u8>) -> Result<T, InvalidBody> {
        let json: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &body
        };
        serde_json::from_slice(json).map_err(|error| InvalidBody::new(status, error, body))
    }
}

/// A success body as it came, not read as JSON (a file, a text, a body that is not JSON).
///
/// ```
/// use error_contract::decode::RawBody;
///
/// let raw = RawBody::from(b"hello".to_vec());
/// assert_eq!(&*raw, b"hello");
/// assert_eq!(raw.into_vec(), b"hello");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawBody(Vec<u8>);

impl RawBody {
    /// The bytes.
    ///
    /// See [`SuccessBody`] for an example.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, owned.
    ///
    /// See [`RawBody`] for an example.
    #[must_use]
    pub fn into_vec(self) -> Vec<u8> {
        self.0
    }
}

impl From<Vec<u8>> for RawBody {
    fn from(bytes: Vec<u8>) -> RawBody {
        RawBody(bytes)
    }
}

impl core::ops::Deref for RawBody {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl SuccessBody for RawBody {
    fn from_body(_: Status, body: Vec<u8>) -> Result<RawBody, InvalidBody> {
        Ok(RawBody(body))
    }
}

/// The error side of the typed call: every way a call can fail, as one enum to `match`.
///
/// ```
/// use error_contract::decode::{ClientError, TransportKind};
/// use error_contract::{ApiError, Status, Unknown};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case", decode)]
/// enum ShopError {
///     #[api_error(status = 404, message = "product not found")]
///     ProductNotFound,
///     #[api_error(other)]
///     Other(Unknown),
/// }
///
/// fn describe(err: &ClientError<ShopError>) -> String {
///     match err {
///         ClientError::Api { error: ShopError::ProductNotFound, .. } => "no such product".into(),
///         ClientError::Api { error: ShopError::Other(unknown), .. } => format!("{}: {}", unknown.status(), unknown.message()),
///         ClientError::Unrecognized(unknown) => format!("unknown error {}", unknown.code()),
///         ClientError::Transport(t) if t.kind() == TransportKind::Connect => "server down".into(),
///         ClientError::Transport(t) => format!("network: {t}"),
///         ClientError::InvalidBody(invalid) => format!("unexpected body: {invalid}"),
///         ClientError::TooLarge(too_large) => format!("too large: {too_large}"),
///     }
/// }
///
/// let err = ClientError::Api { error: ShopError::ProductNotFound, status: Status::NOT_FOUND };
/// assert_eq!(describe(&err), "no such product");
/// assert_eq!(err.to_string(), "the API answered 404 product_not_found: product not found");
/// assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
///
/// // The status is the one that arrived, though the code's variant declares another.
/// let err = ClientError::Api { error: ShopError::ProductNotFound, status: Status::GONE };
/// assert_eq!(err.status(), Some(Status::GONE));
/// assert_eq!(err.to_string(), "the API answered 410 product_not_found: product not found");
/// ```
#[derive(Debug)]
pub enum ClientError<E> {
    /// The API answered with an error (status 400 and above), decoded into `E`.
    Api {
        /// The error.
        error: E,
        /// The response's status, as it arrived (a code may arrive with another status than
        /// its variant declares).
        status: Status,
    },
    /// The API answered with an error that no variant of `E` describes, and `E` has no `other`
    /// variant: what the response said.
    Unrecognized(Unknown),
    /// No whole response arrived: the connection failed, timed out, or broke while the body was
    /// read.
    Transport(TransportError),
    /// A success response (status below 400) whose body is not a `T`.
    InvalidBody(InvalidBody),
    /// A success response whose body is over the limit ([`BodyLimits::success`]).
    TooLarge(TooLarge),
}

impl<E: ApiError> ClientError<E> {
    /// The response's status, as it arrived, when a response arrived.
    ///
    /// See [`ClientError`] for an example.
    #[must_use]
    pub fn status(&self) -> Option<Status> {
        match self {
            ClientError::Api { status, .. } => Some(*status),
            ClientError::Unrecognized(unknown) => Some(unknown.status()),
            ClientError::Transport(_) => None,
            ClientError::InvalidBody(invalid) => Some(invalid.status()),
            ClientError::TooLarge(too_large) => Some(too_large.status()),
        }
    }
}

impl<E: ApiError> fmt::Display for ClientError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Api { error, status } => write!(
                f,
                "the API answered {} {}: {}",
                status.as_u16(),
                error.code(),
                error.message()
            ),
            ClientError::Unrecognized(unknown) => {
                fmt::Display::fmt(&DecodeError::Unrecognized(unknown.clone()), f)
            }
            ClientError::Transport(error) => fmt::Display::fmt(error, f),
            ClientError::InvalidBody(error) => fmt::Display::fmt(error, f),
            ClientError::TooLarge(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl<E: ApiError + Error + 'static> Error for ClientError<E> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            ClientError::Api { error, .. } => Some(error),
            ClientError::Unrecognized(unknown) => Some(unknown),
            ClientError::Transport(error) => Some(error),
            ClientError::InvalidBody(error) => Some(error),
            ClientError::TooLarge(error) => Some(error),
        }
    }
}

impl<E> From<TransportError> for ClientError<E> {
    fn from(error: TransportError) -> ClientError<E> {
        ClientError::Transport(error)
    }
}

/// What part of the exchange failed, for [`TransportError`].
///
/// ```
/// use error_contract::decode::{TransportError, TransportKind};
///
/// let err = TransportError::new(TransportKind::Timeout, std::io::Error::from(std::io::ErrorKind::TimedOut));
/// assert_eq!(err.kind(), TransportKind::Timeout);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportKind {
    /// The connection could not be made (nothing listening, refused, DNS).
    Connect,
    /// The client's timeout ran out (a server that stalls, before or during the body).
    Timeout,
    /// The body broke off while it was read (the connection reset or closed early).
    Body,
    /// Any other failure of the client (an invalid URL, too many redirects, ...).
    Other,
}

/// The transport failed: no whole response arrived. Its [`source`](Error::source) is the HTTP
/// client's own error.
///
/// ```
/// use error_contract::decode::{TransportError, TransportKind};
///
/// let io = std::io::Error::from(std::io::ErrorKind::ConnectionReset);
/// let err = TransportError::new(TransportKind::Body, io);
/// assert_eq!(err.to_string(), "the response body broke off: connection reset");
/// assert_eq!(std::error::Error::source(&err).unwrap().to_string(), "connection reset");
/// ```
#[derive(Debug)]
pub struct TransportError {
    kind: TransportKind,
    source: Box<dyn Error + Send + Sync>,
}

impl TransportError {
    /// A failure of `kind`, caused by `source`.
    ///
    /// See [`TransportError`] for an example.
    pub fn new(kind: TransportKind, source: impl Into<Box<dyn Error + Send + Sync>>) -> Self {
        TransportError {
            kind,
            source: source.into(),
        }
    }

    /// What part of the exchange failed.
    ///
    /// See [`TransportKind`] for an example.
    #[must_use]
    pub fn kind(&self) -> TransportKind {
        self.kind
    }

    /// A failure while reading a body: a timeout if an `io::Error` in the chain timed out, else
    /// [`TransportKind::Body`].
    #[cfg(any(feature = "http", feature = "reqwest-blocking"))]
    pub(crate) fn body(source: impl Into<Box<dyn Error + Send + Sync>>) -> TransportError {
        let source = source.into();
        let mut at: Option<&(dyn Error + 'static)> = Some(&*source);
        let mut kind = TransportKind::Body;
        while let Some(error) = at {
            if error
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
            {
                kind = TransportKind::Timeout;
            }
            at = error.source();
        }
        TransportError { kind, source }
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TransportKind::Connect => "the connection failed",
            TransportKind::Timeout => "the request timed out",
            TransportKind::Body => "the response body broke off",
            TransportKind::Other => "the request failed",
        };
        write!(f, "{what}: {}", self.source)
    }
}

impl Error for TransportError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&*self.source)
    }
}

/// A success body that is not the expected type: the status, why, and the body as received.
///
/// See [`SuccessBody`] for an example.
#[derive(Debug)]
pub struct InvalidBody {
    status: Status,
    error: Box<dyn Error + Send + Sync>,
    body: Vec<u8>,
}

impl InvalidBody {
    /// The body of a response of `status` that did not read, and why.
    ///
    /// ```
    /// use error_contract::Status;
    /// use error_contract::decode::InvalidBody;
    ///
    /// let err = InvalidBody::new(Status::new(200).unwrap(), "not UTF-8", vec![0xff]);
    /// assert_eq!(err.body(), [0xff]);
    /// assert_eq!(err.to_string(), "the success body (status 200) is not of the expected type: not UTF-8");
    /// ```
    pub fn new(
        status: Status,
        error: impl Into<Box<dyn Error + Send + Sync>>,
        body: Vec<u8>,
    ) -> InvalidBody {
        InvalidBody {
            status,
            error: error.into(),
            body,
        }
    }

    /// The response's status.
    ///
    /// See [`ClientError`] for an example.
    #[must_use]
    pub fn status(&self) -> Status {
        self.status
    }

    /// The body as received.
    ///
    /// See [`InvalidBody::new`] for an example.
    #[must_use]
    pub fn body(&self) -> &[u8] {
        &self.body
    }
}

impl fmt::Display for InvalidBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the success body (status {}) is not of the expected type: {}",
            self.status.as_u16(),
            self.error
        )
    }
}

impl Error for InvalidBody {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&*self.error)
    }
}

/// A success body over the limit: not read past it.
///
/// ```
/// use error_contract::Status;
/// use error_contract::decode::TooLarge;
///
/// let err = TooLarge::new(Status::new(200).unwrap(), 1024);
/// assert_eq!(err.limit(), 1024);
/// assert_eq!(err.to_string(), "the success body (status 200) is over the limit of 1024 bytes");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    status: Status,
    limit: usize,
}

impl TooLarge {
    /// The body of a response of `status` went past `limit` bytes.
    ///
    /// See [`TooLarge`] for an example.
    #[must_use]
    pub fn new(status: Status, limit: usize) -> TooLarge {
        TooLarge { status, limit }
    }

    /// The response's status.
    ///
    /// See [`ClientError`] for an example.
    #[must_use]
    pub fn status(&self) -> Status {
        self.status
    }

    /// The limit, in bytes.
    ///
    /// See [`TooLarge`] for an example.
    #[must_use]
    pub fn limit(&self) -> usize {
        self.limit
    }
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the success body (status {}) is over the limit of {} bytes",
            self.status.as_u16(),
            self.limit
        )
    }
}

impl Error for TooLarge {}

/// A body being read, up to a limit.
#[cfg(feature = "http")]
pub(crate) struct Collect {
    limit: usize,
    bytes: Vec<u8>,
    over: bool,
}

#[cfg(feature = "http")]
impl Collect {
    /// Starts reading a body of at most `limit` bytes; a `Content-Length` (`announced`) over it
    /// is over before a byte is read.
    pub(crate) fn new(limit: usize, announced: Option<u64>) -> Collect {
        let over = announced.is_some_and(|n| usize::try_from(n).map_or(true, |n| n > limit));
        Collect {
            limit,
            bytes: Vec::new(),
            over,
        }
    }

    /// Whether reading should go on.
    pub(crate) fn wants_more(&self) -> bool {
        !self.over
    }

    /// Adds a chunk; past the limit, drops what was read and stops.
    pub(crate) fn push(&mut self, chunk: &[u8]) {
        if self.over {
            return;
        }
        if self.bytes.len() + chunk.len() > self.limit {
            self.over = true;
            self.bytes = Vec::new();
        } else {
            self.bytes.extend_from_slice(chunk);
        }
    }

    /// The body, or `None` when it was over the limit.
    pub(crate) fn finish(self) -> Option<Vec<u8>> {
        (!self.over).then_some(self.bytes)
    }
}

/// The one decision of the typed call, once the body is read (or failed to be): a success body
/// becomes a `T`, an error body an `E`.
#[cfg(feature = "http")]
pub(crate) fn outcome<T: SuccessBody, E: Decode>(
    status: u16,
    headers: &dyn ResponseHeaders,
    body: Result<Collect, TransportError>,
) -> Result<T, ClientError<E>> {
    let body = body?;
    let limit = body.limit;
    let body = body.finish();
    if status >= 400 {
        // Over the limit: decoded by the status alone.
        let body = body.unwrap_or_default();
        return Err(match E::decode_with_headers(status, headers, &body) {
            Ok(error) => ClientError::Api {
                error,
                status: Status::new(status).unwrap_or(Status::checked(599)),
            },
            Err(DecodeError::Unrecognized(unknown)) => ClientError::Unrecognized(unknown),
            // Not reached: the status is an error's.
            Err(DecodeError::NotAnError(_)) => {
                ClientError::Unrecognized(Unknown::from_status(Status::checked(599)))
            }
        });
    }
    // Statuses below 100 are not HTTP statuses; clients do not give them.
    let status = Status::new(status).unwrap_or(Status::checked(200));
    match body {
        Some(body) => T::from_body(status, body).map_err(ClientError::InvalidBody),
        None => Err(ClientError::TooLarge(TooLarge::new(status, limit))),
    }
}
