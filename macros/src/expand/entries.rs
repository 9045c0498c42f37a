//! The static table of every variant's contract, and the one `match` from a value to its row.
//!
//! The table is parallel arrays of literals (names, statuses, codes, messages, bodies, ...), not
//! one struct expression per variant: for an enum of 2000 variants, arrays of literals
//! type-check several times faster, and the derive's cost is mostly the compiler checking what
//! it emits.

use super::Ctx;
use super::source::Source;
use crate::ast::{Sent, Variant};
use crate::attr::Literal;
use crate::attr::Style;
use crate::bound::Bounds;
use crate::code::Code;
use crate::field_type::{FieldType, Float};
use crate::static_body::{self, StaticParts};
use error_contract_wire::{Builtin, Constant, ConstantValue};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

/// `static __TABLE: __ec::Table = ...`.
///
/// The columns of literals are written as text and parsed at once (see `source`); the columns
/// that hold the user's tokens (a custom style's path, a field's type) are built as tokens.
pub(super) fn table(ctx: &Ctx<'_, '_>) -> TokenStream {
    let rows: Vec<(usize, &Variant<'_>)> = ctx
        .cont
        .variants
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.delegates())
        .collect();

    let mut consts = Source::default();
    consts
        .code("const __NAMES: &[&str] = ")
        .strs(rows.iter().map(|(_, v)| crate::ast::unraw(v.ident)))
        .code("; const __CODES: __ec::TableCodes = ");
    if rows.iter().all(|(_, v)| matches!(v.code, Code::Num(_))) && !rows.is_empty() {
        consts
            .code("__ec::TableCodes::Num(")
            .slice(&rows, |s, (_, v)| {
                s.int(
                    match v.code {
                        Code::Num(n) => n,
                        Code::Str(_) => 0,
                    },
                    "u32",
                );
            });
    } else {
        consts
            .code("__ec::TableCodes::Str(")
            .strs(rows.iter().map(|(_, v)| v.code.text()));
    }
    consts.code(");");
    let consts = consts.into_tokens();

    let (content_types, content_type_of, styles) = content_types(ctx, &rows);
    let field_schemas = field_schemas(ctx, &rows);
    let fields = literal_fields(ctx, &rows, content_type_of, styles);

    let cached = cached_bodies(ctx);
    quote! {
        #cached
        #consts
        static __TABLE: __ec::Table = __ec::Table {
            #fields
            content_types: &[#(#content_types),*],
            field_schemas: &[#(#field_schemas),*],
        };
    }
}

/// The table's fields of literals: every field but `content_types` and `field_schemas`, in the
/// struct's order, as `name: value,` pairs.
fn literal_fields(
    ctx: &Ctx<'_, '_>,
    rows: &[(usize, &Variant<'_>)],
    content_type_of: Vec<u8>,
    styles: Vec<String>,
) -> TokenStream {
    let mut fields = Source::default();
    fields
        .code("names: __NAMES, statuses: ")
        .slice(rows, |s, (_, v)| {
            s.int(v.status(), "u16");
        })
        .code(", codes: __CODES, messages: ")
        .strs(rows.iter().map(|(_, v)| v.catalog_message()))
        .code(", interpolated: ")
        .slice(rows, |s, (_, v)| {
            s.bool(v.is_interpolated());
        })
        .code(", docs: ")
        .strs(rows.iter().map(|(_, v)| &v.docs))
        .code(", bodies: ")
        .strs(
            rows.iter()
                .map(|(i, _)| ctx.static_bodies[*i].as_deref().unwrap_or("")),
        )
        .code(", content_type_of: ")
        .slice(content_type_of, |s, i| {
            s.int(i, "u8");
        })
        .code(", styles: ")
        .strs(styles)
        .code(", titles: ");
    sparse_column(&mut fields, rows, |s, v| {
        s.str(&v.attrs.title.as_ref()?.value);
        Some(())
    });
    fields.code(", parents: ");
    sparse_column(&mut fields, rows, |s, v| {
        code_source(s, &v.attrs.parent.as_ref()?.value);
        Some(())
    });
    fields.code(", fields: ");
    sparse_column(&mut fields, rows, |s, v| {
        let keys: Vec<String> = v.exposed().map(crate::ast::Field::key).collect();
        strs_or_none(s, keys)
    });
    // Every row's types in one array, at the offsets of their keys in `fields`: a slice per row
    // in the static costs the compiler about 0.2 M instructions each (50 M at N = 500).
    fields.code(", field_types: ").strs(
        rows.iter()
            .flat_map(|(_, v)| v.exposed().map(|f| type_text(f.ty()))),
    );
    fields.code(", field_json_types: ");
    field_json_types(&mut fields, rows);
    fields.code(", headers: ");
    sparse_column(&mut fields, rows, |s, v| {
        let names = v
            .sent_headers(&ctx.cont.attrs)
            .iter()
            .map(Sent::name)
            .collect();
        strs_or_none(s, names)
    });
    fields.code(", header_sources: ");
    header_sources(&mut fields, ctx, rows);
    fields.code(", example_messages: ");
    sparse_column(&mut fields, rows, |s, v| {
        s.str(&example_message(v)?);
        Some(())
    });
    fields.code(", field_examples: ");
    field_examples(&mut fields, rows);
    fields
        .code(", type_base: ")
        .option_str(ctx.cont.attrs.type_base.as_ref().map(|t| t.value.as_str()));
    fields.code(", member_names: ");
    member_names(&mut fields, ctx);
    fields.code(", constants: ");
    constants(&mut fields, ctx, rows);
    fields.code(", grpc_codes: ");
    sparse_column(&mut fields, rows, |s, v| {
        s.int(v.attrs.grpc.as_ref()?.value, "u8");
        Some(())
    });
    fields.code(", grpc_domain: ");
    match &ctx.cont.attrs.grpc_domain {
        Some(domain) => fields.str(&domain.value),
        // A service's reasons belong to it: by default, its package's name.
        None => fields.code("::core::env!(\"CARGO_PKG_NAME\")"),
    };
    fields.code(",");
    fields.into_tokens()
}

/// The `constants` column: each row's constant members.
fn constants(out: &mut Source, ctx: &Ctx<'_, '_>, rows: &[(usize, &Variant<'_>)]) {
    sparse_column(out, rows, |s, v| {
        let members = v.constants(&ctx.cont.attrs);
        if members.is_empty() {
            return None;
        }
        s.slice(&members, |s, (name, value, _)| {
            s.code("__ec::Constant { name: ")
                .str(name)
                .code(", value: ");
            match static_body::constant(value) {
                ConstantValue::Str(text) => s.code("__ec::ConstantValue::Str(").str(text),
                ConstantValue::Number(n) => s.code("__ec::ConstantValue::Number(").str(n),
                ConstantValue::Bool(b) => s.code("__ec::ConstantValue::Bool(").bool(b),
            };
            s.code(") }");
        });
        Some(())
    });
}

/// The enum's `member_names`.
fn member_names(out: &mut Source, ctx: &Ctx<'_, '_>) {
    let names = ctx.cont.attrs.names();
    out.code("__ec::Names { envelope: ")
        .option_str(names.envelope)
        .code(", code: ")
        .option_str(names.code)
        .code(", message: ")
        .option_str(names.message)
        .code(", skip_code: ")
        .bool(names.skip_code)
        .code(", skip_status: ")
        .bool(names.skip_status)
        .code(" }");
}

/// The `field_json_types` and `field_json_types_of` columns: the distinct lists of the exposed
/// fields' `JsonType`s (a row's, up to its last known one), and per element of the sparse
/// `fields` column 1 + the index of its row's list, or 0 when none of its types is known (empty
/// when no row has one).
///
/// A list per distinct row, and an integer per row with exposed fields: a slice per row in the
/// static costs the compiler far more than an integer (about 0.2 M instructions each).
fn field_json_types(out: &mut Source, rows: &[(usize, &Variant<'_>)]) {
    let mut lists: Vec<String> = Vec::new();
    let mut of: Vec<u16> = Vec::new();
    for (_, v) in rows {
        let types: Vec<FieldType> = v.exposed().map(|f| FieldType::of(f.ty())).collect();
        if types.is_empty() {
            continue;
        }
        let known = types
            .iter()
            .rposition(|ty| *ty.unwrapped().0 != FieldType::Unknown);
        let Some(known) = known else {
            of.push(0);
            continue;
        };
        let mut list = String::new();
        for (i, ty) in types[..=known].iter().enumerate() {
            if i > 0 {
                list.push_str(", ");
            }
            ty.write_json_type(&mut list);
        }
        let index = lists.iter().position(|l| *l == list).unwrap_or_else(|| {
            lists.push(list);
            lists.len() - 1
        });
        // Past 65535 distinct lists, a row's types are left unknown.
        of.push(u16::try_from(index + 1).unwrap_or(0));
    }
    if lists.is_empty() {
        of.clear();
    }
    out.slice(&lists, |s, list| {
        s.code("&[").code(list).code("]");
    })
    .code(", field_json_types_of: ")
    .slice(of, |s, i| {
        s.int(i, "u16");
    });
}

/// The `field_examples` column: per row with an `example` on an exposed field, the JSON text of
/// each exposed field's (`""` for none).
fn field_examples(out: &mut Source, rows: &[(usize, &Variant<'_>)]) {
    sparse_column(out, rows, |s, v| {
        if v.exposed().all(|f| f.attrs.example.is_none()) {
            return None;
        }
        s.strs(v.exposed().map(|f| {
            f.attrs
                .example
                .as_ref()
                .map_or_else(String::new, |e| example_json(f.ty(), &e.value))
        }));
        Some(())
    });
}

/// The `field_schemas` column: per row with a `schema` field, a function per exposed field.
fn field_schemas(ctx: &Ctx<'_, '_>, rows: &[(usize, &Variant<'_>)]) -> Vec<TokenStream> {
    rows.iter()
        .enumerate()
        .filter(|(_, (_, v))| v.exposed().any(|f| f.attrs.schema.is_some()))
        .map(|(row, (_, v))| {
            let probes = v.exposed().map(|f| field_schema(ctx, f));
            let row = u32::try_from(row).unwrap_or(u32::MAX);
            quote!((#row, &[#(#probes),*]))
        })
        .collect()
}

/// For a field marked `schema`, the function that gives the schema of its type from its
/// `utoipa::ToSchema` or `schemars::JsonSchema` impl (autoref specialization, see the runtime's
/// `field_schema.rs`); else, or for a type that names a generic parameter or a lifetime other than
/// `'static` (a function item inside the static cannot name them), `untyped`.
fn field_schema(ctx: &Ctx<'_, '_>, field: &crate::ast::Field<'_>) -> TokenStream {
    let ty = field.ty();
    let text = type_text(ty);
    if field.attrs.schema.is_none() {
        return quote!(__ec::schema::untyped);
    }
    let local_lifetime = text
        .match_indices('\'')
        .any(|(i, _)| !text[i + 1..].starts_with("static"));
    if ctx.params.intersects(ty) || local_lifetime || text.contains("Self") {
        return quote!(__ec::schema::untyped);
    }
    quote_spanned! {field.span()=> {
        fn __field_schema() -> ::core::option::Option<__ec::serde_json::Value> {
            #[allow(unused_imports)]
            use __ec::schema::{Schemars as _, Untyped as _, Utoipa as _};
            (&&&__ec::schema::Probe::<#ty>::NEW).field_schema()
        }
        __field_schema as __ec::schema::FieldSchema
    }}
}

/// A sparse column of the table: `&[(row, value), ...]` for each row that `value` writes one
/// for (returning `None` when it wrote nothing).
fn sparse_column(
    out: &mut Source,
    rows: &[(usize, &Variant<'_>)],
    mut value: impl FnMut(&mut Source, &Variant<'_>) -> Option<()>,
) {
    out.code("&[");
    let mut first = true;
    for (row, (_, v)) in rows.iter().enumerate() {
        let mut item = Source::default();
        if value(&mut item, v).is_none() {
            continue;
        }
        if !first {
            out.code(", ");
        }
        first = false;
        out.code("(")
            .int(u32::try_from(row).unwrap_or(u32::MAX), "u32")
            .code(", ")
            .append(item)
            .code(")");
    }
    out.code("]");
}

/// The sparse `header_sources` column: where each value comes from, for rows with a header of
/// a `headers(...)` list.
fn header_sources(out: &mut Source, ctx: &Ctx<'_, '_>, rows: &[(usize, &Variant<'_>)]) {
    sparse_column(out, rows, |s, v| {
        let sent = v.sent_headers(&ctx.cont.attrs);
        if sent.iter().all(|s| matches!(s, Sent::Field(_))) {
            return None;
        }
        s.slice(&sent, |s, sent| match sent {
            Sent::Field(_) => {
                s.code("__ec::HeaderSource::Field");
            }
            Sent::Fixed(_, text) => {
                s.code("__ec::HeaderSource::Fixed(").str(text).code(")");
            }
            Sent::Template(_, template) => {
                s.code("__ec::HeaderSource::Template(")
                    .str(&template.written)
                    .code(")");
            }
        });
        Some(())
    });
}

/// `&["a", "b"]`, or nothing and `None` for no strings.
fn strs_or_none(out: &mut Source, items: Vec<String>) -> Option<()> {
    if items.is_empty() {
        None
    } else {
        out.strs(items);
        Some(())
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
            Style::Builtin(b) => {
                let ct = b.content_type();
                (b.name().to_owned(), quote!(#ct))
            }
            Style::Custom(path) => (
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

/// A type as written, compactly: `Option<Vec<u32>>`, `&'static str`, `[u8; 4]`, `Box<dyn Error + Send>`.
///
/// The catalog records it for the lock file. The tokens are joined with a space only between two
/// words (`&'static str`, `dyn Error`), around `+`, `=` and `->`, and after `,` and `;`, so the
/// text reads as a person writes it whatever the input's spacing.
pub(crate) fn type_text(ty: &syn::Type) -> String {
    fn walk(tokens: TokenStream, out: &mut String, last_word: &mut bool) {
        for tree in tokens {
            match tree {
                proc_macro2::TokenTree::Group(group) => {
                    let (open, close) = match group.delimiter() {
                        proc_macro2::Delimiter::Parenthesis => ("(", ")"),
                        proc_macro2::Delimiter::Bracket => ("[", "]"),
                        proc_macro2::Delimiter::Brace => ("{", "}"),
                        proc_macro2::Delimiter::None => ("", ""),
                    };
                    if !open.is_empty() {
                        // `&mut [T]`, `dyn (Trait)`, but `fn(u32)` and `Fn(u32)`.
                        if *last_word && ends_with_keyword(out) {
                            out.push(' ');
                        }
                        out.push_str(open);
                        *last_word = false;
                    }
                    walk(group.stream(), out, last_word);
                    if !close.is_empty() {
                        out.push_str(close);
                        *last_word = true;
                    }
                }
                proc_macro2::TokenTree::Punct(punct) => {
                    let c = punct.as_char();
                    let joint = punct.spacing() == proc_macro2::Spacing::Joint;
                    match c {
                        '+' | '=' => {
                            out.push(' ');
                            out.push(c);
                            out.push(' ');
                        }
                        '-' if joint => {
                            out.push(' ');
                            out.push(c);
                        }
                        '>' if out.ends_with(" -") => {
                            out.push_str("> ");
                        }
                        ',' | ';' => {
                            out.push(c);
                            out.push(' ');
                        }
                        _ => out.push(c),
                    }
                    // A lifetime's quote joins the word after it: `&'static str`.
                    *last_word = false;
                }
                proc_macro2::TokenTree::Ident(ident) => {
                    if *last_word {
                        out.push(' ');
                    }
                    out.push_str(&ident.to_string());
                    *last_word = true;
                }
                proc_macro2::TokenTree::Literal(lit) => {
                    if *last_word {
                        out.push(' ');
                    }
                    out.push_str(&lit.to_string());
                    *last_word = true;
                }
            }
        }
    }
    fn ends_with_keyword(out: &str) -> bool {
        ["mut", "dyn", "impl", "const", "as"].iter().any(|k| {
            out.strip_suffix(k)
                .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        })
    }
    let mut out = String::new();
    let mut last_word = false;
    walk(quote!(#ty), &mut out, &mut last_word);
    out.trim().to_owned()
}

/// An interpolated message with an example value in place of each field: the field's `example`,
/// else its type's ([`FieldType::example_text`]: `0` for an integer, `string` for a string,
/// `"string"` with `{:?}`, ...); the declared status for a run-time status field. `None` when a
/// field is not of a plain type, or is formatted other than with `Display` or `Debug` (hex,
/// exponent, ...). The catalog's `OpenAPI` examples use it.
fn example_message(v: &Variant<'_>) -> Option<String> {
    use crate::message::{ArgRef, FmtTrait, Piece};
    let template = v.template.as_ref()?;
    if template.text.is_some() {
        return None;
    }
    let mut out = String::new();
    for piece in &template.pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Arg(arg, fmt_trait) => {
                let field = match arg {
                    ArgRef::Named(name) => v.fields.iter().find(|f| f.name() == *name)?,
                    ArgRef::Index(index) => v.fields.get(*index)?,
                };
                let debug = match fmt_trait {
                    FmtTrait::Display => false,
                    FmtTrait::Debug => true,
                    _ => return None,
                };
                if field.attrs.status.is_some() {
                    out.push_str(&v.status().to_string());
                } else if let Some(example) = &field.attrs.example {
                    out.push_str(&example_literal_text(field.ty(), &example.value, debug)?);
                } else {
                    out.push_str(&FieldType::of(field.ty()).example_text(debug)?);
                }
            }
        }
    }
    Some(out)
}

/// A field's `example` as JSON text, as `serde_json` writes the field's value: a number as a
/// float's for a float field (`1.0`).
fn example_json(ty: &syn::Type, example: &Literal) -> String {
    match example {
        Literal::Str(s) => static_body::json_string(s),
        Literal::Int(digits) | Literal::Float(digits) => match FieldType::of(ty).unwrapped().0 {
            FieldType::Float(float) => float_text(*float, digits, true),
            _ if matches!(example, Literal::Float(_)) => float_text(Float::F64, digits, true),
            _ => digits.clone(),
        },
        Literal::Bool(b) => b.to_string(),
    }
}

/// A field's `example` as `Display` (or `Debug`) writes a value of the field's type: `Some(..)`
/// around an `Option`'s with `Debug` (`None` with `Display`, which `Option` lacks), a string
/// quoted with `Debug` (a `char` in single quotes), a float as the float type writes it.
fn example_literal_text(ty: &syn::Type, example: &Literal, debug: bool) -> Option<String> {
    let ty = FieldType::of(ty);
    let (kind, options) = ty.unwrapped();
    if options > 0 && !debug {
        return None;
    }
    let mut text = match example {
        Literal::Str(s) if debug && *kind == FieldType::Char => {
            format!("{:?}", s.chars().next()?)
        }
        Literal::Str(s) if debug => format!("{s:?}"),
        Literal::Str(s) => s.clone(),
        Literal::Int(digits) | Literal::Float(digits) => match kind {
            FieldType::Float(float) => float_text(*float, digits, debug),
            _ if matches!(example, Literal::Float(_)) => float_text(Float::F64, digits, debug),
            _ => digits.clone(),
        },
        Literal::Bool(b) => b.to_string(),
    };
    for _ in 0..options {
        text = format!("Some({text})");
    }
    Some(text)
}

/// A number literal's digits as an `f32` or `f64` writes itself (`Debug` keeps a `.0`).
fn float_text(float: Float, digits: &str, debug: bool) -> String {
    if float == Float::F32 {
        let n: f32 = digits.parse().unwrap_or_default();
        if debug {
            format!("{n:?}")
        } else {
            n.to_string()
        }
    } else {
        let n: f64 = digits.parse().unwrap_or_default();
        if debug {
            format!("{n:?}")
        } else {
            n.to_string()
        }
    }
}

/// `__ec::Code::Num(3001u32)` or `__ec::Code::Str("not_found")`.
fn code_source<'s>(out: &'s mut Source, code: &Code) -> &'s mut Source {
    match code {
        Code::Num(n) => out.code("__ec::Code::Num(").int(n, "u32"),
        Code::Str(s) => out.code("__ec::Code::Str(").str(s),
    }
    .code(")")
}

/// The body the macro can write now: built-in style, no interpolation, no `message` field, no
/// exposed field, and no run-time status that the body would show.
pub(super) fn static_body(
    ctx_type_base: Option<&str>,
    container: &crate::attr::ContainerAttrs,
    v: &Variant<'_>,
) -> Option<String> {
    if v.delegates()
        || v.is_interpolated()
        || v.message_field().is_some()
        || v.exposed().next().is_some()
    {
        return None;
    }
    let Style::Builtin(style) = v.style(container) else {
        return None;
    };
    let names = container.names();
    if style == Builtin::Problem && v.status_field().is_some() && !names.skip_status {
        return None;
    }
    let message = v.static_message();
    let title = match &v.attrs.title {
        Some(t) => t.value.clone(),
        None => error_contract_wire::reason::title(v.status()).to_owned(),
    };
    let members = v.constants(container);
    let members: Vec<Constant<'_>> = members
        .iter()
        .map(|(name, value, _)| Constant {
            name,
            value: static_body::constant(value),
        })
        .collect();
    let parts = StaticParts {
        status: v.status(),
        code: &v.code,
        message: &message,
        title: &title,
        type_base: ctx_type_base,
        names: &names,
        constants: &members,
    };
    Some(static_body::static_body(style, &parts))
}

/// Whether the variant's body is of a custom style and has no run-time part (no exposed field,
/// no interpolation, no `message` field, no run-time status): the style writes it at its first
/// use into the type's `__CACHED` array, and later calls borrow it. Not when the style's path
/// names a type parameter (one `static` serves every instance of the type).
pub(super) fn cached_body(ctx: &Ctx<'_, '_>, v: &Variant<'_>) -> bool {
    let Style::Custom(path) = v.style(&ctx.cont.attrs) else {
        return false;
    };
    let ty: syn::Type = syn::parse_quote!(#path);
    !v.delegates()
        && !v.is_interpolated()
        && v.message_field().is_none()
        && v.exposed().next().is_none()
        && v.status_field().is_none()
        && !ctx.params.intersects(&ty)
}

/// `static __CACHED`: a cell per row up to the last one of a [`cached_body`], or nothing.
fn cached_bodies(ctx: &Ctx<'_, '_>) -> TokenStream {
    let rows = ctx
        .cont
        .variants
        .iter()
        .enumerate()
        .filter(|(_, v)| cached_body(ctx, v))
        .filter_map(|(i, _)| ctx.entry_index[i])
        .max();
    match rows {
        Some(last) => {
            let len = last + 1;
            quote! {
                static __CACHED: [__ec::CachedBody; #len] = [const { __ec::CachedBody::new() }; #len];
            }
        }
        None => TokenStream::new(),
    }
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
    // The rows' arms, `Self::V { .. } => 7u32,`, are written in one `quote!` with each token
    // pushed in place: a stream per arm, interpolated into the next, costs a call into the
    // compiler each, for every variant.
    let (delegating, rows): (Vec<_>, Vec<_>) = ctx
        .cont
        .variants
        .iter()
        .enumerate()
        .partition(|(_, v)| v.delegates());
    let delegating = delegating.iter().map(|(_, v)| {
        let pattern = ctx.pattern(v, &v.fields);
        let binding = v.fields[0].binding();
        quote!(#pattern => return __ec::Target::Inner(#binding),)
    });
    let row_literals = rows.iter().map(|(i, _)| {
        proc_macro2::Literal::u32_suffixed(
            u32::try_from(ctx.entry_index[*i].unwrap_or_default()).unwrap_or(u32::MAX),
        )
    });
    let rest = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, quote!(..));
    let row_arms = if ctx.cont.is_enum {
        let idents = rows.iter().map(|(_, v)| v.ident);
        quote!(#(Self::#idents #rest => #row_literals,)*)
    } else {
        quote!(#(Self #rest => #row_literals,)*)
    };
    let arms = quote!(#(#delegating)* #row_arms);
    let body = if ctx.cont.variants.is_empty() {
        quote!(match *self {})
    } else if ctx.cont.variants.iter().all(Variant::delegates) {
        quote!(match self { #arms })
    } else {
        quote! {
            let __row: u32 = match self { #arms };
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
            const _: () = __ec::assert_unique_codes(&<#ident as #codes_trait>::CODES);
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

#[cfg(test)]
mod tests {
    use super::type_text;

    #[track_caller]
    fn text(ty: &str) -> String {
        type_text(&syn::parse_str(ty).unwrap())
    }

    #[test]
    fn types_read_as_written() {
        for ty in [
            "String",
            "Option<Vec<u32>>",
            "&'static str",
            "Box<dyn std::error::Error + Send + Sync + 'static>",
            "[u8; 4]",
            "(u32, String)",
            "HashMap<String, Vec<(u8, u16)>>",
            "fn(u32) -> u32",
            "<T as Iterator>::Item",
            "&'a mut [T]",
            "Cow<'static, str>",
        ] {
            assert_eq!(text(ty), ty);
        }
        assert_eq!(text("Option < Vec<u32 > >"), "Option<Vec<u32>>");
        assert_eq!(text("& 'static   str"), "&'static str");
    }
}
