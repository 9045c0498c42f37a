//! Several errors in one response: [`Errors`], never empty, itself an [`ApiError`].

use crate::decode::ResponseHeaders;
use crate::style::{Items, List};
use crate::{
    ApiError, Body, Catalog, Code, Decode, DecodeError, Failure, FromFailure, Headers, Parts,
};
use crate::{Status, Style};
use core::fmt;
use core::ops::Deref;
use std::borrow::Cow;

/// A type whose errors are written in one style: the style of the body of several of them.
///
/// The derive implements it with the enum's `style` (a variant's own `style` does not apply
/// inside a collection: one body has one shape). [`Errors`] writes and reads its body in
/// `E::Style`. An error written by hand implements it in one line.
///
/// ```
/// use error_contract::style::Flat;
/// use error_contract::{ApiError, Catalog, Code, Errors, Status, Styled};
/// use std::borrow::Cow;
///
/// #[derive(Debug)]
/// struct Gone;
///
/// impl std::fmt::Display for Gone {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("gone")
///     }
/// }
///
/// impl ApiError for Gone {
///     fn status(&self) -> Status { Status::GONE }
///     fn code(&self) -> Code<'_> { Code::Str("gone") }
///     fn message(&self) -> Cow<'_, str> { Cow::Borrowed("gone") }
///     fn body(&self) -> error_contract::Body {
///         error_contract::Body::from_static(r#"{"code":"gone","message":"gone"}"#, "application/json")
///     }
///     fn catalog() -> Catalog { Catalog::new() }
/// }
///
/// impl Styled for Gone {
///     type Style = Flat;
/// }
///
/// let mut errors = Errors::new(Gone);
/// errors.push(Gone);
/// assert_eq!(
///     &*errors.body(),
///     r#"{"code":"gone","message":"gone","errors":[{"code":"gone","message":"gone"},{"code":"gone","message":"gone"}]}"#
/// );
/// ```
pub trait Styled: ApiError {
    /// The style of a body of several errors of this type.
    type Style: Style;
}

/// Several errors of one type in one response, in the type's style; never empty.
///
/// A collection is an [`ApiError`] (and, with the features, an axum `IntoResponse`, an actix-web
/// `ResponseError`, a utoipa `IntoResponses`, logged like any error): a handler returns
/// `Result<_, Errors<E>>`, and `?` turns a single `E` into a collection of one.
///
/// **Never empty, by construction.** [`Errors::new`] takes the first error, [`Errors::push`] adds
/// more, nothing removes one; from a `Vec` or an iterator the conversion is fallible
/// ([`TryFrom<Vec<E>>`](#impl-TryFrom%3CVec%3CE%3E%3E-for-Errors%3CE%3E),
/// [`Errors::try_from_iter`]). So an empty collection is a compile error where it is written
/// with `new`, and a `None` or `Err` where it comes from a list that may be empty.
///
/// **The body.** One error is written as that error's own body, byte for byte, so a collection
/// of one is the single error on the wire. Several errors are written in `E`'s style
/// ([`Style::write_errors`]), each error as its own body would show it:
///
/// | style | body of several errors |
/// | --- | --- |
/// | `dto` | `{"errors":[{"errorCode":..,"message":..,..},{..}]}`: every item in the array |
/// | `nested` | `{"error":{"code":..,"message":..,"details":[{"code":..,"message":..,..},{..}]}}`, as Microsoft's REST guidelines nest `details` |
/// | `flat` | `{"code":..,"message":..,"errors":[{"code":..,"message":..,..},{..}]}`, as GitHub's `{"message":"Validation Failed","errors":[..]}` |
/// | `message` | `{"errorMessage":..,"errors":[{"errorMessage":..,..},{..}]}` |
/// | `problem` | `{"type":..,"title":..,"status":..,"detail":..,"code":..,"errors":[{"detail":..,"code":..,..},{..}]}`, as RFC 9457 section 3 lists each error's `detail` and `pointer` |
///
/// The members outside the list describe the whole: when every error has the same code, they
/// are the first error's code, message, title and type (with the collection's status); when
/// the codes differ, there is no code, the message (and the problem title) is the status's
/// reason phrase and the problem type is `about:blank`.
///
/// **The status**: the errors' status when they all have the same; else, if any is a 5xx, the
/// 5xx they share, or 500 when they differ; else 400, the most general client error.
///
/// **The headers**: every error's headers, in order; a header that several errors send is sent
/// once, with the first error's value.
///
/// **Cost**: the body of any number of errors is written in one allocation of its exact size.
///
/// ```
/// use error_contract::{ApiError, Errors};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "dto")]
/// enum ShopError {
///     #[api_error(status = 400, code = 5000, message = "validation error")]
///     Validation {
///         #[api_error(expose)]
///         subject: &'static str,
///         #[api_error(expose, rename = "subjectType")]
///         subject_type: &'static str,
///     },
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
/// }
///
/// let mut errors = Errors::new(ShopError::Validation { subject: "firstName", subject_type: "parameter" });
/// errors.push(ShopError::Validation { subject: "lastName", subject_type: "parameter" });
/// assert_eq!(errors.status().as_u16(), 400);
/// assert_eq!(
///     &*errors.body(),
///     r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"},{"errorCode":5000,"message":"validation error","subject":"lastName","subjectType":"parameter"}]}"#
/// );
///
/// // A 400 and a 404: the most general client error.
/// errors.push(ShopError::NotFound);
/// assert_eq!(errors.status().as_u16(), 400);
/// assert_eq!(errors.len(), 3);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Errors<E> {
    /// Never empty: every constructor puts one error in, and nothing takes one out.
    items: Vec<E>,
}

/// The error of building an [`Errors`] from no error at all.
///
/// ```
/// use error_contract::{EmptyErrors, Errors, Unknown};
///
/// let none: Vec<Unknown> = Vec::new();
/// assert_eq!(Errors::<Unknown>::try_from(none), Err(EmptyErrors));
/// assert_eq!(EmptyErrors.to_string(), "a collection of errors needs at least one error");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EmptyErrors;

impl fmt::Display for EmptyErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a collection of errors needs at least one error")
    }
}

impl std::error::Error for EmptyErrors {}

impl<E> Errors<E> {
    /// A collection of one error.
    ///
    /// ```
    /// use error_contract::{Errors, Status, Unknown};
    ///
    /// let errors = Errors::new(Unknown::from_status(Status::NOT_FOUND));
    /// assert_eq!(errors.len(), 1);
    /// ```
    #[must_use]
    pub fn new(first: E) -> Errors<E> {
        Errors { items: vec![first] }
    }

    /// Adds an error after the others.
    ///
    /// ```
    /// use error_contract::{Errors, Status, Unknown};
    ///
    /// let mut errors = Errors::new(Unknown::from_status(Status::NOT_FOUND));
    /// errors.push(Unknown::from_status(Status::GONE));
    /// assert_eq!(errors.len(), 2);
    /// ```
    pub fn push(&mut self, error: E) {
        self.items.push(error);
    }

    /// The errors of `iter`, or `None` when it yields none.
    ///
    /// ```
    /// use error_contract::{Errors, Status, Unknown};
    ///
    /// let statuses = [Status::NOT_FOUND, Status::GONE];
    /// let errors = Errors::try_from_iter(statuses.into_iter().map(Unknown::from_status)).unwrap();
    /// assert_eq!(errors.len(), 2);
    /// assert!(Errors::<Unknown>::try_from_iter([]).is_none());
    /// ```
    pub fn try_from_iter<I: IntoIterator<Item = E>>(iter: I) -> Option<Errors<E>> {
        Errors::try_from(iter.into_iter().collect::<Vec<E>>()).ok()
    }

    /// The first error (there always is one).
    ///
    /// ```
    /// use error_contract::{ApiError, Errors, Status, Unknown};
    ///
    /// let errors = Errors::new(Unknown::from_status(Status::NOT_FOUND));
    /// assert_eq!(errors.first().status(), Status::NOT_FOUND);
    /// ```
    #[must_use]
    pub fn first(&self) -> &E {
        match self.items.as_slice() {
            [first, ..] => first,
            // Every constructor puts an error in and nothing takes one out.
            [] => unreachable!("an `Errors` is never empty"),
        }
    }

    /// The errors, in order.
    ///
    /// ```
    /// use error_contract::{Errors, Status, Unknown};
    ///
    /// let errors = Errors::new(Unknown::from_status(Status::NOT_FOUND));
    /// assert_eq!(errors.as_slice().len(), 1);
    /// ```
    #[must_use]
    pub fn as_slice(&self) -> &[E] {
        &self.items
    }

    /// The errors, as a `Vec` (never empty).
    ///
    /// ```
    /// use error_contract::{Errors, Status, Unknown};
    ///
    /// let errors = Errors::new(Unknown::from_status(Status::NOT_FOUND));
    /// assert_eq!(errors.into_vec().len(), 1);
    /// ```
    #[must_use]
    pub fn into_vec(self) -> Vec<E> {
        self.items
    }
}

impl<E: ApiError> Errors<E> {
    /// Whether every error has the first error's code.
    fn shared_code(&self) -> bool {
        let first = self.first().code();
        self.items.iter().all(|error| error.code() == first)
    }

    fn items(&self) -> Items<'_> {
        Items::new(&self.items, status_of(&self.items), self.shared_code())
    }
}

impl<E: ApiError> List for Vec<E> {
    fn len(&self) -> usize {
        <[E]>::len(self)
    }

    fn visit(&self, index: usize, visit: &mut dyn FnMut(&Parts<'_>)) {
        if let Some(error) = self.get(index) {
            error.with_parts(visit);
        }
    }

    fn code(&self) -> Code<'_> {
        self.first().map_or(Code::Num(0), ApiError::code)
    }
}

/// The collection's status: see [`Errors`].
fn status_of<E: ApiError>(items: &[E]) -> Status {
    let mut statuses = items.iter().map(ApiError::status);
    let Some(first) = statuses.next() else {
        return Status::BAD_REQUEST;
    };
    let mut all_same = true;
    let mut server: Option<Status> = first.is_server_error().then_some(first);
    let mut servers_differ = false;
    for status in statuses {
        all_same &= status == first;
        if status.is_server_error() {
            match server {
                None => server = Some(status),
                Some(seen) => servers_differ |= seen != status,
            }
        }
    }
    match server {
        _ if all_same => first,
        Some(_) if servers_differ => Status::INTERNAL_SERVER_ERROR,
        Some(server) => server,
        None => Status::BAD_REQUEST,
    }
}

impl<E> Deref for Errors<E> {
    type Target = [E];

    fn deref(&self) -> &[E] {
        &self.items
    }
}

impl<E> AsRef<[E]> for Errors<E> {
    fn as_ref(&self) -> &[E] {
        &self.items
    }
}

impl<E> From<E> for Errors<E> {
    fn from(error: E) -> Errors<E> {
        Errors::new(error)
    }
}

impl<E> TryFrom<Vec<E>> for Errors<E> {
    type Error = EmptyErrors;

    fn try_from(items: Vec<E>) -> Result<Errors<E>, EmptyErrors> {
        if items.is_empty() {
            Err(EmptyErrors)
        } else {
            Ok(Errors { items })
        }
    }
}

impl<E> From<Errors<E>> for Vec<E> {
    fn from(errors: Errors<E>) -> Vec<E> {
        errors.items
    }
}

impl<E> Extend<E> for Errors<E> {
    fn extend<I: IntoIterator<Item = E>>(&mut self, iter: I) {
        self.items.extend(iter);
    }
}

impl<E> IntoIterator for Errors<E> {
    type Item = E;
    type IntoIter = std::vec::IntoIter<E>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, E> IntoIterator for &'a Errors<E> {
    type Item = &'a E;
    type IntoIter = core::slice::Iter<'a, E>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<E: fmt::Debug> fmt::Debug for Errors<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Errors").field(&self.items).finish()
    }
}

/// The public message of the whole (see [`ApiError::message`] below).
impl<E: Styled> fmt::Display for Errors<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// The source of the first 5xx error, else of the first error: the cause a server error's log
/// shows.
impl<E: Styled + std::error::Error + 'static> std::error::Error for Errors<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.items
            .iter()
            .find(|error| error.status().is_server_error())
            .unwrap_or(self.first())
            .source()
    }
}

impl<E: Styled> ApiError for Errors<E> {
    fn status(&self) -> Status {
        status_of(&self.items)
    }

    /// The code every error has; when they differ, the status as a numeric code (as a client
    /// reads a body without a code).
    fn code(&self) -> Code<'_> {
        if self.shared_code() {
            self.first().code()
        } else {
            Code::Num(u32::from(self.status().as_u16()))
        }
    }

    /// The first error's message when every error has its code; else the status's reason
    /// phrase.
    fn message(&self) -> Cow<'_, str> {
        if self.items.len() == 1 || self.shared_code() {
            self.first().message()
        } else {
            Cow::Borrowed(error_contract_wire::reason::title(self.status().as_u16()))
        }
    }

    /// One error's own body; several in `E::Style`, in one allocation.
    fn body(&self) -> Body {
        if self.items.len() == 1 {
            return self.first().body();
        }
        let items = self.items();
        Body::build_with::<{ crate::json::STACK_ERRORS }>(
            <E::Style as Style>::CONTENT_TYPE,
            &|out| {
                <E::Style as Style>::write_errors(&items, out);
            },
        )
    }

    /// Every error's headers; a name already sent keeps its first value.
    fn headers(&self) -> Headers {
        if self.items.len() == 1 {
            return self.first().headers();
        }
        let mut headers = Headers::new();
        for error in &self.items {
            for (name, value) in error.headers() {
                if headers.get(name).is_none() {
                    headers.push(name, &value);
                }
            }
        }
        headers
    }

    /// The parts of the whole (see [`Items::summary`]).
    fn with_parts(&self, visit: &mut dyn FnMut(&Parts<'_>)) {
        if self.items.len() == 1 {
            self.first().with_parts(visit);
        } else {
            self.items().summary(visit);
        }
    }

    fn catalog() -> Catalog {
        E::catalog()
    }
}

impl<E: Styled> Styled for Errors<E> {
    type Style = E::Style;
}

/// A framework failure is one error: the variant of `E` that answers it, in a collection of one
/// (whose body is that variant's own body).
#[diagnostic::do_not_recommend]
impl<E: FromFailure + Styled> FromFailure for Errors<E> {
    fn from_failure(failure: &Failure<'_>) -> Errors<E> {
        Errors::new(E::from_failure(failure))
    }
}

/// Decodes a body of several errors in `E`'s style into each of them; any other body (one
/// error's, a body of another style, not JSON) decodes as one `E`. The first error that does not
/// decode (no variant has its code, and `E` has no `other` variant) is the error.
#[diagnostic::do_not_recommend]
impl<E: Decode + Styled> Decode for Errors<E> {
    fn decode(status: u16, body: &[u8]) -> Result<Errors<E>, DecodeError> {
        Self::decode_with_headers(status, crate::decode::headers::no_headers(), body)
    }

    fn decode_with_headers(
        status: u16,
        headers: &dyn ResponseHeaders,
        body: &[u8],
    ) -> Result<Errors<E>, DecodeError> {
        match E::__decode_errors(status, headers, body) {
            Some(items) => {
                Errors::try_from(items?).map_err(|EmptyErrors| DecodeError::NotAnError(status))
            }
            None => E::decode_with_headers(status, headers, body).map(Errors::new),
        }
    }
}

impl<E: ApiError> serde::Serialize for Errors<E>
where
    Errors<E>: ApiError,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::serialize::serialize_json(&self.body(), serializer)
    }
}
