//! The derive behind [`error-contract`](https://docs.rs/error-contract). Depend on
//! `error-contract` and write `use error_contract::ApiError;`; this crate's items are re-exported
//! there with their documentation.
//!
//! The macro is a pipeline: `ast` parses the input into an IR that keeps the `syn` nodes,
//! `check` runs every check that spans variants, `expand` writes the impls. Errors are collected
//! in a `Diagnostics` and reported together; a failed derive still emits stub impls (`fallback`) so the
//! rest of the user's crate compiles without follow-on errors.

#![forbid(unsafe_code)]
// Matching on `Option`s of attributes reads better than `if let ... else` chains, and the
// `TokenStream`s passed around are cheap to move: the same two as thiserror-impl allows.
#![allow(clippy::single_match_else, clippy::needless_pass_by_value)]

mod ast;
mod attr;
mod bound;
mod case;
mod catches;
mod check;
mod code;
mod diagnostics;
mod expand;
mod failure;
mod fallback;
mod field_type;
mod message;
mod static_body;

#[cfg(test)]
mod never_panics;

use proc_macro::TokenStream;

/// The derive of `error_contract::ApiError`, defined in `error-contract-macros` and re-exported
/// by `error-contract`, whose documentation of it gives every attribute key with an example:
/// depend on `error-contract` and use the derive from there.
// `error` is thiserror's attribute: accepted so that the derive can say what to write instead.
#[proc_macro_derive(ApiError, attributes(api_error, source, from, error))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    derive(&input).into()
}

/// Parse, check, then expand, or, after any error, the errors and the fallback's stubs.
fn derive(input: &syn::DeriveInput) -> proc_macro2::TokenStream {
    let cx = diagnostics::Diagnostics::new();
    let cont = ast::Container::from_ast(&cx, input);
    if let Some(cont) = &cont {
        check::check(&cx, cont);
    }
    match (cx.check(), &cont) {
        (Ok(()), Some(cont)) => expand::expand(cont),
        (Err(err), cont) => fallback::expand(input, cont.as_ref(), &err),
        (Ok(()), None) => proc_macro2::TokenStream::new(),
    }
}
