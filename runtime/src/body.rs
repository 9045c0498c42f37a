//! Error bodies.

use crate::Style;
use crate::json::{JsonWriter, STACK};
use crate::style::Parts;
use core::fmt;
use core::ops::Deref;
use std::borrow::Cow;

/// A JSON error body and its content type.
///
/// It derefs to the JSON text. For a variant whose body has no run-time part it is a
/// `&'static str` the derive wrote at compile time (for a custom style: that the style wrote at
/// the first use, kept for the next), so building it costs nothing; a body with
/// run-time parts (an interpolated message, exposed fields) is one `String`, allocated once at
/// its exact size.
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
/// enum ShopError {
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
/// }
///
/// let body = ShopError::NotFound.body();
/// assert_eq!(&*body, r#"{"code":3001,"message":"entity not found"}"#);
/// assert_eq!(body.content_type(), "application/json");
/// assert!(body.is_static());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Body {
    json: Cow<'static, str>,
    content_type: &'static str,
}

impl Body {
    /// A body from JSON text known at compile time.
    ///
    /// ```
    /// use error_contract::Body;
    ///
    /// let body = Body::from_static(r#"{"error":"gone"}"#, "application/json");
    /// assert_eq!(body.as_str(), r#"{"error":"gone"}"#);
    /// ```
    #[must_use]
    pub const fn from_static(json: &'static str, content_type: &'static str) -> Body {
        Body {
            json: Cow::Borrowed(json),
            content_type,
        }
    }

    /// A body from JSON text built at run time. The caller vouches that it is JSON.
    ///
    /// ```
    /// use error_contract::Body;
    ///
    /// let body = Body::new(format!(r#"{{"id":{}}}"#, 7), "application/json");
    /// assert_eq!(&*body, r#"{"id":7}"#);
    /// assert!(!body.is_static());
    /// ```
    #[must_use]
    pub fn new(json: String, content_type: &'static str) -> Body {
        Body {
            json: Cow::Owned(json),
            content_type,
        }
    }

    /// Writes the body of `parts` in style `S`, in one allocation of the exact size.
    ///
    /// ```
    /// use error_contract::{Body, Code, Parts, Status, style::Flat};
    ///
    /// let body = Body::build::<Flat>(&Parts::new(Status::GONE, Code::Num(7), &"gone"));
    /// assert_eq!(&*body, r#"{"code":7,"message":"gone"}"#);
    /// assert!(!body.is_static());
    /// ```
    #[must_use]
    pub fn build<S: Style + ?Sized>(parts: &Parts<'_>) -> Body {
        Body::build_with::<STACK>(S::CONTENT_TYPE, &|out| S::write_body(parts, out))
    }

    /// Writes a body with `write`, called once or twice (to measure, then to write), in one
    /// allocation of the exact size; the first pass goes to a buffer of `N` bytes on the stack.
    pub(crate) fn build_with<const N: usize>(
        content_type: &'static str,
        write: &dyn Fn(&mut JsonWriter<'_>),
    ) -> Body {
        // First pass into a buffer on the stack: a body that fits (most do) is copied into its
        // one allocation; a larger one was measured on the way and is written a second time,
        // into its allocation.
        let mut stack = [0u8; N];
        let mut first = JsonWriter::counting(&mut stack);
        write(&mut first);
        let buf = if let Some(written) = first.written() {
            written.to_vec()
        } else {
            let mut buf = vec![0; first.len()];
            let mut second = JsonWriter::spilling(&mut buf);
            write(&mut second);
            // A style that wrote less the second time (it should not) leaves no zeros behind,
            // and one that wrote more, nothing out.
            let (len, spill) = second.finish();
            buf.truncate(len);
            buf.extend_from_slice(&spill);
            buf
        };
        // Everything a `JsonWriter` writes comes from a `&str` or from `serde_json`, so this is
        // UTF-8; the lossy branch only keeps the impossible case from panicking.
        let json = String::from_utf8(buf)
            .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned());
        Body {
            json: Cow::Owned(json),
            content_type,
        }
    }

    /// The JSON text.
    ///
    /// See [`Body::from_static`] for an example.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.json
    }

    /// The `Content-Type` of the body: `application/json`, or `application/problem+json` for
    /// the problem style.
    ///
    /// See [`Body`] for an example.
    #[must_use]
    pub fn content_type(&self) -> &'static str {
        self.content_type
    }

    /// Whether the body is a `&'static str` (no allocation): written by the derive, or, for a
    /// custom style's body with no run-time part, written by the style at its first use and kept.
    ///
    /// See [`Body`] for an example.
    #[must_use]
    pub fn is_static(&self) -> bool {
        matches!(self.json, Cow::Borrowed(_))
    }

    /// The JSON text, borrowed when static and owned otherwise; framework integrations use this
    /// to send a static body without copying it.
    ///
    /// ```
    /// use error_contract::Body;
    /// use std::borrow::Cow;
    ///
    /// let body = Body::from_static("{}", "application/json");
    /// assert!(matches!(body.into_cow(), Cow::Borrowed("{}")));
    /// ```
    #[must_use]
    pub fn into_cow(self) -> Cow<'static, str> {
        self.json
    }

    /// The JSON text as a `String` (a copy for a static body).
    ///
    /// ```
    /// use error_contract::Body;
    ///
    /// assert_eq!(Body::from_static("{}", "application/json").into_string(), "{}");
    /// ```
    #[must_use]
    pub fn into_string(self) -> String {
        self.json.into_owned()
    }
}

impl Deref for Body {
    type Target = str;

    fn deref(&self) -> &str {
        &self.json
    }
}

impl AsRef<str> for Body {
    fn as_ref(&self) -> &str {
        &self.json
    }
}

impl AsRef<[u8]> for Body {
    fn as_ref(&self) -> &[u8] {
        self.json.as_bytes()
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.json)
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Body")
            .field("json", &&*self.json)
            .field("content_type", &self.content_type)
            .finish()
    }
}

impl PartialEq<str> for Body {
    fn eq(&self, other: &str) -> bool {
        *self.json == *other
    }
}

impl PartialEq<&str> for Body {
    fn eq(&self, other: &&str) -> bool {
        *self.json == **other
    }
}

impl From<Body> for String {
    fn from(body: Body) -> String {
        body.into_string()
    }
}

#[cfg(test)]
mod tests;
