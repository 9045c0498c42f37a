//! The IR: the input, parsed into typed attributes, keeping the `syn` nodes so any phase can put
//! an error on the exact token.

pub(crate) use crate::attr::unraw;
use crate::attr::{
    self, ContainerAttrs, FieldAttrs, FixedHeader, Level, Literal, StatusRange, Style, VariantAttrs,
};
use crate::code::Code;
use crate::diagnostics::Diagnostics;
use crate::message::{self, Template};
use error_contract_wire::Builtin;
use proc_macro2::Span;
use syn::{Data, DeriveInput, Fields, Ident, Member};

pub(crate) struct Container<'a> {
    pub(crate) original: &'a DeriveInput,
    pub(crate) attrs: ContainerAttrs,
    pub(crate) is_enum: bool,
    pub(crate) variants: Vec<Variant<'a>>,
    /// A variant or field is `#[deprecated]`: the impls that name them allow it.
    pub(crate) names_deprecated: bool,
}

pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) attrs: VariantAttrs,
    pub(crate) fields: Vec<Field<'a>>,
    pub(crate) docs: String,
    /// The code: given, or the name transformed by `rename_all`.
    pub(crate) code: Code,
    /// Where to point errors about the code (the literal, else the variant's name).
    pub(crate) code_span: Span,
    /// The parsed `message`, if it parsed.
    pub(crate) template: Option<Template>,
}

pub(crate) struct Field<'a> {
    pub(crate) original: &'a syn::Field,
    pub(crate) member: Member,
    pub(crate) index: usize,
    pub(crate) attrs: FieldAttrs,
}

impl<'a> Container<'a> {
    pub(crate) fn from_ast(cx: &Diagnostics, input: &'a DeriveInput) -> Option<Container<'a>> {
        match &input.data {
            Data::Enum(data) => {
                let (attrs, stray) = attr::container(cx, &input.attrs, Level::Enum);
                drop(stray);
                let variants = data
                    .variants
                    .iter()
                    .map(|v| {
                        let vattrs = attr::variant(cx, &v.attrs);
                        Variant::new(cx, &attrs, &v.ident, vattrs, &v.fields, &v.attrs)
                    })
                    .collect();
                let names_deprecated = data
                    .variants
                    .iter()
                    .any(|v| attr::deprecated(&v.attrs) || fields_deprecated(&v.fields));
                Some(Container {
                    original: input,
                    attrs,
                    is_enum: true,
                    variants,
                    names_deprecated,
                })
            }
            Data::Struct(data) => {
                let (attrs, vattrs) = attr::container(cx, &input.attrs, Level::Struct);
                let variant =
                    Variant::new(cx, &attrs, &input.ident, vattrs, &data.fields, &input.attrs);
                Some(Container {
                    original: input,
                    attrs,
                    is_enum: false,
                    variants: vec![variant],
                    names_deprecated: fields_deprecated(&data.fields),
                })
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "`ApiError` cannot be derived for a union; use an enum or a struct",
                );
                None
            }
        }
    }

    /// The path of the runtime crate.
    pub(crate) fn krate(&self) -> syn::Path {
        match &self.attrs.krate {
            Some(path) => path.value.clone(),
            None => syn::parse_quote!(::error_contract),
        }
    }

    pub(crate) fn ident(&self) -> &'a Ident {
        &self.original.ident
    }
}

fn fields_deprecated(fields: &Fields) -> bool {
    fields.iter().any(|f| attr::deprecated(&f.attrs))
}

impl<'a> Variant<'a> {
    fn new(
        cx: &Diagnostics,
        container: &ContainerAttrs,
        ident: &'a Ident,
        attrs: VariantAttrs,
        fields: &'a Fields,
        all_attrs: &'a [syn::Attribute],
    ) -> Variant<'a> {
        let fields = fields
            .iter()
            .enumerate()
            .map(|(index, field)| Field {
                original: field,
                member: match &field.ident {
                    Some(ident) => Member::Named(ident.clone()),
                    None => Member::Unnamed(syn::Index {
                        index: u32::try_from(index).unwrap_or(u32::MAX),
                        span: Span::call_site(),
                    }),
                },
                index,
                attrs: attr::field(cx, &field.attrs),
            })
            .collect();
        let (code, code_span) = match &attrs.code {
            Some(code) => (code.value.clone(), code.span),
            None => {
                let name = unraw(ident);
                let code = match &container.rename_all {
                    Some(case) => case.value.apply(&name),
                    None => name,
                };
                (Code::Str(code), ident.span())
            }
        };
        let template = match &attrs.message {
            Some(lit) => match message::parse(&attr::str_value(&lit.value)) {
                Ok(template) => Some(template),
                Err(err) => {
                    cx.error_at(lit.span, err);
                    None
                }
            },
            None => None,
        };
        Variant {
            ident,
            attrs,
            fields,
            docs: attr::docs(all_attrs),
            code,
            code_span,
            template,
        }
    }

    /// The style of this variant's body.
    pub(crate) fn style<'s>(&'s self, container: &'s ContainerAttrs) -> Style<&'s syn::Path> {
        match self.attrs.style.as_ref().or(container.style.as_ref()) {
            Some(spec) => spec.value.as_ref(),
            None => Style::Builtin(Builtin::Problem),
        }
    }

    /// The declared status (400 when missing, after an error was reported).
    pub(crate) fn status(&self) -> u16 {
        self.attrs.status.as_ref().map_or(400, |s| s.value)
    }

    pub(crate) fn is_transparent(&self) -> bool {
        self.attrs.transparent.is_some()
    }

    /// Whether the variant has no row of its own and delegates to its one field: `transparent`
    /// (to the wrapped error) or `other` (to the `Unknown` it holds).
    pub(crate) fn delegates(&self) -> bool {
        self.attrs.transparent.is_some() || self.attrs.other.is_some()
    }

    /// Whether the message interpolates fields.
    pub(crate) fn is_interpolated(&self) -> bool {
        self.template.as_ref().is_some_and(|t| t.text.is_none())
    }

    /// The static message: given, else the status's reason phrase.
    pub(crate) fn static_message(&self) -> String {
        match &self.template {
            Some(t) => t.text.clone().unwrap_or_default(),
            None => error_contract_wire::reason::phrase(self.status())
                .unwrap_or_default()
                .to_owned(),
        }
    }

    /// The message as the catalog shows it: the template as written when it interpolates.
    pub(crate) fn catalog_message(&self) -> String {
        match &self.template {
            Some(t) if t.text.is_none() => t.written.clone(),
            _ => self.static_message(),
        }
    }

    /// The fields the body shows: the exposed ones, and the problem's `instance`.
    pub(crate) fn exposed(&self) -> impl Iterator<Item = &Field<'a>> {
        self.fields
            .iter()
            .filter(|f| f.attrs.expose.is_some() || f.attrs.instance.is_some())
    }

    /// The constant members of the body, in order: for a built-in style other than `problem`,
    /// `type` (from the enum's `type_base`) and `title` first; then the enum's `constants`, each
    /// replaced by the variant's member of the same name; then the variant's other members.
    /// Each with the span of the key that declares it.
    pub(crate) fn constants(&self, container: &ContainerAttrs) -> Vec<(String, Literal, Span)> {
        let mut members = Vec::new();
        if let Style::Builtin(style) = self.style(container)
            && style != Builtin::Problem
        {
            if let Some(base) = &container.type_base {
                let link = Literal::Str(format!("{}{{code}}", base.value));
                members.push(("type".to_owned(), link, base.key));
            }
            if let Some(title) = &self.attrs.title {
                let title_text = Literal::Str(title.value.clone());
                members.push(("title".to_owned(), title_text, title.key));
            }
        }
        let own = self
            .attrs
            .constants
            .as_ref()
            .map_or(&[][..], |m| &m.value[..]);
        for member in container.constants.iter().flat_map(|m| &m.value) {
            let chosen = own.iter().find(|o| o.name == member.name).unwrap_or(member);
            members.push((chosen.name.clone(), chosen.value.clone(), chosen.name_span));
        }
        for member in own {
            if !members.iter().any(|(name, ..)| *name == member.name) {
                members.push((member.name.clone(), member.value.clone(), member.name_span));
            }
        }
        members
    }

    pub(crate) fn status_field(&self) -> Option<&Field<'a>> {
        self.fields.iter().find(|f| f.attrs.status.is_some())
    }

    /// The statuses a run-time status may take beside the declared one: those `statuses(...)`
    /// lists, else every status of the declared one's class. None without a run-time status.
    pub(crate) fn run_time_statuses(&self) -> Vec<StatusRange> {
        if self.status_field().is_none() || self.delegates() {
            return Vec::new();
        }
        match &self.attrs.statuses {
            Some(list) => list.value.iter().map(|(range, _)| *range).collect(),
            None => vec![StatusRange::class_of(self.status())],
        }
    }

    /// The field that carries the public message at run time (`#[api_error(message)]`).
    pub(crate) fn message_field(&self) -> Option<&Field<'a>> {
        self.fields.iter().find(|f| f.attrs.message.is_some())
    }

    pub(crate) fn source_field(&self) -> Option<&Field<'a>> {
        self.fields
            .iter()
            .find(|f| f.attrs.source.is_some() || f.attrs.from.is_some())
    }

    /// The span to point at for errors about the whole variant.
    pub(crate) fn span(&self) -> Span {
        self.ident.span()
    }

    /// The headers the variant sends, in order: the enum's `headers` (but those the variant
    /// names itself, in its `headers` or as a header field), then its own `headers`, then its
    /// header fields. None for a variant that delegates (what it delegates to sends its own).
    pub(crate) fn sent_headers<'s>(&'s self, container: &'s ContainerAttrs) -> Vec<Sent<'s, 'a>> {
        if self.delegates() {
            return Vec::new();
        }
        let own = self
            .attrs
            .headers
            .as_ref()
            .map_or(&[][..], |h| &h.value[..]);
        let fields = self.fields.iter().filter(|f| f.attrs.header.is_some());
        let named_here = |name: &str| {
            own.iter().any(|h| h.name.eq_ignore_ascii_case(name))
                || fields.clone().any(|f| {
                    f.attrs
                        .header
                        .as_ref()
                        .is_some_and(|h| h.value.eq_ignore_ascii_case(name))
                })
        };
        let inherited = container.headers.as_ref().map_or(&[][..], |h| &h.value[..]);
        let listed = inherited
            .iter()
            .filter(|h| !named_here(&h.name))
            .chain(own)
            .filter_map(|h| {
                let template = h.template.as_ref()?;
                Some(match &template.text {
                    Some(text) => Sent::Fixed(h, text),
                    None => Sent::Template(h, template),
                })
            });
        let mut sent: Vec<Sent<'s, 'a>> = listed.collect();
        sent.extend(fields.map(Sent::Field));
        sent
    }
}

/// A header a variant sends.
pub(crate) enum Sent<'s, 'a> {
    /// A literal without placeholders, with its text (braces unescaped).
    Fixed(&'s FixedHeader, &'s str),
    /// A literal with placeholders.
    Template(&'s FixedHeader, &'s Template),
    /// A `#[api_error(header = "...")]` field.
    Field(&'s Field<'a>),
}

impl Sent<'_, '_> {
    /// The header's name as written.
    pub(crate) fn name(&self) -> String {
        match self {
            Sent::Fixed(h, _) | Sent::Template(h, _) => h.name.clone(),
            Sent::Field(f) => f
                .attrs
                .header
                .as_ref()
                .map(|h| h.value.clone())
                .unwrap_or_default(),
        }
    }
}

impl Field<'_> {
    /// The name a message uses for this field: the identifier without `r#`, or the index.
    pub(crate) fn name(&self) -> String {
        match &self.original.ident {
            Some(ident) => unraw(ident),
            None => self.index.to_string(),
        }
    }

    /// The key of an exposed field in the body.
    pub(crate) fn key(&self) -> String {
        match &self.attrs.rename {
            _ if self.attrs.instance.is_some() => "instance".to_owned(),
            Some(rename) => rename.value.clone(),
            None => self.name(),
        }
    }

    /// The identifier this field is bound to in generated patterns.
    pub(crate) fn binding(&self) -> Ident {
        Ident::new(&format!("__field{}", self.index), self.span())
    }

    pub(crate) fn ty(&self) -> &syn::Type {
        &self.original.ty
    }

    /// The span of the field (its name, or its type for a tuple field).
    pub(crate) fn span(&self) -> Span {
        match &self.original.ident {
            Some(ident) => ident.span(),
            None => syn::spanned::Spanned::span(&self.original.ty),
        }
    }
}

/// `T` of `Option<T>`, for a type written as `Option<...>` (any path ending in `Option`).
pub(crate) fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// Whether `ty` is a string type that borrows as `&str` through `AsRef<str>` and is built from a
/// `String` (but `&str`, which only borrows): `String`, `Box<str>`, `Cow<'_, str>`, `Rc<str>`,
/// `Arc<str>`, `&str`.
pub(crate) fn str_like(ty: &syn::Type) -> bool {
    let is_str = |ty: &syn::Type| matches!(ty, syn::Type::Path(p) if p.qself.is_none() && p.path.is_ident("str"));
    match ty {
        syn::Type::Reference(r) => is_str(&r.elem),
        syn::Type::Group(g) => str_like(&g.elem),
        syn::Type::Paren(p) => str_like(&p.elem),
        syn::Type::Path(p) => match last_segment(p) {
            Some((name, args)) => match (name.as_str(), args.as_slice()) {
                ("String", []) => true,
                ("Box" | "Cow" | "Rc" | "Arc", [inner]) => is_str(inner),
                _ => false,
            },
            None => false,
        },
        _ => false,
    }
}

/// The last segment of a path type (`Cow` of `std::borrow::Cow<'a, str>`) and its type
/// arguments (`[str]`); `None` for a qualified path or a `Fn(..)`-style segment.
pub(crate) fn last_segment(path: &syn::TypePath) -> Option<(String, Vec<&syn::Type>)> {
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    let args: Vec<&syn::Type> = match &last.arguments {
        syn::PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|arg| match arg {
                syn::GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        syn::PathArguments::None => Vec::new(),
        syn::PathArguments::Parenthesized(_) => return None,
    };
    Some((last.ident.to_string(), args))
}

/// A type as a user writes it: `Option<Box<dyn Error + Send>>`, not `Option < Box < ... > >`.
pub(crate) fn type_text(ty: &syn::Type) -> String {
    let mut text = quote::quote!(#ty).to_string();
    for (from, to) in [
        (" <", "<"),
        ("< ", "<"),
        (" >", ">"),
        (" ::", "::"),
        (":: ", "::"),
        (" ,", ","),
        ("& ", "&"),
    ] {
        text = text.replace(from, to);
    }
    text
}
