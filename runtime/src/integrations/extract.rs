//! What the axum and actix-web integrations share: the `Content-Type` rule for JSON bodies;
//! reading a JSON body or a query string while keeping where it failed (a JSON Pointer, a
//! parameter name), so that a failure can name the member at fault without the deserializer's
//! own text; and the marker that tells a layer which responses a contract error wrote.

use crate::{Fact, Failure, FailureKind};
use serde::de::DeserializeOwned;

/// Whether a `Content-Type` value announces JSON: `application/json` or `application/<x>+json`
/// (`application/problem+json`, `application/merge-patch+json`), with any parameters
/// (`; charset=utf-8`), in any case.
pub(crate) fn is_json(content_type: &[u8]) -> bool {
    let Ok(value) = core::str::from_utf8(content_type) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || (subtype.len() > "+json".len()
                && subtype
                    .get(subtype.len() - "+json".len()..)
                    .is_some_and(|suffix| suffix.eq_ignore_ascii_case("+json"))))
}

/// Why a JSON body did not deserialize.
#[derive(Debug)]
pub(crate) struct JsonError {
    kind: FailureKind,
    /// The JSON Pointer of the member at fault (`json_data` only).
    pointer: String,
    error: JsonCause,
}

/// What was wrong with a JSON body, for the log.
#[derive(Debug)]
enum JsonCause {
    /// Bytes that are not UTF-8 (RFC 8259 section 8.1), wherever they are.
    Utf8(core::str::Utf8Error),
    /// Arrays and objects nested deeper than [`MAX_DEPTH`], wherever they are.
    TooDeep,
    /// What `serde_json` found.
    Json(serde_json::Error),
}

impl core::fmt::Display for JsonCause {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            JsonCause::Utf8(error) => write!(f, "the body is not UTF-8: {error}"),
            JsonCause::TooDeep => write!(f, "arrays and objects nested deeper than {MAX_DEPTH}"),
            JsonCause::Json(error) => core::fmt::Display::fmt(error, f),
        }
    }
}

/// The deepest nesting of arrays and objects a body may have: `serde_json`'s own limit for what
/// it reads, applied to the whole body, members the handler's type passes over included.
pub(crate) const MAX_DEPTH: usize = 128;

impl JsonError {
    /// The failure, borrowing the pointer and the error (the cause).
    pub(crate) fn failure(&self) -> Failure<'_> {
        let failure = Failure::new(self.kind).with_cause(&self.error);
        match self.kind {
            FailureKind::JsonData => failure.with(Fact::Pointer, &self.pointer),
            _ => failure,
        }
    }
}

/// Deserializes a whole JSON body. A syntax error (`json_syntax`) is anything that is not JSON
/// text: bytes that are not UTF-8 and arrays or objects nested deeper than [`MAX_DEPTH`] anywhere
/// in the body (in a member the handler's type passes over too), and trailing bytes other than
/// white space.
pub(crate) fn json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, JsonError> {
    let syntax = |error| JsonError {
        kind: FailureKind::JsonSyntax,
        pointer: String::new(),
        error,
    };
    let text = core::str::from_utf8(bytes).map_err(|error| syntax(JsonCause::Utf8(error)))?;
    if too_deep(text.as_bytes()) {
        return Err(syntax(JsonCause::TooDeep));
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let pointer = pointer(error.path(), error.inner());
        let error = error.into_inner();
        let kind = match error.classify() {
            serde_json::error::Category::Data => FailureKind::JsonData,
            _ => FailureKind::JsonSyntax,
        };
        JsonError {
            kind,
            pointer,
            error: JsonCause::Json(error),
        }
    })?;
    deserializer
        .end()
        .map_err(|error| syntax(JsonCause::Json(error)))?;
    Ok(value)
}

/// Whether arrays and objects nest deeper than [`MAX_DEPTH`] anywhere in `json` (brackets in
/// strings are text; a body that is not JSON at all is `serde_json`'s to report).
fn too_deep(json: &[u8]) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &byte in json {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// The JSON Pointer (RFC 6901) of the member at fault: the path the deserializer had reached,
/// plus the field serde names in a "missing field" or "unknown field" error (which it reports
/// at the enclosing object).
fn pointer(path: &serde_path_to_error::Path, error: &impl core::fmt::Display) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Segment::Map { key } => push_token(&mut out, key),
            Segment::Enum { variant } => push_token(&mut out, variant),
            Segment::Unknown => {}
        }
    }
    if let Some(field) = named_field(&error.to_string()) {
        push_token(&mut out, field);
    }
    out
}

/// The field of serde's "missing field `x`", "unknown field `x`, expected ..." and "duplicate
/// field `x`" messages.
pub(crate) fn named_field(message: &str) -> Option<&str> {
    let rest = message
        .strip_prefix("missing field `")
        .or_else(|| message.strip_prefix("unknown field `"))
        .or_else(|| message.strip_prefix("duplicate field `"))?;
    rest.split_once('`').map(|(field, _)| field)
}

fn push_token(out: &mut String, token: &str) {
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// Why a query string did not deserialize.
#[derive(Debug)]
pub(crate) struct QueryError {
    parameter: Option<String>,
    error: serde_urlencoded::de::Error,
}

impl QueryError {
    /// The failure, borrowing the parameter and the error (the cause).
    pub(crate) fn failure(&self) -> Failure<'_> {
        Failure::new(FailureKind::InvalidQuery)
            .with_opt(Fact::Parameter, self.parameter.as_deref())
            .with_cause(&self.error)
    }
}

/// Deserializes a query string (without the `?`).
pub(crate) fn query<T: DeserializeOwned>(query: &str) -> Result<T, QueryError> {
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let mut parameter = error.path().iter().find_map(|segment| match segment {
            serde_path_to_error::Segment::Map { key } => Some(key.clone()),
            _ => None,
        });
        let error = error.into_inner();
        if parameter.is_none() {
            parameter = named_field(&error.to_string()).map(str::to_owned);
        }
        QueryError { parameter, error }
    })
}

/// The parts every extractor shares: the value, and `E` without owning one (so the extractor
/// is `Send`, `Sync` and `Clone` whatever `E` is). `E: FromFailure` is a bound of the type itself, so
/// that naming the extractor with an enum that has no `catch` is an error on that very type,
/// with `FromFailure`'s message, rather than only the framework's "handler not implemented" error.
/// `$module` is the public module of the extractor, for the doc examples.
macro_rules! extractor {
    ($module:literal, $name:ident) => {
        impl<T, E: crate::FromFailure> $name<T, E> {
            /// Wraps `value`.
            ///
            /// ```
            /// # #[derive(Debug, error_contract::ApiError)]
            /// # enum ApiFailure {
            /// #     #[api_error(status = 400, code = 9000, catch = "status")]
            /// #     Refused { #[api_error(status)] status: u16 },
            /// #     #[api_error(status = 500, code = 9001, catch("panic", "status"))]
            /// #     Internal { #[api_error(status)] status: u16 },
            /// # }
            #[doc = concat!("let value = error_contract::", $module, "::", stringify!($name), "::<u32, ApiFailure>::new(7);")]
            /// assert_eq!(*value, 7);
            /// ```
            #[must_use]
            pub const fn new(value: T) -> Self {
                $name {
                    value,
                    error: ::core::marker::PhantomData,
                }
            }

            /// The extracted value.
            ///
            /// ```
            /// # #[derive(Debug, error_contract::ApiError)]
            /// # enum ApiFailure {
            /// #     #[api_error(status = 400, code = 9000, catch = "status")]
            /// #     Refused { #[api_error(status)] status: u16 },
            /// #     #[api_error(status = 500, code = 9001, catch("panic", "status"))]
            /// #     Internal { #[api_error(status)] status: u16 },
            /// # }
            #[doc = concat!("let value = error_contract::", $module, "::", stringify!($name), "::<_, ApiFailure>::from(vec![1, 2]);")]
            /// assert_eq!(value.into_inner(), [1, 2]);
            /// ```
            pub fn into_inner(self) -> T {
                self.value
            }
        }

        impl<T, E: crate::FromFailure> ::core::ops::Deref for $name<T, E> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.value
            }
        }

        impl<T, E: crate::FromFailure> ::core::ops::DerefMut for $name<T, E> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.value
            }
        }

        impl<T, E: crate::FromFailure> From<T> for $name<T, E> {
            fn from(value: T) -> Self {
                $name::new(value)
            }
        }

        impl<T: Clone, E: crate::FromFailure> Clone for $name<T, E> {
            fn clone(&self) -> Self {
                $name::new(self.value.clone())
            }
        }

        impl<T: Default, E: crate::FromFailure> Default for $name<T, E> {
            fn default() -> Self {
                $name::new(T::default())
            }
        }

        impl<T: ::core::fmt::Debug, E: crate::FromFailure> ::core::fmt::Debug for $name<T, E> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.value).finish()
            }
        }
    };
}

pub(crate) use extractor;

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code, reason = "only deserialized")]
    struct Order {
        product: u64,
        items: Vec<Item>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code, reason = "only deserialized")]
    struct Item {
        quantity: i64,
    }

    fn json_failure(body: &str) -> (FailureKind, Option<String>) {
        let error = json::<Order>(body.as_bytes()).unwrap_err();
        let failure = error.failure();
        (
            failure.kind(),
            failure.fact(Fact::Pointer).map(str::to_owned),
        )
    }

    #[test]
    fn json_content_types() {
        for ok in [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON;charset=UTF-8",
            "application/problem+json",
            "application/merge-patch+json",
        ] {
            assert!(is_json(ok.as_bytes()), "{ok}");
        }
        for no in [
            "",
            "text/plain",
            "application/jsonx",
            "application/+json",
            "text/json",
            "application",
            "application/x-www-form-urlencoded",
        ] {
            assert!(!is_json(no.as_bytes()), "{no}");
        }
        assert!(!is_json(b"application/json\xff"));
    }

    #[test]
    fn json_pointers() {
        assert_eq!(
            json_failure(
                r#"{"product":1,"items":[{"quantity":1},{"quantity":2},{"quantity":"x"}]}"#
            ),
            (FailureKind::JsonData, Some("/items/2/quantity".to_owned()))
        );
        assert_eq!(
            json_failure(r#"{"items":[]}"#),
            (FailureKind::JsonData, Some("/product".to_owned()))
        );
        assert_eq!(
            json_failure(r#"{"product":1,"items":[{}]}"#),
            (FailureKind::JsonData, Some("/items/0/quantity".to_owned()))
        );
        assert_eq!(
            json_failure("[1]"),
            (FailureKind::JsonData, Some(String::new()))
        );
    }

    #[test]
    fn json_syntax() {
        for body in [
            "",
            "{",
            "{\"product\":1,}",
            "\u{0}",
            "{\"product\":1,\"items\":[]} x",
        ] {
            assert_eq!(
                json_failure(body),
                (FailureKind::JsonSyntax, None),
                "{body:?}"
            );
        }
        let deep = "[".repeat(10_000);
        let error = json::<serde_json::Value>(deep.as_bytes()).unwrap_err();
        assert_eq!(error.failure().kind(), FailureKind::JsonSyntax);
        let error = json::<Order>(b"{\"product\":1,\"items\":[\xff]}").unwrap_err();
        assert_eq!(error.failure().kind(), FailureKind::JsonSyntax);
    }

    #[test]
    fn pointer_escapes() {
        let mut out = String::new();
        push_token(&mut out, "a/b~c");
        assert_eq!(out, "/a~1b~0c");
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code, reason = "only deserialized")]
    struct Page {
        limit: u32,
        offset: Option<u32>,
    }

    /// What the handler's type passes over is checked too: bytes that are not UTF-8 and nesting
    /// past the limit are syntax errors wherever they are.
    #[test]
    fn the_whole_body_is_json_text() {
        let kind = |body: &[u8]| match json::<Order>(body) {
            Ok(_) => None,
            Err(error) => Some(error.failure().kind()),
        };
        let ok = b"{\"product\":1,\"items\":[],\"note\":\"caf\xc3\xa9 [{\"}";
        assert_eq!(kind(ok), None);
        let latin1 = b"{\"product\":1,\"items\":[],\"note\":\"caf\xe9\"}";
        assert_eq!(kind(latin1), Some(FailureKind::JsonSyntax));
        let deep = |depth: usize| {
            let mut body = String::from(r#"{"product":1,"items":[],"extra":"#);
            body.push_str(&"[".repeat(depth - 1));
            body.push_str(&"]".repeat(depth - 1));
            body.push('}');
            body
        };
        // The outer object is one level: 128 in all is as deep as a body goes.
        assert_eq!(kind(deep(MAX_DEPTH).as_bytes()), None);
        assert_eq!(
            kind(deep(MAX_DEPTH + 1).as_bytes()),
            Some(FailureKind::JsonSyntax)
        );
        assert_eq!(
            json::<Order>(deep(MAX_DEPTH + 1).as_bytes())
                .unwrap_err()
                .failure()
                .cause()
                .map(ToString::to_string)
                .as_deref(),
            Some("arrays and objects nested deeper than 128")
        );
        // Escaped quotes and brackets in strings are text.
        let strings = br#"{"product":1,"items":[],"note":"\"[[[[\\"}"#;
        assert_eq!(kind(strings), None);
    }

    #[test]
    fn query_parameters() {
        let page: Page = query("limit=5&offset=2").unwrap();
        assert_eq!((page.limit, page.offset), (5, Some(2)));
        for (q, parameter) in [
            ("limit=abc", Some("limit")),
            ("limit=5&offset=-1", Some("offset")),
            ("", Some("limit")),
            ("offset=1", Some("limit")),
            // A parameter given twice is named too.
            ("limit=5&limit=6", Some("limit")),
            ("limit=5&offset=1&offset=2", Some("offset")),
        ] {
            let error = query::<Page>(q).unwrap_err();
            let failure = error.failure();
            assert_eq!(failure.kind(), FailureKind::InvalidQuery);
            assert_eq!(failure.fact(Fact::Parameter), parameter, "{q}");
        }
    }
}

/// Marks a response that a contract error wrote (kept in the response's extensions), so that the
/// axum layer and the actix-web middleware leave it alone and rewrite every other error response.
///
/// The marker costs the response's extensions map (two allocations with axum, one with
/// actix-web), so the hooks add it only once a layer or middleware that reads it exists in the
/// process ([`catching`]): a service without one pays nothing for it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ContractResponse;

/// Whether a `CatchLayer` or `CatchMiddleware` has been made in this process. Set once, never
/// cleared: a response passes through such a layer only after the layer was made.
static CATCHING: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// Whether error responses must carry the [`ContractResponse`] marker.
pub(crate) fn catching() -> bool {
    // Relaxed is enough: the layer is made before the server's threads that serve through it
    // are started or handed it, which orders the store before their loads.
    CATCHING.load(core::sync::atomic::Ordering::Relaxed)
}

/// Called by every constructor of a layer or middleware that reads the marker.
pub(crate) fn start_catching() {
    CATCHING.store(true, core::sync::atomic::Ordering::Relaxed);
}

/// The variant of `E` that answers `failure`, with the framework's own description of the
/// failure logged at debug level (feature `tracing`) and nowhere else.
pub(crate) fn caught<E: crate::FromFailure>(failure: &crate::Failure<'_>) -> E {
    #[cfg(feature = "tracing")]
    super::tracing::failure(failure);
    E::from_failure(failure)
}

/// The message of a panic's payload: the `&str` or `String` given to `panic!`, else a fixed text.
pub(crate) fn panic_message(payload: &(dyn core::any::Any + Send)) -> &str {
    if let Some(message) = payload.downcast_ref::<&'static str>() {
        message
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message
    } else {
        "a panic with a payload that is not a string"
    }
}
