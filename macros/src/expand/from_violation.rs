//! `impl FromViolation` (for a type with at least one `validate`): which variant answers each
//! broken validation rule, one `match` on the rule's name.
//!
//! ```text
//! impl __ec::FromViolation for E {
//!     const RULES: &'static [&'static str] = &["length", "range"];
//!
//!     fn from_violation(__violation: &__ec::Violation<'_>) -> Self {
//!         match __violation.rule() {
//!             "length" | "range" => Self::OutOfRange {
//!                 pointer: <String as __ec::FromFact>::from_fact(
//!                     __violation.fact(__ec::Fact::Pointer),
//!                 ),
//!             },
//!             _ => Self::Invalid { .. },                    // the variant with the flag `validate`
//!         }
//!     }
//! }
//! ```

use super::{Ctx, construct};
use crate::ast::Variant;
use proc_macro2::TokenStream;
use quote::quote;

pub(super) fn expand(ctx: &Ctx<'_, '_>) -> TokenStream {
    let validating: Vec<(usize, &Variant<'_>)> = ctx
        .cont
        .variants
        .iter()
        .enumerate()
        .filter(|(_, v)| v.attrs.validate.is_some() && !v.delegates())
        .collect();
    // The check requires the flag `validate` once a variant names rules.
    let Some(&(catch_all, _)) = validating.iter().find(|(_, v)| {
        v.attrs
            .validate
            .as_ref()
            .is_some_and(|r| r.value.is_empty())
    }) else {
        return TokenStream::new();
    };
    let rules = validating
        .iter()
        .filter_map(|(_, v)| v.attrs.validate.as_ref())
        .flat_map(|rules| rules.value.iter().map(|(name, _)| name));
    let arms = validating.iter().filter_map(|(position, v)| {
        let rules = &v.attrs.validate.as_ref()?.value;
        if rules.is_empty() {
            return None;
        }
        let names = rules.iter().map(|(name, _)| name);
        let construct = construct(ctx, *position, v);
        Some(quote!(#(#names)|* => #construct,))
    });
    let catch_all = construct(ctx, catch_all, &ctx.cont.variants[catch_all]);

    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let where_clause =
        construct::bounds(ctx, validating.iter().map(|(_, v)| *v)).where_clause(generics);
    let allow_deprecated = super::allow_deprecated(ctx.cont);
    quote! {
        #[automatically_derived]
        #allow_deprecated
        impl #impl_generics __ec::FromViolation for #ident #ty_generics #where_clause {
            const RULES: &'static [&'static str] = &[#(#rules),*];

            fn from_violation(__violation: &__ec::Violation<'_>) -> Self {
                match __violation.rule() {
                    #(#arms)*
                    _ => #catch_all,
                }
            }
        }
    }
}

/// The validating variant at `position`, built from `__violation`; a run-time status field takes
/// the variant's declared status.
fn construct(ctx: &Ctx<'_, '_>, position: usize, variant: &Variant<'_>) -> TokenStream {
    let entry = ctx.entry(position);
    construct::construct(ctx, variant, &quote!(__violation), &quote!(#entry.status()))
}
