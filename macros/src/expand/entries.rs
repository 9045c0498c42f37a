//! The static entry of each variant, and the one `match` from a value to its entry.

use super::Ctx;
use crate::ast::{CodeValue, StyleRef, Variant};
use crate::bound::Bounds;
use crate::wire::{self, StaticParts};
use proc_macro2::TokenStream;
use quote::quote;

/// `static __ENTRIES: [CatalogEntry; N] = [...]`.
pub(super) fn statics(ctx: &Ctx<'_, '_>) -> TokenStream {
    let entries: Vec<TokenStream> = ctx
        .cont
        .variants
        .iter()
        .filter(|v| !v.is_transparent())
        .map(|v| entry(ctx, v))
        .collect();
    let len = entries.len();
    quote! {
        static __ENTRIES: [__ec::CatalogEntry; #len] = [#(#entries),*];
    }
}

pub(super) fn code_tokens(code: &CodeValue) -> TokenStream {
    match code {
        CodeValue::Num(n) => quote!(__ec::Code::Num(#n)),
        CodeValue::Str(s) => quote!(__ec::Code::Str(#s)),
    }
}

fn entry(ctx: &Ctx<'_, '_>, v: &Variant<'_>) -> TokenStream {
    let name = crate::ast::unraw(v.ident);
    let status = v.status();
    let code = code_tokens(&v.code);
    let message = v.catalog_message();
    let interpolated = v.is_interpolated();
    let title = match &v.attrs.title {
        Some(t) => {
            let t = &t.value;
            quote!(::core::option::Option::Some(#t))
        }
        None => quote!(::core::option::Option::None),
    };
    let docs = &v.docs;
    let parent = match &v.attrs.parent {
        Some(p) => {
            let p = code_tokens(&p.value);
            quote!(::core::option::Option::Some(#p))
        }
        None => quote!(::core::option::Option::None),
    };
    let fields = v.exposed().map(crate::ast::Field::key);
    let body = static_body(ctx, v).unwrap_or_default();
    let content_type = match v.style(&ctx.cont.attrs) {
        StyleRef::Builtin(b) => {
            let ct = b.content_type();
            quote!(#ct)
        }
        StyleRef::Custom(path) => quote!(<#path as __ec::Style>::CONTENT_TYPE),
    };
    quote! {
        __ec::CatalogEntry::__new(
            #name,
            __ec::Status::__checked(#status),
            #code,
            #message,
            #interpolated,
            #title,
            #docs,
            #parent,
            &[#(#fields),*],
            #body,
            #content_type,
        )
    }
}

/// Whether the body needs work at run time.
pub(super) fn is_dynamic(ctx: &Ctx<'_, '_>, v: &Variant<'_>) -> bool {
    static_body(ctx, v).is_none()
}

/// The body the macro can write now: built-in style, no interpolation, no exposed field, and
/// no run-time status that the body would show.
fn static_body(ctx: &Ctx<'_, '_>, v: &Variant<'_>) -> Option<String> {
    if v.is_transparent() || v.is_interpolated() || v.exposed().next().is_some() {
        return None;
    }
    let StyleRef::Builtin(style) = v.style(&ctx.cont.attrs) else {
        return None;
    };
    if style == wire::Builtin::Problem && v.status_field().is_some() {
        return None;
    }
    let message = v.static_message();
    let title = match &v.attrs.title {
        Some(t) => t.value.clone(),
        None => wire::default_title(v.status()).to_owned(),
    };
    let parts = StaticParts {
        status: v.status(),
        code: &v.code,
        message: &message,
        title: &title,
        type_base: ctx.cont.attrs.type_base.as_ref().map(|t| t.value.as_str()),
    };
    Some(wire::static_body(style, &parts))
}

/// Bounds that `__target` needs: the wrapped type of each transparent variant is an `ApiError`.
pub(super) fn dispatch_bounds(ctx: &Ctx<'_, '_>) -> Bounds {
    let mut bounds = Bounds::default();
    for v in ctx.cont.variants.iter().filter(|v| v.is_transparent()) {
        for f in &v.fields {
            ctx.infer(&mut bounds, f.ty(), quote!(__ec::ApiError));
        }
    }
    bounds
}

/// `impl Dispatch`: the one match from a value to its entry or wrapped error.
pub(super) fn dispatch(ctx: &Ctx<'_, '_>) -> TokenStream {
    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let where_clause = dispatch_bounds(ctx).where_clause(generics);
    let arms = ctx.cont.variants.iter().enumerate().map(|(i, v)| {
        if v.is_transparent() {
            let pattern = ctx.pattern(v, &v.fields);
            let binding = v.fields[0].binding();
            quote!(#pattern => __ec::Target::Inner(#binding),)
        } else {
            let path = ctx.path(v);
            let entry = ctx.entry(i);
            quote!(#path { .. } => __ec::Target::Entry(#entry),)
        }
    });
    let body = if ctx.cont.variants.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(#arms)* })
    };
    quote! {
        #[automatically_derived]
        #[doc(hidden)]
        impl #impl_generics __ec::Dispatch for #ident #ty_generics #where_clause {
            #[inline]
            fn __target(&self) -> __ec::Target<'_> {
                #body
            }
        }
    }
}
