//! `impl std::error::Error`: `source()` from `#[source]`/`#[from]` fields, and through
//! transparent variants.

use super::{Ctx, match_or};
use crate::ast::option_inner;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

pub(super) fn expand(ctx: &Ctx<'_, '_>) -> TokenStream {
    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let where_clause = ctx.all_bounds.where_clause(generics);

    let arms: Vec<TokenStream> = ctx
        .cont
        .variants
        .iter()
        .filter_map(|v| {
            if v.delegates() {
                let pattern = ctx.pattern(v, &v.fields);
                let binding = v.fields[0].binding();
                return Some(quote!(#pattern => ::std::error::Error::source(#binding),));
            }
            let field = v.source_field()?;
            let pattern = ctx.pattern(v, [field]);
            let binding = field.binding();
            let source = if option_inner(field.ty()).is_some() {
                quote_spanned!(field.span()=> ::core::option::Option::Some(#binding.as_ref()?.as_dyn_error()))
            } else {
                quote_spanned!(field.span()=> ::core::option::Option::Some(#binding.as_dyn_error()))
            };
            Some(quote!(#pattern => #source,))
        })
        .collect();
    if arms.is_empty() {
        return quote! {
            #[automatically_derived]
            impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {}
        };
    }
    let body = match_or(ctx, &arms, &quote!(::core::option::Option::None));
    let allow_deprecated = super::allow_deprecated(ctx.cont);
    quote! {
        #[automatically_derived]
        #allow_deprecated
        impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                use __ec::AsDynError as _;
                #body
            }
        }
    }
}
