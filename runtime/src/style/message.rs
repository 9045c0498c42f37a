//! The `message` style: its writer and its reader.

use super::Wire;
use super::{Names, Parts, Style};
use crate::Items;
use crate::json::{JsonValue, JsonWriter};
use error_contract_wire::Builtin;
use std::borrow::Cow;

/// `{"errorMessage":"entity not found"}`: no code in the body; exposed fields follow.
///
/// ```
/// use error_contract::{Body, Code, Parts, Status, style::Message};
///
/// let parts = Parts::new(Status::BAD_REQUEST, Code::Num(1), &"Invalid Parameter");
/// assert_eq!(
///     &*Body::build::<Message>(&parts),
///     r#"{"errorMessage":"Invalid Parameter"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Message;

impl Style for Message {
    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
        super::write_builtin(Builtin::Message, parts, out);
    }

    /// `{"errorMessage":..,"errors":[{"errorMessage":..},{..}]}`: each error's own body in
    /// `errors`.
    fn write_errors(items: &Items<'_>, out: &mut JsonWriter<'_>) {
        out.raw("{");
        items.summary(&mut |summary| {
            super::key(out, Builtin::Message.message_name(summary.names()));
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
    let message = Builtin::Message.message_name(names);
    // An object without the message member is not of this style.
    Wire::from_object_with_member(object, None, message)
}
