//! `impl Display`: the public message. Interpolated messages get a `write!` arm; every other
//! variant writes its static message (or delegates, for transparent ones) through `Dispatch`.

use super::{Ctx, match_or};
use crate::ast::{Field, Variant, option_inner};
use crate::bound::Bounds;
use crate::check::find_field;
use crate::message::{ArgRef, FmtTrait};
use proc_macro2::TokenStream;
use quote::{ToTokens, quote, quote_spanned};

pub(super) fn bounds(ctx: &Ctx<'_, '_>) -> Bounds {
    let mut bounds = Bounds::default();
    for v in &ctx.cont.variants {
        if let Some(field) = v.message_field() {
            let ty = option_inner(field.ty()).unwrap_or(field.ty());
            ctx.infer(&mut bounds, ty, quote!(::core::fmt::Display));
        }
        let Some(template) = &v.template else {
            continue;
        };
        for use_ in &template.uses {
            let (Some(field), Some(fmt_trait)) = (find_field(v, &use_.arg), use_.fmt_trait) else {
                continue;
            };
            ctx.infer(&mut bounds, field.ty(), fmt_bound(fmt_trait));
        }
    }
    bounds
}

/// The path of a formatting trait, as a bound.
pub(super) fn fmt_bound(fmt_trait: FmtTrait) -> TokenStream {
    match fmt_trait {
        FmtTrait::Display => quote!(::core::fmt::Display),
        FmtTrait::Debug => quote!(::core::fmt::Debug),
        FmtTrait::LowerHex => quote!(::core::fmt::LowerHex),
        FmtTrait::UpperHex => quote!(::core::fmt::UpperHex),
        FmtTrait::Octal => quote!(::core::fmt::Octal),
        FmtTrait::Binary => quote!(::core::fmt::Binary),
        FmtTrait::LowerExp => quote!(::core::fmt::LowerExp),
        FmtTrait::UpperExp => quote!(::core::fmt::UpperExp),
        FmtTrait::Pointer => quote!(::core::fmt::Pointer),
    }
}

pub(super) fn expand(ctx: &Ctx<'_, '_>) -> TokenStream {
    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let mut all = Bounds::default();
    all.extend(&ctx.display_bounds);
    all.extend(&ctx.dispatch_bounds);
    let where_clause = all.where_clause(generics);

    let arms: Vec<TokenStream> = ctx
        .cont
        .variants
        .iter()
        .filter_map(|v| message_field_arm(ctx, v).or_else(|| arm(ctx, v)))
        .collect();
    let body = match_or(
        ctx,
        &arms,
        &quote!(__ec::Dispatch::__target(self).fmt(__formatter)),
    );
    let allow_deprecated = super::allow_deprecated(ctx.cont);
    quote! {
        #[automatically_derived]
        #allow_deprecated
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #body
            }
        }
    }
}

/// The arm of a variant whose `message` field carries the message: the field's `Display`, or
/// for an `Option` that is `None` the variant's own message.
fn message_field_arm(ctx: &Ctx<'_, '_>, v: &Variant<'_>) -> Option<TokenStream> {
    let field = v.message_field().filter(|_| !v.delegates())?;
    let pattern = ctx.pattern(v, [field]);
    let binding = field.binding();
    Some(if option_inner(field.ty()).is_some() {
        let default = v.static_message();
        quote_spanned! {field.span()=>
            #pattern => __ec::fmt_message_opt(#binding.as_ref(), #default, __formatter),
        }
    } else {
        quote_spanned! {field.span()=>
            #pattern => ::core::fmt::Display::fmt(#binding, __formatter),
        }
    })
}

/// The `write!` arm of an interpolated message.
///
/// When it can, the arm passes the user's string literal untouched and lets `write!` capture the
/// named fields (bound under their own names) and take tuple fields as positional arguments, so
/// a bad format spec or a field that is not `Display` is reported inside the literal, at the
/// placeholder. A template that skips a tuple index or names a raw identifier (`{type}` for
/// `r#type`) is rewritten with positions instead.
fn arm(ctx: &Ctx<'_, '_>, v: &Variant<'_>) -> Option<TokenStream> {
    let template = v.template.as_ref().filter(|t| t.text.is_none())?;
    let lit = &v.attrs.message.as_ref()?.value;
    let fields: Vec<&Field<'_>> = template
        .args
        .iter()
        .filter_map(|arg| find_field(v, arg))
        .collect();
    let path = ctx.path(v);

    let indices: Vec<usize> = template
        .args
        .iter()
        .filter_map(|arg| match arg {
            ArgRef::Index(i) => Some(*i),
            ArgRef::Named(_) => None,
        })
        .collect();
    let dense = (0..indices.len()).all(|i| indices.contains(&i));
    let raw = fields.iter().any(|f| {
        f.original
            .ident
            .as_ref()
            .is_some_and(|ident| ident.to_string().starts_with("r#"))
    });
    if dense && !raw {
        let bindings = fields.iter().map(|f| Bind(f));
        let mut positional: Vec<&Field<'_>> = fields
            .iter()
            .copied()
            .filter(|f| f.original.ident.is_none())
            .collect();
        positional.sort_by_key(|f| f.index);
        let args = positional.iter().map(|f| f.binding());
        return Some(quote! {
            #path { #(#bindings,)* .. } => ::core::write!(__formatter, #lit #(, #args)*),
        });
    }

    let pattern = ctx.pattern(v, fields.iter().copied());
    let format = syn::LitStr::new(&template.format, lit.span());
    let args = fields.iter().map(|f| f.binding());
    Some(quote! {
        #pattern => ::core::write!(__formatter, #format #(, #args)*),
    })
}

/// A field in a `write!` arm's pattern: `name`, bound under its own name, or `0: __field0`.
/// Its tokens go straight into the arm's (a `quote!` per field would be a stream each).
struct Bind<'f, 'a>(&'f Field<'a>);

impl ToTokens for Bind<'_, '_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match &self.0.original.ident {
            Some(ident) => ident.to_tokens(tokens),
            None => {
                self.0.member.to_tokens(tokens);
                <syn::Token![:]>::default().to_tokens(tokens);
                self.0.binding().to_tokens(tokens);
            }
        }
    }
}
