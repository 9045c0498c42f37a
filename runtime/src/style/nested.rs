//! The `nested` style: its writer and its reader.

use super::{Parts, Style};
use crate::decode::Wire;
use crate::json::{JsonValue, JsonWriter};

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
        out.raw(r#"{"error":{"code":"#);
        out.code(parts.code);
        out.raw(r#","message":"#);
        out.display(parts.message);
        out.fields(parts.fields);
        out.raw("}}");
    }

    fn read_body(json: JsonValue<'_>) -> Option<Wire<'_>> {
        let error = json.as_object()?.get("error")?.as_object()?;
        Some(Wire::from_object(error, Some("code"), "message"))
    }
}
