//! The `dto` style: its writer and its reader.

use super::{Parts, Style};
use crate::Items;
use crate::decode::Wire;
use crate::json::{JsonValue, JsonWriter};
use serde_json::{Value, json};

/// `{"errors":[{"errorCode":3001,"message":"entity not found"}]}`: exposed fields go inside the
/// array item. The code should be numeric (the derive insists); a string code is written as a
/// string.
///
/// ```
/// use error_contract::{Body, Code, Parts, Status, style::Dto};
///
/// let parts = Parts::new(Status::NOT_FOUND, Code::Num(3001), &"entity not found");
/// assert_eq!(
///     &*Body::build::<Dto>(&parts),
///     r#"{"errors":[{"errorCode":3001,"message":"entity not found"}]}"#
/// );
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Dto;

impl Style for Dto {
    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
        out.raw(r#"{"errors":["#);
        item(parts, out);
        out.raw("]}");
    }

    /// `{"errors":[{"errorCode":..,"message":..},{..}]}`: every error an item of the array.
    fn write_errors(items: &Items<'_>, out: &mut JsonWriter<'_>) {
        out.raw(r#"{"errors":"#);
        super::list(items, out, item);
        out.raw("}");
    }

    fn read_errors(json: &Value) -> Option<Vec<Value>> {
        super::read_list(json.get("errors"), |item| json!({ "errors": [item] }))
    }

    fn read_body(json: JsonValue<'_>) -> Option<Wire<'_>> {
        let item = json
            .as_object()?
            .get("errors")?
            .as_array()?
            .first()?
            .as_object()?;
        Some(Wire::from_object(item, Some("errorCode"), "message"))
    }
}

/// One item of the array: `{"errorCode":3001,"message":"entity not found"}`.
fn item(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    out.raw(r#"{"errorCode":"#);
    out.code(parts.code);
    out.raw(r#","message":"#);
    out.display(parts.message);
    out.fields(parts.fields);
    out.raw("}");
}
