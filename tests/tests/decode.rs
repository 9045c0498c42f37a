//! Client-side decoding: every fallback step in every built-in style, `Unknown` as an
//! `ApiError`, transparent nesting, and bad input (any bytes give a value or an error, never a
//! panic), with property tests over arbitrary bytes and mutated valid bodies.

use error_contract::{ApiError, Code, Decode, DecodeError, Errors, Status, Unknown};
use proptest::prelude::*;

/// The same table in each style, so each fallback step is checked in each.
macro_rules! table {
    ($name:ident, $style:literal) => {
        #[derive(Debug, PartialEq, ApiError)]
        #[api_error(style = $style, decode)]
        enum $name {
            #[api_error(status = 404, code = 3001, message = "entity not found")]
            NotFound,
            #[api_error(status = 400, code = 5000, message = "validation error")]
            Validation {
                #[api_error(expose)]
                subject: String,
                #[api_error(expose, rename = "subjectType")]
                subject_type: Option<String>,
                #[api_error(default)]
                attempts: u32,
            },
            #[api_error(status = 500, code = 2006, message = "entity saving error")]
            Saving,
            #[api_error(status = 400, code = 200601, parent = 2006, message = "not unique")]
            NotUnique,
            #[api_error(status = 500, code = 9001, message = "upstream failed")]
            Upstream {
                #[api_error(status)]
                status: u16,
            },
            #[api_error(other)]
            Other(Unknown),
        }
    };
}

table!(Dto, "dto");
table!(Nested, "nested");
table!(Flat, "flat");
table!(Problem, "problem");
table!(Message, "message");

/// Runs the fallback steps against one style, given how that style writes a body.
macro_rules! fallback_steps {
    ($test:ident, $ty:ident, $body:expr) => {
        #[test]
        fn $test() {
            let body = $body;

            // Status below 400: not an error, whatever the body.
            for status in [0, 100, 200, 204, 302, 399] {
                assert_eq!(
                    $ty::decode(status, body(3001, "entity not found", "").as_bytes()),
                    Err(DecodeError::NotAnError(status))
                );
            }

            // Exact match: a unit variant, then one with fields (an absent Option is None, a
            // `default` field is its default).
            assert_eq!(
                $ty::decode(404, body(3001, "entity not found", "").as_bytes()),
                Ok($ty::NotFound)
            );
            assert_eq!(
                $ty::decode(
                    400,
                    body(
                        5000,
                        "validation error",
                        r#","subject":"firstName","subjectType":"parameter""#
                    )
                    .as_bytes()
                ),
                Ok($ty::Validation {
                    subject: "firstName".into(),
                    subject_type: Some("parameter".into()),
                    attempts: 0,
                })
            );
            assert_eq!(
                $ty::decode(
                    400,
                    body(5000, "validation error", r#","subject":"x""#).as_bytes()
                ),
                Ok($ty::Validation {
                    subject: "x".into(),
                    subject_type: None,
                    attempts: 0,
                })
            );

            // A run-time status field takes the response's status.
            assert_eq!(
                $ty::decode(503, body(9001, "upstream failed", "").as_bytes()),
                Ok($ty::Upstream { status: 503 })
            );
        }
    };
}

fn dto(code: u32, message: &str, fields: &str) -> String {
    format!(r#"{{"errors":[{{"errorCode":{code},"message":"{message}"{fields}}}]}}"#)
}

fn nested(code: u32, message: &str, fields: &str) -> String {
    format!(r#"{{"error":{{"code":{code},"message":"{message}"{fields}}}}}"#)
}

fn flat(code: u32, message: &str, fields: &str) -> String {
    format!(r#"{{"code":{code},"message":"{message}"{fields}}}"#)
}

fn problem(code: u32, message: &str, fields: &str) -> String {
    format!(
        r#"{{"type":"about:blank","title":"Whatever","status":400,"detail":"{message}","code":{code}{fields}}}"#
    )
}

fn message(_code: u32, message: &str, fields: &str) -> String {
    format!(r#"{{"errorMessage":"{message}"{fields}}}"#)
}

fallback_steps!(dto_steps, Dto, dto);
fallback_steps!(nested_steps, Nested, nested);
fallback_steps!(flat_steps, Flat, flat);
fallback_steps!(problem_steps, Problem, problem);
fallback_steps!(message_steps, Message, message);

/// The steps that need a code: all styles but `message`.
macro_rules! code_steps {
    ($test:ident, $ty:ident, $body:expr) => {
        #[test]
        fn $test() {
            let body = $body;

            // A numeric code sent as a string of digits still matches.
            let text = body(3001, "entity not found", "").replace("3001", "\"3001\"");
            assert_eq!($ty::decode(404, text.as_bytes()), Ok($ty::NotFound));

            // A sub-code this client does not know falls back to the longest decimal prefix
            // that a variant names as its parent.
            assert_eq!(
                $ty::decode(400, body(200699, "new sub-code", "").as_bytes()),
                Ok($ty::Saving)
            );
            assert_eq!(
                $ty::decode(400, body(20069999, "newer", "").as_bytes()),
                Ok($ty::Saving)
            );
            // The listed sub-code and the parent itself match exactly.
            assert_eq!(
                $ty::decode(400, body(200601, "not unique", "").as_bytes()),
                Ok($ty::NotUnique)
            );
            assert_eq!(
                $ty::decode(500, body(2006, "entity saving error", "").as_bytes()),
                Ok($ty::Saving)
            );
            // A prefix that is a code but not a parent does not count.
            let Ok($ty::Other(unknown)) = $ty::decode(400, body(300199, "?", "").as_bytes()) else {
                panic!("300199 is not under a parent");
            };
            assert_eq!(unknown.received_code(), Some(Code::Num(300199)));

            // An unknown code: the `other` variant, with everything the response said.
            let text = body(7777, "brand new error", r#","limit":10"#);
            let Ok($ty::Other(unknown)) = $ty::decode(429, text.as_bytes()) else {
                panic!("unknown code");
            };
            assert_eq!(unknown.status(), Status::TOO_MANY_REQUESTS);
            assert_eq!(unknown.code(), Code::Num(7777));
            assert_eq!(unknown.message(), "brand new error");
            assert_eq!(unknown.field("limit"), Some(&serde_json::json!(10)));
            assert_eq!(unknown.body().as_bytes(), text.as_bytes());

            // A known code whose fields do not deserialize: `other`, with the code kept.
            let text = body(5000, "validation error", r#","subject":42"#);
            let Ok($ty::Other(unknown)) = $ty::decode(400, text.as_bytes()) else {
                panic!("bad fields");
            };
            assert_eq!(unknown.code(), Code::Num(5000));
            assert_eq!(unknown.field("subject"), Some(&serde_json::json!(42)));
        }
    };
}

code_steps!(dto_code_steps, Dto, dto);
code_steps!(nested_code_steps, Nested, nested);
code_steps!(flat_code_steps, Flat, flat);
code_steps!(problem_code_steps, Problem, problem);

#[test]
fn message_style_matches_by_message() {
    // No code in the body: the message picks the variant.
    assert_eq!(
        Message::decode(500, br#"{"errorMessage":"entity saving error"}"#),
        Ok(Message::Saving)
    );
    let Ok(Message::Other(unknown)) =
        Message::decode(400, br#"{"errorMessage":"Invalid Parameter"}"#)
    else {
        panic!("unknown message");
    };
    assert_eq!(unknown.received_code(), None);
    assert_eq!(unknown.code(), Code::Num(400));
    assert_eq!(unknown.message(), "Invalid Parameter");
}

#[test]
fn not_json_is_a_status_only_unknown() {
    for body in [
        &b""[..],
        b"<html><body>502 Bad Gateway</body></html>",
        b"{\"errors\":[{\"errorCode\":30",
        b"\xff\xfe\xfd",
        b"null",
        b"[]",
        b"{}",
        b"{\"errors\":\"not a list\"}",
        b"{\"error\":[1,2,3]}",
    ] {
        let Ok(Nested::Other(unknown)) = Nested::decode(502, body) else {
            panic!("{body:?}");
        };
        assert_eq!(unknown.status(), Status::BAD_GATEWAY, "{body:?}");
        assert_eq!(unknown.received_code(), None, "{body:?}");
        assert_eq!(unknown.code(), Code::Num(502));
        assert_eq!(unknown.message(), "Bad Gateway");
        // Its body is written in the decoding type's style.
        assert_eq!(
            &*unknown.body(),
            r#"{"error":{"code":502,"message":"Bad Gateway"}}"#
        );
    }
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case", decode)]
enum NoOther {
    #[api_error(status = 404)]
    NotFound,
}

#[test]
fn without_other_unknown_codes_are_unrecognized() {
    let Err(DecodeError::Unrecognized(unknown)) =
        NoOther::decode(410, br#"{"code":"gone","message":"Gone for good"}"#)
    else {
        panic!()
    };
    assert_eq!(unknown.code(), "gone");
    assert_eq!(
        DecodeError::Unrecognized(unknown.clone()).to_string(),
        "unrecognized error code gone (status 410)"
    );
    let Err(DecodeError::Unrecognized(unknown)) = NoOther::decode(500, b"oops") else {
        panic!()
    };
    assert_eq!(unknown.received_code(), None);
    assert_eq!(
        DecodeError::Unrecognized(unknown).to_string(),
        "unrecognized error response (status 500)"
    );
    assert_eq!(
        NoOther::decode(404, br#"{"code":"not_found","message":"Not Found"}"#),
        Ok(NoOther::NotFound)
    );
}

/// An `Unknown` is itself an `ApiError`: a gateway passes an upstream error through unchanged.
#[test]
fn unknown_passes_through_unchanged() {
    let upstream = br#"{"error":{"code":"quota","message":"Quota \"exceeded\"","limit":10,"nested":{"a":[1,2]}}}"#;
    let Ok(Nested::Other(unknown)) = Nested::decode(429, upstream) else {
        panic!()
    };
    let body = unknown.body();
    assert_eq!(body.as_bytes(), upstream);
    assert_eq!(body.content_type(), "application/json");
    assert_eq!(unknown.status().as_u16(), 429);
    assert_eq!(unknown.code(), "quota");
    assert_eq!(unknown.to_string(), "Quota \"exceeded\"");
    assert!(unknown.headers().is_empty());
    assert!(Unknown::catalog().is_empty());
    assert_eq!(
        serde_json::to_string(&unknown).unwrap().as_bytes(),
        upstream
    );
    // The variant holding it delegates to it.
    let wrapped = Nested::Other(unknown.clone());
    assert_eq!(wrapped.status().as_u16(), 429);
    assert_eq!(wrapped.code(), "quota");
    assert_eq!(wrapped.body().as_bytes(), upstream);
    assert_eq!(wrapped, Nested::Other(unknown));
}

/// Transparent variants decode with the wrapped type when its catalog has the code.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case", decode)]
enum Auth {
    #[api_error(status = 401)]
    TokenExpired,
    #[api_error(status = 403, message = "no access to {resource}")]
    Denied {
        #[api_error(expose)]
        resource: String,
    },
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case", decode)]
enum Shop {
    #[api_error(status = 404)]
    OrderNotFound,
    #[api_error(transparent)]
    Auth(Auth),
    #[api_error(other)]
    Other(Unknown),
}

#[test]
fn transparent_variants_decode_through_the_wrapped_type() {
    for error in [
        Shop::OrderNotFound,
        Shop::Auth(Auth::TokenExpired),
        Shop::Auth(Auth::Denied {
            resource: "orders".into(),
        }),
    ] {
        assert_eq!(
            Shop::decode(error.status().as_u16(), error.body().as_bytes()),
            Ok(error)
        );
    }
    let Ok(Shop::Other(unknown)) = Shop::decode(
        418,
        br#"{"error":{"code":"teapot","message":"I'm a teapot"}}"#,
    ) else {
        panic!()
    };
    assert_eq!(unknown.code(), "teapot");
}

/// A wrapper with exposed fields of its own (read into its slots as a body is read), and a
/// wrapped type with others.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case", decode)]
enum Cart {
    #[api_error(status = 404, message = "no item {item}")]
    NoItem {
        #[api_error(expose)]
        item: u32,
    },
    #[api_error(transparent)]
    Auth(Auth),
}

/// A body of several errors whose items belong to a wrapped type: each decodes through it, with
/// its fields, from what was read of the item (members the wrapper has no slot for are kept).
#[test]
fn several_errors_decode_through_the_wrapped_type() {
    let errors = Errors::try_from(vec![
        Cart::Auth(Auth::Denied {
            resource: "orders".into(),
        }),
        Cart::NoItem { item: 7 },
        Cart::Auth(Auth::Denied {
            resource: "carts".into(),
        }),
    ])
    .unwrap();
    let body = errors.body();
    assert_eq!(
        &*body,
        r#"{"error":{"message":"Bad Request","details":[{"code":"denied","message":"no access to orders","resource":"orders"},{"code":"no_item","message":"no item 7","item":7},{"code":"denied","message":"no access to carts","resource":"carts"}]}}"#
    );
    assert_eq!(Errors::<Cart>::decode(400, body.as_bytes()), Ok(errors));
}

/// Bad input of every kind the issue names: each gives a value or an error.
#[test]
fn bad_inputs_never_panic() {
    let deep_array = "[".repeat(100_000);
    let deep_object = "{\"error\":".repeat(50_000);
    let huge_numbers = r#"{"error":{"code":99999999999999999999999999,"message":1e999}}"#;
    let huge_code = r#"{"errors":[{"errorCode":4294967296,"message":"x"}]}"#;
    let negative_code = r#"{"errors":[{"errorCode":-3001,"message":"x"}]}"#;
    let float_code = r#"{"errors":[{"errorCode":3001.0,"message":"x"}]}"#;
    let duplicate_keys = r#"{"errors":[{"errorCode":9999,"errorCode":3001,"message":"a","message":"entity not found"}]}"#;
    let wrong_types = r#"{"errors":[{"errorCode":true,"message":["x"]}]}"#;
    let long_string = format!(
        r#"{{"errors":[{{"errorCode":7,"message":"{}"}}]}}"#,
        "a".repeat(1 << 20)
    );
    let inputs: Vec<Vec<u8>> = vec![
        deep_array.into_bytes(),
        deep_object.into_bytes(),
        huge_numbers.into(),
        huge_code.into(),
        negative_code.into(),
        float_code.into(),
        duplicate_keys.into(),
        wrong_types.into(),
        long_string.into_bytes(),
        vec![0; 4096],
        b"\"\\ud800\"".to_vec(),
        b"{\"errors\":[{\"errorCode\":3001,\"message\":\"\\ud83d\"}]}".to_vec(),
    ];
    for input in &inputs {
        for status in [400, 404, 500, 599, 600, 999, 1000, u16::MAX] {
            if let Ok(Dto::Other(unknown)) = Dto::decode(status, input) {
                assert!(unknown.status().is_error() || status >= 600);
            }
        }
    }
    // Duplicate keys: the last one wins, as in serde_json.
    assert_eq!(
        Dto::decode(404, duplicate_keys.as_bytes()),
        Ok(Dto::NotFound)
    );
    // A code past u32 is not a code this enum can have: unknown, not truncated into 0.
    let Ok(Dto::Other(unknown)) = Dto::decode(400, huge_code.as_bytes()) else {
        panic!()
    };
    assert_eq!(unknown.received_code(), None);
}

/// A valid body of the `Dto` table, for mutation.
fn valid_bodies() -> Vec<Vec<u8>> {
    [
        Dto::NotFound,
        Dto::Validation {
            subject: "firstName".into(),
            subject_type: Some("parameter".into()),
            attempts: 0,
        },
        Dto::NotUnique,
        Dto::Upstream { status: 502 },
    ]
    .iter()
    .map(|e| e.body().into_string().into_bytes())
    .collect()
}

/// One edit to a byte string: flip, insert, remove, truncate or duplicate a range.
#[derive(Debug, Clone)]
enum Edit {
    Set(usize, u8),
    Insert(usize, u8),
    Remove(usize),
    Truncate(usize),
    Repeat(usize, usize),
}

fn apply(body: &mut Vec<u8>, edit: &Edit) {
    let len = body.len().max(1);
    match *edit {
        Edit::Set(at, byte) => {
            if let Some(b) = body.get_mut(at % len) {
                *b = byte;
            }
        }
        Edit::Insert(at, byte) => body.insert((at % len).min(body.len()), byte),
        Edit::Remove(at) => {
            if !body.is_empty() {
                body.remove(at % body.len());
            }
        }
        Edit::Truncate(at) => body.truncate(at % len),
        Edit::Repeat(at, n) => {
            let at = (at % len).min(body.len());
            let piece: Vec<u8> = body[at..].iter().copied().take(n % 64).collect();
            body.splice(at..at, piece);
        }
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Edit::Set(a, b)),
        (
            any::<usize>(),
            prop::sample::select(b"{}[]\",:0123456789-.eE\\ntrufalse".to_vec())
        )
            .prop_map(|(a, b)| Edit::Insert(a, b)),
        any::<usize>().prop_map(Edit::Remove),
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, n)| Edit::Repeat(a, n)),
    ]
}

/// Checks the decode contract for one input: statuses below 400 are `NotAnError`, and an
/// `Unknown`'s status is the response's.
fn check(status: u16, body: &[u8]) {
    match Dto::decode(status, body) {
        Err(DecodeError::NotAnError(s)) => assert!(s < 400 && s == status),
        Err(DecodeError::Unrecognized(_)) => panic!("Dto has an `other` variant"),
        Ok(Dto::Other(unknown)) => {
            assert!(status >= 400);
            if status <= 999 {
                assert_eq!(unknown.status().as_u16(), status);
            }
            // Whatever came in, what goes out is JSON (RFC 8259's grammar, which puts no bound
            // on numbers: a member holding `2e601` is passed through as it came, not parsed).
            let body = unknown.body();
            assert!(
                serde_json::from_str::<serde::de::IgnoredAny>(&body).is_ok() || body.is_empty()
            );
        }
        Ok(_) => assert!(status >= 400),
    }
    // The same bytes through a type without `other`, and through the message style.
    let _ = NoOther::decode(status, body);
    let _ = Message::decode(status, body);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 50_000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(status in any::<u16>(), body in prop::collection::vec(any::<u8>(), 0..256)) {
        check(status, &body);
    }

    #[test]
    fn mutated_valid_bodies(
        status in prop_oneof![Just(400u16), Just(404), Just(500), 0u16..1100],
        which in 0usize..4,
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let mut body = valid_bodies().swap_remove(which);
        for e in &edits {
            apply(&mut body, e);
        }
        check(status, &body);
    }
}

/// A database failure: a source, which never travels.
#[derive(Debug, PartialEq, Default)]
struct DbError(&'static str);

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "database failed: {}", self.0)
    }
}

impl std::error::Error for DbError {}

/// One enum for both sides with sources: `#[from]` on `Option<T>` gives `From<T>`, an `Option`
/// source decodes as `None`, a `default` one as its default.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case", decode)]
enum Store {
    #[api_error(status = 503, message = "database unavailable")]
    Database(#[from] Option<DbError>),
    #[api_error(status = 500, message = "write failed")]
    Write {
        #[source]
        cause: Option<DbError>,
        #[api_error(expose)]
        table: String,
    },
    #[api_error(status = 500, message = "read failed")]
    Read {
        #[source]
        #[api_error(default)]
        cause: DbError,
    },
}

#[test]
fn sources_decode_as_absent() {
    // The server side: `From<DbError>`, and the source is there.
    let err = Store::from(DbError("connection refused"));
    assert_eq!(err, Store::Database(Some(DbError("connection refused"))));
    assert_eq!(
        std::error::Error::source(&err).unwrap().to_string(),
        "database failed: connection refused"
    );
    assert_eq!(
        &*err.body(),
        r#"{"code":"database","message":"database unavailable"}"#
    );

    // The client side: the same enum, without the source.
    assert_eq!(
        Store::decode(503, err.body().as_bytes()),
        Ok(Store::Database(None))
    );
    let write = Store::Write {
        cause: Some(DbError("disk full")),
        table: "orders".into(),
    };
    assert_eq!(
        &*write.body(),
        r#"{"code":"write","message":"write failed","table":"orders"}"#
    );
    assert_eq!(
        Store::decode(500, write.body().as_bytes()),
        Ok(Store::Write {
            cause: None,
            table: "orders".into()
        })
    );
    assert_eq!(
        Store::decode(500, br#"{"code":"read","message":"read failed"}"#),
        Ok(Store::Read { cause: DbError("") })
    );
    assert!(std::error::Error::source(&Store::Database(None)).is_none());
}

/// Header fields: required, optional and defaulted, read from the headers by
/// `decode_with_headers`, and absent for `decode`.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case", decode)]
enum Gate {
    #[api_error(status = 401, message = "sign in")]
    Unauthorized {
        #[api_error(header = "WWW-Authenticate")]
        challenge: String,
    },
    #[api_error(status = 429, message = "slow down")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: Option<error_contract::RetryAfter>,
        #[api_error(header = "X-RateLimit-Limit", default)]
        limit: u32,
    },
    #[api_error(other)]
    Other(Unknown),
}

#[test]
fn header_fields_read_from_headers() {
    use error_contract::RetryAfter;

    let limited = br#"{"error":{"code":"rate_limited","message":"slow down"}}"#;
    let headers = [("retry-after", "30"), ("x-ratelimit-limit", " 100 ")];
    assert_eq!(
        Gate::decode_with_headers(429, &headers, limited),
        Ok(Gate::RateLimited {
            retry_after: Some(RetryAfter::Seconds(30)),
            limit: 100
        })
    );
    // Without headers: the optional one is `None`, the defaulted one its default.
    assert_eq!(
        Gate::decode(429, limited),
        Ok(Gate::RateLimited {
            retry_after: None,
            limit: 0
        })
    );
    // A header that does not parse is absent.
    let headers = [("Retry-After", "-1"), ("X-RateLimit-Limit", "lots")];
    assert_eq!(
        Gate::decode_with_headers(429, &headers, limited),
        Ok(Gate::RateLimited {
            retry_after: None,
            limit: 0
        })
    );

    // A required header field: there, or the response goes to `other` with its code.
    let unauthorized = br#"{"error":{"code":"unauthorized","message":"sign in"}}"#;
    let headers = [("WWW-Authenticate", "Bearer realm=\"shop\"")];
    assert_eq!(
        Gate::decode_with_headers(401, &headers, unauthorized),
        Ok(Gate::Unauthorized {
            challenge: "Bearer realm=\"shop\"".into()
        })
    );
    let Ok(Gate::Other(unknown)) = Gate::decode(401, unauthorized) else {
        panic!("no header");
    };
    assert_eq!(unknown.code(), "unauthorized");

    // What an error sends (body and headers) decodes back to it; a `None` header is not sent.
    for error in [
        Gate::Unauthorized {
            challenge: "Basic".into(),
        },
        Gate::RateLimited {
            retry_after: Some(RetryAfter::Seconds(5)),
            limit: 10,
        },
        Gate::RateLimited {
            retry_after: None,
            limit: 10,
        },
    ] {
        let headers = error.headers();
        assert_eq!(
            Gate::decode_with_headers(error.status().as_u16(), &headers, error.body().as_bytes()),
            Ok(error)
        );
    }
    assert_eq!(
        Gate::RateLimited {
            retry_after: None,
            limit: 10
        }
        .headers()
        .iter()
        .collect::<Vec<_>>(),
        [("X-RateLimit-Limit", "10")]
    );

    // An unknown 429 or 503 keeps its `Retry-After`.
    let headers = [("Retry-After", "Wed, 21 Oct 2015 07:28:07 GMT")];
    let Ok(Gate::Other(unknown)) = Gate::decode_with_headers(503, &headers, b"<html>") else {
        panic!("unknown 503");
    };
    assert_eq!(
        unknown.retry_after(),
        Some(RetryAfter::Date(
            std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_445_412_487)
        ))
    );
}

#[test]
fn retry_after_forms() {
    use error_contract::RetryAfter;
    use std::time::{Duration, UNIX_EPOCH};

    let date = |secs: u64| RetryAfter::Date(UNIX_EPOCH + Duration::from_secs(secs));
    let cases: &[(&str, Option<RetryAfter>)] = &[
        ("30", Some(RetryAfter::Seconds(30))),
        (" 30\t", Some(RetryAfter::Seconds(30))),
        ("0", Some(RetryAfter::Seconds(0))),
        ("007", Some(RetryAfter::Seconds(7))),
        ("18446744073709551615", Some(RetryAfter::Seconds(u64::MAX))),
        ("99999999999999999999", Some(RetryAfter::Seconds(u64::MAX))),
        ("-1", None),
        ("+1", None),
        ("1.5", None),
        ("1e3", None),
        ("3 0", None),
        ("", None),
        ("   ", None),
        ("٣", None),
        // The three HTTP date forms of RFC 9110.
        ("Sun, 06 Nov 1994 08:49:37 GMT", Some(date(784_111_777))),
        ("Sunday, 06-Nov-94 08:49:37 GMT", Some(date(784_111_777))),
        ("Sun Nov  6 08:49:37 1994", Some(date(784_111_777))),
        // Malformed dates.
        ("Sun, 06 Nov 1994 25:49:37 GMT", None),
        ("Wed, 30 Feb 2015 07:28:07 GMT", None),
        ("Wed, 21 Oct 2015 07:28:00 UTC", None),
        ("Wed, 21 Oct 2015", None),
        ("Wed, 21 Oct 1969 07:28:07 GMT", None),
        ("tomorrow", None),
    ];
    for (value, expected) in cases {
        assert_eq!(value.parse::<RetryAfter>().ok(), *expected, "{value:?}");
    }
    // Written back as sent.
    assert_eq!(RetryAfter::Seconds(30).to_string(), "30");
    assert_eq!(
        date(784_111_777).to_string(),
        "Sun, 06 Nov 1994 08:49:37 GMT"
    );
    // Dates an HTTP date cannot name are written as the nearest one it can.
    assert_eq!(
        RetryAfter::Date(UNIX_EPOCH - Duration::from_secs(1)).to_string(),
        "Thu, 01 Jan 1970 00:00:00 GMT"
    );
    assert_eq!(
        date(400_000_000_000).to_string(),
        "Fri, 31 Dec 9999 23:59:59 GMT"
    );
    // The delay: seconds as they are; a date from a given time, never negative.
    let now = UNIX_EPOCH + Duration::from_secs(784_111_700);
    assert_eq!(date(784_111_777).delay_from(now), Duration::from_secs(77));
    assert_eq!(date(784_111_000).delay_from(now), Duration::ZERO);
    assert_eq!(
        RetryAfter::Seconds(u64::MAX).delay_from(now),
        Duration::from_secs(u64::MAX)
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

    /// Any header value: `Retry-After` parses or not, never panics, and what parses is written
    /// back as a value that parses to the same.
    #[test]
    fn retry_after_any_value(value in "\\PC{0,40}|[0-9 \\-+.]{0,25}|[A-Za-z]{3}, [0-9]{2} [A-Za-z]{3} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT") {
        if let Ok(parsed) = value.parse::<error_contract::RetryAfter>() {
            let again = parsed.to_string().parse::<error_contract::RetryAfter>();
            prop_assert_eq!(again, Ok(parsed));
        }
    }

    /// Any status, headers and body through `decode_with_headers`: a value or an error.
    #[test]
    fn arbitrary_headers(
        status in any::<u16>(),
        retry_after in "\\PC{0,40}",
        challenge in "\\PC{0,20}",
        body in prop::collection::vec(any::<u8>(), 0..128),
    ) {
        let headers = [("Retry-After", retry_after.as_str()), ("WWW-Authenticate", challenge.as_str())];
        let _ = Gate::decode_with_headers(status, &headers, &body);
        let _ = Gate::decode_with_headers(status, &headers, br#"{"error":{"code":"rate_limited","message":"x"}}"#);
    }
}

/// Arbitrary JSON built from the styles' members: objects whose keys are the members the styles
/// read (and a few fields), nested, in any order, repeated; values of every kind.
fn style_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{Value, json};
    let key = prop::sample::select(vec![
        "code",
        "errorCode",
        "message",
        "errorMessage",
        "detail",
        "type",
        "title",
        "status",
        "error",
        "errors",
        "details",
        "subject",
        "subjectType",
        "c\u{f6}de",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![Just(3001u32), Just(5000), Just(200_699), any::<u32>()].prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        "\\PC{0,12}|entity not found|firstName".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 12, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..12).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..14).prop_map(|members| Value::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

    /// Any such body, compact or pretty (so that members are noted, or walked when an object is
    /// deep or has many members): every style's decoding gives a value or an error, and a body
    /// read into an `Unknown` keeps its bytes.
    #[test]
    fn arbitrary_style_json(json in style_json(), status in 400u16..600, pretty in any::<bool>()) {
        let body = if pretty { serde_json::to_vec_pretty(&json) } else { serde_json::to_vec(&json) }.unwrap();
        if let Ok(Dto::Other(unknown)) = Dto::decode(status, &body) {
            // Read as a dto body: kept as it came.
            if unknown.received_code().is_some() || unknown.received_message().is_some() {
                let kept = unknown.body();
                prop_assert_eq!(kept.as_bytes(), &body[..]);
            }
        }
        let _ = Nested::decode(status, &body);
        let _ = Flat::decode(status, &body);
        let _ = Problem::decode(status, &body);
        let _ = Message::decode(status, &body);
        let _ = NoOther::decode(status, &body);
    }

    /// Our own body decodes back to the same variant in every style, with any subject and up
    /// to a dozen members of noise around it (past the members the reader notes).
    #[test]
    fn own_body_reads_back(subject in "\\PC{0,20}", subject_type in proptest::option::of("\\PC{0,8}"), noise in 0usize..12) {
        let err = |subject: &str| Dto::Validation { subject: subject.into(), subject_type: subject_type.clone(), attempts: 0 };
        let dto = err(&subject);
        prop_assert_eq!(Dto::decode(400, dto.body().as_bytes()), Ok(dto));
        let flat = Flat::Validation { subject: subject.clone(), subject_type: subject_type.clone(), attempts: 0 };
        let mut body: serde_json::Value = serde_json::from_str(&flat.body()).unwrap();
        for i in 0..noise {
            body[format!("noise{i}")] = serde_json::json!({"code": i, "message": [i]});
        }
        prop_assert_eq!(Flat::decode(400, body.to_string().as_bytes()), Ok(flat));
        let nested = Nested::Validation { subject: subject.clone(), subject_type: subject_type.clone(), attempts: 0 };
        prop_assert_eq!(Nested::decode(400, nested.body().as_bytes()), Ok(nested));
        let problem = Problem::Validation { subject, subject_type, attempts: 0 };
        prop_assert_eq!(Problem::decode(400, problem.body().as_bytes()), Ok(problem));
    }
}
