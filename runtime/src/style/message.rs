//! The `message` style: its writer and its reader.

use super::{Parts, Style};
use crate::Items;
use crate::decode::Wire;
use crate::json::{JsonValue, JsonWriter};
use serde_json::Value;

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
        out.raw(r#"{"errorMessage":"#);
        out.display(parts.message);
        out.fields(parts.fields);
        out.raw("}");
    }

    /// `{"errorMessage":..,"errors":[{"errorMessage":..},{..}]}`: each error's own body in
    /// `errors`.
    fn write_errors(items: &Items<'_>, out: &mut JsonWriter<'_>) {
        out.raw(r#"{"errorMessage":"#);
        items.summary(&mut |summary| out.display(summary.message()));
        out.raw(r#","errors":"#);
        super::list(items, out, Self::write_body);
        out.raw("}");
    }

    fn read_errors(json: &Value) -> Option<Vec<Value>> {
        super::read_list(json.get("errors"), |item| item)
    }

    fn read_body(json: JsonValue<'_>) -> Option<Wire<'_>> {
        let object = json.as_object()?;
        let wire = Wire::from_object(object, None, "errorMessage");
        if !wire.has_message() && !object.contains_key("errorMessage") {
            return None;
        }
        Some(wire)
    }
}
