//! Response headers an error carries.

use core::fmt::{self, Write as _};
use std::borrow::Cow;

use error_contract_wire::header::is_valid_value;

/// The headers an error sends with its response, as `(name, value)` pairs.
///
/// A field's header is what the field displays; a fixed header (`headers("Name" = "value")`, or
/// a template of only the code and a static message) is its literal, and costs no allocation: an
/// error whose headers are all fixed hands over a `&'static` list. A value written at run time
/// takes one allocation of its length, and the list one. A value written at run time (a field's, a template's) containing a control
/// character (CR, LF, NUL, ...; a tab is allowed) could split or corrupt the response, so that
/// header is dropped, never sent.
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
#[derive(Clone)]
pub struct Headers {
    /// The derive's list, known at compile time: no allocation.
    fixed: &'static [(&'static str, &'static str)],
    /// Added at run time, after `fixed`.
    added: Vec<(&'static str, Cow<'static, str>)>,
}

impl Headers {
    /// No headers (no allocation).
    ///
    /// ```
    /// assert!(error_contract::Headers::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> Headers {
        Headers::fixed(&[])
    }

    /// Headers known at compile time, handed over without allocating.
    pub(crate) const fn fixed(list: &'static [(&'static str, &'static str)]) -> Headers {
        Headers {
            fixed: list,
            added: Vec::new(),
        }
    }

    /// Adds a header whose value is known at compile time (the value is not copied).
    /// No headers yet, with room for `n` added ones: one allocation for a variant's list.
    pub(crate) fn with_capacity(n: usize) -> Headers {
        Headers {
            fixed: &[],
            added: Vec::with_capacity(n),
        }
    }

    pub(crate) fn push_fixed(&mut self, name: &'static str, value: &'static str) {
        self.added.push((name, Cow::Borrowed(value)));
    }

    /// The pairs, a fixed value still borrowed: for responses that can take a `&'static str`
    /// without copying it.
    pub(crate) fn into_values(self) -> impl Iterator<Item = (&'static str, Cow<'static, str>)> {
        self.fixed
            .iter()
            .map(|(n, v)| (*n, Cow::Borrowed(*v)))
            .chain(self.added)
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
        match displayed(value) {
            Some(text) if is_valid_value(&text) => {
                self.added.push((name, Cow::Owned(text)));
                true
            }
            _ => false,
        }
    }

    /// The value of the first header with this name, compared without regard to ASCII case.
    ///
    /// See [`Headers`] for an example.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// The headers in order.
    ///
    /// ```
    /// let mut headers = error_contract::Headers::new();
    /// headers.push("Retry-After", &30);
    /// assert_eq!(headers.iter().collect::<Vec<_>>(), [("Retry-After", "30")]);
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&'static str, &str)> {
        let len = self.fixed.len() + self.added.len();
        let pairs = self
            .fixed
            .iter()
            .map(|(n, v)| (*n, *v))
            .chain(self.added.iter().map(|(n, v)| (*n, v.as_ref())));
        Exact { pairs, len }
    }

    /// The number of headers.
    ///
    /// See [`Headers::push`] for an example.
    #[must_use]
    pub fn len(&self) -> usize {
        self.fixed.len() + self.added.len()
    }

    /// Whether there are no headers.
    ///
    /// See [`Headers::new`] for an example.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// An iterator that knows its length.
struct Exact<I> {
    pairs: I,
    len: usize,
}

impl<I: Iterator> Iterator for Exact<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        let next = self.pairs.next()?;
        self.len -= 1;
        Some(next)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.len, Some(self.len))
    }
}

impl<I: Iterator> ExactSizeIterator for Exact<I> {}

impl Default for Headers {
    fn default() -> Headers {
        Headers::new()
    }
}

/// The same pairs in the same order, however they were built.
impl PartialEq for Headers {
    fn eq(&self, other: &Headers) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Headers {}

/// What `value` displays, in one allocation of its exact length: a short value is written into a
/// buffer on the stack and copied, a longer one is measured first and then written. (A `String`
/// written to directly grows two to four times for a URL-sized value.) `None` if `value`'s
/// `Display` fails.
fn displayed(value: &dyn fmt::Display) -> Option<String> {
    let mut short = Short {
        bytes: [0; SHORT],
        len: 0,
        full: false,
    };
    match write!(short, "{value}") {
        Ok(()) => return short.text().map(String::from),
        Err(_) if !short.full => return None,
        Err(_) => {}
    }
    let mut len = Measure(0);
    write!(len, "{value}").ok()?;
    let mut text = String::with_capacity(len.0);
    write!(text, "{value}").ok()?;
    Some(text)
}

/// The longest value [`displayed`] writes on the stack.
const SHORT: usize = 128;

/// A value's text on the stack, while it fits.
struct Short {
    bytes: [u8; SHORT],
    len: usize,
    /// A piece did not fit.
    full: bool,
}

impl Short {
    fn text(&self) -> Option<&str> {
        // Whole `&str` pieces were copied in: always UTF-8.
        core::str::from_utf8(self.bytes.get(..self.len)?).ok()
    }
}

impl fmt::Write for Short {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        let end = self.len + piece.len();
        let Some(room) = self.bytes.get_mut(self.len..end) else {
            self.full = true;
            return Err(fmt::Error);
        };
        room.copy_from_slice(piece.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The length of a value's text.
struct Measure(usize);

impl fmt::Write for Measure {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        self.0 += piece.len();
        Ok(())
    }
}

impl IntoIterator for Headers {
    type Item = (&'static str, String);
    type IntoIter = std::vec::IntoIter<(&'static str, String)>;

    /// The pairs, each value a `String` (a fixed value is copied here; [`Headers::iter`]
    /// borrows instead).
    fn into_iter(self) -> Self::IntoIter {
        let list: Vec<(&'static str, String)> = self
            .into_values()
            .map(|(n, v)| (n, v.into_owned()))
            .collect();
        list.into_iter()
    }
}

impl fmt::Debug for Headers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}
