//! The codes of a type at compile time, so that enums composed with `transparent` are checked
//! for shared codes when they compile.

use crate::catalog::TableCodes;

/// The codes of a type, known at compile time.
///
/// The derive implements it. When an enum wraps another with `#[api_error(transparent)]`, a
/// constant evaluation compares the codes of the whole tree, and a code used twice is a compile
/// error naming it. A hand-written [`ApiError`](crate::ApiError) that a `transparent` variant
/// wraps implements it too, with its codes or with [`CodeSet::EMPTY`].
///
/// ```
/// use error_contract::{ApiError, Codes};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
/// enum AuthError {
///     #[api_error(status = 401, code = 4003, message = "authentication token is invalid")]
///     InvalidToken,
/// }
///
/// assert_eq!(AuthError::CODES.len(), 1);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is wrapped by a `transparent` variant, so its codes are checked against the enum's",
    label = "derive `ApiError` for it, or implement `error_contract::Codes` (with `CodeSet::EMPTY` if it has no fixed codes)"
)]
pub trait Codes {
    /// The type's codes and those of the types it wraps.
    const CODES: CodeSet;
}

/// A type's codes, the variants that use them, and the code sets of the types it wraps.
///
/// ```
/// use error_contract::{CodeSet, Codes};
///
/// /// A hand-written error with one fixed code.
/// struct Legacy;
///
/// impl Codes for Legacy {
///     const CODES: CodeSet = CodeSet::numeric("Legacy", &["Failed"], &[9999], &[]);
/// }
///
/// assert_eq!(Legacy::CODES.len(), 1);
/// assert!(CodeSet::EMPTY.is_empty());
/// ```
#[derive(Debug)]
pub struct CodeSet {
    type_name: &'static str,
    names: &'static [&'static str],
    codes: TableCodes,
    nested: &'static [&'static CodeSet],
}

impl CodeSet {
    /// No codes.
    pub const EMPTY: CodeSet = CodeSet {
        type_name: "",
        names: &[],
        codes: TableCodes::Num(&[]),
        nested: &[],
    };

    /// Numeric codes, each with the name of the variant that uses it, and the sets of the
    /// types this one wraps.
    ///
    /// See [`CodeSet`] for an example.
    #[must_use]
    pub const fn numeric(
        type_name: &'static str,
        names: &'static [&'static str],
        codes: &'static [u32],
        nested: &'static [&'static CodeSet],
    ) -> CodeSet {
        CodeSet {
            type_name,
            names,
            codes: TableCodes::Num(codes),
            nested,
        }
    }

    /// String codes, each with the name of the variant that uses it, and the sets of the types
    /// this one wraps.
    ///
    /// ```
    /// use error_contract::CodeSet;
    ///
    /// const SET: CodeSet = CodeSet::strings("Auth", &["Expired"], &["token_expired"], &[]);
    /// assert_eq!(SET.len(), 1);
    /// ```
    #[must_use]
    pub const fn strings(
        type_name: &'static str,
        names: &'static [&'static str],
        codes: &'static [&'static str],
        nested: &'static [&'static CodeSet],
    ) -> CodeSet {
        CodeSet {
            type_name,
            names,
            codes: TableCodes::Str(codes),
            nested,
        }
    }

    /// A set over a table's codes.
    pub(crate) const fn from_table(
        type_name: &'static str,
        names: &'static [&'static str],
        codes: TableCodes,
        nested: &'static [&'static CodeSet],
    ) -> CodeSet {
        CodeSet {
            type_name,
            names,
            codes,
            nested,
        }
    }

    /// The number of the type's own codes.
    ///
    /// See [`CodeSet`] for an example.
    #[must_use]
    pub const fn len(&self) -> usize {
        match self.codes {
            TableCodes::Num(codes) => codes.len(),
            TableCodes::Str(codes) => codes.len(),
        }
    }

    /// Whether the type has no codes of its own.
    ///
    /// See [`CodeSet`] for an example.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<T: Codes + ?Sized> Codes for Box<T> {
    const CODES: CodeSet = T::CODES;
}

impl<T: Codes + ?Sized> Codes for &T {
    const CODES: CodeSet = T::CODES;
}

impl<T: Codes + ?Sized> Codes for std::sync::Arc<T> {
    const CODES: CodeSet = T::CODES;
}

impl Codes for crate::Unknown {
    const CODES: CodeSet = CodeSet::EMPTY;
}

/// Fails compilation (with a message naming the code and both variants) when two sets of the tree
/// share a code; the derive calls it (through `__private`) in a constant.
///
/// # Panics
///
/// When a code is used twice: in a constant, that is the compile error.
pub const fn assert_unique(set: &CodeSet) {
    if let Some(dup) = find(set) {
        let mut m = Message::new();
        m.push("duplicate code ");
        match (dup.a.codes, dup.b.codes) {
            (TableCodes::Num(codes), _) => m.push_num(codes[dup.i]),
            (TableCodes::Str(codes), _) => {
                m.push("\"");
                m.push(codes[dup.i]);
                m.push("\"");
            }
        }
        m.push(": `");
        m.push(dup.a.type_name);
        m.push("::");
        m.push(name(dup.a, dup.i));
        m.push("` and `");
        m.push(dup.b.type_name);
        m.push("::");
        m.push(name(dup.b, dup.j));
        m.push("` both use it, in enums composed with `transparent`");
        panic!("{}", m.as_str());
    }
}

/// Two places of a tree with the same code: `a`'s `i`-th and `b`'s `j`-th.
struct Duplicate<'a> {
    a: &'a CodeSet,
    i: usize,
    b: &'a CodeSet,
    j: usize,
}

/// The first code used twice in the tree: a type's own codes against everything under each
/// type it wraps, and the types it wraps against each other, at every level.
const fn find(set: &CodeSet) -> Option<Duplicate<'_>> {
    let mut i = 0;
    while i < set.nested.len() {
        if let Some(dup) = against_tree(set, set.nested[i]) {
            return Some(dup);
        }
        let mut j = i + 1;
        while j < set.nested.len() {
            if let Some(dup) = tree_against_tree(set.nested[i], set.nested[j]) {
                return Some(dup);
            }
            j += 1;
        }
        if let Some(dup) = find(set.nested[i]) {
            return Some(dup);
        }
        i += 1;
    }
    None
}

const fn tree_against_tree<'a>(a: &'a CodeSet, b: &'a CodeSet) -> Option<Duplicate<'a>> {
    if let Some(dup) = against_tree(a, b) {
        return Some(dup);
    }
    let mut i = 0;
    while i < a.nested.len() {
        if let Some(dup) = tree_against_tree(a.nested[i], b) {
            return Some(dup);
        }
        i += 1;
    }
    None
}

const fn against_tree<'a>(own: &'a CodeSet, tree: &'a CodeSet) -> Option<Duplicate<'a>> {
    if let Some(dup) = against(own, tree) {
        return Some(dup);
    }
    let mut i = 0;
    while i < tree.nested.len() {
        if let Some(dup) = against_tree(own, tree.nested[i]) {
            return Some(dup);
        }
        i += 1;
    }
    None
}

/// `own`'s own codes against `other`'s own codes.
const fn against<'a>(own: &'a CodeSet, other: &'a CodeSet) -> Option<Duplicate<'a>> {
    let mut at = 0;
    while at < own.len() {
        let mut other_at = 0;
        while other_at < other.len() {
            let same = match (own.codes, other.codes) {
                (TableCodes::Num(left), TableCodes::Num(right)) => left[at] == right[other_at],
                (TableCodes::Str(left), TableCodes::Str(right)) => {
                    str_eq(left[at], right[other_at])
                }
                // A numeric and a string code never compare equal.
                _ => false,
            };
            if same {
                return Some(Duplicate {
                    a: own,
                    i: at,
                    b: other,
                    j: other_at,
                });
            }
            other_at += 1;
        }
        at += 1;
    }
    None
}

const fn name(set: &CodeSet, i: usize) -> &'static str {
    if i < set.names.len() {
        set.names[i]
    } else {
        "?"
    }
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A message built during constant evaluation.
struct Message {
    buf: [u8; 512],
    len: usize,
}

impl Message {
    const fn new() -> Message {
        Message {
            buf: [0; 512],
            len: 0,
        }
    }

    const fn push(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let mut i = 0;
        // Whole characters only, so the buffer stays UTF-8 when it fills up.
        while i < bytes.len() && self.len < self.buf.len() - 4 {
            self.buf[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        while self.len > 0 && (self.buf[self.len - 1] & 0xc0) == 0x80 && i < bytes.len() {
            self.len -= 1;
        }
    }

    const fn push_num(&mut self, n: u32) {
        let (digits, mut at) = crate::json::decimal(n as u64);
        while at < digits.len() && self.len < self.buf.len() {
            self.buf[self.len] = digits[at];
            self.len += 1;
            at += 1;
        }
    }

    const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.buf.split_at(self.len).0) {
            Ok(s) => s,
            Err(_) => "duplicate code",
        }
    }
}
