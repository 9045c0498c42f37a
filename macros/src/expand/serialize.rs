//! `impl Serialize`: the body's JSON, the same bytes as `body()` through `serde_json`.

use super::Ctx;
use proc_macro2::TokenStream;
use quote::quote;

pub(super) fn expand(ctx: &Ctx<'_, '_>) -> TokenStream {
    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let where_clause = ctx.all_bounds.where_clause(generics);
    quote! {
        #[automatically_derived]
        impl #impl_generics __ec::serde::Serialize for #ident #ty_generics #where_clause {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: __ec::serde::Serializer,
            {
                __ec::serialize(self, __serializer)
            }
        }
    }
}
