//! `impl Decode` (with `#[api_error(decode)]`): the runtime's `Decoder` does the lookup over the
//! static table; the generated code only builds the variant of a row.

use super::{Ctx, style_type};
use crate::ast::{Field, Variant, option_inner, str_like};
use crate::attr::Style;
use crate::bound::Bounds;
use error_contract_wire::{Builtin, Envelope};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

pub(super) fn expand(ctx: &Ctx<'_, '_>) -> TokenStream {
    if ctx.cont.attrs.decode.is_none() {
        return refusal(ctx.cont.original);
    }
    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let where_clause = bounds(ctx).where_clause(generics);
    let slots = Slots::of_type(ctx);
    let decoder = decoder(ctx, &slots);
    let fields_items = slots.items();
    let fields = slots.ty();
    let allow_deprecated = super::allow_deprecated(ctx.cont);
    quote! {
        #fields_items

        #[automatically_derived]
        #allow_deprecated
        impl #impl_generics __ec::Decode for #ident #ty_generics #where_clause {
            fn decode(
                __status: u16,
                __body: &[u8],
            ) -> ::core::result::Result<Self, __ec::DecodeError> {
                <Self as __ec::Decode>::decode_with_headers(__status, __ec::no_headers(), __body)
            }

            fn decode_with_headers(
                __status: u16,
                __headers: &dyn __ec::ResponseHeaders,
                __body: &[u8],
            ) -> ::core::result::Result<Self, __ec::DecodeError> {
                Self::__DECODER.decode(__status, __headers, __body)
            }

            fn __decode_errors(
                __status: u16,
                __headers: &dyn __ec::ResponseHeaders,
                __body: &[u8],
            ) -> ::core::option::Option<::core::result::Result<__ec::Vec<Self>, __ec::DecodeError>> {
                Self::__DECODER.decode_errors(__status, __headers, __body)
            }

            fn __decode_received(
                __status: u16,
                __headers: &dyn __ec::ResponseHeaders,
                __received: &__ec::Received<'_>,
            ) -> ::core::result::Result<Self, __ec::DecodeError> {
                Self::__DECODER.decode_received(__status, __headers, __received)
            }
        }

        #[automatically_derived]
        #allow_deprecated
        impl #impl_generics #ident #ty_generics #where_clause {
            /// The type's decoding, around its table.
            #[doc(hidden)]
            const __DECODER: __ec::Decoder<'static, Self, #fields> = #decoder;
        }
    }
}

/// The `Decoder` of the type: its table, its styles' readers, the closure that builds the
/// variant of a row, the types its transparent variants wrap, and its `other` variant.
fn decoder(ctx: &Ctx<'_, '_>, slots: &Slots) -> TokenStream {
    let styles = styles(ctx);
    let own_style = style_type(&styles[0]);
    let fields = slots.ty();
    let names = ctx.cont.attrs.names();
    let readers = styles.iter().map(|s| match s {
        Style::Builtin(b) => {
            let plan = read_plan(*b, &names);
            let read = quote! {
                |__body, __out, __fields| __ec::read_builtin(&#plan, __body, __out, __fields)
            };
            quote!(((#read) as __ec::Reader<#fields>, (#read) as __ec::Reader<()>))
        }
        Style::Custom(path) => quote! {
            (
                __ec::read_custom::<#path, #fields> as __ec::Reader<#fields>,
                __ec::read_custom::<#path, ()> as __ec::Reader<()>,
            )
        },
    });
    let (read_errors, builtin) = match super::api_error::collection_style(ctx) {
        Style::Builtin(b) => {
            let name = syn::Ident::new(b.type_name(), proc_macro2::Span::call_site());
            let plan = read_plan(b, &names);
            (
                quote! {
                    |__body| __ec::read_builtin_errors::<#fields>(&#plan, __body)
                },
                quote!(::core::option::Option::Some(__ec::Builtin::#name)),
            )
        }
        Style::Custom(path) => (
            quote! {
                |__body| __ec::read_custom_errors::<#path, #fields>(__body, &__TABLE.member_names)
            },
            quote!(::core::option::Option::None),
        ),
    };
    let build_arms = ctx
        .cont
        .variants
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.delegates())
        .map(|(i, v)| {
            let row = ctx.row(i);
            let construct = construct(ctx, v, slots);
            quote!(#row => #construct,)
        });
    let wrapped = wrapped(ctx);
    let other = match ctx.cont.variants.iter().find(|v| v.attrs.other.is_some()) {
        Some(v) => {
            let path = ctx.path(v);
            let member = &v.fields[0].member;
            quote!(::core::option::Option::Some(&|__unknown: __ec::Unknown| #path { #member: __unknown }))
        }
        None => quote!(::core::option::Option::None),
    };
    quote! {
        __ec::Decoder {
            table: &__TABLE,
            readers: &[#(#readers),*],
            read_errors: #read_errors,
            style: #builtin,
            build: &|__row: u32, __decoded: &__ec::Decoded<'_>, __fields: &mut #fields| {
                ::core::result::Result::Ok(match __row {
                    #(#build_arms)*
                    _ => return ::core::result::Result::Err(__ec::Mismatch),
                })
            },
            wrapped: &[#(#wrapped),*],
            other: #other,
            fallback_body: __ec::Body::build::<#own_style>,
            content_type: <#own_style as __ec::Style>::CONTENT_TYPE,
        }
    }
}

/// The plan a reader of `style` follows with the enum's member names, made now and written as a
/// constant (`__ec::ReadPlan { .. }`), so that reading a body does not make it again.
fn read_plan(style: Builtin, names: &error_contract_wire::Names<'_>) -> TokenStream {
    let plan = style.read_plan(names);
    let ident = |b: Builtin| syn::Ident::new(b.type_name(), proc_macro2::Span::call_site());
    let style = ident(plan.style);
    let envelope = match plan.envelope {
        Envelope::None => quote!(__ec::Envelope::None),
        Envelope::Object(name) => quote!(__ec::Envelope::Object(#name)),
        Envelope::Array(name) => quote!(__ec::Envelope::Array(#name)),
    };
    let code = match plan.code {
        Some(code) => quote!(::core::option::Option::Some(#code)),
        None => quote!(::core::option::Option::None),
    };
    let (message, passed_over, keep_type) = (plan.message, plan.passed_over, plan.keep_type);
    quote! {
        __ec::ReadPlan {
            style: __ec::Builtin::#style,
            envelope: #envelope,
            code: #code,
            message: #message,
            passed_over: &[#(#passed_over),*],
            keep_type: #keep_type,
        }
    }
}

/// Each transparent variant's wrapped type: its catalog, and its decoding of a body and of what
/// was read of one error among several, mapped into the variant.
fn wrapped<'c>(ctx: &'c Ctx<'_, '_>) -> impl Iterator<Item = TokenStream> + 'c {
    // The paths of the runtime's items keep the macro's span (see `entries::codes`).
    let (api_error, decode, catalog) = (
        quote!(__ec::ApiError),
        quote!(__ec::Decode),
        quote!(__ec::Catalog),
    );
    ctx.cont.variants.iter().filter(|v| v.is_transparent()).map(move |v| {
        let field = &v.fields[0];
        let ty = field.ty();
        let path = ctx.path(v);
        let member = &field.member;
        quote_spanned! {field.span()=>
            (
                <#ty as #api_error>::catalog as fn() -> #catalog,
                &|__status: u16, __headers: &dyn __ec::ResponseHeaders, __body: &[u8]| {
                    <#ty as #decode>::decode_with_headers(__status, __headers, __body).map(|__inner| #path { #member: __inner })
                },
                &|__status: u16, __headers: &dyn __ec::ResponseHeaders, __received: &__ec::Received<'_>| {
                    <#ty as #decode>::__decode_received(__status, __headers, __received).map(|__inner| #path { #member: __inner })
                },
            )
        }
    })
}

/// Without `decode`: a `Decode` impl bound by a trait no type has, so that `E::decode(..)`
/// reports "add `decode` to `#[api_error(...)]`" (rustc reads the unmet bound's
/// `on_unimplemented`) instead of "no function `decode` found". Hidden from the docs: the type
/// does not decode. Also written by the fallback, so a failed derive reports the same.
pub(crate) fn refusal(input: &syn::DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let mut generics = input.generics.clone();
    let (_, ty_generics, _) = input.generics.split_for_impl();
    generics
        .make_where_clause()
        .predicates
        .push(syn::parse_quote_spanned!(ident.span()=> for<'__a> #ident #ty_generics: __ec::DerivedWithDecode<'__a>));
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let body = quote! {
        fn decode(
            _: u16,
            _: &[u8],
        ) -> ::core::result::Result<Self, __ec::DecodeError> {
            <Self as __ec::DerivedWithDecode<'_>>::refuse()
        }
    };
    // `impl` on the type's name: an impl spanned by the derive reads to rustc as a derived impl
    // with a bound on a type parameter, and its errors would say so. (Paths keep the derive's
    // span, so the user's lints do not look into them.)
    // (`DecodeRefused` is `Decode` under a name no user imports, so that `unused_qualifications`
    // has nothing to say about a path with the user's span.)
    let span = ident.span();
    let header = quote_spanned!(span=> impl #impl_generics __ec::DecodeRefused for #ident #ty_generics #where_clause);
    quote! {
        #[automatically_derived]
        #[doc(hidden)]
        #[diagnostic::do_not_recommend]
        #header {
            #body
        }
    }
}

/// `Self::V { exposed: __decoded.field("key")?, header: __decoded.header("Name")...,
/// defaulted: Default::default(), status: ..., source: None }`.
fn construct(ctx: &Ctx<'_, '_>, v: &Variant<'_>, slots: &Slots) -> TokenStream {
    let path = ctx.path(v);
    let fields = v.fields.iter().map(|f| {
        let member = &f.member;
        let is_source = f.attrs.source.is_some() || f.attrs.from.is_some();
        let header = f
            .attrs
            .header
            .as_ref()
            .filter(|_| f.attrs.expose.is_none() && f.attrs.status.is_none())
            .map(|h| h.value.as_str());
        let value = if let Some(name) = header {
            // From the header: absent (missing, or not parsing) is `None`, the default, or a
            // mismatch that sends the response to `other`.
            match (option_inner(f.ty()), f.attrs.default) {
                (Some(inner), _) => quote_spanned!(f.span()=> __decoded.header::<#inner>(#name)),
                (None, Some(_)) => {
                    quote_spanned!(f.span()=> __decoded.header(#name).unwrap_or_default())
                }
                (None, None) => {
                    quote_spanned!(f.span()=> __decoded.header(#name).ok_or(__ec::Mismatch)?)
                }
            }
        } else if f.attrs.default.is_some() {
            quote_spanned!(f.span()=> ::core::default::Default::default())
        } else if f.attrs.message.is_some() {
            // The message received; a body without one gives the variant's own message (an
            // `Option` field: `None`).
            let default = v.static_message();
            match option_inner(f.ty()) {
                Some(inner) if str_like(inner) => {
                    quote_spanned!(f.span()=> __ec::decoded_text_opt::<#inner>(__decoded.message()))
                }
                Some(inner) => {
                    quote_spanned!(f.span()=> __ec::decoded_message_opt::<#inner>(__decoded.message())?)
                }
                None if str_like(f.ty()) => {
                    let ty = f.ty();
                    quote_spanned!(f.span()=> __ec::decoded_text::<#ty>(__decoded.message(), #default))
                }
                None => {
                    let ty = f.ty();
                    quote_spanned!(f.span()=> __ec::decoded_message::<#ty>(__decoded.message().as_deref(), #default)?)
                }
            }
        } else if f.attrs.status.is_some() {
            quote_spanned!(f.span()=> __decoded.status())
        } else if is_source && f.attrs.expose.is_none() {
            // A source stays on the server; the check lets only an `Option` one through.
            quote_spanned!(f.span()=> ::core::option::Option::None)
        } else {
            let key = f.key();
            match slots.of(&key, f.ty()) {
                Some(slot) => {
                    let seed = Slots::seed(&slot);
                    quote_spanned!(f.span()=> __ec::decoded_field(__fields.#slot.take(), __decoded, #key, #seed)?)
                }
                None => quote_spanned!(f.span()=> __decoded.field(#key)?),
            }
        };
        quote!(#member: #value)
    });
    quote!(#path { #(#fields),* })
}

/// `decode`'s bounds: the `ApiError` ones, plus what reading each field back needs.
fn bounds(ctx: &Ctx<'_, '_>) -> Bounds {
    let mut bounds = Bounds::default();
    bounds.extend(&ctx.all_bounds);
    for v in &ctx.cont.variants {
        for f in &v.fields {
            let header =
                f.attrs.header.is_some() && f.attrs.expose.is_none() && f.attrs.status.is_none();
            if v.is_transparent() {
                ctx.infer(&mut bounds, f.ty(), quote!(__ec::Decode));
            } else if header {
                let ty = option_inner(f.ty()).unwrap_or(f.ty());
                ctx.infer(&mut bounds, ty, quote!(__ec::HeaderField));
                if f.attrs.default.is_some() {
                    ctx.infer(&mut bounds, f.ty(), quote!(::core::default::Default));
                }
            } else if f.attrs.default.is_some() {
                ctx.infer(&mut bounds, f.ty(), quote!(::core::default::Default));
            } else if f.attrs.message.is_some() {
                let ty = option_inner(f.ty()).unwrap_or(f.ty());
                ctx.infer(&mut bounds, ty, quote!(__ec::MessageField));
            } else if f.attrs.expose.is_some() || f.attrs.instance.is_some() {
                ctx.infer(
                    &mut bounds,
                    f.ty(),
                    quote!(__ec::serde::de::DeserializeOwned),
                );
            }
        }
    }

    bounds
}

/// The styles in use, the type's own first (its reader is tried first).
fn styles<'c>(ctx: &'c Ctx<'_, '_>) -> Vec<Style<&'c syn::Path>> {
    let own = ctx
        .cont
        .variants
        .iter()
        .find(|v| !v.delegates())
        .map_or(Style::Builtin(Builtin::Problem), |v| {
            v.style(&ctx.cont.attrs)
        });
    let mut seen: Vec<String> = vec![style_type(&own).to_string()];
    let mut styles = vec![own];
    for v in ctx.cont.variants.iter().filter(|v| !v.delegates()) {
        let style = v.style(&ctx.cont.attrs);
        let ty = style_type(&style).to_string();
        if !seen.contains(&ty) {
            seen.push(ty);
            styles.push(style);
        }
    }
    styles
}

/// Whether a field's value is read from a member of the body (an exposed field, or the
/// problem's `instance`), not from a header, the message, the status or a default.
fn from_member(f: &Field<'_>) -> bool {
    let header_only =
        f.attrs.header.is_some() && f.attrs.expose.is_none() && f.attrs.status.is_none();
    let source_only =
        (f.attrs.source.is_some() || f.attrs.from.is_some()) && f.attrs.expose.is_none();
    !(header_only
        || source_only
        || f.attrs.default.is_some()
        || f.attrs.message.is_some()
        || f.attrs.status.is_some())
}

/// The slots the fields are read into while a body is read: one per key that the variants
/// expose with one type, which names no type parameter and no lifetime (a key exposed with two
/// types, or with such a type, is read from the member's text once the variant is known).
struct Slots {
    /// Each slot's key and type.
    typed: Vec<(String, syn::Type)>,
    /// The keys kept as text.
    kept: Vec<String>,
    /// Whether every other member is kept as text too, not passed over: the type wraps others
    /// (`transparent`), which read their fields from what this type read of one error among
    /// several.
    keep_all: bool,
}

impl Slots {
    fn of_type(ctx: &Ctx<'_, '_>) -> Slots {
        let mut by_key: Vec<(String, Option<syn::Type>)> = Vec::new();
        let fields = ctx.cont.variants.iter().filter(|v| !v.delegates());
        for f in fields.flat_map(|v| &v.fields).filter(|f| from_member(f)) {
            let (key, ty) = (f.key(), f.ty());
            let typed = !ctx.params.intersects(ty) && !quote!(#ty).to_string().contains('\'');
            let same = |seen: &Option<syn::Type>| {
                seen.as_ref()
                    .is_some_and(|seen| quote!(#seen).to_string() == quote!(#ty).to_string())
            };
            match by_key.iter_mut().find(|(seen, _)| *seen == key) {
                Some((_, seen)) if !same(seen) => *seen = None,
                Some(_) => {}
                None => by_key.push((key, typed.then(|| ty.clone()))),
            }
        }
        let mut slots = Slots {
            typed: Vec::new(),
            kept: Vec::new(),
            keep_all: ctx.cont.variants.iter().any(Variant::is_transparent),
        };
        for (key, ty) in by_key {
            match ty {
                Some(ty) => slots.typed.push((key, ty)),
                None => slots.kept.push(key),
            }
        }
        slots
    }

    /// The slot of `key` read as `ty`, if it has one.
    fn of(&self, key: &str, ty: &syn::Type) -> Option<syn::Ident> {
        let ty = quote!(#ty).to_string();
        let at = self
            .typed
            .iter()
            .position(|(k, t)| k == key && quote!(#t).to_string() == ty)?;
        Some(quote::format_ident!("__s{}", at))
    }

    /// The seed that deserializes the type of `slot`: the one place the derive asks for the
    /// type's `Deserialize` (so a type without it is one error, on the field's type).
    fn seed(slot: &syn::Ident) -> syn::Ident {
        quote::format_ident!("{}_Seed", slot)
    }

    /// The type the decoder reads the fields into: `()` without slots, else `__Fields`.
    fn ty(&self) -> TokenStream {
        if self.typed.is_empty() && (self.kept.is_empty() || self.keep_all) {
            quote!(())
        } else {
            quote!(__Fields)
        }
    }

    /// `struct __Fields` and its `Fields` impl: a member of a slot's key is read into the slot, a
    /// key kept as text is kept, any other member is passed over.
    fn items(&self) -> TokenStream {
        if self.typed.is_empty() && (self.kept.is_empty() || self.keep_all) {
            return TokenStream::new();
        }
        let names: Vec<_> = (0..self.typed.len())
            .map(|i| quote::format_ident!("__s{}", i))
            .collect();
        let seeds: Vec<_> = names.iter().map(Slots::seed).collect();
        let types: Vec<_> = self.typed.iter().map(|(_, ty)| ty).collect();
        let keys = self.typed.iter().map(|(key, _)| key);
        let seed_impls = seeds.iter().zip(&types).map(|(seed, ty)| {
            // The type keeps its own span: an error that it does not implement `Deserialize` is
            // on the field's type; the path keeps the derive's, for the user's lints.
            let deserialize = quote!(<#ty as __ec::serde::Deserialize<'__de>>::deserialize(__de));
            quote! {
                #[allow(non_camel_case_types)]
                struct #seed;

                #[automatically_derived]
                impl<'__de> __ec::serde::de::DeserializeSeed<'__de> for #seed {
                    type Value = #ty;

                    fn deserialize<__D: __ec::serde::Deserializer<'__de>>(
                        self,
                        __de: __D,
                    ) -> ::core::result::Result<#ty, __D::Error> {
                        #deserialize
                    }
                }
            }
        });
        let kept = (!self.kept.is_empty() && !self.keep_all).then(|| {
            let kept = &self.kept;
            quote!(#(#kept)|* => return ::core::result::Result::Ok(__ec::Slot::Keep),)
        });
        let other = if self.keep_all {
            quote!(Keep)
        } else {
            quote!(Skip)
        };
        quote! {
            #(#seed_impls)*

            #[derive(::core::default::Default)]
            struct __Fields {
                #(#names: ::core::option::Option<#types>,)*
            }

            #[automatically_derived]
            impl __ec::Fields for __Fields {
                fn member<'__de, __A: __ec::MapAccess<'__de>>(
                    &mut self,
                    __key: &str,
                    __map: &mut __A,
                ) -> ::core::result::Result<__ec::Slot, __A::Error> {
                    match __key {
                        #(#keys => self.#names = ::core::option::Option::Some(__map.next_value_seed(#seeds)?),)*
                        #kept
                        _ => return ::core::result::Result::Ok(__ec::Slot::#other),
                    }
                    ::core::result::Result::Ok(__ec::Slot::Taken)
                }
            }
        }
    }
}
