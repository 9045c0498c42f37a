//! `impl Display`: the public message. Interpolated messages get a `write!` arm; every other
//! variant writes its static message (or delegates, for transparent ones) through `Dispatch`.

use super::entries::dispatch_bounds;
use super::{Ctx, match_or};
use crate::bound::Bounds;
use crate::check::find_field;
use crate::message::FmtTrait;
use proc_macro2::TokenStream;
use quote::quote;

pub(super) fn bounds(ctx: &Ctx<'_, '_>) -> Bounds {
    let mut bounds = Bounds::default();
    for v in &ctx.cont.variants {
        let Some(template) = &v.template else {
            continue;
        };
        for use_ in &template.uses {
            let (Some(field), Some(fmt_trait)) = (find_field(v, &use_.arg), use_.fmt_trait) else {
                continue;
            };
            let bound = match fmt_trait {
                FmtTrait::Display => quote!(::core::fmt::Display),
                FmtTrait::Debug => quote!(::core::fmt::Debug),
                FmtTrait::LowerHex => quote!(::core::fmt::LowerHex),
                FmtTrait::UpperHex => quote!(::core::fmt::UpperHex),
                FmtTrait::Octal => quote!(::core::fmt::Octal),
                FmtTrait::Binary => quote!(::core::fmt::Binary),
                FmtTrait::LowerExp => quote!(::core::fmt::LowerExp),
                FmtTrait::UpperExp => quote!(::core::fmt::UpperExp),
                FmtTrait::Pointer => quote!(::core::fmt::Pointer),
            };
            ctx.infer(&mut bounds, field.ty(), bound);
        }
    }
    bounds
}

pub(super) fn expand(ctx: &Ctx<'_, '_>) -> TokenStream {
    let ident = ctx.cont.ident();
    let generics = &ctx.cont.original.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let mut all = bounds(ctx);
    all.extend(&dispatch_bounds(ctx));
    let where_clause = all.where_clause(generics);

    let arms: Vec<TokenStream> = ctx
        .cont
        .variants
        .iter()
        .filter_map(|v| {
            let template = v.template.as_ref().filter(|t| t.text.is_none())?;
            let lit = &v.attrs.message.as_ref()?.value;
            let fields: Vec<_> = template
                .args
                .iter()
                .filter_map(|arg| find_field(v, arg))
                .collect();
            let pattern = ctx.pattern(v, fields.iter().copied());
            let format = syn::LitStr::new(&template.format, lit.span());
            let args = fields.iter().map(|f| f.binding());
            Some(quote! {
                #pattern => ::core::write!(__formatter, #format #(, #args)*),
            })
        })
        .collect();
    let body = match_or(
        ctx,
        &arms,
        &quote!(__ec::Dispatch::__target(self).fmt(__formatter)),
    );
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #body
            }
        }
    }
}
