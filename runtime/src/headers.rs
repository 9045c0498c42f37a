//! Response headers an error carries.

use core::fmt::{self, Write as _};

/// The headers an error sends with its response, as `(name, value)` pairs.
///
/// Each value is what the field displays. A value containing a control character (CR, LF, NUL,
/// ...; a tab is allowed) could split or corrupt the response, so it is dropped, never sent.
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
/// let headers = LimitError::RateLimited { retry_after: 30 }.headers();
/// assert_eq!(headers.get("retry-after"), Some("30"));
/// let pairs: Vec<(&str, String)> = headers.into_iter().collect();
/// assert_eq!(pairs, [("Retry-After", "30".to_string())]);
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Headers {
    list: Vec<(&'static str, String)>,
}

impl Headers {
    /// No headers (no allocation).
    ///
    /// ```
    /// assert!(error_contract::Headers::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> Headers {
        Headers { list: Vec::new() }
    }

    /// Adds a header whose value is what `value` displays. Returns `false`, adding nothing, if
    /// that contains a control character other than tab.
    ///
    /// ```
    /// let mut headers = error_contract::Headers::new();
    /// assert!(headers.push("Retry-After", &30));
    /// assert!(!headers.push("X-Evil", &"a\r\nSet-Cookie: x=1"));
    /// assert_eq!(headers.len(), 1);
    /// ```
    pub fn push(&mut self, name: &'static str, value: &dyn fmt::Display) -> bool {
        let mut text = String::new();
        if write!(text, "{value}").is_err() || !is_valid_value(&text) {
            return false;
        }
        self.list.push((name, text));
        true
    }

    /// The value of the first header with this name, compared without regard to ASCII case.
    ///
    /// See [`Headers`] for an example.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.list
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The headers in order.
    ///
    /// ```
    /// let mut headers = error_contract::Headers::new();
    /// headers.push("Retry-After", &30);
    /// assert_eq!(headers.iter().collect::<Vec<_>>(), [("Retry-After", "30")]);
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&'static str, &str)> {
        self.list.iter().map(|(n, v)| (*n, v.as_str()))
    }

    /// The number of headers.
    ///
    /// See [`Headers::push`] for an example.
    #[must_use]
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are no headers.
    ///
    /// See [`Headers::new`] for an example.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// RFC 9110 field values: visible characters, spaces and tabs, and obs-text.
fn is_valid_value(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b == b'\t' || (b >= 0x20 && b != 0x7f))
}

impl IntoIterator for Headers {
    type Item = (&'static str, String);
    type IntoIter = std::vec::IntoIter<(&'static str, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

impl fmt::Debug for Headers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}
