//! Parsing `#[api_error(...)]`, `#[source]`, `#[from]` and doc comments into typed attributes.
//!
//! Every key is compared against the named tables below. An unknown key is an error on that key
//! with the nearest known key as a suggestion (of its level, else of another level, saying where
//! that one goes); a key given twice is an error on the second use and a "first used here" on the
//! first; a key on the wrong level says where it belongs; thiserror's `#[error(...)]` says what to
//! write instead. Errors go to the `Diagnostics` and parsing goes on, so one build shows them all.

use crate::case::Case;
use crate::code::Code;
use crate::diagnostics::Diagnostics;
use crate::failure::{self, Kind};
use crate::message::Template;
use error_contract_wire::{Builtin, Names, Role};
use proc_macro2::Span;
use std::fmt::Write as _;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned as _;
use syn::{Attribute, Expr, ExprLit, Lit, LitStr, Token};

/// Keys of the enum (or struct) level.
pub(crate) const CONTAINER_KEYS: &[&str] = &[
    "style",
    "rename_all",
    "type_base",
    "rename_members",
    "skip_members",
    "constants",
    "decode",
    "crate",
    "headers",
    "grpc_domain",
];
/// Keys of the variant level (and of a struct, beside the container keys).
pub(crate) const VARIANT_KEYS: &[&str] = &[
    "status",
    "code",
    "message",
    "style",
    "parent",
    "title",
    "transparent",
    "other",
    "catch",
    "validate",
    "constants",
    "headers",
    "statuses",
    "grpc",
];
/// Keys of the field level.
pub(crate) const FIELD_KEYS: &[&str] = &[
    "expose", "rename", "header", "status", "message", "default", "fact", "schema", "example",
    "instance",
];

/// A value with the span of its key (for duplicates) and of itself (for value errors).
#[derive(Clone)]
pub(crate) struct Spanned<T> {
    pub(crate) value: T,
    pub(crate) key: Span,
    pub(crate) span: Span,
}

/// A body's style: a built-in one, or a custom one by its path, owned as the attribute gives it
/// (`Style`) or borrowed once a variant's style is resolved (`Style<&syn::Path>`).
#[derive(Clone, Copy)]
pub(crate) enum Style<P = syn::Path> {
    Builtin(Builtin),
    Custom(P),
}

impl Style {
    /// The same style, its path borrowed.
    pub(crate) fn as_ref(&self) -> Style<&syn::Path> {
        match self {
            Style::Builtin(b) => Style::Builtin(*b),
            Style::Custom(path) => Style::Custom(path),
        }
    }
}

#[derive(Default)]
pub(crate) struct ContainerAttrs {
    pub(crate) style: Option<Spanned<Style>>,
    pub(crate) rename_all: Option<Spanned<Case>>,
    pub(crate) type_base: Option<Spanned<String>>,
    pub(crate) krate: Option<Spanned<syn::Path>>,
    pub(crate) decode: Option<Span>,
    /// `rename_members(code = "errorCode", ...)`: new names of the built-in styles' own members.
    pub(crate) rename_members: Option<Spanned<Vec<Renamed>>>,
    /// `skip_members(code, status)`: problem members left out.
    pub(crate) skip_members: Option<Spanned<Skipped>>,
    /// `constants(key = literal, ...)`: constant members every variant writes.
    pub(crate) constants: Option<Spanned<Vec<ConstantAttr>>>,
    /// `headers(...)`: the headers every variant sends unless it overrides them.
    pub(crate) headers: Option<Spanned<Vec<FixedHeader>>>,
    /// `grpc_domain = "..."`: the `domain` of the gRPC `ErrorInfo`.
    pub(crate) grpc_domain: Option<Spanned<String>>,
}

impl ContainerAttrs {
    /// The built-in styles' member names as `rename_members` and `skip_members` set them.
    pub(crate) fn names(&self) -> Names<'_> {
        let mut names = Names::DEFAULT;
        for renamed in self.rename_members.iter().flat_map(|r| &r.value) {
            let name = Some(renamed.name.as_str());
            match renamed.role {
                Role::Envelope => names.envelope = name,
                Role::Code => names.code = name,
                Role::Message => names.message = name,
                Role::Type | Role::Title | Role::Status | Role::Instance => {}
            }
        }
        for (role, _) in self.skip_members.iter().flat_map(|s| &s.value) {
            match role {
                Role::Code => names.skip_code = true,
                Role::Status => names.skip_status = true,
                _ => {}
            }
        }
        names
    }
}

/// The roles of `skip_members(...)`, each with its span.
pub(crate) type Skipped = Vec<(Role, Span)>;

/// One `role = "name"` of `rename_members(...)`.
#[derive(Clone)]
pub(crate) struct Renamed {
    pub(crate) role: Role,
    pub(crate) role_span: Span,
    pub(crate) name: String,
}

/// One `key = literal` of `constants(...)`.
#[derive(Clone)]
pub(crate) struct ConstantAttr {
    pub(crate) name: String,
    pub(crate) name_span: Span,
    pub(crate) value: Literal,
}

/// One `"Name" = "value"` of a `headers(...)` list.
pub(crate) struct FixedHeader {
    pub(crate) name: String,
    pub(crate) name_span: Span,
    pub(crate) value: LitStr,
    /// The value as a template over `{code}`, `{message}` and the fields; `None` when it did not
    /// parse (reported).
    pub(crate) template: Option<Template>,
}

/// A status that a run-time status may take, as `statuses(...)` lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StatusRange {
    /// One status, 400..=599 (`503`).
    Exact(u16),
    /// Every status of a class: 4 for `"4XX"` (400..=499), 5 for `"5XX"` (500..=599).
    Class(u16),
}

impl StatusRange {
    /// The class of `status`: `"4XX"` for 404.
    pub(crate) fn class_of(status: u16) -> StatusRange {
        StatusRange::Class(status / 100)
    }

    pub(crate) fn contains(self, status: u16) -> bool {
        match self {
            StatusRange::Exact(s) => s == status,
            StatusRange::Class(c) => status / 100 == c && (400..=599).contains(&status),
        }
    }

    /// As written in `statuses(...)`: `503`, `"5XX"`.
    pub(crate) fn written(self) -> String {
        match self {
            StatusRange::Exact(s) => s.to_string(),
            StatusRange::Class(c) => format!("\"{c}XX\""),
        }
    }
}

/// The statuses a variant's `statuses(...)` lists, each with the span of its literal.
pub(crate) type StatusList = Vec<(StatusRange, Span)>;

/// The kinds a variant's `catch` names, each with the span of its literal.
pub(crate) type Catches = Vec<(Kind, Span)>;

/// The validation rules a variant's `validate` names, each with the span of its literal; none
/// for the flag `validate`, which answers every rule no other variant names.
pub(crate) type Rules = Vec<(String, Span)>;

#[derive(Default)]
pub(crate) struct VariantAttrs {
    pub(crate) status: Option<Spanned<u16>>,
    pub(crate) code: Option<Spanned<Code>>,
    pub(crate) message: Option<Spanned<LitStr>>,
    pub(crate) style: Option<Spanned<Style>>,
    pub(crate) parent: Option<Spanned<Code>>,
    pub(crate) title: Option<Spanned<String>>,
    pub(crate) transparent: Option<Span>,
    pub(crate) other: Option<Span>,
    /// The framework failures the variant answers, each with the span of its name.
    pub(crate) catch: Option<Spanned<Catches>>,
    /// Where a `catch` key was written, even if its value was reported as wrong.
    pub(crate) catch_written: Option<Span>,
    /// The validation rules the variant answers (none: every rule no other variant names).
    pub(crate) validate: Option<Spanned<Rules>>,
    /// Where a `validate` key was written, even if its value was reported as wrong.
    pub(crate) validate_written: Option<Span>,
    /// `constants(key = literal, ...)`: constant members, over the enum's of the same key.
    pub(crate) constants: Option<Spanned<Vec<ConstantAttr>>>,
    /// `headers(...)`: headers the variant sends, adding to (and replacing by name) the enum's.
    pub(crate) headers: Option<Spanned<Vec<FixedHeader>>>,
    /// `statuses(...)`: the statuses a run-time status may take beside the declared one.
    pub(crate) statuses: Option<Spanned<StatusList>>,
    /// `grpc = "..."`: the gRPC code, over the one of the status.
    pub(crate) grpc: Option<Spanned<u8>>,
    /// A `status` key was written, even if its value was reported as wrong.
    pub(crate) status_written: bool,
    /// An `#[api_error]` attribute is present (on a variant: any at all).
    pub(crate) present: bool,
    /// An attribute failed to parse; later checks stay quiet about what it may have said.
    pub(crate) broken: bool,
}

#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub(crate) source: Option<Span>,
    pub(crate) from: Option<Span>,
    pub(crate) expose: Option<Span>,
    /// `schema`: the exposed field is typed in the catalog's `OpenAPI` from its type's
    /// `utoipa::ToSchema` or `schemars::JsonSchema` impl.
    pub(crate) schema: Option<Span>,
    pub(crate) rename: Option<Spanned<String>>,
    pub(crate) header: Option<Spanned<String>>,
    pub(crate) status: Option<Span>,
    /// `message`: the field carries the public message at run time.
    pub(crate) message: Option<Span>,
    pub(crate) default: Option<Span>,
    /// The fact of a failure the field takes (its name in `error_contract::Fact`).
    pub(crate) fact: Option<Spanned<&'static str>>,
    /// Where a `fact` key was written, even if its value was reported as wrong.
    pub(crate) fact_written: Option<Span>,
    /// `example = <literal>`: the field's value in the catalog's `OpenAPI` example.
    pub(crate) example: Option<Spanned<Literal>>,
    /// `instance`: the field is the problem's `instance` member.
    pub(crate) instance: Option<Span>,
}

/// A JSON literal as an attribute writes it (a field's `example`, a constant member): a string,
/// an integer or a float (either maybe negated, kept as its decimal digits), or a bool.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Literal {
    Str(String),
    Int(String),
    Float(String),
    Bool(bool),
}

/// Which level an attribute is on, for key tables and wrong-level messages.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Enum,
    Struct,
    Variant,
    Field,
}

impl Level {
    fn keys(self) -> Vec<&'static str> {
        match self {
            Level::Enum => CONTAINER_KEYS.to_vec(),
            Level::Struct => CONTAINER_KEYS.iter().chain(VARIANT_KEYS).copied().collect(),
            Level::Variant => VARIANT_KEYS.to_vec(),
            Level::Field => FIELD_KEYS.to_vec(),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Level::Enum => "the enum",
            Level::Struct => "the struct",
            Level::Variant => "a variant",
            Level::Field => "a field",
        }
    }

    /// Where a key of another level belongs, for "`status` goes on a variant" messages.
    fn home_of(self, key: &str) -> Option<&'static str> {
        let on_container = CONTAINER_KEYS.contains(&key);
        let on_variant = VARIANT_KEYS.contains(&key);
        let on_field = FIELD_KEYS.contains(&key);
        match self {
            Level::Enum if on_variant => Some("each variant"),
            Level::Enum | Level::Struct | Level::Variant if on_field => Some("a field"),
            Level::Field if on_variant => Some("the variant"),
            Level::Variant | Level::Field if on_container => Some("the enum"),
            _ => None,
        }
    }
}

/// Parses the `#[api_error(...)]` attributes of the enum or struct.
pub(crate) fn container(
    cx: &Diagnostics,
    attrs: &[Attribute],
    level: Level,
) -> (ContainerAttrs, VariantAttrs) {
    let mut c = ContainerAttrs::default();
    let mut v = VariantAttrs::default();
    let (present, broken) = for_each_key(cx, attrs, level, |key, meta| {
        match key {
            "style" if level == Level::Struct => set(cx, &mut v.style, meta, style(cx, meta)?),
            "style" => set(cx, &mut c.style, meta, style(cx, meta)?),
            "headers" if level == Level::Struct => {
                set(cx, &mut v.headers, meta, headers(cx, meta)?);
            }
            "headers" => set(cx, &mut c.headers, meta, headers(cx, meta)?),
            "rename_all" => set(cx, &mut c.rename_all, meta, rename_all(cx, meta)?),
            "type_base" => set(cx, &mut c.type_base, meta, string(cx, meta)?),
            "rename_members" => set(cx, &mut c.rename_members, meta, rename_members(cx, meta)?),
            "skip_members" => set(cx, &mut c.skip_members, meta, skip_members(cx, meta)?),
            "constants" if level == Level::Enum => {
                set(cx, &mut c.constants, meta, constants(cx, meta)?);
            }
            "crate" => set(cx, &mut c.krate, meta, crate_path(cx, meta)?),
            "grpc_domain" => {
                let domain = string(cx, meta)?;
                if let Some(d) = domain.as_ref().filter(|d| d.value.trim().is_empty()) {
                    cx.error_at(
                        d.span,
                        "`grpc_domain` cannot be empty: an `ErrorInfo`'s domain names the service its reasons belong to",
                    );
                }
                set(cx, &mut c.grpc_domain, meta, domain);
            }
            "decode" => flag(cx, &mut c.decode, meta)?,
            _ => return variant_key(cx, &mut v, key, meta),
        }
        Ok(())
    });
    v.present = present;
    v.broken = broken;
    (c, v)
}

/// Parses the `#[api_error(...)]` attributes of a variant.
pub(crate) fn variant(cx: &Diagnostics, attrs: &[Attribute]) -> VariantAttrs {
    let mut v = VariantAttrs::default();
    let (present, broken) = for_each_key(cx, attrs, Level::Variant, |key, meta| {
        variant_key(cx, &mut v, key, meta)
    });
    v.present = present;
    v.broken = broken;
    v
}

fn variant_key(
    cx: &Diagnostics,
    v: &mut VariantAttrs,
    key: &str,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<()> {
    match key {
        "status" => {
            v.status_written = true;
            set(cx, &mut v.status, meta, status(cx, meta)?);
        }
        "code" => set(cx, &mut v.code, meta, code(cx, meta, "code")?),
        "message" => set(cx, &mut v.message, meta, message(cx, meta)?),
        "style" => set(cx, &mut v.style, meta, style(cx, meta)?),
        "parent" => set(cx, &mut v.parent, meta, code(cx, meta, "parent")?),
        "title" => set(cx, &mut v.title, meta, string(cx, meta)?),
        "transparent" => flag(cx, &mut v.transparent, meta)?,
        "other" => flag(cx, &mut v.other, meta)?,
        "catch" => {
            v.catch_written = Some(key_span(meta));
            set(cx, &mut v.catch, meta, catch(cx, meta)?);
        }
        "validate" => {
            v.validate_written = Some(key_span(meta));
            set(cx, &mut v.validate, meta, validate(cx, meta)?);
        }
        "constants" => set(cx, &mut v.constants, meta, constants(cx, meta)?),
        "headers" => set(cx, &mut v.headers, meta, headers(cx, meta)?),
        "statuses" => set(cx, &mut v.statuses, meta, statuses(cx, meta)?),
        "grpc" => set(cx, &mut v.grpc, meta, grpc(cx, meta)?),
        // `for_each_key` only hands over keys of the level's table, and each has an arm above.
        _ => {}
    }
    Ok(())
}

/// Parses the attributes of a field: `#[source]`, `#[from]` and `#[api_error(...)]`.
pub(crate) fn field(cx: &Diagnostics, attrs: &[Attribute]) -> FieldAttrs {
    let mut f = FieldAttrs::default();
    for attr in attrs {
        let (slot, name) = match attr_name(attr).as_deref() {
            Some("source") => (&mut f.source, "source"),
            Some("from") => (&mut f.from, "from"),
            _ => continue,
        };
        let message = format!("`#[{name}]` takes no arguments: write `#[{name}]`");
        match &attr.meta {
            syn::Meta::Path(_) => {}
            syn::Meta::List(list) => {
                cx.error_at(list.delimiter.span().join(), message);
                continue;
            }
            syn::Meta::NameValue(nv) => {
                let (eq, value) = (&nv.eq_token, &nv.value);
                cx.error_spanned_by(quote::quote!(#eq #value), message);
                continue;
            }
        }
        let span = attr.path().span();
        if let Some(first) = *slot {
            cx.error_at(span, format!("duplicate `#[{name}]`"));
            cx.error_at(first, "first used here");
        } else {
            *slot = Some(span);
        }
    }
    for_each_key(cx, attrs, Level::Field, |key, meta| {
        match key {
            "expose" => flag(cx, &mut f.expose, meta)?,
            "schema" => flag(cx, &mut f.schema, meta)?,
            "rename" => {
                let rename = string(cx, meta)?;
                if let Some(r) = rename.as_ref().filter(|r| r.value.is_empty()) {
                    cx.error_at(r.span, "`rename` cannot be empty: a body key needs a name");
                }
                set(cx, &mut f.rename, meta, rename);
            }
            "header" => set(cx, &mut f.header, meta, string(cx, meta)?),
            "status" => flag(cx, &mut f.status, meta)?,
            "message" if meta.input.peek(Token![=]) => {
                cx.error_spanned_by(
                    &meta.path,
                    "`message = \"...\"` goes on the variant; on a field, write the flag `message`: the field carries the message at run time",
                );
                skip_value(meta)?;
            }
            "message" => flag(cx, &mut f.message, meta)?,
            "default" => flag(cx, &mut f.default, meta)?,
            "fact" => {
                f.fact_written = Some(key_span(meta));
                set(cx, &mut f.fact, meta, fact(cx, meta)?);
            }
            "example" => set(cx, &mut f.example, meta, example(cx, meta)?),
            "instance" => flag(cx, &mut f.instance, meta)?,
            // As in `variant_key`: only the field table's keys arrive here.
            _ => {}
        }
        Ok(())
    });
    f
}

/// The name of an attribute whose path is one identifier (`api_error`, `doc`, ...). Comparing
/// an `Ident` with a string formats the identifier each time: a caller that compares with
/// several names takes this once.
fn attr_name(attr: &Attribute) -> Option<String> {
    attr.path().get_ident().map(ToString::to_string)
}

/// Whether the attributes say `#[deprecated]`.
pub(crate) fn deprecated(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("deprecated"))
}

/// The value of a string literal. A literal without escapes is its text between the quotes;
/// `LitStr::value` would unescape it a character at a time, in the unoptimized derive, for
/// every message and doc comment.
pub(crate) fn str_value(lit: &LitStr) -> String {
    let text = lit.token().to_string();
    match text
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    {
        Some(inner) if !inner.bytes().any(|b| b == b'\\' || b == b'\r' || b == b'"') => {
            inner.to_owned()
        }
        _ => lit.value(),
    }
}

/// An identifier's name without `r#`.
pub(crate) fn unraw(ident: &syn::Ident) -> String {
    let s = ident.to_string();
    match s.strip_prefix("r#") {
        Some(rest) => rest.to_owned(),
        None => s,
    }
}

/// The doc comment, lines trimmed and joined with spaces.
pub(crate) fn docs(attrs: &[Attribute]) -> String {
    let mut out = String::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        let syn::Meta::NameValue(nv) = &attr.meta else {
            continue;
        };
        let Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) = &nv.value
        else {
            continue;
        };
        for line in str_value(s).lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(line);
        }
    }
    out
}

/// Calls `handle` for each known key of this level in every `#[api_error(...)]`; reports unknown
/// and misplaced keys, and syntax errors, to `cx`.
/// Returns `(present, broken)`: whether any `#[api_error]` was there, and whether one failed to
/// parse.
fn for_each_key(
    cx: &Diagnostics,
    attrs: &[Attribute],
    level: Level,
    mut handle: impl FnMut(&str, &ParseNestedMeta<'_>) -> syn::Result<()>,
) -> (bool, bool) {
    let keys = level.keys();
    let (mut present, mut broken) = (false, false);
    for attr in attrs {
        match attr_name(attr).as_deref() {
            Some("error") => {
                let (message, transparent) = thiserror_message(&attr.meta);
                // A variant meant to be transparent needs no status: no "missing `status`" too.
                broken |= transparent;
                cx.error_spanned_by(&attr.meta, message);
                continue;
            }
            Some("api_error") => {}
            _ => continue,
        }
        present = true;
        if attr.meta.require_list().is_err() {
            broken = true;
            cx.error_spanned_by(
                &attr.meta,
                "expected `#[api_error(...)]` with keys in parentheses",
            );
            continue;
        }
        let result = attr.parse_nested_meta(|meta| {
            let key = match meta.path.get_ident() {
                Some(ident) => ident.to_string(),
                None => String::new(),
            };
            if keys.contains(&key.as_str()) {
                return handle(&key, &meta);
            }
            let message = match level.home_of(&key) {
                Some(home) => format!("`{key}` goes on {home}, not on {}", level.name()),
                None => {
                    let shown = quote::ToTokens::to_token_stream(&meta.path).to_string();
                    let mut message = format!("unknown key `{}`", shown.replace(' ', ""));
                    let elsewhere = || {
                        let all: Vec<&str> = CONTAINER_KEYS
                            .iter()
                            .chain(VARIANT_KEYS)
                            .chain(FIELD_KEYS)
                            .copied()
                            .collect();
                        let near = nearest(&key, &all)?;
                        Some((near, level.home_of(near)?))
                    };
                    if let Some(near) = nearest(&key, &keys) {
                        let _ = write!(message, "; did you mean `{near}`?");
                    } else if let Some((near, home)) = elsewhere() {
                        let _ = write!(
                            message,
                            "; did you mean `{near}`? It goes on {home}, not on {}",
                            level.name()
                        );
                    } else {
                        let _ = write!(message, "; expected one of {}", list(&keys));
                    }
                    message
                }
            };
            cx.error_spanned_by(&meta.path, message);
            skip_value(&meta)
        });
        if let Err(err) = result {
            broken = true;
            cx.push(err);
        }
    }
    (present, broken)
}

/// The error on thiserror's `#[error(...)]`, which the derive accepts as an attribute so that it
/// can say what to write instead; and whether it was `#[error(transparent)]`.
fn thiserror_message(meta: &syn::Meta) -> (String, bool) {
    let said = "is thiserror's attribute; `ApiError` implements `Display` and `Error` itself";
    let args = match meta {
        syn::Meta::List(list) => list.tokens.to_string(),
        _ => String::new(),
    };
    if args == "transparent" {
        let message = format!("`#[error(transparent)]` {said}: write `#[api_error(transparent)]`");
        return (message, true);
    }
    let message = match meta
        .require_list()
        .and_then(syn::MetaList::parse_args::<LitStr>)
    {
        Ok(lit) => format!(
            "`#[error(...)]` {said}: write the message in `#[api_error(...)]`, as `message = {}`",
            quote::ToTokens::to_token_stream(&lit)
        ),
        Err(_) => format!(
            "`#[error(...)]` {said}: write the message in `#[api_error(...)]`, as `message = \"...\"` with placeholders that name fields (`{{field}}`, `{{0}}`)"
        ),
    };
    (message, false)
}

fn list(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Names to copy as string literals: `"dto"`, `"nested"`, ...
fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|k| format!("`\"{k}\"`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The known name closest to `input`, if it is close enough to be a likely typo.
pub(crate) fn nearest<'k>(input: &str, known: &[&'k str]) -> Option<&'k str> {
    let input_lower = input.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (distance(&input_lower, &k.to_ascii_lowercase()), *k))
        .filter(|(d, k)| *d <= (k.len().max(input.len()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Optimal string alignment distance: Levenshtein's insertions, deletions and substitutions, plus
/// the swap of two adjacent characters as one edit, so `stlye` is one edit from `style`.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the table: `d[i-2]`, `d[i-1]` and `d[i]`, each over `0..=b.len()`.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (prev[j - 1] + cost).min(prev[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// Skips `= value` or `(...)` after a key that was reported.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let _content;
        syn::parenthesized!(_content in meta.input);
    }
    Ok(())
}

fn set<T>(
    cx: &Diagnostics,
    slot: &mut Option<Spanned<T>>,
    meta: &ParseNestedMeta<'_>,
    value: Option<Spanned<T>>,
) {
    let Some(value) = value else { return };
    if let Some(first) = slot {
        cx.error_spanned_by(&meta.path, format!("duplicate `{}`", key_name(meta)));
        cx.error_at(first.key, "first used here");
    } else {
        *slot = Some(value);
    }
}

fn flag(cx: &Diagnostics, slot: &mut Option<Span>, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    let key = key_name(meta);
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        cx.error_spanned_by(&meta.path, format!("`{key}` takes no value: write `{key}`"));
        return skip_value(meta);
    }
    let span = key_span(meta);
    if let Some(first) = *slot {
        cx.error_at(span, format!("duplicate `{key}`"));
        cx.error_at(first, "first used here");
    } else {
        *slot = Some(span);
    }
    Ok(())
}

fn key_name(meta: &ParseNestedMeta<'_>) -> String {
    meta.path
        .get_ident()
        .map_or_else(String::new, ToString::to_string)
}

/// `key = <expr>`. A syntax error is returned (it stops this attribute); a value of the wrong
/// type is reported by the typed helpers below, which return `None` and let parsing go on.
fn value_expr(meta: &ParseNestedMeta<'_>) -> syn::Result<Expr> {
    let key = key_name(meta);
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format!("expected `{key} = ...`")));
    }
    let input = meta.value()?;
    // Most values are literals: parsing one directly is several times cheaper than `Expr`, which
    // matters for enums of thousands of variants. Anything else (paths, mistakes) goes through
    // `Expr`, so a value of the wrong type is reported on its own tokens. A literal token is
    // looked at in the cursor first: `peek(Lit)` parses the literal once more to answer.
    if input.cursor().literal().is_some() || input.peek(Lit) {
        let lit: Lit = input.parse()?;
        return Ok(Expr::Lit(ExprLit {
            attrs: Vec::new(),
            lit,
        }));
    }
    let mut expr = input.parse::<Expr>()?;
    // A literal passed through a `macro_rules!` fragment arrives in an invisible group.
    while let Expr::Group(group) = expr {
        expr = *group.expr;
    }
    Ok(expr)
}

fn spanned<T>(meta: &ParseNestedMeta<'_>, value: T, span: Span) -> Spanned<T> {
    Spanned {
        value,
        key: key_span(meta),
        span,
    }
}

/// The span of the key: its identifier's, without the token walk of `Spanned::span` on a path.
fn key_span(meta: &ParseNestedMeta<'_>) -> Span {
    match meta.path.get_ident() {
        Some(ident) => ident.span(),
        None => meta.path.span(),
    }
}

fn lit_str(
    cx: &Diagnostics,
    meta: &ParseNestedMeta<'_>,
    what: &str,
) -> syn::Result<Option<LitStr>> {
    match value_expr(meta)? {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Ok(Some(s)),
        other => {
            cx.error_spanned_by(
                other,
                format!("expected {what}: `{} = \"...\"`", key_name(meta)),
            );
            Ok(None)
        }
    }
}

fn string(cx: &Diagnostics, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<Spanned<String>>> {
    Ok(lit_str(cx, meta, "a string literal")?.map(|lit| spanned(meta, lit.value(), lit.span())))
}

fn message(cx: &Diagnostics, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<Spanned<LitStr>>> {
    Ok(lit_str(cx, meta, "a string literal")?.map(|lit| {
        let span = lit.span();
        spanned(meta, lit, span)
    }))
}

fn status(cx: &Diagnostics, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<Spanned<u16>>> {
    match value_expr(meta)? {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) if !matches!(int.suffix(), "" | "u16") => {
            cx.error_at(
                int.span(),
                format!(
                    "remove the `{}` suffix: a status is written `status = 404`",
                    int.suffix()
                ),
            );
            Ok(None)
        }
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => match int.base10_parse::<u16>() {
            Ok(n) => Ok(Some(spanned(meta, n, int.span()))),
            Err(_) => {
                cx.error_at(int.span(), "status must be an HTTP error status, 400..=599");
                Ok(None)
            }
        },
        other => {
            cx.error_spanned_by(other, "expected an integer literal: `status = 404`");
            Ok(None)
        }
    }
}

/// `statuses(502, 503, "4XX", ...)`: each an error status (400..=599) or a class (`"4XX"`,
/// `"5XX"`), none twice, none inside a class listed too. Whether the variant has a run-time
/// status, and the declared status listed again, are checked in `check`.
fn statuses(
    cx: &Diagnostics,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<Option<Spanned<StatusList>>> {
    let example = "`statuses(502, 503, 504)`, or a class of statuses: `statuses(\"5XX\")`";
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!("expected the statuses in parentheses: {example}")));
    }
    let key = key_span(meta);
    let content;
    let parens = syn::parenthesized!(content in meta.input);
    let exprs = syn::punctuated::Punctuated::<Expr, Token![,]>::parse_terminated(&content)?;
    let span = parens.span.join();
    if exprs.is_empty() {
        cx.error_at(
            span,
            format!("`statuses()` lists no status: list those the run-time status may take beside the declared one, {example}"),
        );
        return Ok(None);
    }
    let mut ok = true;
    let mut list: StatusList = Vec::new();
    for expr in &exprs {
        let Some(range) = status_range(cx, expr) else {
            ok = false;
            continue;
        };
        let at = expr.span();
        let earlier = list.iter().find(|(listed, _)| {
            *listed == range
                || matches!((listed, range), (StatusRange::Class(_), StatusRange::Exact(s)) if listed.contains(s))
                || matches!((listed, range), (StatusRange::Exact(s), StatusRange::Class(_)) if range.contains(*s))
        });
        match earlier {
            Some((listed, first)) if *listed == range => {
                cx.error_at(at, format!("`{}` is listed twice", range.written()));
                cx.error_at(*first, "first listed here");
                ok = false;
            }
            Some((listed, first)) => {
                let (status, class) = match range {
                    StatusRange::Exact(_) => (range, *listed),
                    StatusRange::Class(_) => (*listed, range),
                };
                cx.error_at(
                    at,
                    format!(
                        "`{}` is in `{}`, listed too: keep one",
                        status.written(),
                        class.written()
                    ),
                );
                cx.error_at(*first, "listed here");
                ok = false;
            }
            None => list.push((range, at)),
        }
    }
    Ok(ok.then_some(Spanned {
        value: list,
        key,
        span,
    }))
}

/// One element of `statuses(...)`, reported when it is not a status or a class.
fn status_range(cx: &Diagnostics, expr: &Expr) -> Option<StatusRange> {
    let expected = "expected an error status (`503`) or a class of them (`\"4XX\"`, `\"5XX\"`)";
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => {
            if !matches!(int.suffix(), "" | "u16") {
                cx.error_at(
                    int.span(),
                    format!(
                        "remove the `{}` suffix: a status is written `503`",
                        int.suffix()
                    ),
                );
                return None;
            }
            match int.base10_parse::<u16>() {
                Ok(n) if (400..=599).contains(&n) => Some(StatusRange::Exact(n)),
                _ => {
                    cx.error_at(
                        int.span(),
                        "a status in `statuses` must be an HTTP error status, 400..=599",
                    );
                    None
                }
            }
        }
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => match s.value().as_str() {
            "4XX" => Some(StatusRange::Class(4)),
            "5XX" => Some(StatusRange::Class(5)),
            other if matches!(other.to_ascii_uppercase().as_str(), "4XX" | "5XX") => {
                cx.error_at(
                    s.span(),
                    format!(
                        "write `\"{}\"`: a class of statuses is written as OpenAPI writes it",
                        other.to_ascii_uppercase()
                    ),
                );
                None
            }
            _ => {
                cx.error_at(s.span(), expected);
                None
            }
        },
        other => {
            cx.error_spanned_by(other, expected);
            None
        }
    }
}

fn code(
    cx: &Diagnostics,
    meta: &ParseNestedMeta<'_>,
    key: &str,
) -> syn::Result<Option<Spanned<Code>>> {
    match value_expr(meta)? {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) if !matches!(int.suffix(), "" | "u32") => {
            cx.error_at(
                int.span(),
                format!(
                    "remove the `{}` suffix: a numeric `{key}` is a u32, written `{key} = 3001`",
                    int.suffix()
                ),
            );
            Ok(None)
        }
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => match int.base10_parse::<u32>() {
            Ok(n) => Ok(Some(spanned(meta, Code::Num(n), int.span()))),
            Err(_) => {
                cx.error_at(
                    int.span(),
                    format!("a numeric `{key}` must fit in a u32 (0..=4294967295)"),
                );
                Ok(None)
            }
        },
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => {
            if s.value().is_empty() {
                cx.error_at(s.span(), format!("`{key}` cannot be empty"));
                return Ok(None);
            }
            Ok(Some(spanned(meta, Code::Str(s.value()), s.span())))
        }
        other => {
            cx.error_spanned_by(
                other,
                format!("expected an integer or string literal: `{key} = 3001` or `{key} = \"not_found\"`"),
            );
            Ok(None)
        }
    }
}

fn style(cx: &Diagnostics, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<Spanned<Style>>> {
    match value_expr(meta)? {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => {
            let name = s.value();
            if let Some(builtin) = Builtin::from_name(&name) {
                return Ok(Some(spanned(meta, Style::Builtin(builtin), s.span())));
            }
            let names: Vec<&str> = Builtin::ALL.iter().map(|(n, _)| *n).collect();
            let hint = match nearest(&name, &names) {
                Some(near) => format!("did you mean `\"{near}\"`?"),
                None => format!(
                    "expected one of {}, or a path to a type implementing `error_contract::Style`",
                    quoted_list(&names)
                ),
            };
            cx.error_at(s.span(), format!("unknown style `\"{name}\"`; {hint}"));
            Ok(None)
        }
        Expr::Path(p) if p.qself.is_none() => {
            let span = p.path.span();
            Ok(Some(spanned(meta, Style::Custom(p.path), span)))
        }
        other => {
            cx.error_spanned_by(
                other,
                "expected a style name (`style = \"problem\"`) or a path to a type implementing `error_contract::Style`",
            );
            Ok(None)
        }
    }
}

/// `grpc = "not_found"`: a gRPC error code by its key (`code.proto`'s name in snake case).
fn grpc(cx: &Diagnostics, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<Spanned<u8>>> {
    let Some(lit) = lit_str(cx, meta, "a gRPC code name")? else {
        return Ok(None);
    };
    let name = lit.value();
    if let Some(code) = error_contract_wire::grpc::from_key(&name) {
        return Ok(Some(spanned(meta, code, lit.span())));
    }
    let keys: Vec<&str> = error_contract_wire::grpc::CODES
        .iter()
        .map(|(_, _, key)| *key)
        .collect();
    let lower = name.to_ascii_lowercase();
    let message = if lower == "ok" {
        "`\"ok\"` is not an error: a variant's gRPC code is one of the error codes".to_owned()
    } else if let Some(key) = error_contract_wire::grpc::from_key(&lower).and_then(|code| {
        keys.iter()
            .find(|k| error_contract_wire::grpc::from_key(k) == Some(code))
    }) {
        format!("gRPC codes are written in snake case: `\"{key}\"`")
    } else {
        match nearest(&name, &keys) {
            Some(near) => format!("unknown gRPC code `\"{name}\"`; did you mean `\"{near}\"`?"),
            None => format!(
                "unknown gRPC code `\"{name}\"`; expected one of {}",
                quoted_list(&keys)
            ),
        }
    };
    cx.error_at(lit.span(), message);
    Ok(None)
}

fn rename_all(cx: &Diagnostics, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<Spanned<Case>>> {
    let Some(lit) = lit_str(cx, meta, "a case name")? else {
        return Ok(None);
    };
    let name = lit.value();
    if let Some(case) = Case::from_name(&name) {
        return Ok(Some(spanned(meta, case, lit.span())));
    }
    let names: Vec<&str> = Case::NAMES.iter().map(|(n, _)| *n).collect();
    let hint = match nearest(&name, &names) {
        Some(near) => format!("did you mean `\"{near}\"`?"),
        None => format!("expected one of {}", quoted_list(&names)),
    };
    cx.error_at(lit.span(), format!("unknown case `\"{name}\"`; {hint}"));
    Ok(None)
}

fn crate_path(
    cx: &Diagnostics,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<Option<Spanned<syn::Path>>> {
    let Some(lit) = lit_str(cx, meta, "a path in a string")? else {
        return Ok(None);
    };
    match lit.parse::<syn::Path>() {
        Ok(path) => Ok(Some(spanned(meta, path, lit.span()))),
        Err(_) => {
            cx.error_at(
                lit.span(),
                "expected a path: `crate = \"my_errors::contract\"`",
            );
            Ok(None)
        }
    }
}

/// `catch = "kind"` or `catch("kind", ...)`: names checked against the kinds, each reported on
/// its own literal; a name given twice in one list is reported too.
fn catch(cx: &Diagnostics, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<Spanned<Catches>>> {
    let what = "the name of a failure as a string literal: `catch = \"unknown_route\"`";
    let Some(list) = names(cx, meta, what)? else {
        return Err(meta.error(
            "expected `catch = \"unknown_route\"` or `catch(\"json_syntax\", \"json_data\")`",
        ));
    };
    if list.value.is_empty() && list.ok {
        cx.error_at(
            list.span,
            format!(
                "`catch` needs at least one kind of failure: one of {}",
                quoted_list(&Kind::names())
            ),
        );
        return Ok(None);
    }
    let mut ok = list.ok && !list.value.is_empty();
    let mut kinds: Catches = Vec::new();
    for s in &list.value {
        let name = s.value();
        match Kind::from_name(&name) {
            Some(kind) => kinds.push((kind, s.span())),
            None => {
                let names = Kind::names();
                let hint = match nearest(&name, &names) {
                    Some(near) => format!("did you mean `\"{near}\"`?"),
                    None => format!("expected one of {}", quoted_list(&names)),
                };
                cx.error_at(s.span(), format!("unknown failure `\"{name}\"`; {hint}"));
                ok = false;
            }
        }
    }
    Ok(ok.then_some(Spanned {
        value: kinds,
        key: list.key,
        span: list.span,
    }))
}

/// `validate` (the flag), `validate = "rule"` or `validate("rule", ...)`: each name a string
/// literal, not empty, not listed twice, and not one edit or two away from a rule the
/// validators name (a typo would never match).
fn validate(cx: &Diagnostics, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<Spanned<Rules>>> {
    let what = "the name of a validation rule as a string literal: `validate = \"length\"`";
    let Some(list) = names(cx, meta, what)? else {
        let key = key_span(meta);
        return Ok(Some(Spanned {
            value: Vec::new(),
            key,
            span: key,
        }));
    };
    if list.value.is_empty() && list.ok {
        cx.error_at(
            list.span,
            "`validate()` names no rule: name the rules this variant answers (`validate(\"length\", \"range\")`), or write the flag `validate` for every rule no other variant names",
        );
        return Ok(None);
    }
    let mut ok = list.ok && !list.value.is_empty();
    let mut rules: Rules = Vec::new();
    for s in &list.value {
        let name = s.value();
        if name.is_empty() {
            cx.error_at(s.span(), "a validation rule's name cannot be empty");
            ok = false;
        } else if let Some(near) =
            nearest(&name, failure::RULES).filter(|_| !failure::RULES.contains(&name.as_str()))
        {
            cx.error_at(
                s.span(),
                format!("unknown validation rule `\"{name}\"`; did you mean `\"{near}\"`? (a rule of your own needs a name further from the validators' rules)"),
            );
            ok = false;
        } else {
            rules.push((name, s.span()));
        }
    }
    Ok(ok.then_some(Spanned {
        value: rules,
        key: list.key,
        span: list.span,
    }))
}

/// The string literals of `key = "a"` or `key("a", "b")`, with the key's span and the value's;
/// `None` for a bare `key`. A value that is not a string literal is reported (`what` says what to
/// write), and so is a name listed twice (on the second); both are left out, and `ok` says
/// whether any was.
fn names(
    cx: &Diagnostics,
    meta: &ParseNestedMeta<'_>,
    what: &str,
) -> syn::Result<Option<NameList>> {
    let key = key_span(meta);
    let (exprs, span) = if meta.input.peek(syn::token::Paren) {
        let content;
        let parens = syn::parenthesized!(content in meta.input);
        let exprs = syn::punctuated::Punctuated::<Expr, Token![,]>::parse_terminated(&content)?;
        (exprs.into_iter().collect::<Vec<_>>(), parens.span.join())
    } else if meta.input.peek(Token![=]) {
        let expr = value_expr(meta)?;
        let span = expr.span();
        (vec![expr], span)
    } else {
        return Ok(None);
    };
    let mut list = NameList {
        value: Vec::new(),
        key,
        span,
        ok: true,
    };
    for expr in exprs {
        let Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) = &expr
        else {
            cx.error_spanned_by(&expr, format!("expected {what}"));
            list.ok = false;
            continue;
        };
        if let Some(first) = list.value.iter().find(|f| f.value() == s.value()) {
            cx.error_at(s.span(), format!("`\"{}\"` is listed twice", s.value()));
            cx.error_at(first.span(), "first listed here");
            list.ok = false;
            continue;
        }
        list.value.push(s.clone());
    }
    Ok(Some(list))
}

/// The names of a `catch` or `validate` list (see [`names`]).
struct NameList {
    value: Vec<LitStr>,
    key: Span,
    span: Span,
    ok: bool,
}

/// `headers("Name" = "value", ...)`: each pair two string literals; a name given twice in the
/// list (names are case-insensitive) is reported on the second. Names and values are checked in
/// `check`; a value is parsed here as a template, its syntax errors reported on the literal.
fn headers(
    cx: &Diagnostics,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<Option<Spanned<Vec<FixedHeader>>>> {
    let (pairs, span) = pairs(meta, "headers(\"Name\" = \"value\", ...)")?;
    if pairs.is_empty() {
        cx.error_at(
            span,
            "`headers()` lists no header; expected `headers(\"Name\" = \"value\", ...)`",
        );
        return Ok(None);
    }
    let mut list: Vec<FixedHeader> = Vec::new();
    let mut ok = true;
    for (name_text, name_span, value) in pairs {
        let Expr::Lit(ExprLit {
            lit: Lit::Str(value),
            ..
        }) = value
        else {
            cx.error_spanned_by(
                &value,
                format!(
                    "expected the header's value as a string literal: `\"{name_text}\" = \"...\"`"
                ),
            );
            ok = false;
            continue;
        };
        if let Some(first) = list
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(&name_text))
        {
            cx.error_at(
                name_span,
                format!("header `{name_text}` is listed twice (header names are case-insensitive)"),
            );
            cx.error_at(first.name_span, "first listed here");
            ok = false;
            continue;
        }
        let template = match crate::message::parse_in(&value.value(), "header value") {
            Ok(template) => Some(template),
            Err(message) => {
                cx.error_at(value.span(), message);
                ok = false;
                None
            }
        };
        list.push(FixedHeader {
            name: name_text,
            name_span,
            value,
            template,
        });
    }
    Ok(ok.then(|| Spanned {
        value: list,
        key: key_span(meta),
        span,
    }))
}

/// `fact = "pointer"`, checked against the facts a failure carries.
fn fact(
    cx: &Diagnostics,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<Option<Spanned<&'static str>>> {
    let Some(lit) = lit_str(cx, meta, "the name of a fact")? else {
        return Ok(None);
    };
    let name = lit.value();
    if let Some(&(known, _)) = failure::DETAILS.iter().find(|(n, _)| *n == name) {
        return Ok(Some(spanned(meta, known, lit.span())));
    }
    let names = failure::fact_names();
    let hint = match nearest(&name, &names) {
        Some(near) => format!("did you mean `\"{near}\"`?"),
        None => format!("expected one of {}", quoted_list(&names)),
    };
    cx.error_at(lit.span(), format!("unknown fact `\"{name}\"`; {hint}"));
    Ok(None)
}

/// `example = "text"`, `example = 42`, `example = -1.5`, `example = true`; the field's type is
/// compared with it in `check`.
fn example(cx: &Diagnostics, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<Spanned<Literal>>> {
    let expr = value_expr(meta)?;
    let span = expr.span();
    Ok(literal(cx, &expr, "example").map(|value| spanned(meta, value, span)))
}

/// A JSON literal: a string, integer, float (maybe negated) or bool; anything else is reported
/// on its tokens, with `key` in the examples of what to write.
fn literal(cx: &Diagnostics, expr: &Expr, key: &str) -> Option<Literal> {
    let span = expr.span();
    let (negative, lit) = match expr {
        Expr::Lit(ExprLit { lit, .. }) => (false, Some(lit)),
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr: inner,
            ..
        }) => match &**inner {
            Expr::Lit(ExprLit {
                lit: lit @ (Lit::Int(_) | Lit::Float(_)),
                ..
            }) => (true, Some(lit)),
            _ => (false, None),
        },
        _ => (false, None),
    };
    let sign = if negative { "-" } else { "" };
    let value = match lit {
        Some(Lit::Str(s)) => Literal::Str(s.value()),
        Some(Lit::Int(int)) => Literal::Int(format!("{sign}{}", int.base10_digits())),
        Some(Lit::Float(float)) => match float.base10_digits().parse::<f64>() {
            // As JSON writes it: `1.` is `1.0`.
            Ok(n) if n.is_finite() => Literal::Float(format!(
                "{sign}{}{}",
                float.base10_digits(),
                if float.base10_digits().ends_with('.') {
                    "0"
                } else {
                    ""
                }
            )),
            _ => {
                cx.error_at(
                    span,
                    format!("a `{key}` number must be finite: JSON has no infinity"),
                );
                return None;
            }
        },
        Some(Lit::Bool(b)) => Literal::Bool(b.value),
        Some(Lit::Char(c)) => {
            let text = format!("{:?}", c.value().to_string());
            cx.error_at(
                span,
                format!("write a character as a string, as JSON does: `{key} = {text}`"),
            );
            return None;
        }
        _ => {
            cx.error_spanned_by(
                expr,
                format!("expected a string, integer, float or bool literal: `{key} = \"text\"`, `{key} = 42`, `{key} = 0.5`, `{key} = true`"),
            );
            return None;
        }
    };
    Some(value)
}

/// The `key = value` pairs of a list, each key with its span.
type Pairs = Vec<(String, Span, Expr)>;

/// The `key = value, ...` pairs of a list key (`constants(...)`, `rename_members(...)`): a key is
/// an identifier (keywords too: `type`) or a string literal (`"request-id"`), with its span.
fn pairs(meta: &ParseNestedMeta<'_>, example: &str) -> syn::Result<(Pairs, Span)> {
    use syn::ext::IdentExt as _;
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!("expected `{example}`")));
    }
    let content;
    let parens = syn::parenthesized!(content in meta.input);
    let mut pairs = Vec::new();
    while !content.is_empty() {
        let (name, span) = if content.peek(LitStr) {
            let lit: LitStr = content.parse()?;
            (lit.value(), lit.span())
        } else {
            let ident = content.call(syn::Ident::parse_any)?;
            (unraw(&ident), ident.span())
        };
        if !content.peek(Token![=]) {
            return Err(content.error(format!(
                "expected `=` and a value after `{name}`: `{example}`"
            )));
        }
        content.parse::<Token![=]>()?;
        let mut value: Expr = content.parse()?;
        while let Expr::Group(group) = value {
            value = *group.expr;
        }
        pairs.push((name, span, value));
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok((pairs, parens.span.join()))
}

/// Reports `name` given twice in one list; whether it was new.
fn first_time(cx: &Diagnostics, seen: &mut Vec<(String, Span)>, name: &str, span: Span) -> bool {
    if let Some((_, first)) = seen.iter().find(|(n, _)| n == name) {
        cx.error_at(span, format!("`{name}` is given twice"));
        cx.error_at(*first, "first given here");
        return false;
    }
    seen.push((name.to_owned(), span));
    true
}

/// `constants(key = literal, ...)`: constant members; a string may hold `{code}`.
fn constants(
    cx: &Diagnostics,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<Option<Spanned<Vec<ConstantAttr>>>> {
    let (pairs, span) = pairs(meta, "constants(name = \"value\", ...)")?;
    let mut seen = Vec::new();
    let mut members = Vec::new();
    let mut ok = true;
    for (name, name_span, expr) in pairs {
        if name.is_empty() {
            cx.error_at(name_span, "a constant member needs a name");
            ok = false;
            continue;
        }
        ok &= first_time(cx, &mut seen, &name, name_span);
        match literal(cx, &expr, &name) {
            Some(value) => members.push(ConstantAttr {
                name,
                name_span,
                value,
            }),
            None => ok = false,
        }
    }
    Ok(ok.then(|| spanned(meta, members, span)))
}

/// `rename_members(role = "name", ...)`: the roles a built-in style lets rename.
fn rename_members(
    cx: &Diagnostics,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<Option<Spanned<Vec<Renamed>>>> {
    let (pairs, span) = pairs(meta, "rename_members(code = \"errorCode\", ...)")?;
    let mut seen = Vec::new();
    let mut renamed = Vec::new();
    let mut ok = true;
    for (name, role_span, expr) in pairs {
        let Some(role) = renamable_role(cx, &name, role_span) else {
            ok = false;
            continue;
        };
        ok &= first_time(cx, &mut seen, &name, role_span);
        let Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) = &expr
        else {
            cx.error_spanned_by(
                &expr,
                format!("expected the member's new name as a string literal: `{name} = \"...\"`"),
            );
            ok = false;
            continue;
        };
        if lit.value().is_empty() {
            cx.error_at(
                lit.span(),
                "a member needs a name; to leave one out, use `skip_members(...)`",
            );
            ok = false;
            continue;
        }
        renamed.push(Renamed {
            role,
            role_span,
            name: lit.value(),
        });
    }
    Ok(ok.then(|| spanned(meta, renamed, span)))
}

/// The role `name` names in `rename_members`, reported when no built-in style lets rename it.
fn renamable_role(cx: &Diagnostics, name: &str, span: Span) -> Option<Role> {
    let renamable: Vec<&str> = Role::ALL
        .iter()
        .filter(|role| Builtin::ALL.iter().any(|(_, style)| style.renames(**role)))
        .map(|role| role.name())
        .collect();
    match Role::from_name(name) {
        Some(role) if renamable.contains(&role.name()) => Some(role),
        Some(_) => {
            cx.error_at(span, format!("RFC 9457 names the problem member `{name}`; it cannot be renamed. Members that can: {}", list(&renamable)));
            None
        }
        None => {
            let hint = match nearest(name, &renamable) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("expected one of {}", list(&renamable)),
            };
            cx.error_at(span, format!("unknown member `{name}`; {hint}"));
            None
        }
    }
}

/// `skip_members(code, status)`: problem members left out.
fn skip_members(
    cx: &Diagnostics,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<Option<Spanned<Skipped>>> {
    use syn::ext::IdentExt as _;
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error("expected `skip_members(code, status)`"));
    }
    let content;
    let parens = syn::parenthesized!(content in meta.input);
    let idents = syn::punctuated::Punctuated::<syn::Ident, Token![,]>::parse_terminated_with(
        &content,
        syn::Ident::parse_any,
    )?;
    let skippable: Vec<&str> = Role::ALL
        .iter()
        .filter(|role| Builtin::ALL.iter().any(|(_, style)| style.skips(**role)))
        .map(|role| role.name())
        .collect();
    let mut seen = Vec::new();
    let mut roles = Vec::new();
    let mut ok = true;
    for ident in idents {
        let name = ident.to_string();
        match Role::from_name(&name).filter(|role| skippable.contains(&role.name())) {
            Some(role) => {
                ok &= first_time(cx, &mut seen, &name, ident.span());
                roles.push((role, ident.span()));
            }
            None => {
                let hint = match nearest(&name, &skippable) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!(
                        "only the problem style leaves members out: {}",
                        list(&skippable)
                    ),
                };
                cx.error_at(ident.span(), format!("`{name}` cannot be left out; {hint}"));
                ok = false;
            }
        }
    }
    Ok(ok.then(|| spanned(meta, roles, parens.span.join())))
}

#[cfg(test)]
mod tests {
    use super::{distance, nearest, str_value};

    #[test]
    fn string_values_as_syn_reads_them() {
        for source in [
            r#""plain text""#,
            r#""""#,
            r#""tab\tand \"quotes\" and \u{e9}""#,
            r#"r"raw \n""#,
            r#""suffixed"x"#,
            "\"caf\u{e9} {id}\"",
        ] {
            let lit: syn::LitStr = syn::parse_str(source).unwrap();
            assert_eq!(str_value(&lit), lit.value(), "{source}");
        }
    }

    #[test]
    fn a_swap_of_two_neighbours_is_one_edit() {
        assert_eq!(distance("stlye", "style"), 1);
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        // Optimal string alignment, not Damerau-Levenshtein: no edit of a swapped pair.
        assert_eq!(distance("ca", "abc"), 3);
    }

    #[test]
    fn nearest_keys() {
        let keys = ["style", "rename_all", "type_base", "decode", "crate"];
        assert_eq!(nearest("stlye", &keys), Some("style"));
        assert_eq!(nearest("Style", &keys), Some("style"));
        assert_eq!(nearest("severity", &keys), None);
    }
}
