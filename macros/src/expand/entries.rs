//! The static table of every variant's contract, and the one `match` from a value to its row.
//!
//! The table is parallel arrays of literals (names, statuses, codes, messages, bodies, ...), not
//! one struct expression per variant: for an enum of 2000 variants, arrays of literals
//! type-check several times faster, and the derive's cost is mostly the compiler checking what
//! it emits.

use super::Ctx;
use crate::ast::{CodeValue, StyleRef, Variant};
use crate::bound::Bounds;
use crate::wire::{self, StaticParts};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

/// `static __TABLE: __ec::Table = ...`.
pub(super) fn table(ctx: &Ctx<'_, '_>) -> TokenStream {
    let rows: Vec<(usize, &Variant<'_>)> = ctx
        .cont
        .variants
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.delegates())
        .collect();

    let names = rows.iter().map(|(_, v)| crate::ast::unraw(v.ident));
    let statuses = rows.iter().map(|(_, v)| v.status());
    let codes = if rows
        .iter()
        .all(|(_, v)| matches!(v.code, CodeValue::Num(_)))
        && !rows.is_empty()
    {
        let codes = rows.iter().map(|(_, v)| match v.code {
            CodeValue::Num(n) => n,
            CodeValue::Str(_) => 0,
        });
        quote!(__ec::TableCodes::Num(&[#(#codes),*]))
    } else {
        let codes = rows.iter().map(|(_, v)| v.code.text());
        quote!(__ec::TableCodes::Str(&[#(#codes),*]))
    };
    let messages = rows.iter().map(|(_, v)| v.catalog_message());
    let interpolated = rows.iter().map(|(_, v)| v.is_interpolated());
    let docs = rows.iter().map(|(_, v)| &v.docs);
    let bodies = rows
        .iter()
        .map(|(i, _)| ctx.static_bodies[*i].as_deref().unwrap_or(""));

    let (content_types, content_type_of, styles) = content_types(ctx, &rows);

    let row_index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    let titles = rows.iter().enumerate().filter_map(|(row, (_, v))| {
        let title = &v.attrs.title.as_ref()?.value;
        let row = row_index(row);
        Some(quote!((#row, #title)))
    });
    let parents = rows.iter().enumerate().filter_map(|(row, (_, v))| {
        let parent = code_tokens(&v.attrs.parent.as_ref()?.value);
        let row = row_index(row);
        Some(quote!((#row, #parent)))
    });
    let fields = rows.iter().enumerate().filter_map(|(row, (_, v))| {
        let keys: Vec<String> = v.exposed().map(crate::ast::Field::key).collect();
        if keys.is_empty() {
            return None;
        }
        let row = row_index(row);
        Some(quote!((#row, &[#(#keys),*])))
    });

    let type_base = match &ctx.cont.attrs.type_base {
        Some(t) => {
            let t = &t.value;
            quote!(::core::option::Option::Some(#t))
        }
        None => quote!(::core::option::Option::None),
    };
    quote! {
        const __NAMES: &[&str] = &[#(#names),*];
        const __CODES: __ec::TableCodes = #codes;
        static __TABLE: __ec::Table = __ec::Table {
            names: __NAMES,
            statuses: &[#(#statuses),*],
            codes: __CODES,
            messages: &[#(#messages),*],
            interpolated: &[#(#interpolated),*],
            docs: &[#(#docs),*],
            bodies: &[#(#bodies),*],
            content_types: &[#(#content_types),*],
            content_type_of: &[#(#content_type_of),*],
            styles: &[#(#styles),*],
            titles: &[#(#titles),*],
            parents: &[#(#parents),*],
            fields: &[#(#fields),*],
            type_base: #type_base,
        };
    }
}

/// The distinct styles with their content types, and per row an index into them (empty when
/// all use the first).
fn content_types(
    ctx: &Ctx<'_, '_>,
    rows: &[(usize, &Variant<'_>)],
) -> (Vec<TokenStream>, Vec<u8>, Vec<String>) {
    let mut content_types: Vec<TokenStream> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut content_type_of: Vec<u8> = Vec::new();
    for (_, v) in rows {
        let (key, tokens) = match v.style(&ctx.cont.attrs) {
            StyleRef::Builtin(b) => {
                let ct = b.content_type();
                let name = wire::Builtin::NAMES
                    .iter()
                    .find(|(_, builtin)| *builtin == b)
                    .map_or("", |(name, _)| name);
                (name.to_owned(), quote!(#ct))
            }
            StyleRef::Custom(path) => (
                quote!(#path).to_string().replace(' ', ""),
                quote!(<#path as __ec::Style>::CONTENT_TYPE),
            ),
        };
        let position = match keys.iter().position(|k| *k == key) {
            Some(p) => p,
            None => {
                keys.push(key);
                content_types.push(tokens);
                keys.len() - 1
            }
        };
        content_type_of.push(u8::try_from(position).unwrap_or(u8::MAX));
    }
    if content_types.is_empty() {
        content_types.push(quote!("application/json"));
        keys.push(String::new());
    }
    if content_type_of.iter().all(|&i| i == 0) {
        content_type_of.clear();
    }

    (content_types, content_type_of, keys)
}

pub(super) fn code_tokens(code: &CodeValue) -> TokenStream {
    match code {
        CodeValue::Num(n) => quote!(__ec::Code::Num(#n)),
        CodeValue::Str(s) => quote!(__ec::Code::Str(#s)),
    }
}

/// The body the macro can write now: built-in style, no interpolation, no exposed field, and
/// no run-time status that the body would show.
pub(super) fn static_body(
    ctx_type_base: Option<&str>,
    container: &crate::attr::ContainerAttrs,
    v: &Variant<'_>,
) -> Option<String> {
    if v.delegates() || v.is_interpolated() || v.exposed().next().is_some() {
        return None;
    }
    let StyleRef::Builtin(style) = v.style(container) else {
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
        type_base: ctx_type_base,
    };
    Some(wire::static_body(style, &parts))
}

/// Bounds that `__target` needs: the wrapped type of each transparent variant is an `ApiError`.
pub(super) fn dispatch_bounds(ctx: &Ctx<'_, '_>) -> Bounds {
    let mut bounds = Bounds::default();
    for v in ctx.cont.variants.iter().filter(|v| v.delegates()) {
        for f in &v.fields {
            ctx.infer(&mut bounds, f.ty(), quote!(__ec::ApiError));
        }
    }
    bounds
}

/// `impl Dispatch`: the one match from a value to its row (an integer literal per arm) or, for a
/// transparent variant, to the error it wraps.
pub(super) fn dispatch(ctx: &Ctx<'_, '_>) -> TokenStream {
    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let where_clause = ctx.dispatch_bounds.where_clause(generics);
    let allow_deprecated = super::allow_deprecated(ctx.cont);
    let arms = ctx.cont.variants.iter().enumerate().map(|(i, v)| {
        if v.delegates() {
            let pattern = ctx.pattern(v, &v.fields);
            let binding = v.fields[0].binding();
            quote!(#pattern => return __ec::Target::Inner(#binding),)
        } else {
            let path = ctx.path(v);
            let row = ctx.row(i);
            quote!(#path { .. } => #row,)
        }
    });
    let body = if ctx.cont.variants.is_empty() {
        quote!(match *self {})
    } else if ctx.cont.variants.iter().all(Variant::delegates) {
        quote!(match self { #(#arms)* })
    } else {
        quote! {
            let __row: u32 = match self { #(#arms)* };
            __ec::Target::Entry(__ec::entry(&__TABLE, __row))
        }
    };
    quote! {
        #[automatically_derived]
        #[doc(hidden)]
        #allow_deprecated
        impl #impl_generics __ec::Dispatch for #ident #ty_generics #where_clause {
            #[inline]
            fn __target(&self) -> __ec::Target<'_> {
                #body
            }
        }
    }
}

/// `impl Codes`: the type's codes (the table's) and those of the types its transparent variants
/// wrap; for a non-generic type with transparent variants, the constant evaluation that fails
/// compilation when two of them share a code.
pub(super) fn codes(ctx: &Ctx<'_, '_>) -> TokenStream {
    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let wrapped: Vec<&crate::ast::Field<'_>> = ctx
        .cont
        .variants
        .iter()
        .filter(|v| v.is_transparent())
        .filter_map(|v| v.fields.first())
        .collect();
    let mut bounds = Bounds::default();
    for field in &wrapped {
        ctx.infer(&mut bounds, field.ty(), quote!(__ec::Codes));
    }
    let where_clause = bounds.where_clause(generics);
    // The trait's path keeps the macro's span: under the field's, `__ec::Codes` would be an
    // unused qualification in a crate that imports `Codes`.
    let codes_trait = quote!(__ec::Codes);
    let nested = wrapped.iter().map(|f| {
        let ty = f.ty();
        quote_spanned!(f.span()=> &<#ty as #codes_trait>::CODES)
    });
    let name = crate::ast::unraw(ident);
    let check = match wrapped.first() {
        Some(first) if generics.params.is_empty() => quote_spanned! {first.span()=>
            const _: () = __ec::check_codes(&<#ident as #codes_trait>::CODES);
        },
        _ => TokenStream::new(),
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics __ec::Codes for #ident #ty_generics #where_clause {
            const CODES: __ec::CodeSet = __ec::code_set(#name, __NAMES, __CODES, &[#(#nested),*]);
        }
        #check
    }
}
