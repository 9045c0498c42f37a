// Every form of the derive, in a crate that denies warnings, `unused_qualifications` and
// `clippy::pedantic`. Included by the edition-2021 and edition-2024 crates beside this file; the
// workspace's `cargo clippy -- -D warnings` and `cargo test` build both.
//
// The names the generated code spells out in full are imported here too, so that an
// `unused_qualifications` lint on generated code would fire. `lints_can_fail` (in the
// edition-2024 crate) proves that these lints do fail a build, in code of the derive's shape.

use error_contract::json::JsonWriter;
use error_contract::{ApiError, Catalog, Codes, Decode, Parts, Status, Style, Unknown};
use serde::Serialize;
use std::error::Error;
use std::fmt::{self, Display};
use std::result::Result;

/// A custom style.
pub struct Envelope;

impl Style for Envelope {
    const CONTENT_TYPE: &'static str = "application/vnd.error+json";

    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
        out.raw(r#"{"error":"#);
        out.code(parts.code());
        out.raw(r#","text":"#);
        out.display(parts.message());
        out.fields(parts.fields());
        out.raw("}");
    }
}

/// A source type.
#[derive(Debug)]
pub struct StoreError;

impl Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("store failed")
    }
}

impl Error for StoreError {}

/// Exposed as a field.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq, Default)]
pub struct Detail {
    pub field: String,
}

/// Every variant form, in the `nested` style.
#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
pub enum Shop {
    /// Unit.
    #[api_error(status = 404, message = "order not found")]
    NotFound,
    /// Interpolated, exposed, optional, renamed.
    #[api_error(status = 400, message = "invalid {field} ({detail:?})")]
    Invalid {
        #[api_error(expose)]
        field: String,
        #[api_error(expose, rename = "detailInfo")]
        detail: Option<Detail>,
    },
    /// Tuple, positional.
    #[api_error(status = 422, message = "bad quantity {0}")]
    Quantity(#[api_error(expose, rename = "quantity")] u32),
    /// Header.
    #[api_error(status = 429, message = "slow down")]
    Limited {
        #[api_error(header = "Retry-After")]
        retry_after: u64,
    },
    /// Run-time status.
    #[api_error(status = 500, message = "upstream failed")]
    Upstream {
        #[api_error(status)]
        status: u16,
    },
    /// Transparent.
    #[api_error(transparent)]
    Auth(Auth),
    /// Deprecated, with run-time parts: the generated matches must not warn.
    #[deprecated = "use `Invalid`"]
    #[api_error(status = 400, message = "invalid {what}")]
    OldInvalid {
        #[api_error(expose)]
        what: String,
        #[api_error(header = "X-Retry")]
        retry: u8,
    },
}

/// Decoding: exposed, optional, default and run-time status fields, a transparent variant
/// over a decoding type, and the fallback.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "dto", decode)]
pub enum Client {
    /// Exposed.
    #[api_error(status = 400, code = 5000, message = "validation error: {subject}")]
    Validation {
        #[api_error(expose)]
        subject: String,
        #[api_error(expose, rename = "detailInfo")]
        detail: Option<Detail>,
    },
    /// Default.
    #[api_error(status = 429, code = 5001, message = "slow down")]
    Limited {
        #[api_error(header = "Retry-After", default)]
        retry_after: u64,
    },
    /// Run-time status.
    #[api_error(status = 500, code = 9001, message = "unexpected system error")]
    System {
        #[api_error(status)]
        status: u16,
    },
    /// Transparent over a decoding type.
    #[api_error(transparent)]
    Nested(Nested),
    /// The fallback.
    #[api_error(other)]
    Other(Unknown),
}

/// Decoding with sources: an `Option` source decodes as `None`, a `default` one as its default,
/// and `#[from]` on `Option<T>` gives `From<T>`.
#[derive(Debug, ApiError)]
#[api_error(style = "flat", decode)]
pub enum ClientSources {
    /// `#[from]` on an `Option`.
    #[api_error(status = 503, code = 6001, message = "store unavailable")]
    Store(#[from] Option<StoreError>),
    /// `#[source]` on an `Option`.
    #[api_error(status = 500, code = 6002, message = "formatting failed")]
    Format {
        #[source]
        cause: Option<fmt::Error>,
    },
    /// A `default` source.
    #[api_error(status = 500, code = 6003, message = "formatting failed again")]
    Defaulted {
        #[source]
        #[api_error(default)]
        cause: fmt::Error,
    },
}

/// A decoding type wrapped by `Client`.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "dto", decode)]
pub enum Nested {
    /// Unit.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
}

/// Numeric codes, parents, problem style with a type base and titles.
#[derive(Debug, ApiError)]
#[api_error(type_base = "https://errors.example.com/")]
pub enum Auth {
    /// Parent.
    #[api_error(status = 401, code = 4004, title = "Authentication Failed")]
    Failed,
    /// Child.
    #[api_error(status = 401, code = 400401, parent = 4004, message = "token expired")]
    Expired,
    /// Source and from.
    #[api_error(status = 503, code = 4009, message = "auth store unavailable")]
    Store(#[from] StoreError),
    /// Optional source.
    #[api_error(status = 500, code = 4010, message = "auth failed")]
    Maybe {
        #[source]
        cause: Option<StoreError>,
    },
    /// Deprecated, with a source: its `From` impl must not warn.
    #[deprecated = "use `Store`"]
    #[api_error(status = 503, code = 4012, message = "legacy store failed")]
    LegacyStore(#[from] fmt::Error),
    /// Status type.
    #[api_error(status = 502, code = 4011, message = "bad gateway", style = "flat")]
    Gateway {
        #[api_error(status)]
        status: Status,
    },
}

/// Other styles and a custom one.
#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
pub enum Legacy {
    /// Dto.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    /// Message style.
    #[api_error(status = 400, code = 3002, message = "Invalid Parameter", style = "message")]
    Invalid,
    /// Custom style.
    #[api_error(status = 400, code = 3003, message = "custom {0}", style = Envelope)]
    Custom(#[api_error(expose, rename = "what")] String),
}

/// Generics, lifetimes and where clauses.
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
pub enum Generic<'a, T, S>
where
    T: Clone,
{
    /// Uses both.
    #[api_error(status = 400, code = 1, message = "bad {value} in {name}")]
    Bad {
        #[api_error(expose)]
        value: T,
        #[api_error(expose)]
        name: &'a str,
    },
    /// A generic source.
    #[api_error(status = 500, code = 2, message = "failed")]
    Failed(#[source] S),
    /// `From` of a type with a lifetime.
    #[api_error(status = 500, code = 3, message = "formatting failed")]
    Format(#[from] fmt::Error),
}

/// Its variants are imported below, so a `Self::Variant` written with the user's
/// span would be an unused qualification.
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
pub enum Globbed {
    /// From.
    #[api_error(status = 500, code = 1, message = "formatting failed")]
    Formatting(#[from] fmt::Error),
    /// Unit.
    #[api_error(status = 404, code = 2, message = "vanished")]
    Vanished,
}

use Globbed::{Formatting, Vanished};

/// Structs.
#[derive(Debug, ApiError)]
#[api_error(style = "flat", status = 404, code = "missing", message = "missing {0}")]
pub struct Missing(pub String);

/// A unit struct.
#[derive(Debug, ApiError)]
#[api_error(status = 410, code = "gone")]
pub struct Gone;

/// A transparent struct.
#[derive(Debug, ApiError)]
#[api_error(transparent)]
pub struct Wrapped(pub Shop);

/// Answers the framework's own failures: `catch` on variants, `detail` on fields.
#[derive(Debug, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case")]
pub enum Failures {
    /// Unknown route.
    #[api_error(status = 404, message = "no such route", catch = "unknown_route")]
    NoRoute,
    /// Wrong method.
    #[api_error(status = 405, message = "method not allowed", catch = "method_not_allowed")]
    WrongMethod {
        #[api_error(header = "Allow", fact = "allow")]
        allow: String,
    },
    /// Unreadable body.
    #[api_error(status = 400, message = "unreadable", catch("json_syntax", "json_data"))]
    Unreadable {
        #[api_error(expose, fact = "pointer")]
        pointer: Option<String>,
        #[api_error(default)]
        hint: u8,
    },
    /// Other layers' client errors, with their status.
    #[api_error(status = 400, message = "refused", catch = "status")]
    Refused {
        #[api_error(status)]
        status: u16,
    },
    /// Upstream failures, with one of the statuses they are sent with.
    #[api_error(status = 502, message = "upstream", statuses(503, 504), catch = "status")]
    Upstream {
        #[api_error(status)]
        status: u16,
    },
    /// Server errors, with the status of the response they answer.
    #[api_error(status = 500, message = "internal", statuses("5XX"), catch("panic", "status"))]
    Internal {
        #[api_error(status)]
        status: Status,
    },
}

/// Answers broken validation rules: `validate` on variants, `detail` on fields.
#[derive(Debug, ApiError)]
#[api_error(style = "problem", rename_all = "snake_case")]
pub enum Violations {
    /// Out of range, also answering a body of the wrong shape.
    #[api_error(status = 422, message = "out of range", validate("range", "length"), catch = "json_data")]
    OutOfRange {
        #[api_error(expose, fact = "pointer")]
        pointer: Option<String>,
    },
    /// Every other rule.
    #[api_error(status = 422, message = "invalid", validate)]
    Invalid {
        #[api_error(expose, fact = "parameter")]
        parameter: Option<String>,
        #[api_error(expose, fact = "rule")]
        rule: String,
        #[api_error(status)]
        status: u16,
        #[api_error(default)]
        hint: u8,
    },
    /// Another layer's 4xx.
    #[api_error(status = 400, message = "request refused", catch = "status")] RequestRefused { #[api_error(status)] status: u16 },
    /// Another layer's 5xx.
    #[api_error(status = 500, message = "server error", catch = "status")] ServerError { #[api_error(status)] status: u16 },
}

/// Uses the derived impls so the crate exercises them.
///
/// # Errors
///
/// Never; the `Result` is here to use the imported name.
pub fn exercise() -> Result<usize, Box<dyn Error>> {
    let shop = Shop::Invalid {
        field: "sku".into(),
        detail: Some(Detail::default()),
    };
    let generic: Generic<'_, u8, StoreError> = Generic::Bad {
        value: 1,
        name: "x",
    };
    Ok(shop.body().len()
        + Auth::from(StoreError).body().len()
        + ClientSources::from(StoreError).body().len()
        + Legacy::Custom("x".into()).body().len()
        + generic.body().len()
        + Missing("id".into()).body().len()
        + Gone.body().len()
        + Wrapped(Shop::NotFound).body().len()
        + Globbed::from(fmt::Error).body().len()
        + Formatting(fmt::Error).body().len()
        + Vanished.body().len()
        + Generic::<'_, u8, StoreError>::from(fmt::Error).body().len()
        + Shop::catalog().len()
        + Auth::CODES.len()
        + <Failures as error_contract::FromFailure>::from_failure(&error_contract::Failure::new(error_contract::FailureKind::Panic)).body().len()
        + error_contract::Errors::<Violations>::from_violations(&[error_contract::Violation::new("range"), error_contract::Violation::new("email")]).map_or(0, |errors| errors.body().len())
        + usize::from(Decode::decode(404, Nested::NotFound.body().as_bytes()).is_ok_and(|c: Client| c == Client::Nested(Nested::NotFound))))
}

/// Deprecated as a whole: every generated impl names it.
#[deprecated = "use `Shop`"]
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
pub enum OldShop {
    /// Exposed.
    #[api_error(status = 404, code = 1, message = "old {what}")]
    Old {
        #[api_error(expose)]
        what: String,
    },
    /// Transparent, so the composed-codes check names the type too.
    #[api_error(transparent)]
    Auth(Auth),
}

/// The catalog of a type with a deprecated variant.
#[must_use]
pub fn shop_catalog() -> Catalog {
    Shop::catalog()
}
