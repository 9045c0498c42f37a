//! The `dto` style: its writer and its reader.

use super::Wire;
use super::{Names, Parts, Style};
use crate::Items;
use crate::json::{JsonValue, JsonWriter};
use error_contract_wire::Builtin;
use std::borrow::Cow;

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
        super::write_builtin(Builtin::Dto, parts, out);
    }

    /// `{"errors":[{"errorCode":..,"message":..},{..}]}`: every error an item of the array.
    fn write_errors(items: &Items<'_>, out: &mut JsonWriter<'_>) {
        out.raw("{");
        items.summary(&mut |summary| {
            super::key(
                out,
                Builtin::Dto
                    .envelope_name(summary.names())
                    .unwrap_or_default(),
            );
        });
        super::list(items, out, |parts, out| {
            super::write_object(Builtin::Dto, parts, out);
        });
        out.raw("}");
    }

    /// Each item of the array, in an array of its own: `{"errors":[{..}]}`.
    fn read_errors<'a>(json: JsonValue<'a>, names: &Names<'_>) -> Option<Vec<Cow<'a, str>>> {
        let envelope = Builtin::Dto.envelope_name(names)?;
        let before = super::open_member(envelope) + "[";
        super::read_list(json.as_object()?.get(envelope), Some((&before, "]}")))
    }

    fn read_body(json: JsonValue<'_>) -> Option<Wire<'_>> {
        read(json, &Names::DEFAULT)
    }
}

/// Reads a body whose members are named by `names`.
pub(crate) fn read<'a>(json: JsonValue<'a>, names: &Names<'static>) -> Option<Wire<'a>> {
    let style = Builtin::Dto;
    let item = json
        .as_object()?
        .get(style.envelope_name(names)?)?
        .as_array()?
        .first()?
        .as_object()?;
    Some(Wire::from_object(
        item,
        style.code_name(names),
        style.message_name(names),
    ))
}
