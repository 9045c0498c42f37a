//! Bad input: whatever a field holds, the body is valid JSON that reads back the same; header
//! values with CR or LF are dropped; an out-of-range run-time status falls back to the declared
//! one; and nothing that is not exposed reaches a body.

use error_contract::{ApiError, Status};

#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
enum Echo {
    #[api_error(status = 400, message = "bad input: {input}")]
    BadInput {
        #[api_error(expose)]
        input: String,
    },
    #[api_error(status = 429, message = "slow down")]
    Throttled {
        #[api_error(header = "Retry-After")]
        retry_after: String,
        #[api_error(header = "X-Request-Id")]
        request_id: u64,
    },
}

const NASTY: &[&str] = &[
    "",
    "plain",
    "quote \" and backslash \\ and slash /",
    "\\\"\\\\\"",
    "newline \n return \r tab \t",
    "nul \u{0} bell \u{7} escape \u{1b} unit sep \u{1f} del \u{7f}",
    "line separator \u{2028} paragraph separator \u{2029}",
    "emoji 😀 and 🏳️‍🌈 and é and 漢字",
    "</script><script>alert(1)</script>",
    "{\"injected\":true}",
    "\u{feff}bom",
    "\u{10ffff}",
];

#[test]
fn any_field_content_gives_valid_json_that_reads_back() {
    for input in NASTY {
        let err = Echo::BadInput {
            input: (*input).to_owned(),
        };
        let body = err.body();
        let value: serde_json::Value = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("invalid JSON for {input:?}: {e}: {}", &*body));
        assert_eq!(value["error"]["input"], *input, "field of {input:?}");
        assert_eq!(
            value["error"]["message"],
            format!("bad input: {input}"),
            "message of {input:?}"
        );
        // Our escaping is serde_json's, byte for byte (serde_json is the oracle here).
        let expected = format!(
            r#"{{"error":{{"code":"bad_input","message":{},"input":{}}}}}"#,
            serde_json::to_string(&format!("bad input: {input}")).unwrap(),
            serde_json::to_string(input).unwrap(),
        );
        assert_eq!(&*body, expected);
        assert_eq!(serde_json::to_string(&err).unwrap(), &*body);
    }
}

#[test]
fn escaping_exact_bytes() {
    let err = Echo::BadInput {
        input: "a\"b\\c\nd\u{1}e\u{2028}f</script>😀".to_owned(),
    };
    assert_eq!(
        &*err.body(),
        "{\"error\":{\"code\":\"bad_input\",\"message\":\"bad input: a\\\"b\\\\c\\nd\\u0001e\u{2028}f</script>😀\",\"input\":\"a\\\"b\\\\c\\nd\\u0001e\u{2028}f</script>😀\"}}"
    );
}

#[test]
fn header_values_with_cr_or_lf_are_dropped() {
    let err = Echo::Throttled {
        retry_after: "30\r\nSet-Cookie: session=stolen".to_owned(),
        request_id: 7,
    };
    let headers: Vec<(&str, String)> = err.headers().into_iter().collect();
    assert_eq!(headers, [("X-Request-Id", "7".to_owned())]);

    for bad in ["\n", "a\rb", "nul\u{0}", "del\u{7f}"] {
        let err = Echo::Throttled {
            retry_after: bad.to_owned(),
            request_id: 1,
        };
        assert_eq!(err.headers().get("Retry-After"), None, "{bad:?}");
    }
    let err = Echo::Throttled {
        retry_after: "30\tseconds".to_owned(),
        request_id: 2,
    };
    assert_eq!(err.headers().get("retry-after"), Some("30\tseconds"));
    assert_eq!(
        &*err.body(),
        r#"{"error":{"code":"throttled","message":"slow down"}}"#
    );
}

#[derive(Debug, ApiError)]
#[api_error(style = "problem", rename_all = "snake_case")]
enum Upstream {
    #[api_error(status = 502, message = "upstream failed")]
    Failed {
        #[api_error(status)]
        status: u16,
    },
    #[api_error(status = 503, message = "unavailable")]
    Typed {
        #[api_error(status)]
        status: Status,
    },
}

#[test]
fn runtime_status_out_of_its_statuses_falls_back_to_declared() {
    // `Failed` declares 502 and lists no `statuses`: it may take any 5xx.
    for (given, expected) in [
        (504, 504),
        (500, 500),
        (599, 599),
        (400, 502),
        (499, 502),
        (399, 502),
        (200, 502),
        (600, 502),
        (0, 502),
        (u16::MAX, 502),
    ] {
        let err = Upstream::Failed { status: given };
        assert_eq!(err.status().as_u16(), expected, "run-time status {given}");
    }
    let err = Upstream::Typed {
        status: Status::new(204).unwrap(),
    };
    assert_eq!(err.status(), Status::SERVICE_UNAVAILABLE);
    let err = Upstream::Typed {
        status: Status::GATEWAY_TIMEOUT,
    };
    assert_eq!(err.status(), Status::GATEWAY_TIMEOUT);
}

#[test]
fn problem_body_shows_the_runtime_status() {
    assert_eq!(
        &*Upstream::Failed { status: 504 }.body(),
        r#"{"type":"about:blank","title":"Gateway Timeout","status":504,"detail":"upstream failed","code":"failed"}"#
    );
    assert_eq!(
        &*Upstream::Failed { status: 302 }.body(),
        r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"upstream failed","code":"failed"}"#
    );
    assert_eq!(
        &*Upstream::Failed { status: 599 }.body(),
        r#"{"type":"about:blank","title":"Server Error","status":599,"detail":"upstream failed","code":"failed"}"#
    );
    // The catalog shows the declared status.
    assert_eq!(Upstream::catalog().entries()[0].status().as_u16(), 502);
}

/// A secret that would be a leak if it reached a body.
const SECRET: &str = "postgres://admin:hunter2@db.internal/prod";

#[derive(Debug)]
struct DbError(String);

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "connection to {} refused", self.0)
    }
}

impl std::error::Error for DbError {}

#[derive(Debug, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case")]
enum Leaky {
    #[api_error(status = 500, message = "internal error")]
    Database {
        #[source]
        cause: DbError,
        // Read only through `Debug` (logs), never sent.
        #[allow(dead_code)]
        query: String,
        #[api_error(header = "X-Trace")]
        trace: u32,
    },
    #[api_error(status = 500, message = "internal error")]
    Io(#[from] std::io::Error),
    #[api_error(status = 400, message = "bad request")]
    Validation {
        #[api_error(expose)]
        field: &'static str,
        #[allow(dead_code)]
        internal_note: String,
        #[source]
        cause: Option<DbError>,
    },
}

#[test]
fn nothing_unexposed_reaches_a_body() {
    let errors = [
        Leaky::Database {
            cause: DbError(SECRET.to_owned()),
            query: format!("SELECT * FROM users -- {SECRET}"),
            trace: 1,
        },
        Leaky::from(std::io::Error::other(SECRET)),
        Leaky::Validation {
            field: "email",
            internal_note: SECRET.to_owned(),
            cause: Some(DbError(SECRET.to_owned())),
        },
    ];
    let bodies = [
        r#"{"code":"database","message":"internal error"}"#,
        r#"{"code":"io","message":"internal error"}"#,
        r#"{"code":"validation","message":"bad request","field":"email"}"#,
    ];
    for (err, expected) in errors.iter().zip(bodies) {
        assert_eq!(&*err.body(), expected);
        assert_eq!(serde_json::to_string(err).unwrap(), expected);
        assert_eq!(err.to_string(), err.message());
        assert!(!err.message().contains("hunter2"));
        for (_, value) in err.headers() {
            assert!(!value.contains("hunter2"));
        }
        // The source is still there for the server's logs.
        let source = std::error::Error::source(err).unwrap();
        assert!(source.to_string().contains("hunter2"));
    }
}

#[test]
fn optional_source_is_none_when_absent() {
    let err = Leaky::Validation {
        field: "email",
        internal_note: String::new(),
        cause: None,
    };
    assert!(std::error::Error::source(&err).is_none());
}

/// A field whose `Serialize` fails leaves `null`, not a broken body.
struct Unserializable;

impl serde::Serialize for Unserializable {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("no"))
    }
}

impl std::fmt::Debug for Unserializable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Unserializable")
    }
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case")]
enum Odd {
    #[api_error(status = 400, message = "odd")]
    Fails {
        #[api_error(expose)]
        before: u8,
        #[api_error(expose)]
        broken: Unserializable,
        #[api_error(expose)]
        map: std::collections::BTreeMap<(u8, u8), u8>,
        #[api_error(expose)]
        after: u8,
    },
}

#[test]
fn failing_serialize_becomes_null() {
    let err = Odd::Fails {
        before: 1,
        broken: Unserializable,
        map: [((1, 2), 3)].into_iter().collect(),
        after: 2,
    };
    assert_eq!(
        &*err.body(),
        r#"{"code":"fails","message":"odd","before":1,"broken":null,"map":null,"after":2}"#
    );
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 20_000, ..proptest::test_runner::Config::default() })]

    /// Any string, in the message and in an exposed field, is escaped exactly as `serde_json`
    /// escapes it (the oracle), whatever its length or where its special bytes fall.
    #[test]
    fn escaping_matches_serde_json(input in "(?s).{0,80}|[\\x00-\\x7f\"\\\\]{0,40}") {
        let err = Echo::BadInput { input: input.clone() };
        let expected = format!(
            r#"{{"error":{{"code":"bad_input","message":{},"input":{}}}}}"#,
            serde_json::to_string(&format!("bad input: {input}")).unwrap(),
            serde_json::to_string(&input).unwrap(),
        );
        proptest::prop_assert_eq!(&*err.body(), expected);
    }
}
