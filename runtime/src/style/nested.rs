//! The `nested` style: its writer and its reader.

use super::Wire;
use super::{Names, Parts, Style};
use crate::Items;
use crate::json::{JsonValue, JsonWriter};
use error_contract_wire::Builtin;
use std::borrow::Cow;

/// `{"error":{"code":3001,"message":"entity not found"}}`: exposed fields go inside `error`.
///
/// ```
/// use error_contract::{Body, Code, Parts, Status, style::Nested};
///
/// let parts = Parts::new(Status::NOT_FOUND, Code::Str("not_found"), &"entity not found");
/// assert_eq!(
///     &*Body::build::<Nested>(&parts),
///     r#"{"error":{"code":"not_found","message":"entity not found"}}"#
/// );
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Nested;

impl Style for Nested {
    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
        super::write_builtin(Builtin::Nested, parts, out);
    }

    /// `{"error":{"code":..,"message":..,"details":[{"code":..,"message":..},{..}]}}`, as
    /// Microsoft's REST guidelines nest the errors of one response in `details`; `code` is left
    /// out when the errors' codes differ.
    fn write_errors(items: &Items<'_>, out: &mut JsonWriter<'_>) {
        out.raw("{");
        items.summary(&mut |summary| {
            let names = summary.names();
            super::key(
                out,
                Builtin::Nested.envelope_name(names).unwrap_or_default(),
            );
            out.raw("{");
            if let Some(code) = items.code() {
                super::key(out, Builtin::Nested.code_name(names).unwrap_or_default());
                out.code(code);
                out.raw(",");
            }
            super::key(out, Builtin::Nested.message_name(names));
            out.display(summary.message());
        });
        out.raw(r#","details":"#);
        super::list(items, out, |parts, out| {
            super::write_object(Builtin::Nested, parts, out);
        });
        out.raw("}}");
    }

    /// Each item of `details` in an envelope of its own: `{"error":{..}}`.
    fn read_errors<'a>(json: JsonValue<'a>, names: &Names<'_>) -> Option<Vec<Cow<'a, str>>> {
        let envelope = Builtin::Nested.envelope_name(names)?;
        let error = json.as_object()?.get(envelope)?.as_object()?;
        super::read_list(
            error.get("details"),
            Some((&super::open_member(envelope), "}")),
        )
    }

    fn read_body(json: JsonValue<'_>) -> Option<Wire<'_>> {
        read(json, &Names::DEFAULT)
    }
}

/// Reads a body whose members are named by `names`.
pub(crate) fn read<'a>(json: JsonValue<'a>, names: &Names<'static>) -> Option<Wire<'a>> {
    let style = Builtin::Nested;
    let error = json
        .as_object()?
        .get(style.envelope_name(names)?)?
        .as_object()?;
    Some(Wire::from_object(
        error,
        style.code_name(names),
        style.message_name(names),
    ))
}
