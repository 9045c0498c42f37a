//! The static table of every variant's contract, and the one `match` from a value to its row.
//!
//! The table is parallel arrays of literals (names, statuses, codes, messages, bodies, ...), not
//! one struct expression per variant: for an enum of 2000 variants, arrays of literals
//! type-check several times faster, and the derive's cost is mostly the compiler checking what
//! it emits.

use super::Ctx;
use super::source::Source;
use crate::ast::{Sent, Variant};
use crate::attr::Style;
use crate::attr::{Literal, StatusRange};
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
    let exposed = intern(rows.iter().map(|(_, v)| exposed_fields(ctx, v)));
    let field_schemas = field_schemas(&exposed);
    let fields = literal_fields(ctx, &rows, &exposed, content_type_of, styles);

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
///
/// No column has a slice per row: in the static, each costs the compiler about 0.2 M
/// instructions (50 M for 250 rows with exposed fields). Texts that some rows have are one
/// string (`__ec::Texts`), lists are each written once however many rows have them
/// (`__ec::Lists`), and the integers that say which rows have what are one byte string each
/// (`__ec::Ints`: an integer literal costs about 10 k instructions, a byte almost nothing).
fn literal_fields(
    ctx: &Ctx<'_, '_>,
    rows: &[(usize, &Variant<'_>)],
    exposed: &Interned<Exposed<'_, '_>>,
    content_type_of: Vec<u8>,
    styles: Vec<String>,
) -> TokenStream {
    let mut fields = Source::default();
    fields
        .code("names: __NAMES, statuses: ")
        .slice(rows, |s, (_, v)| {
            s.int(v.status(), "u16");
        });
    let run_time = intern(rows.iter().map(|(_, v)| {
        v.run_time_statuses()
            .into_iter()
            .map(|range| match range {
                StatusRange::Exact(status) => status,
                StatusRange::Class(class) => class,
            })
            .collect::<Vec<u16>>()
    }));
    fields.code(", run_time_statuses: ");
    run_time.lists(&mut fields);
    fields
        .code(", run_time_status_values: ")
        .slice(run_time.items(), |s, status| {
            s.int(*status, "u16");
        });
    fields
        .code(", codes: __CODES, messages: ")
        .strs(rows.iter().map(|(_, v)| v.catalog_message()))
        .code(", interpolated: ")
        .slice(rows, |s, (_, v)| {
            s.bool(v.is_interpolated());
        })
        .code(", docs: ")
        .texts(
            rows.iter()
                .map(|(_, v)| Some(v.docs.as_str()).filter(|d| !d.is_empty())),
        )
        .code(", bodies: ")
        .strs(
            rows.iter()
                .map(|(i, _)| ctx.static_bodies[*i].as_deref().unwrap_or("")),
        )
        .code(", content_type_of: ")
        .bytes(&content_type_of)
        .code(", styles: ")
        .strs(styles)
        .code(", titles: ")
        .texts(
            rows.iter()
                .map(|(_, v)| v.attrs.title.as_ref().map(|t| t.value.as_str())),
        );
    fields.code(", parents: &[");
    for (row, (_, v)) in rows.iter().enumerate() {
        let Some(parent) = &v.attrs.parent else {
            continue;
        };
        fields
            .code("(")
            .int(u32::try_from(row).unwrap_or(u32::MAX), "u32")
            .code(", ");
        code_source(&mut fields, &parent.value).code("), ");
    }
    fields.code("], fields: ");
    exposed.lists(&mut fields);
    fields
        .code(", field_keys: ")
        .strs(exposed.items().map(|f| &f.key))
        .code(", field_types: ")
        .strs(exposed.items().map(|f| &f.ty))
        .code(", field_json_types: ");
    field_json_types(&mut fields, exposed);
    fields.code(", field_examples: ");
    if exposed.items().any(|f| !f.example.is_empty()) {
        fields.strs(exposed.items().map(|f| &f.example));
    } else {
        fields.code("&[]");
    }

    headers(&mut fields, ctx, rows);
    fields
        .code(", example_messages: ")
        .texts(rows.iter().map(|(_, v)| example_message(v)))
        .code(", type_base: ")
        .option_str(ctx.cont.attrs.type_base.as_ref().map(|t| t.value.as_str()));
    fields.code(", member_names: ");
    member_names(&mut fields, ctx);
    constants(&mut fields, ctx, rows);
    grpc(&mut fields, ctx, rows);
    fields.code(",");
    fields.into_tokens()
}

/// The gRPC columns: `grpc_codes`, sparse (few variants name a gRPC code) as `(row, code)`
/// pairs, and `grpc_domain`.
fn grpc(fields: &mut Source, ctx: &Ctx<'_, '_>, rows: &[(usize, &Variant<'_>)]) {
    let named: Vec<(u32, u8)> = rows
        .iter()
        .enumerate()
        .filter_map(|(row, (_, v))| Some((u32::try_from(row).ok()?, v.attrs.grpc.as_ref()?.value)))
        .collect();
    fields
        .code(", grpc_codes: ")
        .slice(named, |s, (row, code)| {
            s.code("(")
                .int(row, "u32")
                .code(", ")
                .int(code, "u8")
                .code(")");
        });
    fields.code(", grpc_domain: ");
    match &ctx.cont.attrs.grpc_domain {
        Some(domain) => fields.str(&domain.value),
        // A service's reasons belong to it: by default, its package's name (the module's path
        // when the build is not cargo's).
        None => fields.code(
            "match ::core::option_env!(\"CARGO_PKG_NAME\") { ::core::option::Option::Some(__n) => __n, ::core::option::Option::None => ::core::module_path!() }",
        ),
    };
}

/// The headers of the table: `headers` (the rows' lists), `header_names` and `header_sources`.
fn headers(out: &mut Source, ctx: &Ctx<'_, '_>, rows: &[(usize, &Variant<'_>)]) {
    let headers = intern(rows.iter().map(|(_, v)| {
        v.sent_headers(&ctx.cont.attrs)
            .iter()
            .map(|sent| match sent {
                Sent::Field(_) => (sent.name(), HeaderKind::Field, String::new()),
                Sent::Fixed(h, text) => (h.name.clone(), HeaderKind::Fixed, (*text).to_owned()),
                Sent::Template(h, template) => (
                    h.name.clone(),
                    HeaderKind::Template,
                    template.written.clone(),
                ),
            })
            .collect()
    }));
    out.code(", headers: ");
    headers.lists(out);
    out.code(", header_names: ")
        .strs(headers.items().map(|(name, ..)| name))
        .code(", header_sources: ");
    if headers
        .items()
        .all(|(_, kind, _)| *kind == HeaderKind::Field)
    {
        out.code("&[]");
    } else {
        out.slice(headers.items(), |s, (_, kind, text)| match kind {
            HeaderKind::Field => {
                s.code("__ec::HeaderSource::Field");
            }
            HeaderKind::Fixed => {
                s.code("__ec::HeaderSource::Fixed(").str(text).code(")");
            }
            HeaderKind::Template => {
                s.code("__ec::HeaderSource::Template(").str(text).code(")");
            }
        });
    }
}

/// Each row's list of items, each distinct list written once: the rows that have a list (in
/// order), the index of each one's list, and the distinct lists (see the runtime's `Lists`).
struct Interned<T> {
    rows: Vec<u32>,
    of: Vec<u32>,
    lists: Vec<Vec<T>>,
}

/// The rows' lists (an empty one for a row without), each distinct one once.
fn intern<T: Eq + std::hash::Hash + Clone>(
    per_row: impl IntoIterator<Item = Vec<T>>,
) -> Interned<T> {
    let mut interned = Interned {
        rows: Vec::new(),
        of: Vec::new(),
        lists: Vec::new(),
    };
    let mut index: std::collections::HashMap<Vec<T>, u32> = std::collections::HashMap::new();
    for (row, list) in per_row.into_iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let next = u32::try_from(interned.lists.len()).unwrap_or(u32::MAX);
        let of = *index.entry(list).or_insert_with_key(|list| {
            interned.lists.push(list.clone());
            next
        });
        interned.rows.push(u32::try_from(row).unwrap_or(u32::MAX));
        interned.of.push(of);
    }
    interned
}

impl<T> Interned<T> {
    /// Every distinct list's items, one list after the other.
    fn items(&self) -> impl Iterator<Item = &T> {
        self.lists.iter().flatten()
    }

    /// `__ec::Lists { rows: .., of: .., ends: .. }`.
    fn lists(&self, out: &mut Source) {
        let mut end = 0;
        let ends = self.lists.iter().map(|list| {
            end += list.len();
            u32::try_from(end).unwrap_or(u32::MAX)
        });
        out.code("__ec::Lists { rows: ")
            .ints(self.rows.iter().copied())
            .code(", of: ")
            .ints(self.of.iter().copied())
            .code(", ends: ")
            .ints(ends)
            .code(" }");
    }
}

/// Where a header's value comes from, for [`intern`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum HeaderKind {
    Field,
    Fixed,
    Template,
}

/// An exposed field as the catalog has it: rows whose fields have the same keys, types,
/// examples and schemas share a list.
#[derive(Clone)]
struct Exposed<'f, 'a> {
    key: String,
    /// The type as written.
    ty: String,
    /// The `example` as JSON text, `""` for none.
    example: String,
    /// The field, when its schema is asked for from its type (see [`field_schema`]).
    schema: Option<&'f crate::ast::Field<'a>>,
    field: &'f crate::ast::Field<'a>,
}

impl PartialEq for Exposed<'_, '_> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
            && self.ty == other.ty
            && self.example == other.example
            && self.schema.is_some() == other.schema.is_some()
    }
}

impl Eq for Exposed<'_, '_> {}

impl std::hash::Hash for Exposed<'_, '_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key.hash(state);
        self.ty.hash(state);
        self.example.hash(state);
        self.schema.is_some().hash(state);
    }
}

/// A row's exposed fields, in body order.
fn exposed_fields<'f, 'a>(ctx: &Ctx<'_, '_>, v: &'f Variant<'a>) -> Vec<Exposed<'f, 'a>> {
    v.exposed()
        .map(|f| {
            let ty = type_text(f.ty());
            let example = f
                .attrs
                .example
                .as_ref()
                .map_or_else(String::new, |e| example_json(f.ty(), &e.value));
            let schema = schema_asked(ctx, f, &ty).then_some(f);
            Exposed {
                key: f.key(),
                ty,
                example,
                schema,
                field: f,
            }
        })
        .collect()
}

/// The constants of the table: `constants` (the rows' lists) and `constant_members`.
fn constants(out: &mut Source, ctx: &Ctx<'_, '_>, rows: &[(usize, &Variant<'_>)]) {
    let lists = intern(rows.iter().map(|(_, v)| {
        v.constants(&ctx.cont.attrs)
            .iter()
            .map(|(name, value, _)| {
                let value = match static_body::constant(value) {
                    ConstantValue::Str(text) => (0, text.to_owned()),
                    ConstantValue::Number(n) => (1, n.to_owned()),
                    ConstantValue::Bool(b) => (2, b.to_string()),
                };
                (name.clone(), value)
            })
            .collect()
    }));
    out.code(", constants: ");
    lists.lists(out);
    out.code(", constant_members: ")
        .slice(lists.items(), |s, (name, (kind, text))| {
            s.code("__ec::Constant { name: ")
                .str(name)
                .code(", value: __ec::ConstantValue::");
            match kind {
                0 => s.code("Str(").str(text),
                1 => s.code("Number(").str(text),
                _ => s.code("Bool(").code(text),
            };
            s.code(") }");
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

/// The `field_json_types` column: each exposed field's `JsonType`, in the order of
/// `field_keys`; empty when none is known.
fn field_json_types(out: &mut Source, exposed: &Interned<Exposed<'_, '_>>) {
    let types: Vec<FieldType> = exposed
        .items()
        .map(|f| FieldType::of(f.field.ty()))
        .collect();
    if types
        .iter()
        .all(|ty| *ty.unwrapped().0 == FieldType::Unknown)
    {
        out.code("&[]");
        return;
    }
    out.slice(&types, |s, ty| {
        let mut text = String::new();
        ty.write_json_type(&mut text);
        s.code(&text);
    });
}

/// The `field_schemas` column: per exposed field in the order of `field_keys`, the function that
/// gives its schema (`untyped` for a field whose schema is not asked for); empty when no
/// field's is.
fn field_schemas(exposed: &Interned<Exposed<'_, '_>>) -> Vec<TokenStream> {
    if exposed.items().all(|f| f.schema.is_none()) {
        return Vec::new();
    }
    exposed
        .items()
        .map(|f| match f.schema {
            Some(field) => field_schema(field),
            None => quote!(__ec::schema::untyped),
        })
        .collect()
}

/// Whether the schema of a field's type is asked for: the field is marked `schema`, and its
/// type (`text`) names no generic parameter, no lifetime other than `'static` and no `Self` (a
/// function item inside the static cannot name them).
fn schema_asked(ctx: &Ctx<'_, '_>, field: &crate::ast::Field<'_>, text: &str) -> bool {
    if field.attrs.schema.is_none() {
        return false;
    }
    let local_lifetime = text
        .match_indices('\'')
        .any(|(i, _)| !text[i + 1..].starts_with("static"));
    !(ctx.params.intersects(field.ty()) || local_lifetime || text.contains("Self"))
}

/// For a field whose schema is asked for ([`schema_asked`]), the function that gives the schema
/// of its type from its `utoipa::ToSchema` or `schemars::JsonSchema` impl (autoref
/// specialization, see the runtime's `field_schema.rs`).
fn field_schema(field: &crate::ast::Field<'_>) -> TokenStream {
    let ty = field.ty();
    quote_spanned! {field.span()=> {
        fn __field_schema() -> ::core::option::Option<__ec::serde_json::Value> {
            #[allow(unused_imports)]
            use __ec::schema::{Schemars as _, Untyped as _, Utoipa as _};
            (&&&__ec::schema::Probe::<#ty>::NEW).field_schema()
        }
        __field_schema as __ec::schema::FieldSchema
    }}
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
