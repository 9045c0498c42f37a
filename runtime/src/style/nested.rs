//! The `nested` style: its writer and its reader.

use super::{Parts, Style};
use crate::Items;
use crate::decode::Wire;
use crate::json::{JsonValue, JsonWriter};
use serde_json::{Value, json};

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
        out.raw(r#"{"error":"#);
        item(parts, out);
        out.raw("}");
    }

    /// `{"error":{"code":..,"message":..,"details":[{"code":..,"message":..},{..}]}}`, as
    /// Microsoft's REST guidelines nest the errors of one response in `details`; `code` is left
    /// out when the errors' codes differ.
    fn write_errors(items: &Items<'_>, out: &mut JsonWriter<'_>) {
        out.raw(r#"{"error":{"#);
        if let Some(code) = items.code() {
            out.raw(r#""code":"#);
            out.code(code);
            out.raw(",");
        }
        out.raw(r#""message":"#);
        items.summary(&mut |summary| out.display(summary.message()));
        out.raw(r#","details":"#);
        super::list(items, out, item);
        out.raw("}}");
    }

    fn read_errors(json: &Value) -> Option<Vec<Value>> {
        let details = json.get("error")?.get("details");
        super::read_list(details, |item| json!({ "error": item }))
    }

    fn read_body(json: JsonValue<'_>) -> Option<Wire<'_>> {
        let error = json.as_object()?.get("error")?.as_object()?;
        Some(Wire::from_object(error, Some("code"), "message"))
    }
}

/// `{"code":3001,"message":"entity not found"}`: the object inside `error`, and an item of
/// `details`.
fn item(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    out.raw(r#"{"code":"#);
    out.code(parts.code);
    out.raw(r#","message":"#);
    out.display(parts.message);
    out.fields(parts.fields);
    out.raw("}");
}
