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
//! | `tracing` | a 5xx turned into an axum or actix-web response is logged | `tracing` |
//! | `validator` | (no impl per type) `validator::ValidationErrors` → `Errors<E>` | `validator` |
//! | `garde` | (no impl per type) `garde::Report` → `Errors<E>` | `garde` |

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "extract")]
pub(crate) mod extract;
#[cfg(feature = "garde")]
pub mod garde;
#[cfg(feature = "http")]
mod http;
#[cfg(all(feature = "tracing", any(feature = "axum", feature = "actix-web")))]
mod tracing;
#[cfg(feature = "utoipa")]
pub mod utoipa;
#[cfg(feature = "validator")]
pub mod validator;

/// Marks a response that a contract error wrote (kept in the response's extensions), so that the
/// axum layer and the actix-web middleware leave it alone and rewrite every other error response.
///
/// The marker costs the response's extensions map (two allocations with axum, one with
/// actix-web), so the hooks add it only once a layer or middleware that reads it exists in the
/// process ([`catching`]): a service without one pays nothing for it.
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[derive(Clone, Copy, Debug)]
pub(crate) struct ContractResponse;

/// Whether a `CatchLayer` or `CatchMiddleware` has been made in this process. Set once, never
/// cleared: a response passes through such a layer only after the layer was made.
#[cfg(any(feature = "axum", feature = "actix-web"))]
static CATCHING: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// Whether error responses must carry the [`ContractResponse`] marker.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn catching() -> bool {
    // Relaxed is enough: the layer is made before the server's threads that serve through it
    // are started or handed it, which orders the store before their loads.
    CATCHING.load(core::sync::atomic::Ordering::Relaxed)
}

/// Called by every constructor of a layer or middleware that reads the marker.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn start_catching() {
    CATCHING.store(true, core::sync::atomic::Ordering::Relaxed);
}

/// The variant of `E` that answers `failure`, with the framework's own description of the
/// failure logged at debug level (feature `tracing`) and nowhere else.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn caught<E: crate::FromFailure>(failure: &crate::Failure<'_>) -> E {
    #[cfg(feature = "tracing")]
    tracing::failure(failure);
    E::from_failure(failure)
}

/// The message of a panic's payload: the `&str` or `String` given to `panic!`, else a fixed text.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn panic_message(payload: &(dyn core::any::Any + Send)) -> &str {
    if let Some(message) = payload.downcast_ref::<&'static str>() {
        message
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message
    } else {
        "a panic with a payload that is not a string"
    }
}

/// What the impls of the feature macros call. Not public API: no stability promises.
pub mod hooks {
    #[cfg(feature = "actix-web")]
    pub use super::actix::{error_response as actix_error_response, status_code as actix_status};
    #[cfg(feature = "axum")]
    pub use super::axum::response::into_response as axum_response;
    #[cfg(feature = "utoipa")]
    pub use super::utoipa::hook::responses as utoipa_responses;
    #[cfg(feature = "actix-web")]
    pub use ::actix_web;
    #[cfg(feature = "axum")]
    pub use ::axum_core;
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
    };
}

/// `axum_core::response::IntoResponse` (feature `axum`).
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_axum {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::hooks::axum_core::response::IntoResponse
            for $($ty)*
        where
            $($where)*
        {
            #[inline]
            fn into_response(self) -> $crate::__private::hooks::axum_core::response::Response {
                $crate::__private::hooks::axum_response(&self)
            }
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

/// `actix_web::ResponseError` (feature `actix-web`).
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_actix_web {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::hooks::actix_web::ResponseError for $($ty)*
        where
            $($where)*
        {
            #[inline]
            fn status_code(&self) -> $crate::__private::hooks::actix_web::http::StatusCode {
                $crate::__private::hooks::actix_status(self)
            }

            fn error_response(
                &self,
            ) -> $crate::__private::hooks::actix_web::HttpResponse<
                $crate::__private::hooks::actix_web::body::BoxBody,
            > {
                $crate::__private::hooks::actix_error_response(self)
            }
        }
    };
}

/// Feature `actix-web` is off: nothing.
#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_actix_web {
    ($($tokens:tt)*) => {};
}

/// `utoipa::IntoResponses` (feature `utoipa`).
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_utoipa {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::hooks::utoipa::IntoResponses for $($ty)*
        where
            $($where)*
        {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::hooks::utoipa::openapi::RefOr<
                    $crate::__private::hooks::utoipa::openapi::response::Response,
                >,
            > {
                $crate::__private::hooks::utoipa_responses(
                    &<Self as $crate::ApiError>::catalog(),
                )
            }
        }
    };
}

/// Feature `utoipa` is off: nothing.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_utoipa {
    ($($tokens:tt)*) => {};
}

pub use __error_contract_integrations;

// `Unknown` is an `ApiError` written by hand, not derived: a gateway returns it from a handler to
// pass an upstream error through, so it gets each feature's impls too.
crate::__error_contract_integrations! {
    impl [] for [crate::Unknown] where []
}

// A collection of errors is a response like any error, in its errors' style.
crate::__error_contract_integrations! {
    impl [<E>] for [crate::Errors<E>] where [E: crate::Styled + ::std::error::Error + 'static]
}
