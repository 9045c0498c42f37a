//! `impl FromFailure` (for a type with at least one `catch`): which variant answers each framework
//! failure, decided here at expansion time, so the generated code is one `match` on the kind,
//! plus one `match` on the status for other layers' responses.
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
//!             _ => match __failure.status().as_u16() { 408 => ..., 400..=499 => ..., _ => ... },
//!         }
//!     }
//! }
//! ```
//!
//! The rule (documented on the runtime's `FromFailure`): the variant that claims the kind; else, by
//! the failure's status `S`, the variant with `catch = "status"` and status `S`, else the first
//! catching variant with status `S`; else the first catching variant of `S`'s class with a
//! run-time status field; else the first catching variant of the class; else the first.

use super::{Ctx, construct};
use crate::ast::Variant;
use crate::failure::{self, KINDS, Kind};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Ident;

pub(super) fn expand(ctx: &Ctx<'_, '_>) -> TokenStream {
    let catching: Vec<(usize, &Variant<'_>)> = ctx
        .cont
        .variants
        .iter()
        .enumerate()
        .filter(|(_, v)| v.attrs.catch.is_some() && !v.delegates())
        .collect();
    if catching.is_empty() {
        return TokenStream::new();
    }
    let resolve = Resolve {
        catching: &catching,
    };

    // One arm per variant that answers some kind, its kinds as an or-pattern.
    let mut by_variant: Vec<(usize, Vec<&Kind>)> = Vec::new();
    for kind in KINDS.iter().filter(|k| k.name != failure::STATUS) {
        let chosen = resolve.kind(kind);
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
        let construct = construct(ctx, &ctx.cont.variants[*position]);
        quote!(#(#patterns)|* => #construct,)
    });

    // Other layers' responses (and kinds this version of the derive does not know): by status.
    let mut statuses: Vec<u16> = catching.iter().map(|(_, v)| v.status()).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let status_arms = statuses.iter().map(|&status| {
        let construct = construct(ctx, &ctx.cont.variants[resolve.status(status)]);
        quote!(#status => #construct,)
    });
    let client = construct(ctx, &ctx.cont.variants[resolve.class(400)]);
    let server = construct(ctx, &ctx.cont.variants[resolve.class(500)]);

    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let where_clause =
        construct::bounds(ctx, catching.iter().map(|(_, v)| *v)).where_clause(generics);
    quote! {
        #[automatically_derived]
        impl #impl_generics __ec::FromFailure for #ident #ty_generics #where_clause {
            fn from_failure(__failure: &__ec::Failure<'_>) -> Self {
                match __failure.kind() {
                    #(#kind_arms)*
                    _ => match __failure.status().as_u16() {
                        #(#status_arms)*
                        400..=499 => #client,
                        _ => #server,
                    },
                }
            }
        }
    }
}

/// The resolution rule over the catching variants, in declaration order.
struct Resolve<'r, 'v, 'a> {
    catching: &'r [(usize, &'v Variant<'a>)],
}

impl Resolve<'_, '_, '_> {
    /// The variant (its position in the type) that answers `kind`.
    fn kind(&self, kind: &Kind) -> usize {
        self.catching
            .iter()
            .find(|(_, v)| claims(v, kind.name))
            .map_or_else(|| self.status(kind.usual_status), |(i, _)| *i)
    }

    /// The variant that answers a failure of `status` that no variant claims by kind.
    fn status(&self, status: u16) -> usize {
        let declared = |v: &Variant<'_>| v.status() == status;
        self.catching
            .iter()
            .find(|(_, v)| declared(v) && claims(v, failure::STATUS))
            .or_else(|| self.catching.iter().find(|(_, v)| declared(v)))
            .map_or_else(|| self.class(status), |(i, _)| *i)
    }

    /// The variant that answers a failure of `status` that no catching variant declares.
    fn class(&self, status: u16) -> usize {
        let same_class = |v: &Variant<'_>| v.status() / 100 == status / 100;
        self.catching
            .iter()
            .find(|(_, v)| same_class(v) && v.status_field().is_some())
            .or_else(|| self.catching.iter().find(|(_, v)| same_class(v)))
            .or_else(|| self.catching.first())
            .map_or(0, |(i, _)| *i)
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
