//! The `problem` style (RFC 9457): its writer and its reader.

use super::Wire;
use super::{Names, Parts, Style};
use crate::Items;
use crate::json::{JsonValue, JsonWriter};
use error_contract_wire::Builtin;
use std::borrow::Cow;

/// RFC 9457 problem details, `application/problem+json`:
/// `{"type":"about:blank","title":"Not Found","status":404,"detail":"entity not found","code":3001}`.
///
/// With a type base the `type` is the base followed by the code. Exposed fields are extension
/// members after `code`.
///
/// ```
/// use error_contract::{Body, Code, Parts, Status, Style, style::Problem};
///
/// let parts = Parts::new(Status::NOT_FOUND, Code::Num(3001), &"entity not found");
/// let body = Body::build::<Problem>(&parts);
/// assert_eq!(
///     &*body,
///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"entity not found","code":3001}"#
/// );
/// assert_eq!(body.content_type(), "application/problem+json");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Problem;

impl Style for Problem {
    const CONTENT_TYPE: &'static str = "application/problem+json";

    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
        super::write_builtin(Builtin::Problem, parts, out);
    }

    /// One problem for the whole, whose `errors` member lists each error's `detail`, `code`
    /// and exposed fields (its `pointer`, say), as RFC 9457 section 3 shows a validation
    /// problem: `{"type":..,"title":..,"status":..,"detail":..,"code":..,"errors":[{"detail":..,
    /// "code":..},{..}]}`. The top-level `code` is left out when the errors' codes differ (and
    /// the type is then `about:blank`).
    fn write_errors(items: &Items<'_>, out: &mut JsonWriter<'_>) {
        let code = items.code();
        items.summary(&mut |summary| {
            out.raw(r#"{"type":"#);
            match (summary.type_base, code) {
                (Some(base), Some(code)) => out.display(&format_args!("{base}{code}")),
                _ => out.raw(r#""about:blank""#),
            }
            out.raw(r#","title":"#);
            out.string(summary.title());
            if !summary.names.skip_status {
                out.raw(r#","status":"#);
                out.status(summary.status);
            }
            out.raw(r#","detail":"#);
            out.display(summary.message);
            if let (Some(code), Some(name)) = (code, Builtin::Problem.code_name(summary.names)) {
                out.raw(",");
                super::key(out, name);
                out.code(code);
            }
        });
        out.raw(r#","errors":"#);
        super::list(items, out, |parts, out| {
            out.raw(r#"{"detail":"#);
            out.display(parts.message);
            if let Some(name) = Builtin::Problem.code_name(parts.names) {
                out.raw(",");
                super::key(out, name);
                out.code(parts.code);
            }
            out.fields(parts.fields);
            out.raw("}");
        });
        out.raw("}");
    }

    fn read_errors<'a>(json: JsonValue<'a>, _: &Names<'_>) -> Option<Vec<Cow<'a, str>>> {
        super::read_list(json.as_object()?.get("errors"), None)
    }

    fn read_body(json: JsonValue<'_>) -> Option<Wire<'_>> {
        read(json, &Names::DEFAULT)
    }
}

/// Reads a body whose members are named by `names`. Without a `code` member, the decoder
/// takes the code from `type` (see `Decoder`).
pub(crate) fn read<'a>(json: JsonValue<'a>, names: &Names<'static>) -> Option<Wire<'a>> {
    let object = json.as_object()?;
    let style = Builtin::Problem;
    let wire = Wire::from_object(object, style.code_name(names), style.message_name(names));
    Some(wire.hiding(&["type", "title", "status", "instance"]))
}
