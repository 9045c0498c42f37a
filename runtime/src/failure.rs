//! The framework's own failures: what goes wrong before a handler runs, or outside it, and which
//! variant of the user's enum answers it.
//!
//! A variant says which failures it answers with `catch` (`#[api_error(status = 404, code =
//! "not_found", message = "...", catch = "unknown_route")]`, or several kinds with
//! `catch("json_syntax", "json_data")`), and its fields take what the failure may tell the client
//! through `#[api_error(fact = "...")]`. The derive then implements [`FromFailure`], which the axum
//! and actix-web integrations call for every failure they see.

use crate::{ApiError, Status};
use core::fmt;
use std::borrow::Cow;

/// A kind of failure that the framework, not a handler, answers.
///
/// Each has a name (what `catch = "..."` takes) and a usual status (what the framework would
/// have answered, and what [`FromFailure`] falls back on when no variant claims the kind).
///
/// ```
/// use error_contract::{FailureKind, Status};
///
/// assert_eq!(FailureKind::UnknownRoute.name(), "unknown_route");
/// assert_eq!(FailureKind::JsonData.usual_status(), Status::UNPROCESSABLE_CONTENT);
/// assert_eq!(FailureKind::from_name("method_not_allowed"), Some(FailureKind::MethodNotAllowed));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FailureKind {
    /// `unknown_route`: no route matches the request's path (404).
    UnknownRoute,
    /// `method_not_allowed`: a route matches the path, not the method (405; the allowed
    /// methods are the fact `allow`).
    MethodNotAllowed,
    /// `unsupported_media_type`: the body's `Content-Type` is missing or not one the route
    /// takes (415; the fact `content_type` is what was sent).
    UnsupportedMediaType,
    /// `json_syntax`: the body is not JSON: a syntax error, an early end, or bytes that are not
    /// UTF-8 (400).
    JsonSyntax,
    /// `json_data`: the body is JSON of the wrong shape: a missing field, a wrong type, a value
    /// out of range (422; the fact `pointer` is the JSON Pointer of the member at fault).
    JsonData,
    /// `payload_too_large`: the body is over the size limit (413).
    PayloadTooLarge,
    /// `invalid_path`: a path parameter does not parse into its type (400; the fact
    /// `parameter` names it).
    InvalidPath,
    /// `invalid_query`: the query string does not parse into its type (400; the fact
    /// `parameter` names the parameter at fault, when one is).
    InvalidQuery,
    /// `invalid_message`: a gRPC request message does not decode as the method's protobuf
    /// message (400; the decoder's text is logged, never sent).
    InvalidMessage,
    /// `panic`: a handler panicked (500). The panic message is logged, never sent.
    Panic,
    /// `status`: a 4xx or 5xx response that another layer wrote without a contract body, of a
    /// status the variant is sent with (a 408 from a timeout layer, a 401 from an auth layer,
    /// ...; with a run-time status, every status it may take).
    Status,
}

impl FailureKind {
    /// Every kind, in the order of this enum.
    pub const ALL: [FailureKind; 11] = [
        FailureKind::UnknownRoute,
        FailureKind::MethodNotAllowed,
        FailureKind::UnsupportedMediaType,
        FailureKind::JsonSyntax,
        FailureKind::JsonData,
        FailureKind::PayloadTooLarge,
        FailureKind::InvalidPath,
        FailureKind::InvalidQuery,
        FailureKind::InvalidMessage,
        FailureKind::Panic,
        FailureKind::Status,
    ];

    /// The name that `catch = "..."` takes.
    ///
    /// ```
    /// assert_eq!(error_contract::FailureKind::PayloadTooLarge.name(), "payload_too_large");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            FailureKind::UnknownRoute => "unknown_route",
            FailureKind::MethodNotAllowed => "method_not_allowed",
            FailureKind::UnsupportedMediaType => "unsupported_media_type",
            FailureKind::JsonSyntax => "json_syntax",
            FailureKind::JsonData => "json_data",
            FailureKind::PayloadTooLarge => "payload_too_large",
            FailureKind::InvalidPath => "invalid_path",
            FailureKind::InvalidQuery => "invalid_query",
            FailureKind::InvalidMessage => "invalid_message",
            FailureKind::Panic => "panic",
            FailureKind::Status => "status",
        }
    }

    /// The kind with this name.
    ///
    /// ```
    /// use error_contract::FailureKind;
    ///
    /// assert_eq!(FailureKind::from_name("panic"), Some(FailureKind::Panic));
    /// assert_eq!(FailureKind::from_name("unknown"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<FailureKind> {
        FailureKind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
    }

    /// The status the framework answers this kind with (500 for `status`, whose failures carry
    /// their own).
    ///
    /// ```
    /// use error_contract::{FailureKind, Status};
    ///
    /// assert_eq!(FailureKind::MethodNotAllowed.usual_status(), Status::METHOD_NOT_ALLOWED);
    /// ```
    #[must_use]
    pub const fn usual_status(self) -> Status {
        match self {
            FailureKind::UnknownRoute => Status::NOT_FOUND,
            FailureKind::MethodNotAllowed => Status::METHOD_NOT_ALLOWED,
            FailureKind::UnsupportedMediaType => Status::UNSUPPORTED_MEDIA_TYPE,
            FailureKind::JsonSyntax
            | FailureKind::InvalidPath
            | FailureKind::InvalidQuery
            | FailureKind::InvalidMessage => Status::BAD_REQUEST,
            FailureKind::JsonData => Status::UNPROCESSABLE_CONTENT,
            FailureKind::PayloadTooLarge => Status::CONTENT_TOO_LARGE,
            FailureKind::Panic | FailureKind::Status => Status::INTERNAL_SERVER_ERROR,
        }
    }

    /// The kind of an error response that another layer wrote: the kind whose usual status it
    /// is for 404, 405, 413 and 415, else [`FailureKind::Status`].
    ///
    /// ```
    /// use error_contract::{FailureKind, Status};
    ///
    /// assert_eq!(FailureKind::of_status(Status::NOT_FOUND), FailureKind::UnknownRoute);
    /// assert_eq!(FailureKind::of_status(Status::REQUEST_TIMEOUT), FailureKind::Status);
    /// ```
    #[must_use]
    pub const fn of_status(status: Status) -> FailureKind {
        match status.as_u16() {
            404 => FailureKind::UnknownRoute,
            405 => FailureKind::MethodNotAllowed,
            413 => FailureKind::PayloadTooLarge,
            415 => FailureKind::UnsupportedMediaType,
            _ => FailureKind::Status,
        }
    }
}

impl fmt::Display for FailureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a failure may tell the client, when a variant's field asks for it with
/// `#[api_error(fact = "...")]`.
///
/// ```
/// use error_contract::Fact;
///
/// assert_eq!(Fact::Pointer.name(), "pointer");
/// assert_eq!(Fact::from_name("allow"), Some(Fact::Allow));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fact {
    /// `method`: the request's method (`DELETE`).
    Method,
    /// `path`: the request's path, without the query (`/no/such/route`).
    Path,
    /// `allow`: the methods the route takes, as the `Allow` header lists them (`GET, POST`).
    Allow,
    /// `content_type`: the `Content-Type` the request sent (absent when it sent none).
    ContentType,
    /// `parameter`: the path or query parameter that did not parse (`id`, `limit`).
    Parameter,
    /// `pointer`: the JSON Pointer (RFC 6901) of the body member at fault (`/items/2/quantity`;
    /// `""` for the whole body).
    Pointer,
    /// `rule`: the validation rule a value broke, as the validator names it (`length`, `range`,
    /// `email`, a custom validator's code); only a [`Violation`](crate::Violation) has it.
    Rule,
}

impl Fact {
    /// Every fact, in the order of this enum.
    pub const ALL: [Fact; 7] = [
        Fact::Method,
        Fact::Path,
        Fact::Allow,
        Fact::ContentType,
        Fact::Parameter,
        Fact::Pointer,
        Fact::Rule,
    ];

    /// The name that `fact = "..."` takes.
    ///
    /// ```
    /// assert_eq!(error_contract::Fact::ContentType.name(), "content_type");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Fact::Method => "method",
            Fact::Path => "path",
            Fact::Allow => "allow",
            Fact::ContentType => "content_type",
            Fact::Parameter => "parameter",
            Fact::Pointer => "pointer",
            Fact::Rule => "rule",
        }
    }

    /// The fact with this name.
    ///
    /// ```
    /// use error_contract::Fact;
    ///
    /// assert_eq!(Fact::from_name("parameter"), Some(Fact::Parameter));
    /// assert_eq!(Fact::from_name("body"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Fact> {
        Fact::ALL.into_iter().find(|fact| fact.name() == name)
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

/// One failure the framework met: its kind, the status it stands for, the facts a variant may
/// pass on to the client, and the framework's own description (its `cause`), which is for the
/// developer's log only and never reaches a body.
///
/// The integrations build these; a hand-written [`FromFailure`] reads them.
///
/// ```
/// use error_contract::{Fact, Failure, FailureKind, Status};
///
/// let cause = "Cannot parse `abc` to a `u64`";
/// let failure = Failure::new(FailureKind::InvalidPath)
///     .with(Fact::Parameter, "id")
///     .with_cause(&cause);
/// assert_eq!(failure.kind(), FailureKind::InvalidPath);
/// assert_eq!(failure.status(), Status::BAD_REQUEST);
/// assert_eq!(failure.fact(Fact::Parameter), Some("id"));
/// assert_eq!(failure.fact(Fact::Pointer), None);
/// assert_eq!(failure.cause().unwrap().to_string(), cause);
/// ```
#[derive(Clone, Copy)]
pub struct Failure<'a> {
    kind: FailureKind,
    status: Status,
    fact: Facts<'a>,
}

impl<'a> Failure<'a> {
    /// A failure of `kind`, with its usual status and no facts.
    ///
    /// ```
    /// use error_contract::{Failure, FailureKind, Status};
    ///
    /// assert_eq!(Failure::new(FailureKind::Panic).status(), Status::INTERNAL_SERVER_ERROR);
    /// ```
    #[must_use]
    pub const fn new(kind: FailureKind) -> Failure<'a> {
        Failure {
            kind,
            status: kind.usual_status(),
            fact: Facts::EMPTY,
        }
    }

    /// An error response of `status` that another layer wrote without a contract body: its kind
    /// is [`FailureKind::of_status`].
    ///
    /// ```
    /// use error_contract::{Failure, FailureKind, Status};
    ///
    /// let failure = Failure::from_status(Status::REQUEST_TIMEOUT);
    /// assert_eq!(failure.kind(), FailureKind::Status);
    /// assert_eq!(failure.status(), Status::REQUEST_TIMEOUT);
    /// ```
    #[must_use]
    pub const fn from_status(status: Status) -> Failure<'a> {
        Failure {
            status,
            ..Failure::new(FailureKind::of_status(status))
        }
    }

    /// The same failure with `fact` set to `value`.
    #[must_use]
    pub const fn with(mut self, fact: Fact, value: &'a str) -> Failure<'a> {
        self.fact.values[fact.index()] = Some(value);
        self
    }

    /// The same failure with `fact` set to `value`, or left unset for `None`.
    ///
    /// ```
    /// use error_contract::{Fact, Failure, FailureKind};
    ///
    /// let failure = Failure::new(FailureKind::UnsupportedMediaType).with_opt(Fact::ContentType, None);
    /// assert_eq!(failure.fact(Fact::ContentType), None);
    /// ```
    #[must_use]
    pub const fn with_opt(mut self, fact: Fact, value: Option<&'a str>) -> Failure<'a> {
        self.fact.values[fact.index()] = value;
        self
    }

    /// The same failure with the framework's own description of it, for the log.
    #[must_use]
    pub const fn with_cause(mut self, cause: &'a dyn fmt::Display) -> Failure<'a> {
        self.fact.cause = Some(cause);
        self
    }

    /// The kind.
    #[must_use]
    pub const fn kind(&self) -> FailureKind {
        self.kind
    }

    /// The status the failure stands for: the kind's usual status, or the status of the
    /// response another layer wrote.
    #[must_use]
    pub const fn status(&self) -> Status {
        self.status
    }

    /// The value of `fact`, if the framework knows it.
    #[must_use]
    pub const fn fact(&self, fact: Fact) -> Option<&'a str> {
        self.fact.values[fact.index()]
    }

    /// The framework's own description of the failure (a serde message, a panic message). For
    /// the developer's log: never put it in a body.
    #[must_use]
    pub fn cause(&self) -> Option<&'a dyn fmt::Display> {
        self.fact.cause
    }
}

/// The facts a [`Failure`] or a [`Violation`](crate::Violation) carries, and the cause that
/// only the log sees.
#[derive(Clone, Copy)]
pub(crate) struct Facts<'a> {
    pub(crate) values: [Option<&'a str>; Fact::ALL.len()],
    pub(crate) cause: Option<&'a dyn fmt::Display>,
}

impl<'a> Facts<'a> {
    pub(crate) const EMPTY: Facts<'a> = Facts {
        values: [None; Fact::ALL.len()],
        cause: None,
    };

    /// Each fact that is set, then the cause, as fields of `s`.
    pub(crate) fn debug_fields(&self, s: &mut fmt::DebugStruct<'_, '_>) {
        for fact in Fact::ALL {
            if let Some(value) = self.values[fact.index()] {
                s.field(fact.name(), &value);
            }
        }
        if let Some(cause) = self.cause {
            s.field("cause", &format_args!("{cause}"));
        }
    }
}

impl fmt::Debug for Failure<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Failure");
        s.field("kind", &self.kind).field("status", &self.status);
        self.fact.debug_fields(&mut s);
        s.finish()
    }
}

/// An error type that answers the framework's own failures: for each [`Failure`], the variant
/// that goes on the wire.
///
/// The derive implements it for an enum with at least one variant with `catch`. Which variant
/// answers a failure (decided at compile time):
///
/// 1. the variant that claims its kind (`catch = "json_data"`);
/// 2. else, going by the failure's status `S` (the usual status of its kind, or the status of
///    the response another layer wrote), the variant with `catch = "status"` that is sent with
///    `S` itself: it declares `S`, or lists it in `statuses(...)`;
/// 3. else the variant with `catch = "status"` whose run-time `#[api_error(status)]` field takes
///    every status of `S`'s class (4xx or 5xx; its declared status's class, or a class its
///    `statuses("4XX")` lists), which takes `S`.
///
/// So a failure keeps its status: the derive refuses an enum with `catch` that has no variant of
/// step 3 for the 4xx or for the 5xx (unless its `catch = "status"` variants name every status
/// of the class), and says which variant to add. A status that is not an error status (a layer
/// that answered 600) goes to the variant that answers a 500, which sends its declared status.
///
/// ```
/// use error_contract::{ApiError, FromFailure, Fact, Failure, FailureKind, Status};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum ApiFailure {
///     #[api_error(status = 404, message = "no such route", catch = "unknown_route")]
///     NotFound,
///     #[api_error(status = 400, message = "invalid request", catch("json_syntax", "json_data"))]
///     InvalidRequest {
///         #[api_error(expose, fact = "pointer")]
///         pointer: Option<String>,
///     },
///     /// Another layer refused the request (a 401, a 409, ...).
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused {
///         #[api_error(status)]
///         status: u16,
///     },
///     /// A panic, or another layer's 5xx.
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
///     Internal {
///         #[api_error(status)]
///         status: u16,
///     },
/// }
///
/// let failure = Failure::new(FailureKind::JsonData).with(Fact::Pointer, "/quantity");
/// let error = ApiFailure::from_failure(&failure);
/// assert_eq!(&*error.body(), r#"{"code":"invalid_request","message":"invalid request","pointer":"/quantity"}"#);
///
/// // Nobody claims 405: the 4xx variant with a run-time status answers it, with 405.
/// let error = ApiFailure::from_failure(&Failure::new(FailureKind::MethodNotAllowed));
/// assert_eq!(error.code(), "refused");
/// assert_eq!(error.status(), Status::METHOD_NOT_ALLOWED);
///
/// // A 503 another layer wrote: the 5xx variant, with 503.
/// let error = ApiFailure::from_failure(&Failure::from_status(Status::SERVICE_UNAVAILABLE));
/// assert_eq!(error.code(), "internal");
/// assert_eq!(error.status(), Status::SERVICE_UNAVAILABLE);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not say which of its variants answer the framework's own failures",
    label = "no variant of `{Self}` has `catch`",
    note = "add `catch` to the variants that answer them, e.g. `#[api_error(status = 404, code = ..., catch = \"unknown_route\")]`; the kinds are listed at `error_contract::FailureKind`"
)]
pub trait FromFailure: ApiError + Sized {
    /// The variant that answers `failure`.
    fn from_failure(failure: &Failure<'_>) -> Self;
}

/// The type of a field with `#[api_error(fact = "...")]`: built from the fact's value,
/// `None` when the framework does not know it.
///
/// ```
/// use error_contract::FromFact;
///
/// assert_eq!(String::from_fact(Some("id")), "id");
/// assert_eq!(String::from_fact(None), "");
/// assert_eq!(Option::<String>::from_fact(None), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "a `#[api_error(fact = \"...\")]` field must be a `String`, `Option<String>`, `Box<str>` or `Cow<'static, str>`, not `{Self}`",
    label = "this field takes a fact of the failure"
)]
pub trait FromFact {
    /// The field's value for the fact `value`.
    fn from_fact(value: Option<&str>) -> Self;
}

impl FromFact for String {
    fn from_fact(value: Option<&str>) -> String {
        value.unwrap_or_default().to_owned()
    }
}

impl FromFact for Box<str> {
    fn from_fact(value: Option<&str>) -> Box<str> {
        value.unwrap_or_default().into()
    }
}

impl FromFact for Cow<'static, str> {
    fn from_fact(value: Option<&str>) -> Cow<'static, str> {
        Cow::Owned(value.unwrap_or_default().to_owned())
    }
}

impl<T: FromFact> FromFact for Option<T> {
    fn from_fact(value: Option<&str>) -> Option<T> {
        value.map(|value| T::from_fact(Some(value)))
    }
}
