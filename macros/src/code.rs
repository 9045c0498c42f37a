//! A stable code as the derive sees it: a number or a string, as written or derived from the
//! variant's name. A leaf of the module graph: parsing, checks and expansion all use it.

use std::fmt;

/// A stable code.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Code {
    Num(u32),
    Str(String),
}

impl Code {
    /// The code as it reads on the wire (`3001`, `not_found`), unquoted.
    pub(crate) fn text(&self) -> String {
        match self {
            Code::Num(n) => n.to_string(),
            Code::Str(s) => s.clone(),
        }
    }
}

/// For messages: string codes in quotes.
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Num(n) => write!(f, "{n}"),
            Code::Str(s) => write!(f, "\"{s}\""),
        }
    }
}
