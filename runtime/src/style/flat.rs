//! The `flat` style: its writer and its reader.

use super::Wire;
use super::{Names, Parts, Style};
use crate::Items;
use crate::json::{JsonValue, JsonWriter};
use error_contract_wire::Builtin;
use std::borrow::Cow;

/// `{"code":3001,"message":"entity not found"}`: exposed fields follow the message.
///
/// ```
/// use error_contract::{Body, Code, Parts, Status, style::Flat};
///
/// let parts = Parts::new(Status::NOT_FOUND, Code::Str("NotFound"), &"entity not found");
/// assert_eq!(
///     &*Body::build::<Flat>(&parts),
///     r#"{"code":"NotFound","message":"entity not found"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Flat;

impl Style for Flat {
    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
        super::write_builtin(Builtin::Flat, parts, out);
    }

    /// `{"code":..,"message":..,"errors":[{"code":..,"message":..},{..}]}`, as GitHub's
    /// `{"message":"Validation Failed","errors":[..]}`: each error's own body in `errors`;
    /// `code` is left out when the errors' codes differ.
    fn write_errors(items: &Items<'_>, out: &mut JsonWriter<'_>) {
        out.raw("{");
        items.summary(&mut |summary| {
            let names = summary.names();
            if let Some(code) = items.code() {
                super::key(out, Builtin::Flat.code_name(names).unwrap_or_default());
                out.code(code);
                out.raw(",");
            }
            super::key(out, Builtin::Flat.message_name(names));
            out.display(summary.message());
        });
        out.raw(r#","errors":"#);
        super::list(items, out, Self::write_body);
        out.raw("}");
    }

    fn read_errors<'a>(json: JsonValue<'a>, _: &Names<'_>) -> Option<Vec<Cow<'a, str>>> {
        super::read_list(json.as_object()?.get("errors"), None)
    }

    fn read_body(json: JsonValue<'_>) -> Option<Wire<'_>> {
        read(json, &Names::DEFAULT)
    }
}

/// Reads a body whose members are named by `names`.
pub(crate) fn read<'a>(json: JsonValue<'a>, names: &Names<'static>) -> Option<Wire<'a>> {
    let object = json.as_object()?;
    let (code, message) = (
        Builtin::Flat.code_name(names),
        Builtin::Flat.message_name(names),
    );
    // An object with neither member is not of this style.
    Wire::from_object_with_member(object, code, message)
}
