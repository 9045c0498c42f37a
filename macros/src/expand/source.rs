//! Rust source text, written as a string and parsed into tokens at once.
//!
//! The derive runs unoptimized (cargo builds proc macros at `opt-level = 0`), and every token it
//! builds with `quote!` goes through `proc_macro2` and the compiler's bridge one at a time. The
//! static table is thousands of literals with no span of the user's: written here as text, the
//! compiler (optimized) turns them into tokens in one call. The tokens are the same: a literal
//! is escaped as `proc_macro::Literal::string` escapes it (`{:?}`), and every token gets the
//! call-site span, as `quote!` gives them.

use proc_macro2::TokenStream;
use std::fmt::Write as _;

#[derive(Default)]
pub(super) struct Source(String);

impl Source {
    /// Code as written: punctuation, paths, keywords.
    pub(super) fn code(&mut self, code: &str) -> &mut Self {
        self.0.push_str(code);
        self
    }

    /// A string literal.
    pub(super) fn str(&mut self, text: &str) -> &mut Self {
        let _ = write!(self.0, "{text:?}");
        self
    }

    /// A suffixed integer literal: `7u32`.
    pub(super) fn int(&mut self, n: impl std::fmt::Display, suffix: &str) -> &mut Self {
        let _ = write!(self.0, "{n}{suffix}");
        self
    }

    /// `true` or `false`.
    pub(super) fn bool(&mut self, b: bool) -> &mut Self {
        self.code(if b { "true" } else { "false" })
    }

    /// `&[a, b, ...]`, each item written by `item`.
    pub(super) fn slice<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut item: impl FnMut(&mut Self, T),
    ) -> &mut Self {
        self.0.push_str("&[");
        for (i, x) in items.into_iter().enumerate() {
            if i > 0 {
                self.0.push_str(", ");
            }
            item(self, x);
        }
        self.0.push(']');
        self
    }

    /// `&["a", "b", ...]`.
    pub(super) fn strs<S: AsRef<str>>(&mut self, items: impl IntoIterator<Item = S>) -> &mut Self {
        self.slice(items, |s, x| {
            s.str(x.as_ref());
        })
    }

    /// A byte string literal: `b"\x07\x00A..."`, a printable ASCII byte as itself.
    pub(super) fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.push_str("b\"");
        for &byte in bytes {
            self.byte(byte);
        }
        self.0.push('"');
        self
    }

    /// One byte inside a byte string literal.
    fn byte(&mut self, byte: u8) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        if (byte.is_ascii_graphic() || byte == b' ') && byte != b'"' && byte != b'\\' {
            self.0.push(char::from(byte));
        } else {
            self.0.push_str("\\x");
            self.0.push(char::from(HEX[usize::from(byte >> 4)]));
            self.0.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }

    /// `__ec::Ints(b"...")`: integers as four little-endian bytes each (the runtime's `Ints`).
    pub(super) fn ints(&mut self, values: impl IntoIterator<Item = u32>) -> &mut Self {
        self.0.push_str("__ec::Ints(b\"");
        for value in values {
            for byte in value.to_le_bytes() {
                self.byte(byte);
            }
        }
        self.0.push_str("\")");
        self
    }

    /// `__ec::Texts { .. }` of each row's text, if it has one (the runtime's `Texts`): the texts
    /// in one string literal, where each ends, and which rows have one (none listed when every
    /// row has one).
    pub(super) fn texts<S: AsRef<str>>(
        &mut self,
        texts: impl IntoIterator<Item = Option<S>>,
    ) -> &mut Self {
        let mut rows = Vec::new();
        let mut ends = Vec::new();
        let mut text = String::new();
        let mut every = true;
        for (row, t) in texts.into_iter().enumerate() {
            match t {
                Some(t) => {
                    text.push_str(t.as_ref());
                    rows.push(u32::try_from(row).unwrap_or(u32::MAX));
                    ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
                }
                None => every = false,
            }
        }
        if every {
            rows.clear();
        }
        self.code("__ec::Texts { rows: ")
            .ints(rows)
            .code(", ends: ")
            .ints(ends)
            .code(", text: ")
            .str(&text)
            .code(" }")
    }

    /// `Some("text")` or `None`, by their full paths.
    pub(super) fn option_str(&mut self, text: Option<&str>) -> &mut Self {
        match text {
            Some(text) => self
                .code("::core::option::Option::Some(")
                .str(text)
                .code(")"),
            None => self.code("::core::option::Option::None"),
        }
    }

    /// The tokens. Inside the compiler, parsed by the compiler: `proc_macro2`'s `parse` would
    /// first lex the text itself, unoptimized, to check it. The text is valid by construction
    /// (every literal escaped); were it not, the derive reports it rather than panic.
    pub(super) fn into_tokens(self) -> TokenStream {
        let parsed = if proc_macro::is_available() {
            self.0
                .parse::<proc_macro::TokenStream>()
                .map(TokenStream::from)
                .map_err(drop)
        } else {
            self.0.parse::<TokenStream>().map_err(drop)
        };
        match parsed {
            Ok(tokens) => tokens,
            Err(()) => quote::quote! {
                ::core::compile_error!("error-contract: the derive wrote a table it cannot parse; please report it");
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Source;

    #[test]
    fn writes_literals_as_quote_does() {
        let mut s = Source::default();
        s.code("(")
            .int(7, "u32")
            .code(", ")
            .str("a \"b\" \\ \n\t é")
            .code(", ")
            .bool(true)
            .code(", ")
            .option_str(None)
            .code(", ")
            .strs(["x", "y"])
            .code(")");
        let text = "a \"b\" \\ \n\t é";
        let expected =
            quote::quote!((7u32, #text, true, ::core::option::Option::None, &["x", "y"]));
        assert_eq!(s.into_tokens().to_string(), expected.to_string());
    }
}
