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

        const fn reason_phrase(code: u16) -> Option<&'static str> {
            match code {
                $($code => Some($phrase),)*
                _ => None,
            }
        }
    };
}

// The registered client and server error statuses (IANA HTTP Status Code Registry, RFC 9110).
// 418 is "(Unused)" in RFC 9110; we keep RFC 2324's well-known phrase for it.
registered! {
    400 BAD_REQUEST "Bad Request";
    401 UNAUTHORIZED "Unauthorized";
    402 PAYMENT_REQUIRED "Payment Required";
    403 FORBIDDEN "Forbidden";
    404 NOT_FOUND "Not Found";
    405 METHOD_NOT_ALLOWED "Method Not Allowed";
    406 NOT_ACCEPTABLE "Not Acceptable";
    407 PROXY_AUTHENTICATION_REQUIRED "Proxy Authentication Required";
    408 REQUEST_TIMEOUT "Request Timeout";
    409 CONFLICT "Conflict";
    410 GONE "Gone";
    411 LENGTH_REQUIRED "Length Required";
    412 PRECONDITION_FAILED "Precondition Failed";
    413 CONTENT_TOO_LARGE "Content Too Large";
    414 URI_TOO_LONG "URI Too Long";
    415 UNSUPPORTED_MEDIA_TYPE "Unsupported Media Type";
    416 RANGE_NOT_SATISFIABLE "Range Not Satisfiable";
    417 EXPECTATION_FAILED "Expectation Failed";
    418 IM_A_TEAPOT "I'm a teapot";
    421 MISDIRECTED_REQUEST "Misdirected Request";
    422 UNPROCESSABLE_CONTENT "Unprocessable Content";
    423 LOCKED "Locked";
    424 FAILED_DEPENDENCY "Failed Dependency";
    425 TOO_EARLY "Too Early";
    426 UPGRADE_REQUIRED "Upgrade Required";
    428 PRECONDITION_REQUIRED "Precondition Required";
    429 TOO_MANY_REQUESTS "Too Many Requests";
    431 REQUEST_HEADER_FIELDS_TOO_LARGE "Request Header Fields Too Large";
    451 UNAVAILABLE_FOR_LEGAL_REASONS "Unavailable For Legal Reasons";
    500 INTERNAL_SERVER_ERROR "Internal Server Error";
    501 NOT_IMPLEMENTED "Not Implemented";
    502 BAD_GATEWAY "Bad Gateway";
    503 SERVICE_UNAVAILABLE "Service Unavailable";
    504 GATEWAY_TIMEOUT "Gateway Timeout";
    505 HTTP_VERSION_NOT_SUPPORTED "HTTP Version Not Supported";
    506 VARIANT_ALSO_NEGOTIATES "Variant Also Negotiates";
    507 INSUFFICIENT_STORAGE "Insufficient Storage";
    508 LOOP_DETECTED "Loop Detected";
    510 NOT_EXTENDED "Not Extended";
    511 NETWORK_AUTHENTICATION_REQUIRED "Network Authentication Required";
}

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
        reason_phrase(self.0)
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
