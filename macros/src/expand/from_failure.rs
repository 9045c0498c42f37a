//! `impl FromFailure` (for a type with at least one `catch`): which variant answers each framework
//! failure, decided here at expansion time, so the generated code is one `match` on the kind,
//! plus one `match` on the status for the rest.
//!
//! ```text
//! impl __ec::FromFailure for E {
//!     fn from_failure(__failure: &__ec::Failure<'_>) -> Self {
//!         match __failure.kind() {
//!             __ec::FailureKind::JsonSyntax | __ec::FailureKind::JsonData => Self::NotReadable {
//!                 pointer: <Option<String> as __ec::FromFact>::from_fact(
//!                     __failure.fact(__ec::Fact::Pointer),
//!                 ),
//!             },
//!             ...
//!             _ => match __failure.status().as_u16() {
//!                 408 => Self::Timeout,
//!                 400..=499 => Self::Refused { status: ...(__failure.status()) },
//!                 _ => Self::Internal { status: ...(__failure.status()) },
//!             },
//!         }
//!     }
//! }
//! ```
//!
//! The rule (documented on the runtime's `FromFailure`): the variant that claims the kind; else,
//! by the failure's status `S`, the variant with `catch = "status"` that may be sent with `S`
//! itself (declared, or listed in its `statuses`), else the one whose run-time status takes
//! every status of `S`'s class. `check` has made sure that each 4xx and 5xx has such a variant,
//! so no failure is answered with another status.

use super::{Ctx, construct};
use crate::ast::Variant;
use crate::catches::StatusCatches;
use crate::failure::{self, KINDS, Kind};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Ident;

pub(super) fn expand(ctx: &Ctx<'_, '_>) -> TokenStream {
    let variants = &ctx.cont.variants;
    let catching: Vec<&Variant<'_>> = variants
        .iter()
        .filter(|v| v.attrs.catch.is_some() && !v.delegates())
        .collect();
    let Some(first) = catching.first() else {
        return TokenStream::new();
    };

    // One arm per variant that claims some kind, its kinds as an or-pattern.
    let mut by_variant: Vec<(usize, Vec<&Kind>)> = Vec::new();
    for kind in KINDS.iter().filter(|k| k.name != failure::STATUS) {
        let Some(chosen) = variants
            .iter()
            .position(|v| !v.delegates() && claims(v, kind.name))
        else {
            continue;
        };
        match by_variant.iter_mut().find(|(v, _)| *v == chosen) {
            Some((_, kinds)) => kinds.push(kind),
            None => by_variant.push((chosen, vec![kind])),
        }
    }
    let kind_arms = by_variant.iter().map(|(position, kinds)| {
        let patterns = kinds.iter().map(|k| {
            let variant = Ident::new(k.variant, Span::call_site());
            quote!(__ec::FailureKind::#variant)
        });
        let construct = construct(ctx, &variants[*position]);
        quote!(#(#patterns)|* => #construct,)
    });

    // The rest, other layers' responses and kinds nobody claims: by status.
    let catches = StatusCatches::of(variants);
    let exact_arms = catches.exact.iter().map(|(status, catcher)| {
        let construct = construct(ctx, &variants[catcher.position]);
        quote!(#status => #construct,)
    });
    let client = catches.class.get(&4).map(|catcher| {
        let construct = construct(ctx, &variants[catcher.position]);
        quote!(400..=499 => #construct,)
    });
    // A 5xx, or a status that is not an error status (which no variant can keep).
    let server = catches
        .answer(500)
        .map_or(*first, |catcher| &variants[catcher.position]);
    let server = construct(ctx, server);

    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let where_clause = construct::bounds(ctx, catching.iter().copied()).where_clause(generics);
    quote! {
        #[automatically_derived]
        impl #impl_generics __ec::FromFailure for #ident #ty_generics #where_clause {
            fn from_failure(__failure: &__ec::Failure<'_>) -> Self {
                match __failure.kind() {
                    #(#kind_arms)*
                    _ => match __failure.status().as_u16() {
                        #(#exact_arms)*
                        #client
                        _ => #server,
                    },
                }
            }
        }
    }
}

fn claims(variant: &Variant<'_>, name: &str) -> bool {
    variant
        .attrs
        .catch
        .as_ref()
        .is_some_and(|c| c.value.iter().any(|(k, _)| k.name == name))
}

/// The catching `variant`, built from `__failure`.
fn construct(ctx: &Ctx<'_, '_>, variant: &Variant<'_>) -> TokenStream {
    construct::construct(
        ctx,
        variant,
        &quote!(__failure),
        &quote!(__failure.status()),
    )
}
