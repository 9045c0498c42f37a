//! Stable error codes.

use core::fmt;

/// A stable error code: a number (`3001`) or a string (`"not_found"`).
///
/// Derived errors return `Code<'static>`. The lifetime lets an error decoded from a response
/// (whose code arrived at run time) hand out its code without leaking or allocating.
///
/// ```
/// use error_contract::Code;
///
/// let numeric = Code::Num(3001);
/// let string = Code::Str("not_found");
/// assert_eq!(numeric, 3001);
/// assert_eq!(string, "not_found");
/// assert_eq!(numeric.to_string(), "3001");
/// assert_eq!(serde_json::to_string(&numeric).unwrap(), "3001");
/// assert_eq!(serde_json::to_string(&string).unwrap(), r#""not_found""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code<'a> {
    /// A numeric code, written as a JSON number.
    Num(u32),
    /// A string code, written as a JSON string.
    Str(&'a str),
}

impl Code<'_> {
    /// The number, for a numeric code.
    ///
    /// ```
    /// use error_contract::Code;
    ///
    /// assert_eq!(Code::Num(7).as_num(), Some(7));
    /// assert_eq!(Code::Str("x").as_num(), None);
    /// ```
    #[must_use]
    pub const fn as_num(&self) -> Option<u32> {
        match *self {
            Code::Num(n) => Some(n),
            Code::Str(_) => None,
        }
    }

    /// The string, for a string code.
    ///
    /// ```
    /// use error_contract::Code;
    ///
    /// assert_eq!(Code::Str("x").as_str(), Some("x"));
    /// assert_eq!(Code::Num(7).as_str(), None);
    /// ```
    #[must_use]
    pub const fn as_str(&self) -> Option<&str> {
        match *self {
            Code::Num(_) => None,
            Code::Str(s) => Some(s),
        }
    }
}

impl fmt::Display for Code<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Num(n) => fmt::Display::fmt(n, f),
            Code::Str(s) => f.pad(s),
        }
    }
}

impl PartialEq<u32> for Code<'_> {
    fn eq(&self, other: &u32) -> bool {
        *self == Code::Num(*other)
    }
}

impl PartialEq<&str> for Code<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == Code::Str(other)
    }
}

impl PartialEq<str> for Code<'_> {
    fn eq(&self, other: &str) -> bool {
        *self == Code::Str(other)
    }
}

impl serde::Serialize for Code<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Code::Num(n) => serializer.serialize_u32(n),
            Code::Str(s) => serializer.serialize_str(s),
        }
    }
}
