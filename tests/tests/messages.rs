//! Message templates: named fields, positions, Debug, format specs, escaped braces, any UTF-8.

use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "message")]
enum Templates {
    #[api_error(status = 400, message = "field {name} is {value:?}")]
    Named { name: String, value: Option<u8> },
    #[api_error(status = 400, message = "{1} before {0}, {0} again")]
    Positional(u32, &'static str),
    #[api_error(
        status = 400,
        message = "[{id:>6}] [{id:<6}] [{id:06}] [{ratio:.2}] [{id:#x}]"
    )]
    Specs { id: u32, ratio: f64 },
    #[api_error(status = 400, message = "[{text:>width$}]")]
    Width { text: &'static str, width: usize },
    #[api_error(status = 400, message = "literal {{braces}} stay")]
    Braces,
    #[api_error(status = 400, message = "{{{n}}}")]
    BracedField { n: u8 },
    #[api_error(status = 400, message = "Ünïcödé ✓ — 漢字 😀 \"quoted\" \\ back")]
    Unicode,
    #[api_error(status = 400, message = "type is {type}")]
    Raw { r#type: &'static str },
}

#[test]
fn named_and_debug() {
    let err = Templates::Named {
        name: "qty".into(),
        value: Some(3),
    };
    assert_eq!(err.to_string(), "field qty is Some(3)");
    assert_eq!(err.message(), "field qty is Some(3)");
    assert_eq!(&*err.body(), r#"{"errorMessage":"field qty is Some(3)"}"#);
}

#[test]
fn positional() {
    assert_eq!(
        Templates::Positional(7, "x").to_string(),
        "x before 7, 7 again"
    );
}

#[test]
fn format_specs() {
    assert_eq!(
        Templates::Specs { id: 42, ratio: 0.5 }.to_string(),
        "[    42] [42    ] [000042] [0.50] [0x2a]"
    );
    assert_eq!(
        Templates::Width {
            text: "ab",
            width: 5
        }
        .to_string(),
        "[   ab]"
    );
}

#[test]
fn escaped_braces_are_static() {
    let err = Templates::Braces;
    assert_eq!(err.to_string(), "literal {braces} stay");
    assert!(err.body().is_static());
    assert_eq!(&*err.body(), r#"{"errorMessage":"literal {braces} stay"}"#);
    assert_eq!(Templates::BracedField { n: 5 }.to_string(), "{5}");
}

#[test]
fn any_utf8() {
    let err = Templates::Unicode;
    assert_eq!(err.to_string(), "Ünïcödé ✓ — 漢字 😀 \"quoted\" \\ back");
    assert_eq!(
        &*err.body(),
        r#"{"errorMessage":"Ünïcödé ✓ — 漢字 😀 \"quoted\" \\ back"}"#
    );
}

#[test]
fn raw_identifier_field() {
    assert_eq!(
        Templates::Raw { r#type: "json" }.to_string(),
        "type is json"
    );
}

#[test]
fn catalog_shows_templates_as_written() {
    let catalog = Templates::catalog();
    let messages: Vec<&str> = catalog
        .iter()
        .map(error_contract::CatalogEntry::message)
        .collect();
    assert_eq!(
        messages,
        [
            "field {name} is {value:?}",
            "{1} before {0}, {0} again",
            "[{id:>6}] [{id:<6}] [{id:06}] [{ratio:.2}] [{id:#x}]",
            "[{text:>width$}]",
            "literal {braces} stay",
            "{{{n}}}",
            "Ünïcödé ✓ — 漢字 😀 \"quoted\" \\ back",
            "type is {type}",
        ]
    );
}
