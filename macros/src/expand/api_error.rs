//! `impl ApiError`: status, code, message, body, headers, catalog; and the call that lets the
//! runtime's features add their impls.

use super::{Ctx, match_covering, match_or, style_type};
use crate::ast::{Field, Sent, Variant, option_inner, str_like};
use crate::attr::{StatusRange, Style};
use crate::bound::Bounds;
use crate::check::{find_field, is_error_part};
use crate::message::{ArgRef, FmtTrait, Piece, Template};
use error_contract_wire::header::is_valid_value;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use std::borrow::Cow;
use std::fmt::Write as _;

/// Every bound the `ApiError` impl (and `Error`, `Serialize`) needs.
pub(super) fn bounds(ctx: &Ctx<'_, '_>) -> Bounds {
    let mut bounds = Bounds::default();
    bounds.extend(&ctx.display_bounds);
    bounds.extend(&ctx.dispatch_bounds);
    for v in &ctx.cont.variants {
        for sent in v.sent_headers(&ctx.cont.attrs) {
            let Sent::Template(_, template) = sent else {
                continue;
            };
            for use_ in &template.uses {
                let (Some(field), Some(fmt_trait)) = (find_field(v, &use_.arg), use_.fmt_trait)
                else {
                    continue;
                };
                if !is_error_part(&use_.arg) {
                    ctx.infer(
                        &mut bounds,
                        field.ty(),
                        super::display::fmt_bound(fmt_trait),
                    );
                }
            }
        }
        for f in &v.fields {
            if f.attrs.expose.is_some() {
                let ty = option_inner(f.ty()).unwrap_or(f.ty());
                ctx.infer(&mut bounds, ty, quote!(__ec::serde::Serialize));
            }
            if f.attrs.header.is_some() {
                let ty = option_inner(f.ty()).unwrap_or(f.ty());
                ctx.infer(&mut bounds, ty, quote!(::core::fmt::Display));
            }
            if f.attrs.status.is_some() {
                ctx.infer(&mut bounds, f.ty(), quote!(__ec::StatusValue));
            }
            if f.attrs.source.is_some() || f.attrs.from.is_some() {
                let ty = option_inner(f.ty()).unwrap_or(f.ty());
                ctx.infer(&mut bounds, ty, quote!(::std::error::Error + 'static));
            }
            if v.delegates() {
                ctx.infer(&mut bounds, f.ty(), quote!(::std::error::Error));
            }
        }
    }
    ctx.debug_bound(&mut bounds);
    bounds
}

pub(super) fn expand(ctx: &Ctx<'_, '_>) -> TokenStream {
    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let where_clause = ctx.all_bounds.where_clause(generics);
    let status = status_method(ctx);
    let message = message(ctx);
    let (body, with_parts) = body(ctx);
    let headers = headers(ctx);
    let catalog = catalog(ctx);
    let allow_deprecated = super::allow_deprecated(ctx.cont);
    quote! {
        #[automatically_derived]
        #allow_deprecated
        impl #impl_generics __ec::ApiError for #ident #ty_generics #where_clause {
            #[inline]
            fn status(&self) -> __ec::Status {
                #status
            }

            #[inline]
            fn code(&self) -> __ec::Code<'_> {
                __ec::Dispatch::__target(self).code()
            }

            #[inline]
            fn message(&self) -> ::std::borrow::Cow<'_, str> {
                #message
            }

            fn body(&self) -> __ec::Body {
                #body
            }

            fn headers(&self) -> __ec::Headers {
                #headers
            }

            fn with_parts(&self, __visit: &mut dyn ::core::ops::FnMut(&__ec::Parts<'_>)) {
                #with_parts
            }

            fn catalog() -> __ec::Catalog {
                #catalog
            }
        }
    }
}

fn status_method(ctx: &Ctx<'_, '_>) -> TokenStream {
    let arms: Vec<TokenStream> = ctx
        .cont
        .variants
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let field = v.status_field()?;
            let pattern = ctx.pattern(v, [field]);
            let binding = field.binding();
            let entry = ctx.entry(i);
            let taken = v.run_time_statuses().into_iter().map(|range| match range {
                StatusRange::Exact(status) => quote!(#status),
                StatusRange::Class(class) => {
                    let (low, high) = (class * 100, class * 100 + 99);
                    quote!(#low..=#high)
                }
            });
            Some(quote_spanned! {field.span()=>
                #pattern => __ec::runtime_status(#binding, #entry.status(), |__status| {
                    ::core::matches!(__status, #(#taken)|*)
                }),
            })
        })
        .collect();
    match_or(ctx, &arms, &quote!(__ec::Dispatch::__target(self).status()))
}

/// `message()`: an arm per variant with a `message` field, borrowing a string field.
fn message(ctx: &Ctx<'_, '_>) -> TokenStream {
    let arms: Vec<TokenStream> = ctx
        .cont
        .variants
        .iter()
        .filter_map(|v| {
            let field = v.message_field().filter(|_| !v.delegates())?;
            let pattern = ctx.pattern(v, [field]);
            let binding = field.binding();
            let default = v.static_message();
            let value = match option_inner(field.ty()) {
                Some(inner) if str_like(inner) => {
                    quote!(__ec::message_str_opt(#binding.as_ref(), #default))
                }
                // Other types through the value's `Display`, which writes the field: its bound
                // is reported once, there.
                Some(_) => quote!(__ec::message_display_opt(#binding.is_some(), self, #default)),
                None if str_like(field.ty()) => quote!(__ec::message_str(#binding)),
                None => quote!(__ec::message_display(self)),
            };
            Some(quote_spanned!(field.span()=> #pattern => #value,))
        })
        .collect();
    match_or(
        ctx,
        &arms,
        &quote!(__ec::Dispatch::__target(self).message(self)),
    )
}

/// Variants of one body shape: the shape's key, their patterns, the style, whether the message
/// comes from a field, the fields, the problem's instance.
type Group = (
    String,
    Vec<TokenStream>,
    TokenStream,
    bool,
    Vec<TokenStream>,
    TokenStream,
);

/// `body()` and `with_parts()`: the same arms (variants with run-time parts), the one writing
/// the body, the other handing over the parts it is written from.
fn body(ctx: &Ctx<'_, '_>) -> (TokenStream, TokenStream) {
    // Variants whose body has the same shape (style, and key, type and optionality of each
    // exposed field) share one arm with an or-pattern: the arm's code is identical, since the
    // runtime takes the row from `Dispatch`. This keeps codegen small for large enums.
    let mut groups: Vec<Group> = Vec::new();
    // Variants whose custom-style body is written once and kept, by style: their parts are the
    // row's, which `Dispatch` gives.
    let mut cached: Vec<(String, Vec<TokenStream>, TokenStream)> = Vec::new();
    let mut covered = 0;
    for (i, v) in ctx.cont.variants.iter().enumerate() {
        if v.delegates() || ctx.static_bodies[i].is_some() {
            continue;
        }
        if super::entries::cached_body(ctx, v) {
            let style = style_type(&v.style(&ctx.cont.attrs));
            let key = style.to_string();
            let path = ctx.path(v);
            let pattern = quote!(#path { .. });
            match cached.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, patterns, _)) => patterns.push(pattern),
                None => cached.push((key, vec![pattern], style)),
            }
            continue;
        }
        covered += 1;
        let mut key = shape_key(ctx, v);
        let message_field = v.message_field().is_some();
        if message_field {
            key.push_str("|message");
        }
        let pattern = dynamic_pattern(ctx, v);
        // The arm's code is built for the first variant of a shape only.
        match groups.iter_mut().find(|(k, ..)| *k == key) {
            Some((_, patterns, ..)) => patterns.push(pattern),
            None => {
                let (style, fields, instance) = dynamic_body(ctx, v);
                groups.push((key, vec![pattern], style, message_field, fields, instance));
            }
        }
    }
    // Each group's or-pattern, built once for both `body()` and `with_parts()`.
    let alternatives: Vec<TokenStream> = groups
        .iter()
        .map(|(_, patterns, ..)| quote!(#(#patterns)|*))
        .collect();
    let cached_covered: usize = cached.iter().map(|(_, patterns, _)| patterns.len()).sum();
    let body_arms: Vec<TokenStream> = cached
        .iter()
        .map(|(_, patterns, style)| {
            quote!(#(#patterns)|* => __ec::cached_body::<#style, _>(self, &__CACHED),)
        })
        .chain(groups.iter().zip(&alternatives)
        .map(|((_, _, style, message_field, fields, instance), patterns)| {
            quote!(#patterns => __ec::body::<#style, _>(self, #message_field, &[#(#fields),*], #instance),)
        }))
        .collect();
    let parts_arms: Vec<TokenStream> = groups
        .iter()
        .zip(&alternatives)
        .map(|((_, _, _, message_field, fields, instance), patterns)| {
            quote!(#patterns => __ec::parts(self, #message_field, &[#(#fields),*], #instance, __visit),)
        })
        .collect();
    let body = match_covering(
        ctx,
        &body_arms,
        covered + cached_covered,
        &quote!(__ec::Dispatch::__target(self).body()),
    );
    let parts = match_covering(
        ctx,
        &parts_arms,
        covered,
        &quote!(__ec::Dispatch::__target(self).parts(__visit)),
    );
    (body, parts)
}

/// The shape of a variant's run-time body: its style, and the key, type and optionality of each
/// exposed field (and which one is the problem's instance). Variants of one shape share an arm.
fn shape_key(ctx: &Ctx<'_, '_>, v: &Variant<'_>) -> String {
    let mut key = match v.style(&ctx.cont.attrs) {
        Style::Builtin(b) => format!("builtin {}", b.type_name()),
        Style::Custom(path) => format!("path {}", quote!(#path)),
    };
    for f in v.exposed() {
        let ty = f.ty();
        let optional = option_inner(ty).is_some();
        let _ = write!(key, "|{}:{}:{optional}", f.key(), quote!(#ty));
        if f.attrs.instance.is_some() {
            key.push_str("|instance");
        }
    }
    key
}

/// The binding of the `n`th exposed field: variants of one shape bind the same names.
fn exposed_binding(n: usize, f: &Field<'_>) -> syn::Ident {
    syn::Ident::new(&format!("__exposed{n}"), f.span())
}

/// The pattern of a variant with a run-time body: `Self::V { f: __exposed0, .. }`, bindings
/// named by position among the exposed fields.
fn dynamic_pattern(ctx: &Ctx<'_, '_>, v: &Variant<'_>) -> TokenStream {
    let path = ctx.path(v);
    let members = v.exposed().map(|f| &f.member);
    let bindings = v.exposed().enumerate().map(|(n, f)| exposed_binding(n, f));
    quote!(#path { #(#members: #bindings,)* .. })
}

/// The style, the fields and the problem's instance of a variant with a run-time body:
/// `__ec::style::Dto`, `[<T as __ec::Exposed>::field(.., __exposed0)]` and `None`.
fn dynamic_body(
    ctx: &Ctx<'_, '_>,
    v: &Variant<'_>,
) -> (TokenStream, Vec<TokenStream>, TokenStream) {
    let style = style_type(&v.style(&ctx.cont.attrs));
    let mut instance = quote!(::core::option::Option::None);
    let mut fields: Vec<TokenStream> = Vec::new();
    for (n, f) in v.exposed().enumerate() {
        let field = {
            let field_key = f.key();
            let name = exposed_binding(n, f);
            let quoted = format!("{}:", crate::static_body::json_string(&field_key));
            // The type keeps its own span: a type without `Serialize` is one error on it.
            let exposed = quote_spanned!(f.span()=> __ec::Exposed);
            match option_inner(f.ty()) {
                Some(inner) => {
                    quote_spanned!(f.span()=> <#inner as #exposed>::field_opt(#field_key, #quoted, #name))
                }
                None => {
                    let ty = f.ty();
                    quote_spanned!(f.span()=> <#ty as #exposed>::field(#field_key, #quoted, #name))
                }
            }
        };
        if f.attrs.instance.is_some() {
            instance = quote!(::core::option::Option::Some(&#field));
        } else {
            fields.push(field);
        }
    }
    (style, fields, instance)
}

/// `headers()`: per variant, its headers (see `Variant::sent_headers`). A variant whose headers
/// are all literals hands over a static list (variants with the same list share an arm); any
/// other builds its list from its parts.
fn headers(ctx: &Ctx<'_, '_>) -> TokenStream {
    let mut fixed: Vec<(String, Vec<TokenStream>, TokenStream)> = Vec::new();
    let mut arms: Vec<TokenStream> = Vec::new();
    for v in &ctx.cont.variants {
        let sent = v.sent_headers(&ctx.cont.attrs);
        if sent.is_empty() {
            continue;
        }
        let literal: Option<Vec<(String, Cow<'_, str>)>> = sent
            .iter()
            .map(|s| match s {
                Sent::Fixed(h, text) => Some((h.name.clone(), Cow::Borrowed(*text))),
                Sent::Template(h, template) => {
                    Some((h.name.clone(), Cow::Owned(written_out(v, template)?)))
                }
                Sent::Field(_) => None,
            })
            .collect();
        if let Some(pairs) = literal {
            let key = format!("{pairs:?}");
            let pattern = ctx.pattern(v, []);
            match fixed.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, patterns, _)) => patterns.push(pattern),
                None => {
                    let pairs = pairs.iter().map(|(n, t)| quote!((#n, #t)));
                    let list = quote!(__ec::fixed_headers(&[#(#pairs),*]));
                    fixed.push((key, vec![pattern], list));
                }
            }
            continue;
        }
        arms.push(built_headers(ctx, v, &sent));
    }
    let fixed_arms = fixed
        .into_iter()
        .map(|(_, patterns, list)| quote!(#(#patterns)|* => #list,));
    let arms: Vec<TokenStream> = fixed_arms.chain(arms).collect();
    match_or(
        ctx,
        &arms,
        &quote!(__ec::Dispatch::__target(self).headers()),
    )
}

/// A template's value when the derive knows it: every placeholder a bare `{code}`, or a bare
/// `{message}` of a variant whose message has no run-time part, and the value fit to send
/// (the rule the runtime applies to a value it writes). A unit variant's `Link` template then
/// costs what a literal does: nothing at run time.
fn written_out(v: &Variant<'_>, template: &Template) -> Option<String> {
    if !template.plain {
        return None;
    }
    let mut text = String::new();
    for piece in &template.pieces {
        match piece {
            Piece::Text(literal) => text.push_str(literal),
            Piece::Arg(ArgRef::Named(name), FmtTrait::Display) if name == "code" => {
                text.push_str(&v.code.text());
            }
            Piece::Arg(ArgRef::Named(name), FmtTrait::Display)
                if name == "message" && !v.is_interpolated() && v.message_field().is_none() =>
            {
                text.push_str(&v.static_message());
            }
            Piece::Arg(..) => return None,
        }
    }
    is_valid_value(&text).then_some(text)
}

/// The arm of a variant with a header written at run time: its fields bound, each header a
/// `HeaderPart`.
fn built_headers(ctx: &Ctx<'_, '_>, v: &Variant<'_>, sent: &[Sent<'_, '_>]) -> TokenStream {
    // The fields to bind, by index.
    let mut bound: Vec<usize> = Vec::new();
    let mut bind = |f: &Field<'_>| {
        if !bound.contains(&f.index) {
            bound.push(f.index);
        }
    };
    let parts: Vec<TokenStream> = sent
        .iter()
        .map(|s| match s {
            Sent::Fixed(h, text) => {
                let name = &h.name;
                quote!(__ec::HeaderPart::Fixed(#name, #text))
            }
            Sent::Field(f) => {
                bind(f);
                let name = s.name();
                let binding = f.binding();
                // An `Option` field sends its header when it is `Some`.
                if option_inner(f.ty()).is_some() {
                    quote_spanned!(f.span()=> __ec::HeaderPart::Field(#name, #binding.as_ref().map(|__v| __v as &dyn ::core::fmt::Display)))
                } else {
                    quote_spanned!(f.span()=> __ec::HeaderPart::Field(#name, ::core::option::Option::Some(#binding as &dyn ::core::fmt::Display)))
                }
            }
            Sent::Template(h, template) => {
                let name = &h.name;
                if let Some(text) = written_out(v, template) {
                    return quote!(__ec::HeaderPart::Fixed(#name, #text));
                }
                // `{message}` by the value's `Display`, which writes the message without the
                // `String` an interpolated `message()` would build; `message()` for any other
                // trait (`{message:?}` quotes the message, not the value).
                let message_displayed = template.uses.iter().all(|u| {
                    !matches!(&u.arg, crate::message::ArgRef::Named(n) if n == "message")
                        || u.fmt_trait == Some(FmtTrait::Display)
                });
                let args: Vec<TokenStream> = template
                    .args
                    .iter()
                    .map(|arg| match arg {
                        crate::message::ArgRef::Named(n) if n == "code" => {
                            quote!(__ec::ApiError::code(self))
                        }
                        crate::message::ArgRef::Named(n) if n == "message" && message_displayed => {
                            quote!(self)
                        }
                        crate::message::ArgRef::Named(n) if n == "message" => {
                            quote!(__ec::ApiError::message(self))
                        }
                        _ => match find_field(v, arg) {
                            Some(f) => {
                                bind(f);
                                let binding = f.binding();
                                quote!(#binding)
                            }
                            // Reported by `check`.
                            None => quote!(""),
                        },
                    })
                    .collect();
                let format = syn::LitStr::new(&template.format, h.value.span());
                quote!(__ec::HeaderPart::Template(#name, ::core::format_args!(#format #(, #args)*)))
            }
        })
        .collect();
    let pattern = ctx.pattern(v, v.fields.iter().filter(|f| bound.contains(&f.index)));
    quote!(#pattern => __ec::headers(&[#(#parts),*]),)
}

fn catalog(ctx: &Ctx<'_, '_>) -> TokenStream {
    if ctx.cont.variants.iter().all(|v| !v.delegates()) {
        return quote!(__ec::catalog(&__TABLE));
    }
    // The trait's path keeps the macro's span (see `entries::codes`).
    let api_error = quote!(__ec::ApiError);
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    for (i, v) in ctx.cont.variants.iter().enumerate() {
        match ctx.entry_index[i] {
            Some(index) => {
                start.get_or_insert(index);
                end = index + 1;
            }
            None => {
                if let Some(s) = start.take() {
                    parts.push(quote!(__ec::CatalogPart::Rows(&__TABLE, #s, #end)));
                }
                if let Some(field) = v.fields.first() {
                    let ty = field.ty();
                    parts.push(quote_spanned!(field.span()=> __ec::CatalogPart::Wrapped(<#ty as #api_error>::catalog())));
                }
            }
        }
    }
    if let Some(s) = start {
        parts.push(quote!(__ec::CatalogPart::Rows(&__TABLE, #s, #end)));
    }
    quote!(__ec::composed_catalog([#(#parts),*]))
}

/// `__ec::integrations! { impl [...] for [...] where [...] }`: the runtime's features (axum,
/// actix-web, ...) add their impls from there, without the derive knowing which are on.
pub(super) fn integrations(ctx: &Ctx<'_, '_>) -> TokenStream {
    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let predicates = ctx
        .all_bounds
        .where_clause(generics)
        .map(|w| w.predicates)
        .unwrap_or_default();
    quote! {
        __ec::integrations! {
            impl [#impl_generics] for [#ident #ty_generics] where [#predicates]
        }
    }
}

/// The style of a body of several errors: the enum's (or the struct's).
pub(super) fn collection_style<'c>(ctx: &'c Ctx<'_, '_>) -> Style<&'c syn::Path> {
    let spec = ctx.cont.attrs.style.as_ref().or_else(|| {
        // A struct's `style` is read with its variant keys.
        (!ctx.cont.is_enum)
            .then(|| ctx.cont.variants.first()?.attrs.style.as_ref())
            .flatten()
    });
    match spec.map(|s| &s.value) {
        Some(crate::attr::Style::Builtin(b)) => Style::Builtin(*b),
        Some(crate::attr::Style::Custom(path)) => Style::Custom(path),
        None => Style::Builtin(error_contract_wire::Builtin::Problem),
    }
}

/// `impl Styled`: the style of a body of several errors, the enum's (or the struct's).
pub(super) fn styled(ctx: &Ctx<'_, '_>) -> TokenStream {
    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let where_clause = ctx.all_bounds.where_clause(generics);
    let style = style_type(&collection_style(ctx));
    quote! {
        #[automatically_derived]
        impl #impl_generics __ec::Styled for #ident #ty_generics #where_clause {
            type Style = #style;
        }
    }
}
