//! The five built-in wire styles, written at expansion time for bodies with no run-time part.
//!
//! Byte for byte what `error_contract::style::*` write at run time; the `styles` integration
//! test compares the two for every style.

use crate::code::CodeValue;
use crate::style::Builtin;
use std::fmt::Write as _;

/// What a static body holds.
pub(crate) struct StaticParts<'a> {
    pub(crate) status: u16,
    pub(crate) code: &'a CodeValue,
    pub(crate) message: &'a str,
    pub(crate) title: &'a str,
    pub(crate) type_base: Option<&'a str>,
}

pub(crate) fn static_body(style: Builtin, parts: &StaticParts<'_>) -> String {
    let mut out = String::with_capacity(64 + parts.message.len());
    match style {
        Builtin::Dto => {
            out.push_str(r#"{"errors":[{"errorCode":"#);
            code(&mut out, parts.code);
            out.push_str(r#","message":"#);
            string(&mut out, parts.message);
            out.push_str("}]}");
        }
        Builtin::Nested => {
            out.push_str(r#"{"error":{"code":"#);
            code(&mut out, parts.code);
            out.push_str(r#","message":"#);
            string(&mut out, parts.message);
            out.push_str("}}");
        }
        Builtin::Flat => {
            out.push_str(r#"{"code":"#);
            code(&mut out, parts.code);
            out.push_str(r#","message":"#);
            string(&mut out, parts.message);
            out.push('}');
        }
        Builtin::Message => {
            out.push_str(r#"{"errorMessage":"#);
            string(&mut out, parts.message);
            out.push('}');
        }
        Builtin::Problem => {
            out.push_str(r#"{"type":"#);
            match parts.type_base {
                Some(base) => string(&mut out, &format!("{base}{}", parts.code.text())),
                None => out.push_str(r#""about:blank""#),
            }
            out.push_str(r#","title":"#);
            string(&mut out, parts.title);
            out.push_str(r#","status":"#);
            out.push_str(&parts.status.to_string());
            out.push_str(r#","detail":"#);
            string(&mut out, parts.message);
            out.push_str(r#","code":"#);
            code(&mut out, parts.code);
            out.push('}');
        }
    }
    out
}

fn code(out: &mut String, code: &CodeValue) {
    match code {
        CodeValue::Num(n) => out.push_str(&n.to_string()),
        CodeValue::Str(s) => string(out, s),
    }
}

/// `text` as a JSON string.
pub(crate) fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    string(&mut out, text);
    out
}

/// A JSON string, escaped as `serde_json` (and the runtime's `JsonWriter`) escape it.
fn string(out: &mut String, text: &str) {
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            '\u{00}'..='\u{1f}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(ch));
            }
            _ => out.push(ch),
        }
    }
    out.push('"');
}

/// The problem title when no `title` is given: the reason phrase, else the status class.
pub(crate) fn default_title(status: u16) -> &'static str {
    match crate::reason::phrase(status) {
        Some(phrase) => phrase,
        None if status >= 500 => "Server Error",
        None => "Client Error",
    }
}

#[cfg(test)]
mod tests {
    use super::{Builtin, StaticParts, static_body};
    use crate::code::CodeValue;

    #[test]
    fn escapes_like_serde_json() {
        let code = CodeValue::Num(1);
        let parts = StaticParts {
            status: 400,
            code: &code,
            message: "q\" b\\ \u{1} \u{7f} \u{2028} </script> \u{1F600}",
            title: "",
            type_base: None,
        };
        assert_eq!(
            static_body(Builtin::Message, &parts),
            "{\"errorMessage\":\"q\\\" b\\\\ \\u0001 \u{7f} \u{2028} </script> \u{1F600}\"}"
        );
    }
}
