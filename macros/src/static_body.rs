//! Bodies with no run-time part, written at expansion time by the walk the runtime writes the
//! others with (`error_contract_wire::write_body`), so the two cannot differ.

use crate::attr::Literal;
use crate::code::Code;
use error_contract_wire::{Builtin, Constant, ConstantValue, Names, Sink, escape, write_body};

/// What a static body holds.
pub(crate) struct StaticParts<'a> {
    pub(crate) status: u16,
    pub(crate) code: &'a Code,
    pub(crate) message: &'a str,
    pub(crate) title: &'a str,
    pub(crate) type_base: Option<&'a str>,
    pub(crate) names: &'a Names<'a>,
    pub(crate) constants: &'a [Constant<'a>],
}

pub(crate) fn static_body(style: Builtin, parts: &StaticParts<'_>) -> String {
    let mut sink = Text {
        out: String::with_capacity(64 + parts.message.len()),
        parts,
    };
    write_body(
        style,
        parts.names,
        parts.constants,
        parts.type_base,
        &mut sink,
    );
    sink.out
}

struct Text<'a> {
    out: String,
    parts: &'a StaticParts<'a>,
}

impl Sink for Text<'_> {
    fn raw(&mut self, json: &str) {
        self.out.push_str(json);
    }

    fn escaped(&mut self, text: &str) {
        escaped(&mut self.out, text);
    }

    fn code(&mut self) {
        match self.parts.code {
            Code::Num(n) => self.out.push_str(&n.to_string()),
            Code::Str(s) => self.string(s),
        }
    }

    fn code_text(&mut self) {
        escaped(&mut self.out, &self.parts.code.text());
    }

    fn message(&mut self) {
        self.string(self.parts.message);
    }

    fn status(&mut self) {
        self.out.push_str(&self.parts.status.to_string());
    }

    fn title(&mut self) {
        self.string(self.parts.title);
    }

    fn instance(&mut self) {}

    fn fields(&mut self) {}
}

fn escaped(out: &mut String, text: &str) {
    // The escape writes whole runs of `text` and ASCII escapes: each is UTF-8 on its own.
    escape::escape(text, |bytes| {
        out.push_str(std::str::from_utf8(bytes).unwrap_or_default());
    });
}

/// `text` as a JSON string.
pub(crate) fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    escaped(&mut out, text);
    out.push('"');
    out
}

/// A literal as a constant member's value: numbers as JSON text (`1.` becomes `1.0`).
pub(crate) fn constant(literal: &Literal) -> ConstantValue<'_> {
    match literal {
        Literal::Str(s) => ConstantValue::Str(s),
        Literal::Int(digits) | Literal::Float(digits) => ConstantValue::Number(digits),
        Literal::Bool(b) => ConstantValue::Bool(*b),
    }
}

#[cfg(test)]
mod tests {
    use super::{StaticParts, static_body};
    use crate::code::Code;
    use error_contract_wire::{Builtin, Names};

    #[test]
    fn escapes_like_serde_json() {
        let code = Code::Num(1);
        let parts = StaticParts {
            status: 400,
            code: &code,
            message: "q\" b\\ \u{1} \u{7f} \u{2028} </script> \u{1F600}",
            title: "",
            type_base: None,
            names: &Names::DEFAULT,
            constants: &[],
        };
        assert_eq!(
            static_body(Builtin::Message, &parts),
            "{\"errorMessage\":\"q\\\" b\\\\ \\u0001 \u{7f} \u{2028} </script> \u{1F600}\"}"
        );
    }
}
