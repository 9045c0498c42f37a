//! Impls for other crates' traits, each behind a feature of this crate.
//!
//! The derive cannot see this crate's features, so every derived type calls
//! `__error_contract_integrations!` (through `__private::integrations`); the macro's definition
//! here depends on the features, and expands to the impls of each feature that is on.

/// Impls that depend on the runtime's features (axum, actix-web, ...). The derive calls this
/// for every type as `integrations! { impl [<generics>] for [Type<params>] where [predicates] }`.
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_integrations {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($where:tt)*]) => {};
}

pub use __error_contract_integrations;
