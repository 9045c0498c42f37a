//! `impl From<Source>` for each `#[from]` field (`From<T>` for a field of type `Option<T>`).

use super::Ctx;
use crate::ast::{Container, option_inner, type_text};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

pub(super) fn expand(ctx: &Ctx<'_, '_>) -> TokenStream {
    impls(ctx.cont)
}

/// Also used by the fallback, so a failed derive does not add "`From` not implemented" errors.
pub(crate) fn impls(cont: &Container<'_>) -> TokenStream {
    let ident = cont.ident();
    let generics = &cont.original.generics;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let allow_deprecated = super::allow_deprecated(cont);
    let mut seen: Vec<String> = Vec::new();
    let impls = cont.variants.iter().filter_map(|v| {
        let field = v.fields.iter().find(|f| f.attrs.from.is_some())?;
        if v.fields.len() != 1 {
            return None;
        }
        // `#[from]` on `Option<T>` gives `From<T>`: a source is there when converted.
        let (ty, value) = match option_inner(field.ty()) {
            Some(inner) => (inner, quote!(::core::option::Option::Some(source))),
            None => (field.ty(), quote!(source)),
        };
        // A second `#[from]` of one type is an error already; one impl keeps it the only one.
        let key = type_text(ty);
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        let member = &field.member;
        let path = if cont.is_enum {
            let variant = v.ident;
            quote!(Self::#variant)
        } else {
            quote!(Self)
        };
        // On the field's `#[from]`: a conflicting `From` impl (one written by hand, say) is
        // reported there.
        let span = field.attrs.from.unwrap_or_else(|| field.span());
        Some(quote_spanned! {span=>
            #[automatically_derived]
            #allow_deprecated
            impl #impl_generics ::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                #[inline]
                fn from(source: #ty) -> Self {
                    #path { #member: #value }
                }
            }
        })
    });
    let impls: Vec<TokenStream> = impls.collect();
    quote!(#(#impls)*)
}
