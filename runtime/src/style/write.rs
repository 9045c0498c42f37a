//! Writing bodies at run time by the built-in styles' rules (the walks of the wire crate, which
//! the derive writes static bodies with), into a [`JsonWriter`].

use super::{Items, Parts};
use crate::json::JsonWriter;
use error_contract_wire::{Builtin, Sink};

/// Writes the body of one error in a built-in style.
pub(crate) fn body(style: Builtin, parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    let writer = &mut Writer { parts, out };
    error_contract_wire::write_body(style, parts.names, parts.constants, parts.type_base, writer);
}

/// Writes the body of several errors in a built-in style: the members that describe the whole,
/// then each error.
pub(crate) fn errors(style: Builtin, items: &Items<'_>, out: &mut JsonWriter<'_>) {
    let code = items.code().is_some();
    items.summary(&mut |whole| {
        let writer = &mut Writer { parts: whole, out };
        error_contract_wire::write_errors_start(style, whole.names, whole.type_base, code, writer);
    });
    let mut first = true;
    items.for_each(&mut |parts| {
        if !core::mem::take(&mut first) {
            out.raw(",");
        }
        let writer = &mut Writer { parts, out };
        error_contract_wire::write_item(
            style,
            parts.names,
            parts.constants,
            parts.type_base,
            writer,
        );
    });
    out.raw(style.errors_end());
}

/// Writes `[item,item,...]`, each item written by `item` from its parts.
pub(crate) fn list(
    items: &Items<'_>,
    out: &mut JsonWriter<'_>,
    item: impl Fn(&Parts<'_>, &mut JsonWriter<'_>),
) {
    out.raw("[");
    let mut first = true;
    items.for_each(&mut |parts| {
        if !core::mem::take(&mut first) {
            out.raw(",");
        }
        item(parts, out);
    });
    out.raw("]");
}

/// The runtime's [`Sink`]: the parts of one error, written into a `JsonWriter`.
struct Writer<'p, 'w, 'a> {
    parts: &'p Parts<'p>,
    out: &'w mut JsonWriter<'a>,
}

impl Sink for Writer<'_, '_, '_> {
    fn raw(&mut self, json: &str) {
        self.out.raw(json);
    }

    fn escaped(&mut self, text: &str) {
        self.out.escaped(text);
    }

    fn code(&mut self) {
        self.out.code(self.parts.code);
    }

    fn code_text(&mut self) {
        self.out.code_text(self.parts.code);
    }

    fn message(&mut self) {
        self.out.display(self.parts.message);
    }

    fn status(&mut self) {
        self.out.status(self.parts.status);
    }

    fn title(&mut self) {
        self.out.string(self.parts.title());
    }

    fn instance(&mut self) {
        if let Some(instance) = self.parts.instance {
            self.out.fields(core::slice::from_ref(instance));
        }
    }

    fn fields(&mut self) {
        self.out.fields(self.parts.fields);
    }
}
