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
//! # Where to read next
//!
//! - [The derive's page](derive@ApiError): every key of `#[api_error(...)]`, by level, each with
//!   a runnable example, and what the derive checks at compile time.
//! - [Styles](guide::styles): the five styles byte for byte, member names, constants, headers,
//!   custom styles, and several errors in one response ([`Errors`]).
//! - [The framework's own failures](guide::failures): `catch`, the axum layer and extractors,
//!   the actix-web middleware and extractors, the logs, a forgotten feature.
//! - [Validation](guide::validation): `validate`, [`FromViolation`], the `validator` and `garde`
//!   bridges.
//! - [Decoding](guide::decoding): the client side, [`Decode`], `other` and [`Unknown`], the typed
//!   call with reqwest or `http`.
//! - [The catalog](guide::catalog): the error table as data, Markdown and `OpenAPI` (utoipa,
//!   schemars, `responses!`).
//! - The lock, which fails a test on a breaking change to the contract: the crate
//!   [`error-contract-lock`](https://docs.rs/error-contract-lock/latest/error_contract_lock/).
//!
//! # Features
//!
//! | feature | what every derived type gets |
//! | --- | --- |
//! | `derive` (default) | `#[derive(ApiError)]` |
//! | `http` | `Status` ⇄ `http::StatusCode`, `Headers` → `http::HeaderMap` (no impl per type); the typed call for any `http::Response` with an `http_body::Body`, `error_contract::decode::http` |
//! | `axum` | `axum_core::response::IntoResponse` (axum 0.8), and the module `error_contract::axum`; implies `http` |
//! | `actix-web` | `actix_web::ResponseError` (actix-web 4), and the module `error_contract::actix` |
//! | `openapi` | `Catalog::to_openapi` and `responses!` (no impl per type) |
//! | `markdown` | `Catalog::to_markdown` (no impl per type) |
//! | `utoipa` | `utoipa::IntoResponses` (utoipa 6); implies `openapi` |
//! | `schemars` | fields marked `#[api_error(expose, schema)]` typed from `schemars::JsonSchema` (schemars 1) in the catalog's `OpenAPI`; implies `openapi` |
//! | `tonic` | `From<E> for tonic::Status` (tonic 0.14) with Google's rich error model, decoding a status back, and the module `error_contract::tonic` (its `CatchLayer`); implies `http` |
//! | `tracing` | a 5xx turned into an axum or actix-web response or a tonic status is logged as one `ERROR` event |
//! | `reqwest` | the typed call `error_contract::decode::reqwest::{read, send}` (and `decode::from_response`); implies `http` |
//! | `reqwest-blocking` | the typed call for `reqwest::blocking`, `error_contract::decode::reqwest::blocking` |
//! | `validator` | `error_contract::validator`: `validator::ValidationErrors` → [`Errors`]; `ValidJson` with axum or actix-web |
//! | `garde` | `error_contract::garde`: `garde::Report` → [`Errors`]; `GardeJson` with axum or actix-web |
//!
//! The impls are there as soon as the feature is on, with no attribute to add. The crate builds
//! on Rust 1.85; the features follow their crates: `utoipa` is utoipa 6 (the major that
//! utoipa-axum 0.3 and utoipa-swagger-ui 10 use), which needs Rust 1.88; the newest actix-web 4
//! releases need 1.89, and Cargo's MSRV-aware resolver picks an older actix-web 4 for older
//! toolchains; tonic 0.14 (with tonic-types and prost 0.14) builds on 1.75 up to 0.14.5, and its
//! later releases need 1.88.

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
mod grpc_code;
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
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub use integrations::tonic;
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
pub use grpc_code::GrpcCode;
pub use headers::Headers;
pub use retry_after::{InvalidRetryAfter, RetryAfter};
pub use status::{InvalidStatus, Status, StatusRange};
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

/// The README's examples, compiled as doc tests so they stay true (the service and the client
/// need these features).
#[cfg(all(doctest, feature = "axum", feature = "utoipa", feature = "reqwest"))]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
