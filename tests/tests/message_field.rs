//! A field that carries the public message at run time (`#[api_error(message)]`): the body's
//! message, `message()` and `Display` come from it; the variant's `message` is the catalog text
//! and the default of an `Option` field that is `None`; decoding fills it with the message
//! received.

use error_contract::{ApiError, Decode, Unknown};
use std::borrow::Cow;

/// The same variants in each built-in style.
macro_rules! table {
    ($name:ident, $style:literal) => {
        #[derive(Debug, PartialEq, ApiError)]
        #[api_error(style = $style, decode)]
        enum $name {
            /// A message of the caller's choosing under one code.
            #[api_error(status = 416, code = 4161, message = "The range is not valid.")]
            InvalidRange {
                #[api_error(message)]
                detail: String,
            },
            /// The message when there is one, else the catalog text.
            #[api_error(status = 409, code = 4091, message = "The item changed.")]
            Conflict {
                #[api_error(message)]
                detail: Option<String>,
                #[api_error(expose)]
                etag: String,
            },
            /// No `message` key: the reason phrase is the catalog text and the default.
            #[api_error(status = 404, code = 4041)]
            Missing(#[api_error(message)] Option<Cow<'static, str>>),
            #[api_error(other)]
            Other(Unknown),
        }
    };
}

table!(Nested, "nested");
table!(Flat, "flat");
table!(Dto, "dto");
table!(Problem, "problem");
table!(Message, "message");

fn range() -> Nested {
    Nested::InvalidRange {
        detail: "Uploaded fragment overlaps with existing data.".to_owned(),
    }
}

#[test]
fn the_body_carries_the_fields_message_in_each_style() {
    let detail = || "Uploaded fragment overlaps with existing data.".to_owned();
    assert_eq!(
        &*range().body(),
        r#"{"error":{"code":4161,"message":"Uploaded fragment overlaps with existing data."}}"#
    );
    assert_eq!(
        &*Flat::InvalidRange { detail: detail() }.body(),
        r#"{"code":4161,"message":"Uploaded fragment overlaps with existing data."}"#
    );
    assert_eq!(
        &*Dto::InvalidRange { detail: detail() }.body(),
        r#"{"errors":[{"errorCode":4161,"message":"Uploaded fragment overlaps with existing data."}]}"#
    );
    let problem = Problem::InvalidRange { detail: detail() }.body();
    assert_eq!(
        &*problem,
        r#"{"type":"about:blank","title":"Range Not Satisfiable","status":416,"detail":"Uploaded fragment overlaps with existing data.","code":4161}"#
    );
    assert_eq!(problem.content_type(), "application/problem+json");
    assert_eq!(
        &*Message::InvalidRange { detail: detail() }.body(),
        r#"{"errorMessage":"Uploaded fragment overlaps with existing data."}"#
    );
    // Never a static body, even with the catalog text as the field's value.
    let same = Nested::InvalidRange {
        detail: "The range is not valid.".to_owned(),
    };
    assert!(!same.body().is_static());
}

#[test]
fn the_message_is_escaped_in_the_body() {
    let error = Flat::InvalidRange {
        detail: "a \"quoted\"\nline".to_owned(),
    };
    assert_eq!(
        &*error.body(),
        r#"{"code":4161,"message":"a \"quoted\"\nline"}"#
    );
    assert_eq!(error.to_string(), "a \"quoted\"\nline");
}

#[test]
fn display_and_message_come_from_the_field() {
    let error = range();
    assert_eq!(
        error.to_string(),
        "Uploaded fragment overlaps with existing data."
    );
    assert_eq!(
        error.message(),
        "Uploaded fragment overlaps with existing data."
    );
    // A string field is borrowed, not copied.
    assert!(matches!(error.message(), Cow::Borrowed(_)));
    assert_eq!(error.status().as_u16(), 416);
    assert_eq!(error.code(), 4161);
}

#[test]
fn an_option_field_that_is_none_gives_the_catalog_text() {
    let none = Nested::Conflict {
        detail: None,
        etag: "W/\"1\"".to_owned(),
    };
    assert_eq!(none.to_string(), "The item changed.");
    assert_eq!(none.message(), "The item changed.");
    assert!(matches!(none.message(), Cow::Borrowed("The item changed.")));
    assert_eq!(
        &*none.body(),
        r#"{"error":{"code":4091,"message":"The item changed.","etag":"W/\"1\""}}"#
    );
    let some = Nested::Conflict {
        detail: Some("Someone else saved it first.".to_owned()),
        etag: "W/\"2\"".to_owned(),
    };
    assert_eq!(some.to_string(), "Someone else saved it first.");
    assert_eq!(
        &*some.body(),
        r#"{"error":{"code":4091,"message":"Someone else saved it first.","etag":"W/\"2\""}}"#
    );
    // Without a `message` key, the reason phrase.
    assert_eq!(Flat::Missing(None).to_string(), "Not Found");
    assert_eq!(
        &*Flat::Missing(None).body(),
        r#"{"code":4041,"message":"Not Found"}"#
    );
    assert_eq!(
        &*Flat::Missing(Some(Cow::Borrowed("No such drive."))).body(),
        r#"{"code":4041,"message":"No such drive."}"#
    );
}

#[test]
fn the_catalog_keeps_the_variants_message() {
    let catalog = Nested::catalog();
    let messages: Vec<&str> = catalog.entries().iter().map(|e| e.message()).collect();
    assert_eq!(
        messages,
        ["The range is not valid.", "The item changed.", "Not Found"]
    );
    assert!(catalog.entries().iter().all(|e| !e.is_interpolated()));
    assert!(catalog.entries().iter().all(|e| e.static_body().is_none()));
}

#[test]
fn decoding_fills_the_field_with_the_message_received() {
    // A body another service sent, with a message that differs from the catalog text.
    let body =
        br#"{"error":{"code":4161,"message":"Uploaded fragment overlaps with existing data."}}"#;
    let decoded = Nested::decode(416, body).unwrap();
    assert_eq!(decoded, range());
    assert_eq!(
        decoded.message(),
        "Uploaded fragment overlaps with existing data."
    );
    assert_eq!(&*decoded.body(), std::str::from_utf8(body).unwrap());

    let body = br#"{"type":"about:blank","title":"Conflict","status":409,"detail":"Someone else saved it first.","code":4091,"etag":"W/\"2\""}"#;
    assert_eq!(
        Problem::decode(409, body).unwrap(),
        Problem::Conflict {
            detail: Some("Someone else saved it first.".to_owned()),
            etag: "W/\"2\"".to_owned(),
        }
    );
    let body = br#"{"errors":[{"errorCode":4041,"message":"No such drive."}]}"#;
    assert_eq!(
        Dto::decode(404, body).unwrap(),
        Dto::Missing(Some(Cow::Owned("No such drive.".to_owned())))
    );
    // The message style finds a variant by its message: only the catalog text matches.
    let body = br#"{"errorMessage":"The range is not valid."}"#;
    assert_eq!(
        Message::decode(416, body).unwrap(),
        Message::InvalidRange {
            detail: "The range is not valid.".to_owned()
        }
    );
}

#[test]
fn a_body_without_a_message_decodes_to_the_default() {
    // No message member: an `Option` field is `None`, another the catalog text.
    let decoded = Flat::decode(409, br#"{"code":4091,"etag":"x"}"#).unwrap();
    assert_eq!(
        decoded,
        Flat::Conflict {
            detail: None,
            etag: "x".to_owned()
        }
    );
    assert_eq!(decoded.message(), "The item changed.");
    assert_eq!(
        Flat::decode(416, br#"{"code":4161}"#).unwrap(),
        Flat::InvalidRange {
            detail: "The range is not valid.".to_owned()
        }
    );
    // A message that is not a string is no message.
    assert_eq!(
        Flat::decode(416, br#"{"code":4161,"message":7}"#).unwrap(),
        Flat::InvalidRange {
            detail: "The range is not valid.".to_owned()
        }
    );
}

/// A field of any `Display` type; decoded through `FromStr`.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "flat", decode)]
enum Parsed {
    #[api_error(status = 429, code = "slow_down", message = "0")]
    SlowDown {
        #[api_error(message)]
        seconds: u32,
    },
    #[api_error(status = 400, code = "boxed", message = "boxed")]
    Boxed(#[api_error(message)] Box<str>),
    #[api_error(status = 400, code = "maybe", message = "none")]
    Maybe(#[api_error(message)] Option<u8>),
    #[api_error(other)]
    Other(Unknown),
}

#[test]
fn other_types_display_and_parse() {
    let error = Parsed::SlowDown { seconds: 30 };
    assert_eq!(error.to_string(), "30");
    assert_eq!(error.message(), "30");
    assert_eq!(&*error.body(), r#"{"code":"slow_down","message":"30"}"#);
    assert_eq!(Parsed::decode(429, error.body().as_bytes()).unwrap(), error);
    assert_eq!(Parsed::Maybe(Some(7)).message(), "7");
    assert_eq!(Parsed::Maybe(None).message(), "none");
    assert_eq!(
        Parsed::decode(400, br#"{"code":"maybe","message":"9"}"#).unwrap(),
        Parsed::Maybe(Some(9))
    );
    let boxed = Parsed::Boxed("in a box".into());
    assert!(matches!(boxed.message(), Cow::Borrowed("in a box")));
    assert_eq!(Parsed::decode(400, boxed.body().as_bytes()).unwrap(), boxed);
    // A message that does not parse: the response goes to `other`, with what it said.
    let Parsed::Other(unknown) =
        Parsed::decode(429, br#"{"code":"slow_down","message":"soon"}"#).unwrap()
    else {
        panic!("expected `other`");
    };
    assert_eq!(unknown.message(), "soon");
    assert_eq!(unknown.code(), "slow_down");
}
