//! What `FromFailure` and `FromViolation` share: a variant built from the facts of a failure or a
//! violation (`fact = "..."` fields through `FromFact`, the run-time `status` field, the rest
//! `Default::default()`), and the bounds that building needs.

use super::Ctx;
use crate::ast::Variant;
use crate::bound::Bounds;
use crate::failure;
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Ident;

/// `Self::V { detailed: FromFact::from_fact(#source.fact(..)), status: #status, defaulted:
/// Default::default() }`, where `source` names a value with a `fact(Fact)` method.
pub(super) fn construct(
    ctx: &Ctx<'_, '_>,
    variant: &Variant<'_>,
    source: &TokenStream,
    status: &TokenStream,
) -> TokenStream {
    let path = ctx.path(variant);
    let fields = variant.fields.iter().map(|f| {
        let member = &f.member;
        let ty = f.ty();
        let value = if let Some(detail) = &f.attrs.fact {
            // The name was checked against the table when parsed.
            let detail = Ident::new(
                failure::fact_variant(detail.value).unwrap_or("Pointer"),
                Span::call_site(),
            );
            quote_spanned! {f.span()=>
                <#ty as __ec::FromFact>::from_fact(#source.fact(__ec::Fact::#detail))
            }
        } else if f.attrs.status.is_some() {
            quote_spanned!(f.span()=> <#ty as __ec::StatusValue>::__from_status(#status))
        } else {
            quote_spanned!(f.span()=> ::core::default::Default::default())
        };
        quote!(#member: #value)
    });
    quote!(#path { #(#fields),* })
}

/// The `ApiError` bounds, plus what [`construct`] needs of each field of `variants`.
pub(super) fn bounds<'v, 'a: 'v>(
    ctx: &Ctx<'_, '_>,
    variants: impl IntoIterator<Item = &'v Variant<'a>>,
) -> Bounds {
    let mut bounds = Bounds::default();
    bounds.extend(&ctx.all_bounds);
    for v in variants {
        for f in &v.fields {
            let bound = if f.attrs.fact.is_some() {
                quote!(__ec::FromFact)
            } else if f.attrs.status.is_some() {
                quote!(__ec::StatusValue)
            } else {
                quote!(::core::default::Default)
            };
            ctx.infer(&mut bounds, f.ty(), bound);
        }
    }
    bounds
}
