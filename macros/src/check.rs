//! The checks that span the IR: one small function each, all run, all errors collected.

use crate::ast::{Container, Field, Variant, option_inner, type_text};
use crate::attr::FieldAttrs;
use crate::attr::Style;
use crate::code::Code;
use crate::diagnostics::Diagnostics;
use crate::field_type::FieldType;
use crate::message::ArgRef;
use error_contract_wire::{Builtin, Role};
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub(crate) fn check(cx: &Diagnostics, cont: &Container<'_>) {
    decode(cx, cont);
    member_names(cx, cont);
    enum_headers(cx, cont);
    for variant in &cont.variants {
        status_given_in_range(cx, variant);
        transparent(cx, variant);
        default_message(cx, variant);
        member_keys(cx, cont, variant);
        instance_field(cx, cont, variant);
        message_fields(cx, variant);
        server_message_hides_source(cx, variant);
        exposed_fields(cx, variant);
        headers(cx, variant);
        variant_headers(cx, variant);
        from_alone(cx, variant);
        one_source(cx, variant);
        status_field(cx, variant);
        message_field(cx, variant);
        catch_fields(cx, variant);
        examples(cx, variant);
    }
    catches_unique(cx, cont);
    validates_unique(cx, cont);
    from_types_unique(cx, cont);
    unique_codes(cx, cont);
    code_kinds(cx, cont);
    dto_numeric(cx, cont);
    parents(cx, cont);
    // Last: it speaks only when nothing else was reported.
    status_catches(cx, cont);
}

/// `other` and `default` only mean something with `decode`; with it, every field must be
/// readable from a response.
fn decode(cx: &Diagnostics, cont: &Container<'_>) {
    let decode = cont.attrs.decode.is_some();
    let mut first_other: Option<proc_macro2::Span> = None;
    for variant in &cont.variants {
        if let Some(span) = variant.attrs.other {
            if !decode {
                cx.error_at(
                    span,
                    "`other` is the decoding fallback: add `#[api_error(decode)]` to the enum",
                );
            }
            if let Some(first) = first_other {
                cx.error_at(
                    span,
                    "duplicate `other` variant: one variant takes every unknown code",
                );
                cx.error_at(first, "first `other` here");
            } else {
                first_other = Some(span);
            }
            if let [field] = variant.fields.as_slice() {
                let is_unknown = match field.ty() {
                    syn::Type::Path(p) => {
                        p.path.segments.last().is_some_and(|s| s.ident == "Unknown")
                    }
                    _ => false,
                };
                if !is_unknown {
                    cx.error_spanned_by(
                        field.ty(),
                        "the `other` variant holds the response it could not decode: its field must be `error_contract::Unknown`",
                    );
                }
            }
            delegates_to_one_field(
                cx,
                variant,
                span,
                "other",
                "of type `error_contract::Unknown`",
                "the unknown response gives it",
            );
        }
        for field in &variant.fields {
            if let Some(span) = field.attrs.default {
                if !decode
                    && variant.attrs.catch_written.is_none()
                    && variant.attrs.validate_written.is_none()
                {
                    cx.error_at(
                        span,
                        "`default` only applies with `#[api_error(decode)]` on the enum, or in a variant with `catch` or `validate`",
                    );
                }
            }
        }
        if decode && !variant.delegates() {
            for field in &variant.fields {
                let a = &field.attrs;
                let is_source = a.source.is_some() || a.from.is_some();
                if is_source {
                    decoded_source(cx, variant, field);
                    continue;
                }
                if a.expose.is_none()
                    && a.instance.is_none()
                    && a.default.is_none()
                    && a.status.is_none()
                    && a.header.is_none()
                    && a.message.is_none()
                {
                    cx.error_at(
                        field.span(),
                        format!(
                            "with `decode`, `{}` cannot be read back from a response: expose it, or mark it `#[api_error(default)]`",
                            field.name()
                        ),
                    );
                }
            }
        }
    }
}

/// A source never travels, so a decoded error has none: an `Option` source decodes as `None`, a
/// `default` one as its default; any other is refused, with what to write.
fn decoded_source(cx: &Diagnostics, variant: &Variant<'_>, field: &Field<'_>) {
    let a = &field.attrs;
    if a.default.is_some() || a.expose.is_some() || option_inner(field.ty()).is_some() {
        return;
    }
    let ty = type_text(field.ty());
    let attribute = if a.from.is_some() {
        "#[from]"
    } else {
        "#[source]"
    };
    let from = if a.from.is_some() {
        format!("; `#[from]` still gives `From<{ty}>`")
    } else {
        String::new()
    };
    let name = match &field.original.ident {
        Some(_) => format!("the source `{}`", field.name()),
        None => "the source".to_owned(),
    };
    cx.error_spanned_by(
        field.ty(),
        format!(
            "with `decode`, {name} of `{}` is not in a response (a source stays on the server): write `{attribute} Option<{ty}>`, decoded as `None`{from}; or mark it `#[api_error(default)]`",
            variant.ident
        ),
    );
}

fn status_given_in_range(cx: &Diagnostics, variant: &Variant<'_>) {
    match &variant.attrs.status {
        Some(status) if !(400..=599).contains(&status.value) => {
            cx.error_at(
                status.span,
                "status must be an HTTP error status, 400..=599",
            );
        }
        Some(_) => {}
        None if variant.is_transparent()
            || variant.attrs.other.is_some()
            || variant.attrs.status_written
            || variant.attrs.broken => {}
        None => cx.error_at(
            variant.span(),
            format!(
                "missing `status` for `{}`: add `#[api_error(status = 404, ...)]`",
                variant.ident
            ),
        ),
    }
}

fn transparent(cx: &Diagnostics, variant: &Variant<'_>) {
    let Some(span) = variant.attrs.transparent else {
        return;
    };
    delegates_to_one_field(
        cx,
        variant,
        span,
        "transparent",
        "(the error it delegates to)",
        "the wrapped error gives it",
    );
}

/// A variant that delegates (`transparent`, `other`) has exactly one field and none of the keys
/// that what it delegates to gives.
fn delegates_to_one_field(
    cx: &Diagnostics,
    variant: &Variant<'_>,
    span: proc_macro2::Span,
    flag: &str,
    field: &str,
    gives: &str,
) {
    if variant.fields.len() != 1 {
        cx.error_at(
            span,
            format!(
                "`{flag}` needs exactly one field {field}; `{}` has {}",
                variant.ident,
                variant.fields.len()
            ),
        );
    }
    let a = &variant.attrs;
    let keys = [
        ("status", a.status.as_ref().map(|s| s.key)),
        ("code", a.code.as_ref().map(|s| s.key)),
        ("message", a.message.as_ref().map(|s| s.key)),
        ("title", a.title.as_ref().map(|s| s.key)),
        ("parent", a.parent.as_ref().map(|s| s.key)),
        ("style", a.style.as_ref().map(|s| s.key)),
        ("headers", a.headers.as_ref().map(|s| s.key)),
        ("statuses", a.statuses.as_ref().map(|s| s.key)),
        ("grpc", a.grpc.as_ref().map(|s| s.key)),
        // Both flags together are reported once, by the `transparent` check.
        ("other", a.other.filter(|_| flag == "transparent")),
    ];
    let fields = variant.fields.iter().map(|f| ("message", f.attrs.message));
    for (key, key_span) in keys.into_iter().chain(fields) {
        if let Some(key_span) = key_span {
            cx.error_at(
                key_span,
                format!("`{key}` cannot be combined with `{flag}`: {gives}"),
            );
        }
    }
}

/// Without a `message`, the reason phrase is the message; an unregistered status has none.
fn default_message(cx: &Diagnostics, variant: &Variant<'_>) {
    if variant.attrs.message.is_some() || variant.delegates() {
        return;
    }
    if let Some(status) = &variant.attrs.status {
        if (400..=599).contains(&status.value)
            && error_contract_wire::reason::phrase(status.value).is_none()
        {
            cx.error_at(
                status.span,
                format!(
                    "status {} has no registered reason phrase to use as the message; add `message = \"...\"`",
                    status.value
                ),
            );
        }
    }
}

/// `rename_members` and `skip_members` name members some variant's style writes, and keep two
/// members of one style apart; `skip_members(code)` with `decode` needs the `type` to match by.
fn member_names(cx: &Diagnostics, cont: &Container<'_>) {
    let styles: Vec<Builtin> = cont
        .variants
        .iter()
        .filter_map(|v| match v.style(&cont.attrs) {
            Style::Builtin(style) => Some(style),
            Style::Custom(_) => None,
        })
        .collect();
    let used = |role: Role, applies: fn(Builtin, Role) -> bool| {
        cont.variants.is_empty() || styles.iter().any(|s| applies(*s, role))
    };
    let names = cont.attrs.names();
    for renamed in cont.attrs.rename_members.iter().flat_map(|r| &r.value) {
        if !used(renamed.role, Builtin::renames) {
            let writers: Vec<&str> = Builtin::ALL
                .iter()
                .filter(|(_, s)| s.renames(renamed.role))
                .map(|(name, _)| *name)
                .collect();
            let writers = match writers.split_last() {
                Some((last, [])) => format!("\"{last}\""),
                Some((last, rest)) => format!("\"{}\" and \"{last}\"", rest.join("\", \"")),
                None => String::new(),
            };
            cx.error_at(
                renamed.role_span,
                format!(
                    "no variant's style writes the `{}` member this renames (the {writers} styles do)",
                    renamed.role.name(),
                ),
            );
        }
    }
    for style in &styles {
        let code = style.code_name(&names);
        if code.is_some() && code == Some(style.message_name(&names)) {
            let span = cont
                .attrs
                .rename_members
                .as_ref()
                .map_or_else(proc_macro2::Span::call_site, |r| r.span);
            cx.error_at(
                span,
                format!(
                    "the code and the message of the `{}` style would both be named `{}`",
                    style.name(),
                    style.message_name(&names)
                ),
            );
            break;
        }
    }
    for (role, span) in cont.attrs.skip_members.iter().flat_map(|s| &s.value) {
        if !used(*role, Builtin::skips) {
            cx.error_at(
                *span,
                format!(
                    "only the problem style leaves out `{}`, and no variant uses it",
                    role.name()
                ),
            );
        } else if *role == Role::Code
            && cont.attrs.decode.is_some()
            && cont.attrs.type_base.is_none()
        {
            cx.error_at(*span, "without `code`, decoding tells problems apart by their `type`: set `type_base` on the enum");
        }
    }
}

/// A constant member, or an exposed field, may not take a key the variant's style writes
/// itself; nor may an exposed field take a constant member's key.
fn member_keys(cx: &Diagnostics, cont: &Container<'_>, variant: &Variant<'_>) {
    let names = cont.attrs.names();
    let own: Vec<(&str, Role)> = match variant.style(&cont.attrs) {
        Style::Builtin(style) => style.own_members(&names).collect(),
        Style::Custom(_) => Vec::new(),
    };
    let style_name = match variant.style(&cont.attrs) {
        Style::Builtin(style) => style.name().to_owned(),
        Style::Custom(path) => quote::ToTokens::to_token_stream(path).to_string(),
    };
    let owner = |key: &str| {
        own.iter().find(|(name, _)| *name == key).map(|(_, role)| {
            format!(
                "`{key}` is a member the \"{style_name}\" style writes itself (the {}); choose another key",
                match role {
                    Role::Envelope => "envelope",
                    Role::Code => "code",
                    Role::Message => "message",
                    Role::Type => "problem type",
                    Role::Title => "problem title",
                    Role::Status => "status",
                    Role::Instance => "problem instance; mark a field `instance` to fill it",
                }
            )
        })
    };
    let constants: Vec<(String, proc_macro2::Span)> = variant
        .constants(&cont.attrs)
        .into_iter()
        .map(|(name, _, span)| (name, span))
        .collect();
    for (key, span) in &constants {
        if let Some(message) = owner(key) {
            cx.error_at(*span, message);
        }
    }
    for field in variant.exposed() {
        if field.attrs.instance.is_some() {
            continue;
        }
        let key = field.key();
        let span = field.attrs.rename.as_ref().map_or(field.span(), |r| r.span);
        if let Some(message) = owner(&key) {
            cx.error_at(span, message);
        } else if let Some((_, member)) = constants.iter().find(|(name, _)| *name == key) {
            cx.error_at(
                span,
                format!("`{key}` is a constant member of this variant's body; choose another key"),
            );
            cx.error_at(*member, "the member is declared here");
        }
    }
}

/// `instance` marks one field of a problem variant, and is the field's only role in the body.
fn instance_field(cx: &Diagnostics, cont: &Container<'_>, variant: &Variant<'_>) {
    let mut first: Option<proc_macro2::Span> = None;
    for field in &variant.fields {
        let Some(span) = field.attrs.instance else {
            continue;
        };
        if let Some(first) = first {
            cx.error_at(span, "duplicate `instance` field");
            cx.error_at(first, "first used here");
            continue;
        }
        first = Some(span);
        if !matches!(variant.style(&cont.attrs), Style::Builtin(Builtin::Problem)) {
            cx.error_at(span, "`instance` is a member of RFC 9457 problem details: this variant's style is not \"problem\"");
        }
        let a = &field.attrs;
        for (other, key) in [
            (a.expose, "expose"),
            (a.rename.as_ref().map(|r| r.key), "rename"),
            (a.header.as_ref().map(|h| h.key), "header"),
            (a.status, "status"),
            (a.source, "source"),
            (a.from, "from"),
        ] {
            if let Some(other) = other {
                cx.error_at(other, format!("`{key}` cannot go with `instance`: the field is the problem's `instance` member"));
            }
        }
    }
}

/// Every placeholder names a field of the variant.
fn message_fields(cx: &Diagnostics, variant: &Variant<'_>) {
    let (Some(template), Some(lit)) = (&variant.template, &variant.attrs.message) else {
        return;
    };
    for arg in &template.args {
        if find_field(variant, arg).is_none() {
            cx.error_at(lit.span, unknown_field(variant, arg));
        }
    }
}

/// Why a template's `{arg}` names no field of `variant`, with a "did you mean".
fn unknown_field(variant: &Variant<'_>, arg: &ArgRef) -> String {
    match arg {
        ArgRef::Index(i) if variant.fields.iter().all(|f| f.original.ident.is_none()) => {
            format!(
                "`{{{i}}}` is out of range: `{}` has {} field{}",
                variant.ident,
                variant.fields.len(),
                if variant.fields.len() == 1 { "" } else { "s" }
            )
        }
        ArgRef::Index(i) => format!(
            "`{{{i}}}`: `{}` has named fields; use a field name",
            variant.ident
        ),
        ArgRef::Named(name) => {
            let names: Vec<String> = variant.fields.iter().map(Field::name).collect();
            let known: Vec<&str> = names.iter().map(String::as_str).collect();
            let mut m = format!("`{{{name}}}` is not a field of `{}`", variant.ident);
            if let Some(near) = crate::attr::nearest(name, &known) {
                let _ = write!(m, "; did you mean `{{{near}}}`?");
            } else if known.is_empty() {
                m.push_str("; it has no fields");
            } else {
                let fields: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                let _ = write!(m, "; its fields are {}", fields.join(", "));
            }
            m
        }
    }
}

pub(crate) fn find_field<'v, 'a>(variant: &'v Variant<'a>, arg: &ArgRef) -> Option<&'v Field<'a>> {
    variant.fields.iter().find(|f| match arg {
        ArgRef::Named(name) => f.original.ident.is_some() && f.name() == *name,
        ArgRef::Index(i) => f.original.ident.is_none() && f.index == *i,
    })
}

/// A 5xx message that shows a source would send the internal cause to the client.
fn server_message_hides_source(cx: &Diagnostics, variant: &Variant<'_>) {
    let (Some(template), Some(lit)) = (&variant.template, &variant.attrs.message) else {
        return;
    };
    if variant.status() < 500 {
        return;
    }
    for arg in &template.args {
        if let Some(field) = find_field(variant, arg) {
            if field.attrs.source.is_some() || field.attrs.from.is_some() {
                cx.error_at(
                    lit.span,
                    format!(
                        "a 5xx message must not show the source `{}`: it would send the internal cause to the client (it is logged through `source()` instead)",
                        field.name()
                    ),
                );
            }
        }
    }
}

fn exposed_fields(cx: &Diagnostics, variant: &Variant<'_>) {
    let mut keys: BTreeMap<String, proc_macro2::Span> = BTreeMap::new();
    for field in &variant.fields {
        let a = &field.attrs;
        if let (Some(rename), None) = (&a.rename, a.expose) {
            cx.error_at(
                rename.key,
                "`rename` only applies to an exposed field: add `expose`",
            );
        }
        if let (Some(schema), None) = (a.schema, a.expose) {
            cx.error_at(
                schema,
                "`schema` types an exposed field in the OpenAPI output: add `expose`",
            );
        }
        let Some(expose) = a.expose else { continue };
        if field.original.ident.is_none() && a.rename.is_none() {
            cx.error_at(
                expose,
                "an exposed tuple field needs a key: `#[api_error(expose, rename = \"key\")]`",
            );
            continue;
        }
        let key = field.key();
        let span = a.rename.as_ref().map_or(field.span(), |r| r.span);
        if let Some(first) = keys.get(&key) {
            cx.error_at(span, format!("duplicate exposed key `{key}`"));
            cx.error_at(*first, "first used here");
        } else {
            keys.insert(key, span);
        }
    }
}

/// The names of header fields are valid.
fn headers(cx: &Diagnostics, variant: &Variant<'_>) {
    for field in &variant.fields {
        if let Some(header) = &field.attrs.header {
            header_name(cx, &header.value, header.span);
        }
    }
}

/// RFC 9110 field names are tokens.
fn header_name(cx: &Diagnostics, name: &str, span: proc_macro2::Span) {
    let is_tchar = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if name.is_empty() || !name.bytes().all(is_tchar) {
        cx.error_at(
            span,
            format!(
                "`{name}` is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)"
            ),
        );
    }
}

/// A literal header value holds visible ASCII, spaces and tabs: a CR, LF or NUL would split or
/// corrupt the response, and `http` refuses other control characters.
fn header_value(cx: &Diagnostics, value: &syn::LitStr) {
    let text = value.value();
    if let Some(bad) = text
        .chars()
        .find(|&c| c != '\t' && !(' '..='~').contains(&c))
    {
        cx.error_at(
            value.span(),
            format!(
                "a header value holds visible ASCII characters, spaces and tabs only, not `{}`",
                bad.escape_default()
            ),
        );
    }
}

/// The enum's `headers`: valid names and values; a template uses `{code}` and `{message}` only,
/// since every variant sends it.
fn enum_headers(cx: &Diagnostics, cont: &Container<'_>) {
    let Some(list) = &cont.attrs.headers else {
        return;
    };
    for header in &list.value {
        header_name(cx, &header.name, header.name_span);
        header_value(cx, &header.value);
        let Some(template) = &header.template else {
            continue;
        };
        for arg in template.args.iter().filter(|a| !is_error_part(a)) {
            let shown = match arg {
                ArgRef::Named(name) => name.clone(),
                ArgRef::Index(i) => i.to_string(),
            };
            cx.error_at(
                header.value.span(),
                format!(
                    "`{{{shown}}}`: a header of the enum is sent by every variant, so it can use `{{code}}` and `{{message}}` only; name fields in a variant's `headers`"
                ),
            );
        }
    }
}

/// `{code}` and `{message}` in a header template: the error's code and message.
pub(crate) fn is_error_part(arg: &ArgRef) -> bool {
    matches!(arg, ArgRef::Named(name) if name == "code" || name == "message")
}

/// A variant's `headers`: valid names and values, placeholders that name `{code}`, `{message}`
/// or a field, and no name that a header field of the variant sends too.
fn variant_headers(cx: &Diagnostics, variant: &Variant<'_>) {
    let Some(list) = &variant.attrs.headers else {
        return;
    };
    for header in &list.value {
        header_name(cx, &header.name, header.name_span);
        header_value(cx, &header.value);
        if let Some(template) = &header.template {
            for arg in template.args.iter().filter(|a| !is_error_part(a)) {
                if find_field(variant, arg).is_none() {
                    cx.error_at(header.value.span(), unknown_field(variant, arg));
                }
            }
        }
        let field = variant.fields.iter().find_map(|f| {
            f.attrs
                .header
                .as_ref()
                .filter(|h| h.value.eq_ignore_ascii_case(&header.name))
        });
        if let Some(field) = field {
            cx.error_at(
                header.name_span,
                format!(
                    "`{}` is sent by a header field of this variant too: keep one of them",
                    header.name
                ),
            );
            cx.error_at(field.span, "the header field");
        }
    }
}

fn from_alone(cx: &Diagnostics, variant: &Variant<'_>) {
    for field in &variant.fields {
        if let Some(span) = field.attrs.from {
            if variant.fields.len() > 1 {
                cx.error_at(
                    span,
                    "`#[from]` needs the variant to have no other field (`From` could not fill them); use `#[source]`",
                );
            }
        }
    }
}

/// `source()` returns one error: a second `#[source]` would be silently ignored.
fn one_source(cx: &Diagnostics, variant: &Variant<'_>) {
    let mut first: Option<proc_macro2::Span> = None;
    for field in &variant.fields {
        let Some(span) = field.attrs.source.or(field.attrs.from) else {
            continue;
        };
        if let Some(first) = first {
            cx.error_at(
                span,
                "a variant has one source: a second `#[source]`/`#[from]` would be ignored",
            );
            cx.error_at(first, "first source here");
        } else {
            first = Some(span);
        }
    }
}

/// Two `#[from]` of the same type would be two conflicting `From` impls.
fn from_types_unique(cx: &Diagnostics, cont: &Container<'_>) {
    let mut seen: BTreeMap<String, proc_macro2::Span> = BTreeMap::new();
    for variant in &cont.variants {
        for field in &variant.fields {
            let Some(span) = field.attrs.from else {
                continue;
            };
            // `#[from]` on `Option<T>` gives `From<T>`.
            let ty = option_inner(field.ty()).unwrap_or(field.ty());
            let key = type_text(ty);
            if let Some(first) = seen.get(&key) {
                cx.error_at(
                    span,
                    format!("`From<{key}>` is already generated by another `#[from]`; use `#[source]` here"),
                );
                cx.error_at(*first, "first `#[from]` of this type here");
            } else {
                seen.insert(key, span);
            }
        }
    }
}

/// A run-time `status` field is one per variant; `statuses(...)` lists what it may take, so it
/// needs one, and does not list the declared status, which it always may take.
fn status_field(cx: &Diagnostics, variant: &Variant<'_>) {
    one_field_with(
        cx,
        variant,
        |a| a.status,
        "duplicate run-time `status` field",
    );
    let Some(statuses) = &variant.attrs.statuses else {
        return;
    };
    if variant.delegates() {
        return; // reported by `delegates_to_one_field`
    }
    if variant.status_field().is_none() {
        cx.error_at(
            statuses.key,
            format!(
                "`statuses` lists the statuses that a run-time status may take, and `{}` has none: add the field `#[api_error(status)] status: u16`, or remove `statuses`",
                variant.ident
            ),
        );
        return;
    }
    if let Some(declared) = &variant.attrs.status {
        for (range, span) in &statuses.value {
            if *range == crate::attr::StatusRange::Exact(declared.value) {
                cx.error_at(
                    *span,
                    format!(
                        "`{}` is the declared status, which the run-time status always may take: remove it from `statuses`",
                        declared.value
                    ),
                );
            }
        }
    }
}

/// A variant has at most one field whose attributes `pick` gives a span for: a second one is an
/// error, with "first used here" on the first.
fn one_field_with(
    cx: &Diagnostics,
    variant: &Variant<'_>,
    pick: impl Fn(&FieldAttrs) -> Option<proc_macro2::Span>,
    duplicate: &str,
) {
    let mut first: Option<proc_macro2::Span> = None;
    for field in &variant.fields {
        if let Some(span) = pick(&field.attrs) {
            if let Some(first) = first {
                cx.error_at(span, duplicate);
                cx.error_at(first, "first used here");
            } else {
                first = Some(span);
            }
        }
    }
}

/// Reports, on `key`, each of `others` that the same field also has: "`name` and `other` {why};
/// keep one".
fn alone_on_field(
    cx: &Diagnostics,
    key: proc_macro2::Span,
    name: &str,
    others: &[(Option<proc_macro2::Span>, &str)],
    why: &str,
) {
    for (flag, other) in others {
        if flag.is_some() {
            cx.error_at(key, format!("`{name}` and `{other}` {why}; keep one"));
        }
    }
}

/// `#[api_error(message)]`: one field per variant carries the message at run time; it is not
/// also a body member, a header, the status or a source; and the variant's own `message` is then
/// its catalog text and default, so it cannot interpolate.
fn message_field(cx: &Diagnostics, variant: &Variant<'_>) {
    one_field_with(
        cx,
        variant,
        |a| a.message,
        "duplicate `message` field: one field carries the message",
    );
    if variant.delegates() {
        return; // reported by `delegates_to_one_field`
    }
    let Some(field) = variant.message_field() else {
        return;
    };
    let a = &field.attrs;
    let key = a.message.unwrap_or_else(|| field.span());
    alone_on_field(
        cx,
        key,
        "message",
        &[
            (a.expose, "expose"),
            (a.header.as_ref().map(|h| h.key), "header"),
            (a.status, "status"),
            (a.source, "#[source]"),
            (a.from, "#[from]"),
        ],
        "on one field: a message field's value is the message and nothing else",
    );
    if let (Some(lit), true) = (&variant.attrs.message, variant.is_interpolated()) {
        cx.error_at(
            lit.span,
            format!(
                "`{}` takes its message from the field `{}`: the variant's `message` is then the catalog text and the default, and cannot interpolate fields",
                variant.ident,
                field.name()
            ),
        );
    }
}

/// The variants whose codes the code checks look at: not transparent (the wrapped type has the
/// codes), not `other` (it takes unknown codes), and not ones with no attribute at all (already
/// reported as missing their status).
fn coded<'c, 'a>(cont: &'c Container<'a>) -> impl Iterator<Item = &'c Variant<'a>> {
    cont.variants.iter().filter(|v| {
        !v.is_transparent() && v.attrs.other.is_none() && (v.attrs.present || !cont.is_enum)
    })
}

fn unique_codes(cx: &Diagnostics, cont: &Container<'_>) {
    let mut seen: BTreeMap<&Code, &Variant<'_>> = BTreeMap::new();
    for variant in coded(cont) {
        if let Some(first) = seen.get(&variant.code) {
            cx.error_at(
                variant.code_span,
                format!(
                    "duplicate code {}: `{}` and `{}` both use it",
                    variant.code, first.ident, variant.ident
                ),
            );
            cx.error_at(
                first.code_span,
                format!("code {} first used here", variant.code),
            );
        } else {
            seen.insert(&variant.code, variant);
        }
    }
}

fn code_kinds(cx: &Diagnostics, cont: &Container<'_>) {
    let mut variants = coded(cont);
    let Some(first) = variants.next() else { return };
    let numeric = matches!(first.code, Code::Num(_));
    for variant in variants {
        if matches!(variant.code, Code::Num(_)) != numeric {
            let (this, that) = if numeric {
                ("string", "numeric")
            } else {
                ("numeric", "string")
            };
            cx.error_at(
                variant.code_span,
                format!(
                    "{this} code {} mixed with {that} codes (`{}` has {}); one enum uses one kind",
                    variant.code, first.ident, first.code
                ),
            );
        }
    }
}

fn dto_numeric(cx: &Diagnostics, cont: &Container<'_>) {
    for variant in coded(cont) {
        if matches!(variant.style(&cont.attrs), Style::Builtin(Builtin::Dto))
            && matches!(variant.code, Code::Str(_))
        {
            let hint = if variant.attrs.code.is_none() {
                " (it defaults to the variant name); add `code = <number>`"
            } else {
                ""
            };
            cx.error_at(
                variant.code_span,
                format!(
                    "the \"dto\" style needs numeric codes, and `{}` has code {}{hint}",
                    variant.ident, variant.code
                ),
            );
        }
    }
}

fn parents(cx: &Diagnostics, cont: &Container<'_>) {
    parent_cycles(cx, cont);
    for variant in &cont.variants {
        let Some(parent) = &variant.attrs.parent else {
            continue;
        };
        if !cont
            .variants
            .iter()
            .any(|v| !v.delegates() && v.code == parent.value)
        {
            cx.error_at(
                parent.span,
                format!("parent code {} is not a code of this enum", parent.value),
            );
            continue;
        }
        if parent.value == variant.code {
            cx.error_at(parent.span, "a code cannot be its own parent");
            continue;
        }
        if let (Code::Num(child), Code::Num(p)) = (&variant.code, &parent.value) {
            let (child, p) = (child.to_string(), p.to_string());
            if !(child.len() > p.len() && child.starts_with(&p)) {
                cx.error_at(
                    variant.code_span,
                    format!(
                        "sub-code {child} must start with the digits of its parent {p} (e.g. {p}01)"
                    ),
                );
            }
        }
    }
}

/// `parent` chains end: `"a"` refining `"b"` refining `"a"` describes no hierarchy.
fn parent_cycles(cx: &Diagnostics, cont: &Container<'_>) {
    let parent_of: BTreeMap<&Code, &Code> = cont
        .variants
        .iter()
        .filter_map(|v| Some((&v.code, &v.attrs.parent.as_ref()?.value)))
        .collect();
    for variant in &cont.variants {
        let Some(parent) = &variant.attrs.parent else {
            continue;
        };
        if parent.value == variant.code {
            continue; // reported as "its own parent"
        }
        let mut at = &parent.value;
        for _ in 0..parent_of.len() {
            if *at == variant.code {
                cx.error_at(
                    parent.span,
                    format!("parent chain of {} loops back to it", variant.code),
                );
                break;
            }
            match parent_of.get(at) {
                Some(next) => at = next,
                None => break,
            }
        }
    }
}

/// A variant with `catch` (or `validate`) is built from a failure (or a violation), so each of
/// its fields must say where its value comes from; `fact` only means something in such a
/// variant; and a variant that delegates has no contract of its own to answer with.
fn catch_fields(cx: &Diagnostics, variant: &Variant<'_>) {
    let catch = variant.attrs.catch.as_ref();
    let validate = variant.attrs.validate.as_ref();
    for (key, name) in [
        (catch.map(|c| c.key), "catch"),
        (validate.map(|v| v.key), "validate"),
    ] {
        let Some(key) = key else { continue };
        for (flag, what) in [
            (variant.attrs.transparent, "a `transparent`"),
            (variant.attrs.other, "an `other`"),
        ] {
            if flag.is_some() {
                cx.error_at(
                    key,
                    format!("`{name}` cannot go on {what} variant: it has no contract of its own to answer with; put `{name}` on a variant with a `status`"),
                );
            }
        }
    }
    if (catch.is_some() || validate.is_some()) && variant.delegates() {
        return;
    }
    let builds = variant.attrs.catch_written.is_some() || variant.attrs.validate_written.is_some();
    for field in &variant.fields {
        let a = &field.attrs;
        if let Some(detail) = &a.fact {
            if !builds {
                cx.error_at(
                    detail.key,
                    "`fact` takes a fact of a framework failure or of a broken validation rule: add `catch = \"...\"` or `validate` to the variant",
                );
            }
            alone_on_field(
                cx,
                detail.key,
                "fact",
                &[
                    (a.source, "#[source]"),
                    (a.from, "#[from]"),
                    (a.status, "status"),
                ],
                "both give this field its value",
            );
        } else if (catch.is_some() || validate.is_some())
            && a.fact_written.is_none()
            && a.status.is_none()
            && a.default.is_none()
        {
            let (key, what, details) = if catch.is_some() {
                (
                    "catch",
                    "the failure it answers",
                    crate::failure::fact_names().join(", "),
                )
            } else {
                (
                    "validate",
                    "the broken rule it answers",
                    crate::failure::VIOLATION_DETAILS.join(", "),
                )
            };
            cx.error_at(
                field.span(),
                format!(
                    "a variant with `{key}` is built from {what}: give `{}` a `fact = \"...\"` ({details}), or mark it `#[api_error(default)]`",
                    field.name(),
                ),
            );
        }
    }
}

/// Each validation rule is answered by one variant, and every other rule by the one variant
/// with the flag `validate`, which must exist once a variant names rules: a custom validator's
/// code cannot be listed ahead.
fn validates_unique(cx: &Diagnostics, cont: &Container<'_>) {
    let mut seen: BTreeMap<&str, (&syn::Ident, proc_macro2::Span)> = BTreeMap::new();
    let mut catch_all: Option<(&syn::Ident, proc_macro2::Span)> = None;
    let mut first_named: Option<(&syn::Ident, proc_macro2::Span)> = None;
    let mut broken = false;
    for variant in &cont.variants {
        if variant.attrs.validate_written.is_some() && variant.attrs.validate.is_none() {
            broken = true;
        }
        let Some(validate) = &variant.attrs.validate else {
            continue;
        };
        if validate.value.is_empty() {
            match catch_all {
                Some((first, first_span)) => {
                    cx.error_at(
                        validate.key,
                        format!(
                            "two variants answer every other validation rule, `{first}` and `{}`: keep the flag `validate` on one",
                            variant.ident
                        ),
                    );
                    cx.error_at(first_span, "first given here");
                }
                None => catch_all = Some((variant.ident, validate.key)),
            }
            continue;
        }
        first_named.get_or_insert((variant.ident, validate.key));
        for (rule, span) in &validate.value {
            match seen.get(rule.as_str()) {
                Some((first, first_span)) => {
                    cx.error_at(
                        *span,
                        format!(
                            "`\"{rule}\"` is answered by two variants, `{first}` and `{}`: one variant answers each rule",
                            variant.ident
                        ),
                    );
                    cx.error_at(*first_span, "first named here");
                }
                None => {
                    seen.insert(rule, (variant.ident, *span));
                }
            }
        }
    }
    if let (None, Some((ident, span)), false) = (catch_all, first_named, broken) {
        cx.error_at(
            span,
            format!(
                "`{ident}` names validation rules, but no variant answers the others (a custom validator's code, a rule added later): write the flag `validate` on the variant that does, e.g. `#[api_error(status = 422, code = ..., validate)]`"
            ),
        );
    }
}

/// Each kind is answered by one variant, and other layers' responses of one status by one
/// variant: a second claim is an error on both.
fn catches_unique(cx: &Diagnostics, cont: &Container<'_>) {
    let mut seen: BTreeMap<&str, (&syn::Ident, proc_macro2::Span)> = BTreeMap::new();
    for variant in &cont.variants {
        let Some(catch) = &variant.attrs.catch else {
            continue;
        };
        for (kind, span) in &catch.value {
            // Other layers' responses are told apart by status: `status_catches`.
            if kind.name == crate::failure::STATUS {
                continue;
            }
            match seen.get(kind.name) {
                Some((first, first_span)) => {
                    cx.error_at(
                        *span,
                        format!(
                            "`\"{}\"` is caught by two variants, `{first}` and `{}`: one variant answers each failure",
                            kind.name,
                            variant.ident
                        ),
                    );
                    cx.error_at(*first_span, "first caught here");
                }
                None => {
                    seen.insert(kind.name, (variant.ident, *span));
                }
            }
        }
    }
}

/// Other layers' error responses of `class`, for messages.
fn other_layers(class: u16) -> &'static str {
    if class == 4 {
        "a 401, a 409, a 418"
    } else {
        "a 502, a 503"
    }
}

/// A failure that no variant claims by kind (another layer's response: a 401, a 409, a 503; a
/// kind nobody names) is answered by a variant with `catch = "status"` that is sent with its
/// status: the one that declares it or lists it in `statuses`, else the one whose run-time
/// status takes its class. One variant answers each status and each class; and once an enum
/// uses `catch`, every 4xx and every 5xx has such a variant, so that no failure is answered
/// with another status.
fn status_catches(cx: &Diagnostics, cont: &Container<'_>) {
    use crate::attr::StatusRange;
    use crate::catches::StatusCatches;
    let variants = &cont.variants;
    let table = StatusCatches::of(variants);
    for (range, first, second) in &table.conflicts {
        let what = match range {
            StatusRange::Exact(status) => format!("another layer's {status}"),
            StatusRange::Class(class) => format!("every other {class}xx"),
        };
        cx.error_at(
            second.span,
            format!(
                "`\"status\"`: {what} is caught by two variants, `{}` and `{}`: one variant answers each failure",
                variants[first.position].ident,
                variants[second.position].ident
            ),
        );
        cx.error_at(first.span, "first caught here");
    }
    // Whether every status is covered is asked of an enum that is otherwise right: after any
    // other error, this one would only add to it.
    let catching = variants
        .iter()
        .any(|v| v.attrs.catch.is_some() && !v.delegates());
    if !catching || cx.has_errors() {
        return;
    }
    let missing: Vec<u16> = [4, 5].into_iter().filter(|c| !table.covers(*c)).collect();
    if !missing.is_empty() {
        uncovered(cx, cont, &table, &missing);
    }
}

/// The error for the classes in `missing`, which no variant answers keeping the status: on a
/// struct, what it needs; on an enum, the field to give a variant, or the variants to add.
fn uncovered(
    cx: &Diagnostics,
    cont: &Container<'_>,
    table: &crate::catches::StatusCatches,
    missing: &[u16],
) {
    let variants = &cont.variants;
    if !cont.is_enum {
        let variant = &variants[0];
        cx.error_at(
            variant.attrs.catch.as_ref().map_or_else(|| variant.span(), |c| c.key),
            format!(
                "`{}` answers the framework's failures, and so every error response another layer writes (a 401, a 409, a 503): to answer each with the status it has, give it `\"status\"` in `catch`, `statuses(\"4XX\", \"5XX\")` and the field `#[api_error(status)] status: u16`",
                variant.ident
            ),
        );
        return;
    }
    // A variant with `catch = "status"` of the class's general status (400, 500) and no
    // run-time status: giving it one is the smallest fix. (A 408's variant taking a 409 would
    // answer with a message of another meaning: a variant of its own then.)
    let mut to_add = Vec::new();
    for &class in missing {
        let fixed = table.exact.values().find(|c| {
            let v = &variants[c.position];
            v.status() == class * 100 && v.status_field().is_none()
        });
        match fixed {
            Some(fixed) => cx.error_at(
                fixed.span,
                format!(
                    "`{0}` answers another layer's {1} with `catch = \"status\"`, but another {2}xx ({3}) would then have no variant with its status: give `{0}` a run-time status, the field `#[api_error(status)] status: u16`, which takes the status of each {2}xx that no other variant claims",
                    variants[fixed.position].ident,
                    variants[fixed.position].status(),
                    class,
                    other_layers(class),
                ),
            ),
            None => to_add.push(class),
        }
    }
    if to_add.is_empty() {
        return;
    }
    let numeric = variants
        .iter()
        .any(|v| matches!(v.code, crate::code::Code::Num(_)));
    let code = if numeric { "code = ..., " } else { "" };
    let taken = |names: &[&'static str]| {
        names
            .iter()
            .copied()
            .find(|name| !variants.iter().any(|v| v.ident == name))
            .unwrap_or(names[names.len() - 1])
    };
    let suggestion = |class: u16| {
        let (status, message, name) = if class == 4 {
            (
                400,
                "request refused",
                taken(&["RequestRefused", "ClientError", "OtherClientError"]),
            )
        } else {
            (
                500,
                "server error",
                taken(&["ServerError", "UpstreamError", "OtherServerError"]),
            )
        };
        format!(
            "`#[api_error(status = {status}, {code}message = \"{message}\", catch = \"status\")] {name} {{ #[api_error(status)] status: u16 }},`"
        )
    };
    let (what, add) = match to_add.as_slice() {
        [class] => (
            format!("a {class}xx ({})", other_layers(*class)),
            format!(
                "a variant with `catch = \"status\"` and a run-time status, which takes the status of each {class}xx that no other variant claims: {}",
                suggestion(*class)
            ),
        ),
        _ => (
            format!("a 4xx or a 5xx ({}, {})", other_layers(4), other_layers(5)),
            format!(
                "two variants with `catch = \"status\"` and a run-time status, which take the status of each 4xx and 5xx that no other variant claims: {} and {}",
                suggestion(4),
                suggestion(5)
            ),
        ),
    };
    cx.error_at(
        cont.ident().span(),
        format!(
            "`{}` answers the framework's failures with `catch`, but no variant answers {what} that another layer writes with the status it has: add {add}",
            cont.ident()
        ),
    );
}

/// `example` gives the value of a field that the example body shows: an exposed one, or one the
/// message interpolates; its literal fits the field's type when that is a plain one.
fn examples(cx: &Diagnostics, variant: &Variant<'_>) {
    use crate::attr::Literal;
    for field in &variant.fields {
        let Some(example) = &field.attrs.example else {
            continue;
        };
        if field.attrs.status.is_some() {
            cx.error_at(
                example.key,
                "`example` does not apply to a `status` field: its example is the declared status",
            );
            continue;
        }
        let in_message = variant.template.as_ref().is_some_and(|template| {
            template
                .args
                .iter()
                .any(|arg| find_field(variant, arg).is_some_and(|f| f.index == field.index))
        });
        if field.attrs.expose.is_none() && !in_message {
            cx.error_at(
                example.key,
                format!(
                    "`example` gives the value that the OpenAPI example shows, but `{}` is neither exposed nor in the message: add `expose`, or remove `example`",
                    field.name()
                ),
            );
            continue;
        }
        let ty = FieldType::of(field.ty());
        let field_name = field.name();
        let expected = match (ty.unwrapped().0, &example.value) {
            // Not plain (`unwrapped` is never an `Option`): any literal.
            (FieldType::Unknown | FieldType::Option(_), _) => continue,
            (FieldType::Int(int), Literal::Int(digits))
                if !int.signed && digits.starts_with('-') =>
            {
                Some(format!(
                    "`{field_name}` is a `{}`, unsigned: its example cannot be negative",
                    int.name
                ))
            }
            (FieldType::Int(_), Literal::Int(_))
            | (FieldType::Float(_), Literal::Int(_) | Literal::Float(_))
            | (FieldType::Bool, Literal::Bool(_))
            | (FieldType::Str(_), Literal::Str(_)) => None,
            (FieldType::Char, Literal::Str(s)) if s.chars().count() == 1 => None,
            (FieldType::Int(int), _) => Some(format!(
                "expected an integer literal for the `{}` field `{field_name}`: `example = 42`",
                int.name
            )),
            (FieldType::Float(float), _) => Some(format!(
                "expected a number literal for the `{}` field `{field_name}`: `example = 0.5`",
                float.name()
            )),
            (FieldType::Bool, _) => Some(format!(
                "expected `true` or `false` for the `bool` field `{field_name}`"
            )),
            (FieldType::Str(name), _) => Some(format!(
                "expected a string literal for the `{name}` field `{field_name}`: `example = \"text\"`"
            )),
            (FieldType::Char, _) => Some(format!(
                "expected a string of one character for the `char` field `{field_name}`: `example = \"a\"`"
            )),
            (FieldType::List(..), _) => Some(format!(
                "`example` takes one value, and `{field_name}` is a list: remove it (the list's example is one item, from its item's type)"
            )),
        };
        if let Some(message) = expected {
            cx.error_at(example.span, message);
        }
    }
}
