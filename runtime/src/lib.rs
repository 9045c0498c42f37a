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
//! See the README for the attribute grammar and the five wire styles.
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
//! | `tracing` | a 5xx turned into an axum or actix-web response is logged as one `ERROR` event |
//! | `reqwest` | `error_contract::decode::from_response`, decoding a `reqwest::Response` |
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
mod failure;
mod headers;
mod integrations;
pub mod json;
mod replay;
mod status;
pub mod style;

#[doc(hidden)]
pub mod __private;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use integrations::actix;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use integrations::axum;

pub use api_error::ApiError;
pub use body::Body;
pub use catalog::{Catalog, CatalogEntry};
pub use code::Code;
pub use codes::{CodeSet, Codes};
pub use decode::{Decode, DecodeError, Unknown};
pub use failure::{Catch, Detail, Failure, FailureKind, FromDetail};
pub use headers::Headers;
pub use status::{InvalidStatus, Status};
pub use style::{Parts, Style};

/// Derives [`ApiError`], `Display`, `std::error::Error`, `serde::Serialize` and `From` for
/// `#[from]` fields. See the [crate documentation](crate).
#[cfg(feature = "derive")]
pub use error_contract_macros::ApiError;

/// The README's examples, compiled and run as doc tests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
