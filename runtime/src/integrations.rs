//! Impls for other crates' traits, each behind a feature of this crate.
//!
//! The derive cannot see this crate's features, so every derived type calls
//! `__error_contract_integrations!` (through `__private::integrations`); the macro's definition
//! here depends on the features, and expands to the impls of each feature that is on. Each
//! feature has its own `macro_rules!` macro, defined twice: with its impls when the feature is
//! on, empty when it is off. The impls call the functions of [`hooks`], through
//! `$crate::__private::hooks`, so the expansion stays one short call per trait method.
//!
//! | feature | what a derived type gets | module |
//! | --- | --- | --- |
//! | `http` | (no impl per type) `Status` ⇄ `http::StatusCode`, `Headers` → `http::HeaderMap` | `http` |
//! | `axum` | `axum_core::response::IntoResponse` | `axum` |
//! | `actix-web` | `actix_web::ResponseError` | `actix` |
//! | `utoipa` | `utoipa::IntoResponses` | `utoipa` |
//! | `tonic` | `From<E> for tonic::Status` | `tonic` |
//! | `tracing` | a 5xx turned into an axum or actix-web response is logged | `tracing` |
//! | `validator` | (no impl per type) `validator::ValidationErrors` → `Errors<E>` | `validator` |
//! | `garde` | (no impl per type) `garde::Report` → `Errors<E>` | `garde` |

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod extract;
#[cfg(feature = "garde")]
pub mod garde;
#[cfg(feature = "http")]
mod http;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(all(
    feature = "tracing",
    any(feature = "axum", feature = "actix-web", feature = "tonic")
))]
mod tracing;
#[cfg(feature = "utoipa")]
pub mod utoipa;
#[cfg(feature = "validator")]
pub mod validator;

#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) use extract::{ContractResponse, catching, caught, panic_message, start_catching};

/// What the impls of the feature macros call. Not public API: no stability promises.
pub mod hooks {
    #[cfg(feature = "actix-web")]
    pub use super::actix::{error_response as actix_error_response, status_code as actix_status};
    #[cfg(feature = "axum")]
    pub use super::axum::response::into_response as axum_response;
    #[cfg(feature = "tonic")]
    pub use super::tonic::status::status as tonic_status;
    #[cfg(feature = "utoipa")]
    pub use super::utoipa::hook::responses as utoipa_responses;
    #[cfg(feature = "utoipa")]
    pub use super::utoipa::hook::responses_of as utoipa_responses_of;
    #[cfg(feature = "actix-web")]
    pub use ::actix_web;
    #[cfg(feature = "axum")]
    pub use ::axum_core;
    #[cfg(feature = "tonic")]
    pub use ::tonic;
    #[cfg(feature = "utoipa")]
    pub use ::utoipa;
}

/// Impls that depend on the runtime's features (axum, actix-web, ...). The derive calls this
/// for every type as `integrations! { impl [<generics>] for [Type<params>] where [predicates] }`.
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_integrations {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($where:tt)*]) => {
        $crate::__error_contract_axum! {
            impl [$($generics)*] for [$($ty)*] where [$($where)*]
        }
        $crate::__error_contract_actix_web! {
            impl [$($generics)*] for [$($ty)*] where [$($where)*]
        }
        $crate::__error_contract_utoipa! {
            impl [$($generics)*] for [$($ty)*] where [$($where)*]
        }
        $crate::__error_contract_tonic! {
            impl [$($generics)*] for [$($ty)*] where [$($where)*]
        }
    };
}

/// Feature `axum` is off: nothing.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_axum {
    ($($tokens:tt)*) => {};
}

/// Feature `actix-web` is off: nothing.
#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_actix_web {
    ($($tokens:tt)*) => {};
}

/// Feature `utoipa` is off: nothing.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_utoipa {
    ($($tokens:tt)*) => {};
}

/// Feature `tonic` is off: nothing.
#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_tonic {
    ($($tokens:tt)*) => {};
}

pub use __error_contract_integrations;

// `Unknown` is an `ApiError` written by hand, not derived: a gateway returns it from a handler to
// pass an upstream error through, so it gets each feature's impls too.
crate::__error_contract_integrations! {
    impl [] for [crate::Unknown] where []
}

// A collection of errors is a response like any error, in its errors' style; its documented
// responses hold one error's body or several's (`utoipa.rs`).
crate::__error_contract_axum! {
    impl [<E>] for [crate::Errors<E>] where [E: crate::Styled + ::std::error::Error + 'static]
}
crate::__error_contract_actix_web! {
    impl [<E>] for [crate::Errors<E>] where [E: crate::Styled + ::std::error::Error + 'static]
}

/// A collection of errors is one status with a `BadRequest` (see [`tonic`]).
#[cfg(feature = "tonic")]
impl<E: crate::Styled> From<crate::Errors<E>> for ::tonic::Status {
    fn from(errors: crate::Errors<E>) -> ::tonic::Status {
        tonic::status::errors_status(&errors)
    }
}
