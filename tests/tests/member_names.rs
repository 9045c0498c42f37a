//! Renamed style members and constant members: the bodies the derive writes at compile time
//! (static) and the ones the runtime writes (dynamic) agree for every built-in style, in one
//! error's body and in a body of several; custom styles read the members from `Parts`.

use error_contract::json::JsonWriter;
use error_contract::style::{Constant, ConstantValue};
use error_contract::{ApiError, Errors, Parts, Style};

/// Per style: a unit variant (static body), a twin whose only exposed field is `None` (dynamic
/// body, written by the runtime), and a variant whose member replaces the enum's.
macro_rules! renamed_enum {
    ($name:ident, $style:literal $(, $renames:tt)?) => {
        #[derive(Debug, ApiError)]
        #[api_error(
            style = $style,
            type_base = "https://example.com/errors/",
            constants(retryable = false, weight = -1.5, doc = "https://example.com/docs/{code}")
            $(, rename_members $renames)?
        )]
        enum $name {
            #[api_error(status = 404, code = 3001, message = "entity not found", title = "Missing")]
            Unit,
            #[api_error(status = 404, code = 3002, message = "entity not found", title = "Missing")]
            Dynamic {
                #[api_error(expose)]
                missing: Option<u32>,
            },
            #[api_error(status = 503, code = 3003, message = "try later", constants(retryable = true, "x-id" = 7))]
            Retry,
        }
    };
}

renamed_enum!(
    DtoError,
    "dto",
    (envelope = "faults", code = "id", message = "text")
);
renamed_enum!(
    NestedError,
    "nested",
    (envelope = "fault", code = "id", message = "text")
);
renamed_enum!(FlatError, "flat", (code = "errorCode"));
renamed_enum!(MessageError, "message", (message = "msg"));
renamed_enum!(ProblemError, "problem", (code = "errorCode"));

/// The static body of `Unit` and the dynamic one of `Dynamic { missing: None }`, the code put
/// back to `Unit`'s, must be the same text.
fn assert_agree(unit: &dyn ApiError, dynamic: &dyn ApiError) -> String {
    let unit = unit.body();
    let dynamic = dynamic.body();
    assert!(unit.is_static());
    assert!(!dynamic.is_static());
    assert_eq!(*unit, dynamic.replace("3002", "3001"));
    unit.as_str().to_owned()
}

#[test]
fn dto() {
    let body = assert_agree(&DtoError::Unit, &DtoError::Dynamic { missing: None });
    assert_eq!(
        body,
        r#"{"faults":[{"id":3001,"text":"entity not found","type":"https://example.com/errors/3001","title":"Missing","retryable":false,"weight":-1.5,"doc":"https://example.com/docs/3001"}]}"#
    );
}

#[test]
fn nested() {
    let body = assert_agree(&NestedError::Unit, &NestedError::Dynamic { missing: None });
    assert_eq!(
        body,
        r#"{"fault":{"id":3001,"text":"entity not found","type":"https://example.com/errors/3001","title":"Missing","retryable":false,"weight":-1.5,"doc":"https://example.com/docs/3001"}}"#
    );
    assert_eq!(
        &*NestedError::Dynamic { missing: Some(7) }.body(),
        r#"{"fault":{"id":3002,"text":"entity not found","missing":7,"type":"https://example.com/errors/3002","title":"Missing","retryable":false,"weight":-1.5,"doc":"https://example.com/docs/3002"}}"#
    );
}

#[test]
fn flat() {
    let body = assert_agree(&FlatError::Unit, &FlatError::Dynamic { missing: None });
    assert_eq!(
        body,
        r#"{"errorCode":3001,"message":"entity not found","type":"https://example.com/errors/3001","title":"Missing","retryable":false,"weight":-1.5,"doc":"https://example.com/docs/3001"}"#
    );
}

#[test]
fn message() {
    let body = assert_agree(
        &MessageError::Unit,
        &MessageError::Dynamic { missing: None },
    );
    assert_eq!(
        body,
        r#"{"msg":"entity not found","type":"https://example.com/errors/3001","title":"Missing","retryable":false,"weight":-1.5,"doc":"https://example.com/docs/3001"}"#
    );
}

#[test]
fn problem() {
    let body = assert_agree(
        &ProblemError::Unit,
        &ProblemError::Dynamic { missing: None },
    );
    assert_eq!(
        body,
        r#"{"type":"https://example.com/errors/3001","title":"Missing","status":404,"detail":"entity not found","errorCode":3001,"retryable":false,"weight":-1.5,"doc":"https://example.com/docs/3001"}"#
    );
}

#[test]
fn a_variant_member_replaces_the_enums_in_its_place() {
    assert_eq!(
        &*FlatError::Retry.body(),
        r#"{"errorCode":3003,"message":"try later","type":"https://example.com/errors/3003","retryable":true,"weight":-1.5,"doc":"https://example.com/docs/3003","x-id":7}"#
    );
}

#[test]
fn several_errors_follow_the_names() {
    let mut errors = Errors::new(FlatError::Unit);
    errors.push(FlatError::Retry);
    assert_eq!(
        &*errors.body(),
        r#"{"message":"Service Unavailable","errors":[{"errorCode":3001,"message":"entity not found","type":"https://example.com/errors/3001","title":"Missing","retryable":false,"weight":-1.5,"doc":"https://example.com/docs/3001"},{"errorCode":3003,"message":"try later","type":"https://example.com/errors/3003","retryable":true,"weight":-1.5,"doc":"https://example.com/docs/3003","x-id":7}]}"#
    );
    let mut errors = Errors::new(NestedError::Unit);
    errors.push(NestedError::Unit);
    assert_eq!(
        &*errors.body(),
        r#"{"fault":{"id":3001,"text":"entity not found","details":[{"id":3001,"text":"entity not found","type":"https://example.com/errors/3001","title":"Missing","retryable":false,"weight":-1.5,"doc":"https://example.com/docs/3001"},{"id":3001,"text":"entity not found","type":"https://example.com/errors/3001","title":"Missing","retryable":false,"weight":-1.5,"doc":"https://example.com/docs/3001"}]}}"#
    );
    let mut errors = Errors::new(DtoError::Unit);
    errors.push(DtoError::Retry);
    assert!(errors.body().starts_with(r#"{"faults":[{"id":3001,"#));
}

/// A custom style that places the constant members itself: `{"code":..,"links":{..}}`.
struct Linked;

impl Style for Linked {
    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
        out.raw(r#"{"code":"#);
        out.code(parts.code());
        out.raw(r#","links":{"#);
        for (i, member) in parts.constants().iter().enumerate() {
            if i > 0 {
                out.raw(",");
            }
            out.string(member.name);
            out.raw(":");
            match member.value {
                ConstantValue::Str(text) => out.string(text),
                ConstantValue::Number(json) => out.raw(json),
                ConstantValue::Bool(b) => out.raw(if b { "true" } else { "false" }),
            }
        }
        out.raw("}}");
    }
}

#[derive(Debug, ApiError)]
#[api_error(style = Linked, constants(self_ = "/errors", help = "https://example.com"))]
enum LinkedError {
    #[api_error(
        status = 404,
        code = "gone",
        constants(help = "https://example.com/gone")
    )]
    Gone,
}

#[test]
fn custom_styles_read_the_members_from_parts() {
    assert_eq!(
        LinkedError::catalog().entries()[0].constants(),
        [
            Constant {
                name: "self_",
                value: ConstantValue::Str("/errors")
            },
            Constant {
                name: "help",
                value: ConstantValue::Str("https://example.com/gone")
            },
        ]
    );
    assert_eq!(
        &*LinkedError::Gone.body(),
        r#"{"code":"gone","links":{"self_":"/errors","help":"https://example.com/gone"}}"#
    );
}

#[test]
fn the_openapi_schema_names_renamed_members_and_constants() {
    let openapi = NestedError::catalog().to_openapi();
    let schema = &openapi["schemas"]["ErrorNested.envelope-fault.code-id.message-text"];
    assert_eq!(schema["required"], serde_json::json!(["fault"]));
    let inner = &schema["properties"]["fault"];
    assert_eq!(inner["required"], serde_json::json!(["id", "text"]));
    let keys: Vec<&String> = inner["properties"].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "doc",
            "id",
            "missing",
            "retryable",
            "text",
            "title",
            "type",
            "weight",
            "x-id"
        ]
    );
    assert_eq!(inner["properties"]["retryable"]["type"], "boolean");
    assert_eq!(inner["properties"]["weight"]["type"], "number");
    assert_eq!(
        openapi["responses"]["503"]["content"]["application/json"]["schema"],
        serde_json::json!({"allOf": [
            {"$ref": "#/components/schemas/ErrorNested.envelope-fault.code-id.message-text"},
            {"properties": {"fault": {"properties": {"id": {"enum": [3003]}}}}}
        ]})
    );
}

#[test]
fn a_variant_member_replaces_the_enums_in_every_style() {
    assert_eq!(
        &*NestedError::Retry.body(),
        r#"{"fault":{"id":3003,"text":"try later","type":"https://example.com/errors/3003","retryable":true,"weight":-1.5,"doc":"https://example.com/docs/3003","x-id":7}}"#
    );
    assert_eq!(
        &*MessageError::Retry.body(),
        r#"{"msg":"try later","type":"https://example.com/errors/3003","retryable":true,"weight":-1.5,"doc":"https://example.com/docs/3003","x-id":7}"#
    );
    assert_eq!(
        &*ProblemError::Retry.body(),
        r#"{"type":"https://example.com/errors/3003","title":"Service Unavailable","status":503,"detail":"try later","errorCode":3003,"retryable":true,"weight":-1.5,"doc":"https://example.com/docs/3003","x-id":7}"#
    );
}
