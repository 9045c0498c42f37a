//! Bounds for generic types, inferred only for fields whose type mentions a type parameter.

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::collections::BTreeSet;
use syn::{GenericArgument, Generics, Ident, PathArguments, ReturnType, Type, WhereClause};

pub(crate) struct ParamsInScope<'a> {
    names: BTreeSet<&'a Ident>,
}

impl<'a> ParamsInScope<'a> {
    pub(crate) fn new(generics: &'a Generics) -> ParamsInScope<'a> {
        ParamsInScope {
            names: generics.type_params().map(|p| &p.ident).collect(),
        }
    }

    pub(crate) fn intersects(&self, ty: &Type) -> bool {
        !self.names.is_empty() && self.crawl(ty)
    }

    fn crawl(&self, ty: &Type) -> bool {
        match ty {
            Type::Path(ty) => {
                if let Some(qself) = &ty.qself {
                    if self.crawl(&qself.ty) {
                        return true;
                    }
                }
                if let Some(first) = ty.path.segments.first() {
                    if ty.qself.is_none() && self.names.contains(&first.ident) {
                        return true;
                    }
                }
                ty.path
                    .segments
                    .iter()
                    .any(|seg| self.arguments(&seg.arguments))
            }
            Type::Reference(r) => self.crawl(&r.elem),
            Type::Slice(s) => self.crawl(&s.elem),
            Type::Array(a) => self.crawl(&a.elem),
            Type::Ptr(p) => self.crawl(&p.elem),
            Type::Paren(p) => self.crawl(&p.elem),
            Type::Group(g) => self.crawl(&g.elem),
            Type::Tuple(t) => t.elems.iter().any(|t| self.crawl(t)),
            // Trait objects, impl Trait, fn pointers and macros: assume they may mention one.
            _ => true,
        }
    }

    fn arguments(&self, args: &PathArguments) -> bool {
        match args {
            PathArguments::None => false,
            PathArguments::AngleBracketed(a) => a.args.iter().any(|arg| match arg {
                GenericArgument::Type(t) => self.crawl(t),
                GenericArgument::AssocType(a) => self.crawl(&a.ty),
                _ => false,
            }),
            PathArguments::Parenthesized(p) => {
                p.inputs.iter().any(|arg| self.crawl(&arg.ty))
                    || matches!(&p.output, ReturnType::Type(_, t) if self.crawl(t))
            }
        }
    }
}

/// `Type: Bound` predicates, deduplicated, in first-seen order.
#[derive(Default)]
pub(crate) struct Bounds {
    predicates: Vec<(String, TokenStream)>,
}

impl Bounds {
    pub(crate) fn insert(&mut self, ty: &Type, bound: TokenStream) {
        let predicate = quote::quote!(#ty: #bound);
        let key = predicate.to_string();
        if !self.predicates.iter().any(|(k, _)| *k == key) {
            self.predicates.push((key, predicate));
        }
    }

    pub(crate) fn extend(&mut self, other: &Bounds) {
        for (key, predicate) in &other.predicates {
            if !self.predicates.iter().any(|(k, _)| k == key) {
                self.predicates.push((key.clone(), predicate.clone()));
            }
        }
    }

    /// The input's where clause plus these predicates.
    pub(crate) fn where_clause(&self, generics: &Generics) -> Option<WhereClause> {
        let mut generics = generics.clone();
        if self.predicates.is_empty() {
            return generics.where_clause;
        }
        let clause = generics.make_where_clause();
        for (_, predicate) in &self.predicates {
            clause.predicates.push(syn::parse_quote!(#predicate));
        }
        generics.where_clause
    }
}

impl ToTokens for Bounds {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        for (_, predicate) in &self.predicates {
            predicate.to_tokens(tokens);
            tokens.extend(quote::quote!(,));
        }
    }
}
