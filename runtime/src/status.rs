//! HTTP status codes and their reason phrases.

use core::fmt;

/// An HTTP status code, 100 to 999.
///
/// `error-contract` keeps its own status type so that it does not tie users to one major version
/// of the `http` crate (actix-web 4 uses `http` 0.2, axum uses `http` 1). With the `http` feature
/// it converts to and from `http::StatusCode`.
///
/// The associated constants name every status of 400 to 599 that the IANA registry lists, with
/// the reason phrases of RFC 9110 (413 is "Content Too Large", 422 "Unprocessable Content").
///
/// ```
/// use error_contract::Status;
///
/// let status = Status::new(404).unwrap();
/// assert_eq!(status, Status::NOT_FOUND);
/// assert_eq!(status.as_u16(), 404);
/// assert_eq!(status.reason(), Some("Not Found"));
/// assert!(status.is_client_error());
/// assert_eq!(Status::new(42), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Status(u16);

macro_rules! registered {
    ($($code:literal $name:ident $phrase:literal;)*) => {
        impl Status {
            $(
                #[doc = concat!("`", stringify!($code), " ", $phrase, "`")]
                pub const $name: Status = Status($code);
            )*
        }
    };
}

// The registered client and server error statuses, from the one table of reason phrases.
error_contract_wire::registered_statuses!(registered);

impl Status {
    /// The status with this code, if it is a three-digit code (100 to 999).
    ///
    /// ```
    /// use error_contract::Status;
    ///
    /// assert_eq!(Status::new(503), Some(Status::SERVICE_UNAVAILABLE));
    /// assert_eq!(Status::new(1000), None);
    /// ```
    #[must_use]
    pub const fn new(code: u16) -> Option<Status> {
        if code >= 100 && code <= 999 {
            Some(Status(code))
        } else {
            None
        }
    }

    /// The numeric code.
    ///
    /// ```
    /// assert_eq!(error_contract::Status::CONFLICT.as_u16(), 409);
    /// ```
    #[must_use]
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// The RFC 9110 reason phrase of a registered status, `None` for an unregistered one.
    ///
    /// ```
    /// use error_contract::Status;
    ///
    /// assert_eq!(Status::CONTENT_TOO_LARGE.reason(), Some("Content Too Large"));
    /// assert_eq!(Status::UNPROCESSABLE_CONTENT.reason(), Some("Unprocessable Content"));
    /// assert_eq!(Status::new(499).unwrap().reason(), None);
    /// ```
    #[must_use]
    pub const fn reason(self) -> Option<&'static str> {
        error_contract_wire::reason::phrase(self.0)
    }

    /// Whether this is a 4xx status.
    ///
    /// ```
    /// assert!(error_contract::Status::NOT_FOUND.is_client_error());
    /// ```
    #[must_use]
    pub const fn is_client_error(self) -> bool {
        self.0 >= 400 && self.0 <= 499
    }

    /// Whether this is a 5xx status.
    ///
    /// ```
    /// assert!(error_contract::Status::BAD_GATEWAY.is_server_error());
    /// ```
    #[must_use]
    pub const fn is_server_error(self) -> bool {
        self.0 >= 500 && self.0 <= 599
    }

    /// Whether this is an error status (400 to 599), the only statuses an [`ApiError`] has.
    ///
    /// [`ApiError`]: crate::ApiError
    ///
    /// ```
    /// use error_contract::Status;
    ///
    /// assert!(Status::BAD_REQUEST.is_error());
    /// assert!(!Status::new(204).unwrap().is_error());
    /// ```
    #[must_use]
    pub const fn is_error(self) -> bool {
        self.0 >= 400 && self.0 <= 599
    }

    /// A status already known to be 100..=999 (checked by the macro, or a literal here).
    pub(crate) const fn checked(code: u16) -> Status {
        Status(code)
    }
}

impl fmt::Display for Status {
    /// The code and, when registered, the reason phrase: `404 Not Found`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.reason() {
            Some(reason) => write!(f, "{} {reason}", self.0),
            None => write!(f, "{}", self.0),
        }
    }
}

impl fmt::Debug for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl From<Status> for u16 {
    fn from(status: Status) -> u16 {
        status.0
    }
}

impl TryFrom<u16> for Status {
    type Error = InvalidStatus;

    fn try_from(code: u16) -> Result<Status, InvalidStatus> {
        Status::new(code).ok_or(InvalidStatus(code))
    }
}

impl PartialEq<u16> for Status {
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}

impl serde::Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.0)
    }
}

/// A status an error may be sent with, as its catalog entry lists them
/// ([`CatalogEntry::statuses`](crate::CatalogEntry::statuses)): one status, or every status of a
/// class, which a variant's `statuses("4XX")` names (or a run-time status without `statuses`:
/// its declared status's class). `Display` writes it as an `OpenAPI` response key: `503`,
/// `4XX`, `5XX`.
///
/// ```
/// use error_contract::{Status, StatusRange};
///
/// assert!(StatusRange::ServerErrors.contains(Status::BAD_GATEWAY));
/// assert!(!StatusRange::Exact(Status::BAD_GATEWAY).contains(Status::GATEWAY_TIMEOUT));
/// assert_eq!(StatusRange::ClientErrors.to_string(), "4XX");
/// assert_eq!(StatusRange::Exact(Status::NOT_FOUND).to_string(), "404");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatusRange {
    /// One status.
    Exact(Status),
    /// Every 4xx status, `4XX`.
    ClientErrors,
    /// Every 5xx status, `5XX`.
    ServerErrors,
}

impl StatusRange {
    /// Whether `status` is in the range.
    #[must_use]
    pub const fn contains(self, status: Status) -> bool {
        match self {
            StatusRange::Exact(exact) => exact.0 == status.0,
            StatusRange::ClientErrors => status.is_client_error(),
            StatusRange::ServerErrors => status.is_server_error(),
        }
    }

    /// The range the derive's table writes as `code`: 4 and 5 for the classes, else the status.
    pub(crate) const fn from_table(code: u16) -> StatusRange {
        match code {
            4 => StatusRange::ClientErrors,
            5 => StatusRange::ServerErrors,
            code => StatusRange::Exact(Status::checked(code)),
        }
    }
}

impl fmt::Display for StatusRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatusRange::Exact(status) => write!(f, "{}", status.0),
            StatusRange::ClientErrors => f.write_str("4XX"),
            StatusRange::ServerErrors => f.write_str("5XX"),
        }
    }
}

/// The error of `Status::try_from(u16)`: the number is not a three-digit status code.
///
/// ```
/// use error_contract::Status;
///
/// let err = Status::try_from(42).unwrap_err();
/// assert_eq!(err.to_string(), "42 is not an HTTP status code (100 to 999)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidStatus(pub u16);

impl fmt::Display for InvalidStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is not an HTTP status code (100 to 999)", self.0)
    }
}

impl std::error::Error for InvalidStatus {}
