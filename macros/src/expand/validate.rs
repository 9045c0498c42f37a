//! `impl FromViolation` (for a type with at least one `validate`): which variant answers each
//! broken validation rule, one `match` on the rule's name.
//!
//! ```text
//! impl __ec::FromViolation for E {
//!     fn from_violation(__violation: &__ec::Violation<'_>) -> Self {
//!         match __violation.rule() {
//!             "length" | "range" => Self::OutOfRange {
//!                 pointer: <String as __ec::FromDetail>::from_detail(
//!                     __violation.detail(__ec::Detail::Pointer),
//!                 ),
//!             },
//!             _ => Self::Invalid { .. },                    // the variant with the flag `validate`
//!         }
//!     }
//! }
//! ```

use super::Ctx;
use crate::ast::Variant;
use crate::bound::Bounds;
use crate::failure;
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Ident;

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
    let where_clause = bounds(ctx, &validating).where_clause(generics);
    let allow_deprecated = super::allow_deprecated(ctx.cont);
    quote! {
        #[automatically_derived]
        #allow_deprecated
        impl #impl_generics __ec::FromViolation for #ident #ty_generics #where_clause {
            fn from_violation(__violation: &__ec::Violation<'_>) -> Self {
                match __violation.rule() {
                    #(#arms)*
                    _ => #catch_all,
                }
            }
        }
    }
}

/// `Self::V { detailed: FromDetail::from_detail(..), status: <declared>, defaulted: .. }`.
fn construct(ctx: &Ctx<'_, '_>, position: usize, variant: &Variant<'_>) -> TokenStream {
    let path = ctx.path(variant);
    let fields = variant.fields.iter().map(|f| {
        let member = &f.member;
        let ty = f.ty();
        let value = if let Some(detail) = &f.attrs.detail {
            let detail = Ident::new(
                failure::detail_variant(detail.value).unwrap_or("Pointer"),
                Span::call_site(),
            );
            quote_spanned! {f.span()=>
                <#ty as __ec::FromDetail>::from_detail(__violation.detail(__ec::Detail::#detail))
            }
        } else if f.attrs.status.is_some() {
            let entry = ctx.entry(position);
            quote_spanned!(f.span()=> <#ty as __ec::StatusValue>::__from_status(#entry.status()))
        } else {
            quote_spanned!(f.span()=> ::core::default::Default::default())
        };
        quote!(#member: #value)
    });
    quote!(#path { #(#fields),* })
}

/// `FromViolation`'s bounds: the `ApiError` ones, plus what building each field needs.
fn bounds(ctx: &Ctx<'_, '_>, validating: &[(usize, &Variant<'_>)]) -> Bounds {
    let mut bounds = Bounds::default();
    bounds.extend(&ctx.all_bounds);
    for (_, v) in validating {
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
