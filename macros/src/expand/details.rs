//! What `Catch` and `FromViolation` share: a variant built from the details of a failure or a
//! violation (`detail = "..."` fields through `FromDetail`, the run-time `status` field, the rest
//! `Default::default()`), and the bounds that building needs.

use super::Ctx;
use crate::ast::Variant;
use crate::bound::Bounds;
use crate::failure;
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Ident;

/// `Self::V { detailed: FromDetail::from_detail(#source.detail(..)), status: #status, defaulted:
/// Default::default() }`, where `source` names a value with a `detail(Detail)` method.
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
        let value = if let Some(detail) = &f.attrs.detail {
            // The name was checked against the table when parsed.
            let detail = Ident::new(
                failure::detail_variant(detail.value).unwrap_or("Pointer"),
                Span::call_site(),
            );
            quote_spanned! {f.span()=>
                <#ty as __ec::FromDetail>::from_detail(#source.detail(__ec::Detail::#detail))
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
            let bound = if f.attrs.detail.is_some() {
                quote!(__ec::FromDetail)
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
