//! The `dto` style: its writer and its reader.

use super::{Parts, Style};
use crate::decode::Wire;
use crate::json::{JsonValue, JsonWriter};

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
        out.raw(r#"{"errors":[{"errorCode":"#);
        out.code(parts.code);
        out.raw(r#","message":"#);
        out.display(parts.message);
        out.fields(parts.fields);
        out.raw("}]}");
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
