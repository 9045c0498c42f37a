//! The `ApiError` trait.

use crate::{Body, Catalog, Code, Headers, Parts, Status};
use core::fmt;
use std::borrow::Cow;

/// An error with an HTTP contract: status, stable code, public message, body and headers.
///
/// Derive it with `#[derive(ApiError)]`; see the [crate documentation](crate) for the
/// attribute. Implementing it by hand is possible too (for a foreign error format, say).
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "nested", rename_all = "snake_case")]
/// enum CertifierError {
///     /// Either the path or the object does not exist.
///     #[api_error(status = 404, message = "not found")]
///     NotFound,
///     #[api_error(status = 429, message = "too many requests")]
///     RateLimited {
///         #[api_error(header = "Retry-After")]
///         retry_after: u32,
///     },
/// }
///
/// let err = CertifierError::NotFound;
/// assert_eq!(err.status().as_u16(), 404);
/// assert_eq!(err.code(), "not_found");
/// assert_eq!(err.message(), "not found");
/// assert_eq!(err.to_string(), "not found");
/// assert_eq!(&*err.body(), r#"{"error":{"code":"not_found","message":"not found"}}"#);
///
/// let err = CertifierError::RateLimited { retry_after: 30 };
/// assert_eq!(err.headers().get("Retry-After"), Some("30"));
/// ```
pub trait ApiError: fmt::Display + fmt::Debug {
    /// The HTTP status of the response.
    fn status(&self) -> Status;

    /// The stable code that clients match on.
    fn code(&self) -> Code<'_>;

    /// The public message, safe to show to users. Borrowed unless it interpolates fields.
    fn message(&self) -> Cow<'_, str>;

    /// The JSON body in the type's wire style.
    fn body(&self) -> Body;

    /// The headers sent with the response (none by default).
    fn headers(&self) -> Headers {
        Headers::new()
    }

    /// Hands the parts of this error's body to `visit`: its status, code, public message,
    /// problem title and type base, and exposed fields. A collection of errors
    /// ([`Errors`](crate::Errors)) writes each of its errors from these, all into one buffer.
    ///
    /// The derive implements it; the default (for an error written by hand) hands over the
    /// status, the code and the message, without fields.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "flat")]
    /// enum ShopError {
    ///     #[api_error(status = 422, code = 5001, message = "out of range")]
    ///     OutOfRange {
    ///         #[api_error(expose)]
    ///         pointer: String,
    ///     },
    /// }
    ///
    /// let error = ShopError::OutOfRange { pointer: "/quantity".into() };
    /// let mut keys = Vec::new();
    /// error.with_parts(&mut |parts| {
    ///     assert_eq!(parts.code(), 5001);
    ///     assert_eq!(parts.message().to_string(), "out of range");
    ///     keys.extend(parts.fields().iter().map(|field| field.key().to_owned()));
    /// });
    /// assert_eq!(keys, ["pointer"]);
    /// ```
    fn with_parts(&self, visit: &mut dyn FnMut(&Parts<'_>)) {
        let message = self.message();
        visit(&Parts::new(self.status(), self.code(), &message));
    }

    /// Every error this type can produce.
    fn catalog() -> Catalog
    where
        Self: Sized;
}

impl<E: ApiError + ?Sized> ApiError for &E {
    fn status(&self) -> Status {
        (**self).status()
    }

    fn code(&self) -> Code<'_> {
        (**self).code()
    }

    fn message(&self) -> Cow<'_, str> {
        (**self).message()
    }

    fn body(&self) -> Body {
        (**self).body()
    }

    fn headers(&self) -> Headers {
        (**self).headers()
    }

    fn with_parts(&self, visit: &mut dyn FnMut(&Parts<'_>)) {
        (**self).with_parts(visit);
    }

    fn catalog() -> Catalog {
        Catalog::new()
    }
}

impl<E: ApiError + ?Sized> ApiError for Box<E> {
    fn status(&self) -> Status {
        (**self).status()
    }

    fn code(&self) -> Code<'_> {
        (**self).code()
    }

    fn message(&self) -> Cow<'_, str> {
        (**self).message()
    }

    fn body(&self) -> Body {
        (**self).body()
    }

    fn headers(&self) -> Headers {
        (**self).headers()
    }

    fn with_parts(&self, visit: &mut dyn FnMut(&Parts<'_>)) {
        (**self).with_parts(visit);
    }

    fn catalog() -> Catalog {
        Catalog::new()
    }
}
