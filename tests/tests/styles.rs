//! The five built-in styles, byte for byte, and the agreement between the bodies the macro
//! writes at compile time (static) and the ones the runtime styles write (dynamic).

use error_contract::json::{Field, JsonWriter};
use error_contract::style::{Dto, Flat, Message, Nested, Problem};
use error_contract::{ApiError, Body, Code, Parts, Status, Style};

/// One enum per style, each with a unit variant (static body) and a twin whose only exposed
/// field is `None` (dynamic body, written by the runtime style, which must be identical).
macro_rules! style_enum {
    ($name:ident, $style:literal) => {
        #[derive(Debug, ApiError)]
        #[api_error(style = $style)]
        enum $name {
            #[api_error(status = 404, code = 3001, message = "entity not found")]
            Unit,
            #[api_error(status = 404, code = 3002, message = "entity not found")]
            Dynamic {
                #[api_error(expose)]
                missing: Option<u32>,
            },
            #[api_error(status = 400, code = 5000, message = "validation error")]
            Fields {
                #[api_error(expose)]
                subject: String,
                #[api_error(expose, rename = "subjectType")]
                subject_type: &'static str,
            },
        }
    };
}

style_enum!(DtoError, "dto");
style_enum!(NestedError, "nested");
style_enum!(FlatError, "flat");
style_enum!(MessageError, "message");
style_enum!(ProblemError, "problem");

fn fields() -> (String, &'static str) {
    ("firstName".to_owned(), "parameter")
}

#[test]
fn dto() {
    let unit = DtoError::Unit.body();
    assert_eq!(
        &*unit,
        r#"{"errors":[{"errorCode":3001,"message":"entity not found"}]}"#
    );
    assert!(unit.is_static());
    assert_eq!(unit.content_type(), "application/json");
    let dynamic = DtoError::Dynamic { missing: None }.body();
    assert!(!dynamic.is_static());
    assert_eq!(
        &*dynamic,
        r#"{"errors":[{"errorCode":3002,"message":"entity not found"}]}"#
    );
    let (subject, subject_type) = fields();
    assert_eq!(
        &*DtoError::Fields {
            subject,
            subject_type
        }
        .body(),
        r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"}]}"#
    );
}

#[test]
fn nested() {
    assert_eq!(
        &*NestedError::Unit.body(),
        r#"{"error":{"code":3001,"message":"entity not found"}}"#
    );
    assert_eq!(
        &*NestedError::Dynamic { missing: None }.body(),
        r#"{"error":{"code":3002,"message":"entity not found"}}"#
    );
    assert_eq!(
        &*NestedError::Dynamic { missing: Some(7) }.body(),
        r#"{"error":{"code":3002,"message":"entity not found","missing":7}}"#
    );
    let (subject, subject_type) = fields();
    assert_eq!(
        &*NestedError::Fields {
            subject,
            subject_type
        }
        .body(),
        r#"{"error":{"code":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"}}"#
    );
    assert_eq!(NestedError::Unit.body().content_type(), "application/json");
}

#[test]
fn flat() {
    assert_eq!(
        &*FlatError::Unit.body(),
        r#"{"code":3001,"message":"entity not found"}"#
    );
    assert_eq!(
        &*FlatError::Dynamic { missing: None }.body(),
        r#"{"code":3002,"message":"entity not found"}"#
    );
    let (subject, subject_type) = fields();
    assert_eq!(
        &*FlatError::Fields {
            subject,
            subject_type
        }
        .body(),
        r#"{"code":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"}"#
    );
}

#[test]
fn message() {
    assert_eq!(
        &*MessageError::Unit.body(),
        r#"{"errorMessage":"entity not found"}"#
    );
    assert_eq!(
        &*MessageError::Dynamic { missing: None }.body(),
        r#"{"errorMessage":"entity not found"}"#
    );
    let (subject, subject_type) = fields();
    let err = MessageError::Fields {
        subject,
        subject_type,
    };
    assert_eq!(
        &*err.body(),
        r#"{"errorMessage":"validation error","subject":"firstName","subjectType":"parameter"}"#
    );
    // No code in the body, but the accessor has one.
    assert_eq!(err.code(), 5000);
}

#[test]
fn problem() {
    let unit = ProblemError::Unit.body();
    assert_eq!(
        &*unit,
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"entity not found","code":3001}"#
    );
    assert_eq!(unit.content_type(), "application/problem+json");
    let dynamic = ProblemError::Dynamic { missing: None }.body();
    assert_eq!(
        &*dynamic,
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"entity not found","code":3002}"#
    );
    assert_eq!(dynamic.content_type(), "application/problem+json");
    let (subject, subject_type) = fields();
    assert_eq!(
        &*ProblemError::Fields {
            subject,
            subject_type
        }
        .body(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"validation error","code":5000,"subject":"firstName","subjectType":"parameter"}"#
    );
}

/// `problem` is the default style.
#[derive(Debug, ApiError)]
enum DefaultStyle {
    #[api_error(status = 409, code = "conflict")]
    Conflict,
}

#[test]
fn problem_is_the_default_and_message_defaults_to_reason() {
    let err = DefaultStyle::Conflict;
    assert_eq!(err.message(), "Conflict");
    assert_eq!(
        &*err.body(),
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"Conflict","code":"conflict"}"#
    );
}

#[derive(Debug, ApiError)]
#[api_error(type_base = "https://errors.example.com/", rename_all = "kebab-case")]
enum Typed {
    #[api_error(status = 404, message = "no such order")]
    OrderMissing,
    #[api_error(
        status = 422,
        title = "Bad Quantity",
        message = "quantity {quantity} is not allowed"
    )]
    BadQuantity {
        #[api_error(expose)]
        quantity: i64,
    },
}

#[test]
fn problem_with_type_base_and_title() {
    assert_eq!(
        &*Typed::OrderMissing.body(),
        r#"{"type":"https://errors.example.com/order-missing","title":"Not Found","status":404,"detail":"no such order","code":"order-missing"}"#
    );
    assert_eq!(
        &*Typed::BadQuantity { quantity: -3 }.body(),
        r#"{"type":"https://errors.example.com/bad-quantity","title":"Bad Quantity","status":422,"detail":"quantity -3 is not allowed","code":"bad-quantity","quantity":-3}"#
    );
}

/// A variant-level `style` overrides the enum's.
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum Mixed {
    #[api_error(status = 400, code = 1, message = "flat one")]
    Flat,
    #[api_error(status = 400, code = 2, message = "nested one", style = "nested")]
    Nested,
    #[api_error(status = 400, code = 3, message = "problem one", style = "problem")]
    Problem,
}

#[test]
fn variant_style_overrides_enum_style() {
    assert_eq!(&*Mixed::Flat.body(), r#"{"code":1,"message":"flat one"}"#);
    assert_eq!(
        &*Mixed::Nested.body(),
        r#"{"error":{"code":2,"message":"nested one"}}"#
    );
    let problem = Mixed::Problem.body();
    assert_eq!(
        &*problem,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"problem one","code":3}"#
    );
    assert_eq!(problem.content_type(), "application/problem+json");
}

/// The runtime styles, called directly, write what the contract shows.
#[test]
fn runtime_styles_directly() {
    let parts = Parts::new(Status::NOT_FOUND, Code::Num(3001), &"entity not found");
    assert_eq!(
        &*Body::build::<Dto>(&parts),
        r#"{"errors":[{"errorCode":3001,"message":"entity not found"}]}"#
    );
    assert_eq!(
        &*Body::build::<Nested>(&parts),
        r#"{"error":{"code":3001,"message":"entity not found"}}"#
    );
    assert_eq!(
        &*Body::build::<Flat>(&parts),
        r#"{"code":3001,"message":"entity not found"}"#
    );
    assert_eq!(
        &*Body::build::<Message>(&parts),
        r#"{"errorMessage":"entity not found"}"#
    );
    assert_eq!(
        &*Body::build::<Problem>(&parts),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"entity not found","code":3001}"#
    );
}

/// A user style named by path.
struct Envelope;

impl Style for Envelope {
    const CONTENT_TYPE: &'static str = "application/vnd.shop.error+json";

    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
        out.raw(r#"{"ok":false,"status":"#);
        out.status(parts.status());
        out.raw(r#","error":{"id":"#);
        out.code(parts.code());
        out.raw(r#","text":"#);
        out.display(parts.message());
        out.fields(parts.fields());
        out.raw("}}");
    }
}

#[derive(Debug, ApiError)]
#[api_error(style = Envelope)]
enum Custom {
    #[api_error(status = 503, code = 7, message = "down for maintenance")]
    Down,
    #[api_error(status = 400, code = 8, message = "bad {what}")]
    Bad {
        #[api_error(expose)]
        what: String,
    },
}

#[test]
fn custom_style() {
    let body = Custom::Down.body();
    assert_eq!(
        &*body,
        r#"{"ok":false,"status":503,"error":{"id":7,"text":"down for maintenance"}}"#
    );
    assert_eq!(body.content_type(), "application/vnd.shop.error+json");
    assert_eq!(
        &*Custom::Bad { what: "sku".into() }.body(),
        r#"{"ok":false,"status":400,"error":{"id":8,"text":"bad sku","what":"sku"}}"#
    );
    assert_eq!(
        Custom::catalog().entries()[0].content_type(),
        "application/vnd.shop.error+json"
    );
}

#[test]
fn fields_helper_skips_none_and_keeps_order() {
    let a = 1u8;
    let b: Option<u8> = None;
    let c = "z";
    let fields = [
        Field::new("a", &a),
        Field::optional("b", &b),
        Field::new("c", &c),
    ];
    let parts = Parts::new(Status::BAD_REQUEST, Code::Str("x"), &"m").with_fields(&fields);
    assert_eq!(
        &*Body::build::<Flat>(&parts),
        r#"{"code":"x","message":"m","a":1,"c":"z"}"#
    );
}

/// Variants of the same shape share one arm of the generated `body()`; each still writes its own
/// code and message.
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum SameShape {
    #[api_error(status = 400, code = 1, message = "first {name}")]
    First {
        #[api_error(expose)]
        name: String,
    },
    #[api_error(status = 409, code = 2, message = "second")]
    Second {
        #[api_error(expose)]
        name: String,
    },
    #[api_error(status = 422, code = 3, message = "third {name}")]
    Third {
        count: u8,
        #[api_error(expose)]
        name: String,
    },
}

#[test]
fn variants_sharing_an_arm_keep_their_own_parts() {
    let name = || "n".to_owned();
    assert_eq!(
        &*SameShape::First { name: name() }.body(),
        r#"{"code":1,"message":"first n","name":"n"}"#
    );
    assert_eq!(
        &*SameShape::Second { name: name() }.body(),
        r#"{"code":2,"message":"second","name":"n"}"#
    );
    let third = SameShape::Third {
        count: 7,
        name: name(),
    };
    assert_eq!(
        &*third.body(),
        r#"{"code":3,"message":"third n","name":"n"}"#
    );
    if let SameShape::Third { count, .. } = third {
        assert_eq!(count, 7);
    }
}
