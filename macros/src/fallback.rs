//! After a failed derive: the errors, plus stub impls so the rest of the user's crate does not
//! drown in follow-on "trait not implemented" errors, the impls of the runtime's features
//! (`IntoResponse` with `axum`, ...) included.

use crate::ast::Container;
use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub(crate) fn expand(
    input: &DeriveInput,
    cont: Option<&Container<'_>>,
    error: &syn::Error,
) -> TokenStream {
    let error = error.to_compile_error();
    let krate: syn::Path =
        cont.map_or_else(|| syn::parse_quote!(::error_contract), Container::krate);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let mut generics = input.generics.clone();
    generics
        .make_where_clause()
        .predicates
        .push(syn::parse_quote!(for<'__workaround> #ident #ty_generics: ::core::fmt::Debug));
    let debug_where = &generics.where_clause;
    let debug_predicates = generics.where_clause.as_ref().map(|w| &w.predicates);
    let from = cont.map(crate::expand::from_impls).unwrap_or_default();
    let decode = if cont.is_some_and(|c| c.attrs.decode.is_some()) {
        quote! {
            #[automatically_derived]
            impl #impl_generics __ec::Decode for #ident #ty_generics #where_clause {
                fn decode(_: u16, _: &[u8]) -> ::core::result::Result<Self, __ec::DecodeError> {
                    ::core::unreachable!()
                }
            }
        }
    } else {
        crate::expand::decode_refusal(input)
    };
    let catch = if cont.is_some_and(|c| c.variants.iter().any(|v| v.attrs.catch.is_some())) {
        quote! {
            #[automatically_derived]
            impl #impl_generics __ec::FromFailure for #ident #ty_generics #debug_where {
                fn from_failure(_: &__ec::Failure<'_>) -> Self {
                    ::core::unreachable!()
                }
            }
        }
    } else {
        TokenStream::new()
    };
    let validate = if cont.is_some_and(|c| {
        c.variants
            .iter()
            .any(|v| v.attrs.validate_written.is_some())
    }) {
        quote! {
            #[automatically_derived]
            impl #impl_generics __ec::FromViolation for #ident #ty_generics #debug_where {
                fn from_violation(_: &__ec::Violation<'_>) -> Self {
                    ::core::unreachable!()
                }
            }
        }
    } else {
        TokenStream::new()
    };
    quote! {
        #error

        const _: () = {
            use #krate::__private as __ec;

            #[automatically_derived]
            impl #impl_generics __ec::ApiError for #ident #ty_generics #debug_where {
                fn status(&self) -> __ec::Status { ::core::unreachable!() }
                fn code(&self) -> __ec::Code<'_> { ::core::unreachable!() }
                fn message(&self) -> ::std::borrow::Cow<'_, str> { ::core::unreachable!() }
                fn body(&self) -> __ec::Body { ::core::unreachable!() }
                fn catalog() -> __ec::Catalog { ::core::unreachable!() }
            }

            #[automatically_derived]
            impl #impl_generics __ec::Styled for #ident #ty_generics #debug_where {
                type Style = __ec::style::Problem;
            }

            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl #impl_generics ::std::error::Error for #ident #ty_generics #debug_where {}

            #[automatically_derived]
            impl #impl_generics __ec::serde::Serialize for #ident #ty_generics #where_clause {
                fn serialize<__S>(&self, _: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: __ec::serde::Serializer,
                {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl #impl_generics __ec::Codes for #ident #ty_generics #where_clause {
                const CODES: __ec::CodeSet = __ec::CodeSet::EMPTY;
            }

            #from
            #decode
            #catch
            #validate

            __ec::integrations! {
                impl [#impl_generics] for [#ident #ty_generics] where [#debug_predicates]
            }
        };
    }
}
