//! Writes the impls from the checked IR, one module per generated impl.
//!
//! The shape of the output, for an enum `E`:
//!
//! ```text
//! const _: () = {
//!     use ::error_contract::__private as __ec;
//!     static __TABLE: __ec::Table = ...;                // parallel arrays of literals, a row per variant
//!     impl __ec::Dispatch for E { fn __target(&self) -> __ec::Target<'_> { match self {...} } }
//!     impl __ec::Codes for E { const CODES: __ec::CodeSet = ...; }  // + a const check if composed
//!     impl __ec::ApiError for E { ... }                  // arms only for run-time parts
//!     impl Display for E { ... }                         // arms only for interpolated messages
//!     impl std::error::Error for E { ... }              // arms only for sources
//!     impl Serialize for E { ... }                       // the body's JSON
//!     impl From<Source> for E { ... }                    // per #[from]
//!     impl __ec::FromFailure for E { ... }                     // with `catch`: the framework's failures
//!     impl __ec::FromViolation for E { ... }             // with `validate`: broken validation rules
//!     impl __ec::Styled for E { type Style = ...; }      // the style of a body of several errors
//!     __ec::integrations! { ... }                        // impls of the runtime's features
//! };
//! ```
//!
//! The one `match` in `Dispatch` maps a value to its row of the static table, which serves status,
//! code, message, static body and catalog; the other impls only add arms for variants that need work
//! at run time, so a large enum of unit variants costs one match and one static array.

mod api_error;
mod construct;
mod decode;
mod display;
mod entries;
mod error;
mod from;
mod from_failure;
mod from_violation;
mod serialize;
mod source;

use crate::ast::{Container, Field, Variant};
use crate::attr::Style;
use crate::bound::{Bounds, ParamsInScope};
use proc_macro2::TokenStream;
use quote::quote;
use syn::Type;

/// What every impl module needs.
pub(crate) struct Ctx<'c, 'a> {
    pub(crate) cont: &'c Container<'a>,
    pub(crate) krate: syn::Path,
    pub(crate) params: ParamsInScope<'a>,
    /// Index of each variant's row in the static table (`None` for transparent variants).
    pub(crate) entry_index: Vec<Option<usize>>,
    /// Each variant's body, when the macro can write it now.
    pub(crate) static_bodies: Vec<Option<String>>,
    /// Bounds of `Dispatch`, `Display`, and everything else (`ApiError`, `Error`, `Serialize`).
    pub(crate) dispatch_bounds: Bounds,
    pub(crate) display_bounds: Bounds,
    pub(crate) all_bounds: Bounds,
}

impl Ctx<'_, '_> {
    /// `Self::Variant` or `Self`.
    pub(crate) fn path(&self, variant: &Variant<'_>) -> TokenStream {
        let ident = variant.ident;
        if self.cont.is_enum {
            quote!(Self::#ident)
        } else {
            quote!(Self)
        }
    }

    /// A pattern binding `fields` (each to its `binding()`) and ignoring the rest.
    pub(crate) fn pattern<'f, 'b: 'f>(
        &self,
        variant: &Variant<'_>,
        fields: impl IntoIterator<Item = &'f Field<'b>>,
    ) -> TokenStream {
        let path = self.path(variant);
        let bound = fields.into_iter().map(|f| {
            let member = &f.member;
            let binding = f.binding();
            quote!(#member: #binding)
        });
        quote!(#path { #(#bound,)* .. })
    }

    /// The row of a non-transparent variant, as a `u32` literal.
    pub(crate) fn row(&self, position: usize) -> TokenStream {
        let row = u32::try_from(self.entry_index[position].unwrap_or_default()).unwrap_or(u32::MAX);
        quote!(#row)
    }

    /// The `CatalogEntry` of a non-transparent variant.
    pub(crate) fn entry(&self, position: usize) -> TokenStream {
        let row = self.row(position);
        quote!(__ec::entry(&__TABLE, #row))
    }

    /// Adds `bound` for `ty` if the type mentions a type parameter.
    pub(crate) fn infer(&self, bounds: &mut Bounds, ty: &Type, bound: TokenStream) {
        if self.params.intersects(ty) {
            bounds.insert(ty, bound);
        }
    }

    /// `Self: Debug` for generic types, which `ApiError` and `Error` need as supertraits.
    pub(crate) fn debug_bound(&self, bounds: &mut Bounds) {
        if self.cont.original.generics.type_params().next().is_some() {
            let ident = self.cont.ident();
            let (_, ty_generics, _) = self.cont.original.generics.split_for_impl();
            let ty: Type = syn::parse_quote!(#ident #ty_generics);
            bounds.insert(&ty, quote!(::core::fmt::Debug));
        }
    }
}

/// `#[allow(deprecated)]` for an impl that matches or builds the type's variants, when a variant
/// or field is `#[deprecated]` (naming it would warn); nothing otherwise.
pub(crate) fn allow_deprecated(cont: &Container<'_>) -> TokenStream {
    if cont.names_deprecated {
        quote!(#[allow(deprecated)])
    } else {
        TokenStream::new()
    }
}

/// The type of a style: `__ec::style::Nested`, or the user's path.
pub(crate) fn style_type(style: &Style<&'_ syn::Path>) -> TokenStream {
    match style {
        Style::Builtin(b) => {
            let name = syn::Ident::new(b.type_name(), proc_macro2::Span::call_site());
            quote!(__ec::style::#name)
        }
        Style::Custom(path) => quote!(#path),
    }
}

/// `match self { arms, _ => fallback }`, or just `fallback` without arms, or no `_` arm when the
/// arms cover every variant.
pub(crate) fn match_or(
    ctx: &Ctx<'_, '_>,
    arms: &[TokenStream],
    fallback: &TokenStream,
) -> TokenStream {
    match_covering(ctx, arms, arms.len(), fallback)
}

/// [`match_or`] for arms that cover `covered` variants (an or-pattern arm covers several).
pub(crate) fn match_covering(
    ctx: &Ctx<'_, '_>,
    arms: &[TokenStream],
    covered: usize,
    fallback: &TokenStream,
) -> TokenStream {
    if arms.is_empty() {
        fallback.clone()
    } else if covered == ctx.cont.variants.len() {
        quote!(match self { #(#arms)* })
    } else {
        quote!(match self { #(#arms)* _ => #fallback})
    }
}

pub(crate) fn expand(cont: &Container<'_>) -> TokenStream {
    let mut next = 0;
    let entry_index = cont
        .variants
        .iter()
        .map(|v| {
            if v.delegates() {
                None
            } else {
                next += 1;
                Some(next - 1)
            }
        })
        .collect();
    let type_base = cont.attrs.type_base.as_ref().map(|t| t.value.as_str());
    let static_bodies = cont
        .variants
        .iter()
        .map(|v| entries::static_body(type_base, &cont.attrs, v))
        .collect();
    let mut ctx = Ctx {
        cont,
        krate: cont.krate(),
        params: ParamsInScope::new(&cont.original.generics),
        entry_index,
        static_bodies,
        dispatch_bounds: Bounds::default(),
        display_bounds: Bounds::default(),
        all_bounds: Bounds::default(),
    };
    ctx.dispatch_bounds = entries::dispatch_bounds(&ctx);
    ctx.display_bounds = display::bounds(&ctx);
    ctx.all_bounds = api_error::bounds(&ctx);

    let entries = entries::table(&ctx);
    let dispatch = entries::dispatch(&ctx);
    let codes = entries::codes(&ctx);
    let api_error = api_error::expand(&ctx);
    let display = display::expand(&ctx);
    let error = error::expand(&ctx);
    let serialize = serialize::expand(&ctx);
    let from = from::expand(&ctx);
    let decode = decode::expand(&ctx);
    let catch = from_failure::expand(&ctx);
    let validate = from_violation::expand(&ctx);
    let styled = api_error::styled(&ctx);
    let integrations = api_error::integrations(&ctx);
    let krate = &ctx.krate;
    // Every impl names a `#[deprecated]` type, the runtime's feature impls too.
    let allow_deprecated = if crate::attr::deprecated(&cont.original.attrs) {
        quote!(#[allow(deprecated)])
    } else {
        TokenStream::new()
    };

    quote! {
        #allow_deprecated
        const _: () = {
            use #krate::__private as __ec;
            #entries
            #dispatch
            #codes
            #api_error
            #display
            #error
            #serialize
            #from
            #decode
            #catch
            #validate
            #styled
            #integrations
        };
    }
}

pub(crate) use decode::refusal as decode_refusal;
pub(crate) use from::impls as from_impls;
