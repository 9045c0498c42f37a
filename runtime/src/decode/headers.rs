//! A response's headers, as decoding reads them.

use crate::Headers;

/// The headers of a response, for [`Decode::decode_with_headers`](crate::Decode::decode_with_headers):
/// header fields (`#[api_error(header = "Retry-After")]`) are read from them.
///
/// Implemented for `http::HeaderMap` (feature `http`, which `reqwest` turns on), for
/// [`Headers`] (what a derived error sends, so a value round-trips), and for lists of
/// `(name, value)` pairs.
///
/// ```
/// use error_contract::decode::ResponseHeaders;
///
/// let headers = [("Content-Type", "application/json"), ("retry-after", "30")];
/// assert_eq!(headers.header("Retry-After"), Some("30"));
/// assert_eq!(headers.header("WWW-Authenticate"), None);
/// ```
pub trait ResponseHeaders {
    /// The value of the first header named `name` (ASCII case-insensitive), if there is one and
    /// it is text.
    ///
    /// See [`ResponseHeaders`] for an example.
    fn header(&self, name: &str) -> Option<&str>;
}

/// The headers of a response decoded without them (`Decode::decode`): none.
#[must_use]
pub fn no_headers() -> &'static dyn ResponseHeaders {
    const NONE: &[(&str, &str)] = &[];
    &NONE
}

impl<T: ResponseHeaders + ?Sized> ResponseHeaders for &T {
    fn header(&self, name: &str) -> Option<&str> {
        (**self).header(name)
    }
}

/// ```
/// use error_contract::decode::ResponseHeaders;
///
/// let headers: &[(String, String)] = &[("Retry-After".into(), "30".into())];
/// assert_eq!(headers.header("retry-after"), Some("30"));
/// ```
impl<K: AsRef<str>, V: AsRef<str>> ResponseHeaders for [(K, V)] {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(key, _)| key.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_ref())
    }
}

/// See [`ResponseHeaders`] for an example.
impl<K: AsRef<str>, V: AsRef<str>, const N: usize> ResponseHeaders for [(K, V); N] {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

/// ```
/// use error_contract::decode::ResponseHeaders;
///
/// let headers = vec![("Retry-After", "30")];
/// assert_eq!(headers.header("retry-after"), Some("30"));
/// ```
impl<K: AsRef<str>, V: AsRef<str>> ResponseHeaders for Vec<(K, V)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

/// What a derived error sends, read back.
///
/// ```
/// use error_contract::decode::ResponseHeaders;
/// use error_contract::Headers;
///
/// let mut headers = Headers::new();
/// headers.push("Retry-After", &30);
/// assert_eq!(ResponseHeaders::header(&headers, "retry-after"), Some("30"));
/// ```
impl ResponseHeaders for Headers {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name)
    }
}

/// ```
/// use error_contract::decode::ResponseHeaders;
///
/// let mut headers = http::HeaderMap::new();
/// headers.insert("retry-after", http::HeaderValue::from_static("30"));
/// assert_eq!(headers.header("Retry-After"), Some("30"));
/// ```
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl ResponseHeaders for http::HeaderMap {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name)?.to_str().ok()
    }
}
