//! # error-contract
//!
//! One enum is the contract of an HTTP API's errors. Derive [`ApiError`] on it, give each variant
//! its status, stable code and public message, pick the wire style, and the crate generates the
//! status mapping, the JSON body, the code accessors, `Display`, `std::error::Error`,
//! `serde::Serialize`, `From` for sources, and the error catalog.
//!
//! ```
//! use error_contract::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(style = "dto")]
//! enum ShopError {
//!     /// Entity was not found.
//!     #[api_error(status = 404, code = 3001, message = "entity not found")]
//!     NotFound,
//!     /// Validation error.
//!     #[api_error(status = 400, code = 5000, message = "validation error")]
//!     Validation {
//!         #[api_error(expose)]
//!         subject: String,
//!         #[api_error(expose, rename = "subjectType")]
//!         subject_type: &'static str,
//!     },
//!     /// Unexpected system error.
//!     #[api_error(status = 500, code = 9001, message = "unexpected system error")]
//!     Io(#[from] std::io::Error),
//! }
//!
//! let err = ShopError::NotFound;
//! assert_eq!(err.status().as_u16(), 404);
//! assert_eq!(err.code(), 3001);
//! assert_eq!(&*err.body(), r#"{"errors":[{"errorCode":3001,"message":"entity not found"}]}"#);
//!
//! let err = ShopError::Validation { subject: "firstName".into(), subject_type: "parameter" };
//! assert_eq!(
//!     &*err.body(),
//!     r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"}]}"#
//! );
//!
//! // The source stays on the server: the body has only the public message.
//! let err = ShopError::from(std::io::Error::other("disk full at /var/db"));
//! assert_eq!(&*err.body(), r#"{"errors":[{"errorCode":9001,"message":"unexpected system error"}]}"#);
//! assert_eq!(std::error::Error::source(&err).unwrap().to_string(), "disk full at /var/db");
//! ```
//!
//! # The attribute
//!
//! `#[api_error(...)]` goes on the enum, its variants and their fields (on a struct, the enum's
//! and the variant's keys go together). Each key below links to its runnable example in the
//! [derive's documentation](derive@ApiError).
//!
//! | on | key | value | meaning |
//! | --- | --- | --- | --- |
//! | enum | [`style`](derive@ApiError#style) | `"dto"`, `"nested"`, `"flat"`, `"message"`, `"problem"` (default), or a path to a [`Style`] | the body's wire format |
//! | enum | [`rename_all`](derive@ApiError#rename_all) | `"snake_case"`, `"PascalCase"`, `"camelCase"`, `"SCREAMING_SNAKE_CASE"`, `"kebab-case"`, `"lowercase"`, `"UPPERCASE"` | string codes from variant names |
//! | enum | [`type_base`](derive@ApiError#type_base) | `"https://.../"` | problem style: `type` is this base and the code |
//! | enum | [`crate`](derive@ApiError#crate) | `"path"` | where the runtime crate is (default `::error_contract`) |
//! | enum | [`decode`](derive@ApiError#decode) | flag | also implement [`Decode`] |
//! | variant | [`status`](derive@ApiError#status) | `400..=599` | the HTTP status |
//! | variant | [`code`](derive@ApiError#code) | integer (`u32`) or string | the stable code (default: the name through `rename_all`) |
//! | variant | [`message`](derive@ApiError#message) | `"... {field} ..."` | the public message and `Display` (default: the reason phrase) |
//! | variant | [`style`](derive@ApiError#style-on-a-variant) | as on the enum | this variant's wire format |
//! | variant | [`parent`](derive@ApiError#parent) | a code of the enum | the code this one refines |
//! | variant | [`title`](derive@ApiError#title) | `"..."` | problem style: the title |
//! | variant | [`transparent`](derive@ApiError#transparent) | flag | everything from the one field, an `ApiError` |
//! | variant | [`other`](derive@ApiError#other) | flag | with `decode`: the fallback, holding an [`Unknown`] |
//! | variant | [`catch`](derive@ApiError#catch) | `"kind"` or `("kind", ...)` | the framework failures it answers ([`FromFailure`]) |
//! | variant | [`validate`](derive@ApiError#validate) | `"rule"`, `("rule", ...)`, or flag | the broken validation rules it answers ([`FromViolation`]) |
//! | variant | [doc comment](derive@ApiError#the-doc-comment) | `/// ...` | the catalog description |
//! | field | [`#[source]`](derive@ApiError#source) | | the `source()` |
//! | field | [`#[from]`](derive@ApiError#from) | | the `source()`, and a `From` impl |
//! | field | [`expose`](derive@ApiError#expose) | flag | written into the body |
//! | field | [`rename`](derive@ApiError#rename) | `"key"` | with `expose`: the key in the body |
//! | field | [`schema`](derive@ApiError#schema) | flag | with `expose`: typed in the `OpenAPI` output from `utoipa::ToSchema` or `schemars::JsonSchema` |
//! | field | [`example`](derive@ApiError#example) | a literal | the field's value in the `OpenAPI` examples |
//! | field | [`header`](derive@ApiError#header) | `"Retry-After"` | sent as this header |
//! | field | [`status`](derive@ApiError#status-on-a-field) | flag | the status at run time (`u16` or [`Status`]) |
//! | field | [`default`](derive@ApiError#default) | flag | `Default::default()` when decoded, or caught |
//! | field | [`detail`](derive@ApiError#detail) | `"pointer"`, ... | with `catch`: what the failure tells ([`Fact`]) |
//!
//! # Features
//!
//! | feature | what every derived type gets |
//! | --- | --- |
//! | `derive` (default) | `#[derive(ApiError)]` |
//! | `http` | `Status` ⇄ `http::StatusCode`, `Headers` → `http::HeaderMap` (no impl per type) |
//! | `axum` | `axum_core::response::IntoResponse` (axum 0.8), and the module `error_contract::axum`; implies `http` |
//! | `actix-web` | `actix_web::ResponseError` (actix-web 4), and the module `error_contract::actix` |
//! | `utoipa` | `utoipa::IntoResponses` (utoipa 6) |
//! | `schemars` | fields marked `#[api_error(expose, schema)]` typed from `schemars::JsonSchema` (schemars 1) in the catalog's `OpenAPI` (no impl per type) |
//! | `tracing` | a 5xx turned into an axum or actix-web response is logged as one `ERROR` event |
//! | `reqwest` | the typed call `error_contract::decode::reqwest::{read, send}` (and `decode::from_response`); implies `http` |
//! | `reqwest-blocking` | the typed call for `reqwest::blocking`, `error_contract::decode::reqwest::blocking` |
//! | `http` (again) | the typed call for any `http::Response` with an `http_body::Body`, `error_contract::decode::http` |
//! | `validator` | `error_contract::validator`: `validator::ValidationErrors` → [`Errors`]; `ValidJson` with axum or actix-web |
//! | `garde` | `error_contract::garde`: `garde::Report` → [`Errors`]; `GardeJson` with axum or actix-web |
//!
//! The impls are there as soon as the feature is on, with no attribute to add.
//!
//! ## A forgotten feature
//!
//! Without the `axum` feature a derived type does not implement `IntoResponse`, and the compiler
//! cannot say why in our words: a `#[diagnostic::on_unimplemented]` message can only be put on a
//! trait by the crate that defines it, and `IntoResponse` is axum's. What you see instead is the
//! handler failing axum's bound:
//!
//! ```text
//! error[E0277]: the trait bound `fn() -> impl Future<Output = Result<String, AppError>> {order}: Handler<_, _>` is not satisfied
//!    |
//!    |         .route("/order", get(order));
//!    |                          --- ^^^^^ the trait `Handler<_, _>` is not implemented for fn item `fn() -> ... {order}`
//!    = note: Consider using `#[axum::debug_handler]` to improve the error message
//! ```
//!
//! (with `#[axum::debug_handler]` on the handler, the error names `IntoResponse` and your type).
//! The fix is the feature:
//! `error-contract = { version = "0.1", features = ["axum"] }`. In the same way, a missing
//! `actix-web` feature shows as `AppError: ResponseError` not being satisfied, and a missing
//! `utoipa` feature as `AppError: IntoResponses` not being satisfied, at
//! `#[utoipa::path(responses(AppError))]`. A path into a module that a feature gates
//! (`error_contract::axum::Json` without `axum`) is reported by rustc as "configured out", with
//! the feature to enable.

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod api_error;
mod body;
pub(crate) mod catalog;
mod code;
mod codes;
pub mod decode;
mod errors;
mod failure;
mod field_roles;
mod headers;
mod integrations;
pub mod json;
#[cfg(feature = "markdown")]
mod markdown;
#[cfg(feature = "openapi")]
#[cfg_attr(docsrs, doc(cfg(feature = "openapi")))]
pub mod openapi;
mod retry_after;
mod serialize;
mod status;
pub mod style;
mod violation;

#[doc(hidden)]
pub mod __private;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use integrations::actix;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use integrations::axum;
#[cfg(feature = "garde")]
#[cfg_attr(docsrs, doc(cfg(feature = "garde")))]
pub use integrations::garde;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub use integrations::utoipa;
#[cfg(feature = "validator")]
#[cfg_attr(docsrs, doc(cfg(feature = "validator")))]
pub use integrations::validator;

pub use api_error::ApiError;
pub use body::Body;
pub use catalog::JsonType;
pub use catalog::{Catalog, CatalogEntry, HeaderSource};
pub use code::Code;
pub use codes::{CodeSet, Codes};
#[cfg(feature = "http")]
pub use decode::ClientError;
pub use decode::{Decode, DecodeError, Unknown};
pub use errors::{EmptyErrors, Errors, Styled};
pub use failure::{Fact, Failure, FailureKind, FromFact, FromFailure};
pub use headers::Headers;
pub use retry_after::{InvalidRetryAfter, RetryAfter};
pub use status::{InvalidStatus, Status};
pub use style::{Parts, Style};
pub use violation::{FromViolation, Violation};

#[doc = include_str!("derive.md")]
#[cfg(feature = "derive")]
pub use error_contract_macros::ApiError;

/// The guide: one chapter per subject, each with runnable examples. The derive's page
/// ([`ApiError`](derive@ApiError)) is the reference of the attribute.
#[cfg(any(doc, doctest))]
pub mod guide {
    #[doc = include_str!("../guide/styles.md")]
    pub mod styles {}

    #[doc = include_str!("../guide/failures.md")]
    pub mod failures {}

    #[doc = include_str!("../guide/validation.md")]
    pub mod validation {}

    #[doc = include_str!("../guide/decoding.md")]
    pub mod decoding {}

    #[doc = include_str!("../guide/catalog.md")]
    pub mod catalog {}
}

/// The README's examples, compiled and run as doc tests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
