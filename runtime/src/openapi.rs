//! The catalog as `OpenAPI` 3.1 (feature `openapi`, on with `utoipa` and `schemars`): the
//! components of [`Catalog::to_openapi`], the responses the `utoipa` integration hands to
//! utoipa, and [`responses!`](crate::responses) for the errors of one route.

use crate::json::Field;
use crate::style::{ConstantValue, Names};
use crate::{Body, Code};
use crate::{Catalog, CatalogEntry, HeaderSource, JsonType};
use core::fmt::Write as _;
use error_contract_wire::{Builtin, Role};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

impl Catalog {
    /// The catalog as `OpenAPI` 3.1 components: the object that goes under `components` in an
    /// `OpenAPI` document, with `schemas` and `responses`.
    ///
    /// - `schemas` has one schema per wire style the catalog uses: `ErrorDto`, `ErrorNested`,
    ///   `ErrorFlat`, `ErrorMessage` and `ProblemDetails` (RFC 9457) for the built-in styles,
    ///   the style's path (`::` written `.`) for a custom style, whose schema only says that the
    ///   body is an object. An enum that names the style's own members otherwise or leaves some
    ///   out has a schema of its own, named by them (`ErrorFlat.code-error.message-error_description`,
    ///   `ProblemDetails.no-code.no-status`), so that a name means one shape in every document. The code is an `integer` or a `string` as the catalog's codes are;
    ///   the exposed fields of the catalog's variants are optional properties, typed when their
    ///   Rust type is a plain one (integers, floats, `bool`, strings, and `Option`, `Vec`,
    ///   slices of those; one key exposed with two types, or with another type, stays untyped).
    ///   Each schema is written once, and describes its style only: it is shared by every
    ///   response.
    /// - `responses` has one response per declared status, named by the status (`"404"`). Its
    ///   description lists the codes with their messages and descriptions; its `headers` are
    ///   those the variants send (`#[api_error(header = "Retry-After")]` and `headers(...)`, a
    ///   string, described with the codes that send it; a header that every one of them sends as
    ///   a literal, like `Cache-Control: no-store`, has those literals as its `enum` and the
    ///   first as its `example`; a template is quoted in the description); its content, per content type, refers to the style's
    ///   schema (`$ref`) together with the codes this response can carry, as the code property's
    ///   `enum` (`allOf`; `anyOf` over such schemas when a content type has several styles), and
    ///   one example per variant, named by the code: the body itself when it has no run-time
    ///   part, else a body built with example values (a field's
    ///   [`example`](derive@crate::ApiError#example), else from its plain type: `0`, `0.0`, `false`,
    ///   `"string"`, a one-item list; the message with these values in place of its fields)
    ///   when every run-time part has one and the style is a built-in one.
    ///
    /// Refer to a response from an operation as `{"$ref": "#/components/responses/404"}`.
    /// With the `utoipa` feature, `#[utoipa::path(responses(MyError))]` documents the same
    /// responses, and [`utoipa::ErrorSchemas`](crate::utoipa::ErrorSchemas) adds the schemas.
    ///
    /// ```
    /// use error_contract::ApiError;
    /// use serde_json::json;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "flat")]
    /// enum ShopError {
    ///     /// Entity was not found.
    ///     #[api_error(status = 404, code = 3001, message = "entity not found")]
    ///     NotFound,
    ///     /// Too many requests.
    ///     #[api_error(status = 429, code = 4029, message = "too many requests")]
    ///     RateLimited {
    ///         #[api_error(expose, rename = "retryAfter")]
    ///         retry_after: u32,
    ///         #[api_error(header = "Retry-After")]
    ///         header: u32,
    ///     },
    /// }
    ///
    /// assert_eq!(
    ///     ShopError::catalog().to_openapi(),
    ///     json!({
    ///         "schemas": {
    ///             "ErrorFlat": {
    ///                 "description": "An error body in the `flat` style.",
    ///                 "type": "object",
    ///                 "required": ["code", "message"],
    ///                 "properties": {
    ///                     "code": {"description": "The stable error code.", "type": "integer"},
    ///                     "message": {"description": "The public message.", "type": "string"},
    ///                     "retryAfter": {
    ///                         "description": "A field that some errors of this style expose.",
    ///                         "type": "integer"
    ///                     }
    ///                 }
    ///             }
    ///         },
    ///         "responses": {
    ///             "404": {
    ///                 "description": "Not Found\n\n- `3001`: entity not found — Entity was not found.",
    ///                 "content": {
    ///                     "application/json": {
    ///                         "schema": {
    ///                             "allOf": [
    ///                                 {"$ref": "#/components/schemas/ErrorFlat"},
    ///                                 {"properties": {"code": {"enum": [3001]}}}
    ///                             ]
    ///                         },
    ///                         "examples": {
    ///                             "3001": {
    ///                                 "summary": "entity not found",
    ///                                 "description": "Entity was not found.",
    ///                                 "value": {"code": 3001, "message": "entity not found"}
    ///                             }
    ///                         }
    ///                     }
    ///                 }
    ///             },
    ///             "429": {
    ///                 "description": "Too Many Requests\n\n- `4029`: too many requests — Too many requests.",
    ///                 "headers": {
    ///                     "Retry-After": {
    ///                         "description": "Sent with code `4029`.",
    ///                         "schema": {"type": "string"}
    ///                     }
    ///                 },
    ///                 "content": {
    ///                     "application/json": {
    ///                         "schema": {
    ///                             "allOf": [
    ///                                 {"$ref": "#/components/schemas/ErrorFlat"},
    ///                                 {"properties": {"code": {"enum": [4029]}}}
    ///                             ]
    ///                         },
    ///                         "examples": {
    ///                             "4029": {
    ///                                 "summary": "too many requests",
    ///                                 "description": "Too many requests.",
    ///                                 "value": {"code": 4029, "message": "too many requests", "retryAfter": 0}
    ///                             }
    ///                         }
    ///                     }
    ///                 }
    ///             }
    ///         }
    ///     })
    /// );
    /// ```
    #[must_use]
    pub fn to_openapi(&self) -> Value {
        let styles = Styles::of(self);
        json!({
            "schemas": styles.schemas(),
            "responses": responses_with(self, &styles),
        })
    }
}

/// The `OpenAPI` response objects of `catalog`, by status, as in [`Catalog::to_openapi`].
#[cfg(feature = "utoipa")]
pub(crate) fn responses(catalog: &Catalog) -> Map<String, Value> {
    responses_with(catalog, &Styles::of(catalog))
}

/// The schemas that the responses of these entries refer to, as in [`Catalog::to_openapi`].
#[cfg(feature = "utoipa")]
pub(crate) fn schemas(entries: impl IntoIterator<Item = CatalogEntry>) -> Map<String, Value> {
    Styles::of(entries).schemas()
}

fn responses_with(catalog: &Catalog, styles: &Styles) -> Map<String, Value> {
    let mut by_status: BTreeMap<u16, Vec<CatalogEntry>> = BTreeMap::new();
    for entry in catalog {
        by_status
            .entry(entry.status().as_u16())
            .or_default()
            .push(entry);
    }
    by_status
        .into_iter()
        .map(|(status, entries)| {
            let response = response(status, &entries, styles);
            (status.to_string(), response)
        })
        .collect()
}

/// The response for one status: a description listing the codes, the headers its errors send,
/// and per content type the schema (the style's, with the codes of this status) and the
/// examples.
fn response(status: u16, entries: &[CatalogEntry], styles: &Styles) -> Value {
    type StyleCodes = Vec<((&'static str, &'static Names<'static>), Vec<Code<'static>>)>;

    let mut description = String::from(reason(status));
    description.push_str("\n\n");
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            description.push('\n');
        }
        let _ = write!(description, "- `{}`: {}", entry.code(), entry.message());
        if !entry.description().is_empty() {
            let _ = write!(description, " — {}", entry.description());
        }
    }

    // Content types and, per content type, the styles with their codes, in order of first use.
    let mut content: Vec<(&'static str, StyleCodes, Map<String, Value>)> = Vec::new();
    for entry in entries {
        let content_type = entry.content_type();
        let index = content
            .iter()
            .position(|(ct, _, _)| *ct == content_type)
            .unwrap_or_else(|| {
                content.push((content_type, Vec::new(), Map::new()));
                content.len() - 1
            });
        let (_, used, examples) = &mut content[index];
        let key = (entry.style(), entry.names());
        match used.iter_mut().find(|(style, _)| *style == key) {
            Some((_, codes)) => codes.push(entry.code()),
            None => used.push((key, vec![entry.code()])),
        }
        if let Some(value) = example_body(*entry) {
            let mut example = Map::new();
            example.insert("summary".into(), entry.message().into());
            if !entry.description().is_empty() {
                example.insert("description".into(), entry.description().into());
            }
            example.insert("value".into(), value);
            let name = example_name(examples, entry);
            examples.insert(name, Value::Object(example));
        }
    }

    let content: Map<String, Value> = content
        .into_iter()
        .map(|(content_type, used, examples)| {
            let mut schema_of = used.iter().filter_map(|((name, names), codes)| {
                Some(styles.get(name, names)?.response_schema(codes))
            });
            let schema = if used.len() == 1 {
                schema_of.next().unwrap_or_else(|| json!({}))
            } else {
                json!({ "anyOf": schema_of.collect::<Vec<Value>>() })
            };
            let mut media = Map::new();
            media.insert("schema".into(), schema);
            if !examples.is_empty() {
                media.insert("examples".into(), Value::Object(examples));
            }
            (content_type.to_owned(), Value::Object(media))
        })
        .collect();

    let mut response = Map::new();
    response.insert("description".into(), description.into());
    let headers = headers(entries);
    if !headers.is_empty() {
        response.insert("headers".into(), Value::Object(headers));
    }
    response.insert("content".into(), Value::Object(content));
    Value::Object(response)
}

/// The headers that the errors of one response send, by name as first written (names are
/// case-insensitive), each described with the codes that send it. A header every one of those
/// codes sends as a literal has the literals as its schema's `enum` and the first as its
/// `example`; a template is quoted in the description.
fn headers(entries: &[CatalogEntry]) -> Map<String, Value> {
    struct Sent {
        name: &'static str,
        codes: Vec<Code<'static>>,
        /// The distinct literals, or `None` once a code sends it from a field or a template.
        fixed: Option<Vec<&'static str>>,
        templates: Vec<&'static str>,
    }
    let mut headers: Vec<Sent> = Vec::new();
    for entry in entries {
        for (name, source) in entry.header_sources() {
            let index = headers
                .iter()
                .position(|h| h.name.eq_ignore_ascii_case(name))
                .unwrap_or_else(|| {
                    headers.push(Sent {
                        name,
                        codes: Vec::new(),
                        fixed: Some(Vec::new()),
                        templates: Vec::new(),
                    });
                    headers.len() - 1
                });
            let sent = &mut headers[index];
            sent.codes.push(entry.code());
            match source {
                HeaderSource::Fixed(value) => {
                    if let Some(fixed) = &mut sent.fixed {
                        if !fixed.contains(&value) {
                            fixed.push(value);
                        }
                    }
                }
                HeaderSource::Template(template) => {
                    sent.fixed = None;
                    if !sent.templates.contains(&template) {
                        sent.templates.push(template);
                    }
                }
                HeaderSource::Field => sent.fixed = None,
            }
        }
    }
    headers
        .into_iter()
        .map(|sent| {
            let codes: Vec<String> = sent.codes.iter().map(|code| format!("`{code}`")).collect();
            let mut description = match &codes[..] {
                [one] => format!("Sent with code {one}."),
                _ => format!("Sent with codes {}.", codes.join(", ")),
            };
            for template in &sent.templates {
                let _ = write!(description, " Written from `{template}`.");
            }
            let header = match &sent.fixed {
                Some(values) => json!({
                    "description": description,
                    "schema": { "type": "string", "enum": values },
                    "example": values.first(),
                }),
                None => json!({ "description": description, "schema": { "type": "string" } }),
            };
            (sent.name.to_owned(), header)
        })
        .collect()
}

/// The body of an entry as an example: the static body, or one built with example values for a
/// body with run-time parts (an example message, a value per exposed field: the field's
/// `#[api_error(example = ...)]`, else one from its type) when every part has one and the style
/// is a built-in one.
fn example_body(entry: CatalogEntry) -> Option<Value> {
    if let Some(body) = entry.static_body() {
        return serde_json::from_str(body).ok();
    }
    let message = if entry.is_interpolated() {
        entry.example_message()?
    } else {
        entry.message()
    };
    let values: Vec<Value> = entry
        .field_json_types()
        .enumerate()
        .map(|(i, ty)| entry.field_example(i).or_else(|| example(ty)))
        .collect::<Option<_>>()?;
    let fields: Vec<Field<'_>> = entry
        .fields()
        .iter()
        .zip(&values)
        .map(|(key, value)| Field::new(key, value))
        .collect();
    // The problem's `instance` is an exposed field written in its RFC place.
    let (instance, fields): (Vec<Field<'_>>, Vec<Field<'_>>) = fields
        .into_iter()
        .partition(|field| field.key() == "instance" && entry.style() == "problem");
    let parts = entry
        .parts(entry.status(), &message)
        .with_fields(&fields)
        .with_instance(instance.first());
    let style = Builtin::from_name(entry.style())?;
    let body = Body::build_with::<{ crate::json::STACK }>(style.content_type(), &|out| {
        crate::style::write::body(style, &parts, out);
    });
    serde_json::from_str(&body).ok()
}

/// The schema of a field of a plain type: its JSON type, an array's with its items' when known.
fn schema(ty: JsonType) -> Option<Value> {
    Some(match ty {
        JsonType::Integer { .. } => json!({ "type": "integer" }),
        JsonType::Number => json!({ "type": "number" }),
        JsonType::Boolean => json!({ "type": "boolean" }),
        JsonType::Str { .. } => json!({ "type": "string" }),
        JsonType::Array(items) => match schema(*items) {
            Some(items) => json!({ "type": "array", "items": items }),
            None => json!({ "type": "array" }),
        },
        JsonType::Unknown => return None,
    })
}

/// An example value of a field of a plain type: `0` (`1` for a `NonZero`), `0.0`, `false`,
/// `"string"`, `"a"` for a `char`, a one-item list. The derive writes the same values into
/// example messages (`FieldType::example_text` in the macro crate), so that a message agrees
/// with the fields beside it.
fn example(ty: JsonType) -> Option<Value> {
    Some(match ty {
        JsonType::Integer { non_zero: false } => json!(0),
        JsonType::Integer { non_zero: true } => json!(1),
        JsonType::Number => json!(0.0),
        JsonType::Boolean => json!(false),
        JsonType::Str { char: false } => json!("string"),
        JsonType::Str { char: true } => json!("a"),
        JsonType::Array(item) => json!([example(*item)?]),
        JsonType::Unknown => return None,
    })
}

/// An example's name: the code. Codes are unique in a catalog (the derive rejects a duplicate,
/// nested enums included); should two entries share one anyway, the second is told apart by its
/// variant's name rather than hidden.
fn example_name(examples: &Map<String, Value>, entry: &CatalogEntry) -> String {
    let code = entry.code().to_string();
    if examples.contains_key(&code) {
        format!("{code}-{}", entry.name())
    } else {
        code
    }
}

/// The reason phrase, or "Client Error" / "Server Error" for an unregistered status.
fn reason(status: u16) -> &'static str {
    error_contract_wire::reason::title(status)
}

/// The name of a style's schema under `components/schemas`, the same in every document: the
/// style's (`ErrorDto`, `ErrorNested`, `ErrorFlat`, `ErrorMessage`, `ProblemDetails`; a custom
/// style's path, `::` written `.`), followed by each of its own members that the enum names
/// otherwise (`.code-error`, `.message-error_description`) or leaves out (`.no-code`,
/// `.no-status`). A name with a character a component name may not hold (`^[a-zA-Z0-9._-]+$`)
/// or a dot has it replaced by `_` and a hash of the names appended, so that two sets of names
/// never share a schema.
fn schema_name(style: &str, names: &Names<'_>) -> String {
    let Some(builtin) = Builtin::from_name(style) else {
        return custom_schema_name(style);
    };
    let mut name = String::from(match builtin {
        Builtin::Dto => "ErrorDto",
        Builtin::Nested => "ErrorNested",
        Builtin::Flat => "ErrorFlat",
        Builtin::Message => "ErrorMessage",
        Builtin::Problem => "ProblemDetails",
    });
    let own = Names::DEFAULT;
    let renamed = [
        (
            Role::Envelope,
            builtin.envelope_name(names),
            builtin.envelope_name(&own),
        ),
        (
            Role::Code,
            builtin.code_name(names),
            builtin.code_name(&own),
        ),
        (
            Role::Message,
            Some(builtin.message_name(names)),
            Some(builtin.message_name(&own)),
        ),
    ];
    let mut hashed = false;
    for (role, given, own) in renamed {
        match given {
            Some(given) if Some(given) != own => {
                let _ = write!(name, ".{}-", role.name());
                for c in given.chars() {
                    if c.is_ascii_alphanumeric() || matches!(c, '-' | '_') {
                        name.push(c);
                    } else {
                        name.push('_');
                        hashed = true;
                    }
                }
            }
            // Left out: the problem's code.
            None if own.is_some() => {
                let _ = write!(name, ".no-{}", role.name());
            }
            _ => {}
        }
    }
    if names.skip_status && builtin.skips(Role::Status) {
        name.push_str(".no-status");
    }
    if hashed {
        // FNV-1a over the names as given.
        let mut hash: u32 = 0x811c_9dc5;
        for given in [names.envelope, names.code, names.message]
            .into_iter()
            .flatten()
        {
            for byte in given.bytes().chain([0]) {
                hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
            }
        }
        let _ = write!(name, ".{hash:08x}");
    }
    name
}

/// A custom style's schema name: its path, `::` written `.`, other characters `_`.
fn custom_schema_name(style: &str) -> String {
    let name: String = style
        .replace("::", ".")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = name.trim_start_matches('.');
    if name.is_empty() {
        "Error".into()
    } else {
        name.into()
    }
}

/// The styles a catalog uses, in order of first use.
struct Styles {
    list: Vec<StyleUse>,
}

/// One style and what the catalog's entries of that style put in their bodies.
struct StyleUse {
    style: &'static str,
    /// The names of the style's own members, from the entries' enum.
    names: &'static Names<'static>,
    /// The schema's name under `components/schemas`: the style's, followed by the members it
    /// names otherwise (see [`schema_name`]).
    name: String,
    /// The constant members of every entry of this style, in order of first appearance, with
    /// their JSON type.
    members: Vec<(&'static str, &'static str)>,
    numeric_codes: bool,
    string_codes: bool,
    /// The exposed fields of every entry of this style, in order of first appearance, with
    /// their JSON Schema when every entry that exposes the key gives it the same one.
    fields: Vec<(&'static str, Option<Value>)>,
}

impl Styles {
    fn of(entries: impl IntoIterator<Item = CatalogEntry>) -> Styles {
        let mut list: Vec<StyleUse> = Vec::new();
        for entry in entries {
            let name = schema_name(entry.style(), entry.names());
            let index = list.iter().position(|s| s.name == name).unwrap_or_else(|| {
                list.push(StyleUse {
                    style: entry.style(),
                    names: entry.names(),
                    name,
                    members: Vec::new(),
                    numeric_codes: false,
                    string_codes: false,
                    fields: Vec::new(),
                });
                list.len() - 1
            });
            let style = &mut list[index];
            for member in entry.constants() {
                if !style.members.iter().any(|(name, _)| *name == member.name) {
                    let ty = match member.value {
                        ConstantValue::Str(_) => "string",
                        ConstantValue::Number(_) => "number",
                        ConstantValue::Bool(_) => "boolean",
                    };
                    style.members.push((member.name, ty));
                }
            }
            match entry.code() {
                Code::Num(_) => style.numeric_codes = true,
                Code::Str(_) => style.string_codes = true,
            }
            for (i, (field, ty)) in entry
                .fields()
                .iter()
                .zip(entry.field_json_types())
                .enumerate()
            {
                let schema = schema(ty).or_else(|| entry.field_schema(i));
                match style.fields.iter_mut().find(|(key, _)| key == field) {
                    Some((_, known)) => {
                        if *known != schema {
                            *known = None;
                        }
                    }
                    None => style.fields.push((field, schema)),
                }
            }
        }
        Styles { list }
    }

    fn get(&self, style: &str, names: &Names<'_>) -> Option<&StyleUse> {
        let name = schema_name(style, names);
        self.list.iter().find(|s| s.name == name)
    }

    /// `components/schemas`: one schema per style.
    fn schemas(&self) -> Map<String, Value> {
        self.list
            .iter()
            .map(|style| (style.name.clone(), style.schema()))
            .collect()
    }
}

impl StyleUse {
    /// The schema of one response's bodies of this style: a reference to the style's schema,
    /// and, where the style writes a code, the codes this response can carry as its `enum`.
    fn response_schema(&self, codes: &[Code<'static>]) -> Value {
        let reference = json!({ "$ref": format!("#/components/schemas/{}", self.name) });
        let codes: Vec<Value> = codes
            .iter()
            .map(|code| match code {
                Code::Num(n) => json!(n),
                Code::Str(s) => json!(s),
            })
            .collect();
        // No code in the body (`message`, a problem without one), or a body whose shape is not
        // known (custom).
        let Some(style) = Builtin::from_name(self.style) else {
            return reference;
        };
        let Some(code_name) = style.code_name(self.names) else {
            return reference;
        };
        let only = json!({ "properties": { code_name: { "enum": codes } } });
        let only = match style.envelope_name(self.names) {
            Some(envelope) if style == Builtin::Dto => {
                json!({ "properties": { envelope: { "type": "array", "items": only } } })
            }
            Some(envelope) => json!({ "properties": { envelope: only } }),
            None => only,
        };
        json!({ "allOf": [reference, only] })
    }

    /// The JSON Schema of the style's bodies.
    ///
    /// Its description names the style only: the schema is shared by every response, so an
    /// example body here would show one status's error under every other status.
    fn schema(&self) -> Value {
        let description = format!("An error body in the `{}` style.", self.style);
        let code = json!({ "description": "The stable error code.", "type": self.code_type() });
        let message = json!({ "description": "The public message.", "type": "string" });
        let Some(style) = Builtin::from_name(self.style) else {
            return json!({
                "description": format!("An error body in the custom style `{}`.", self.style),
                "type": "object",
            });
        };
        let names = self.names;
        let mut required: Vec<&str> = Vec::new();
        let mut schemas: Vec<Value> = Vec::new();
        for (name, role) in style.own_members(names) {
            let schema = match role {
                Role::Code => code.clone(),
                Role::Message => message.clone(),
                Role::Type => json!({
                    "description": "A URI reference that identifies the problem type.",
                    "type": "string",
                    "format": "uri-reference",
                }),
                Role::Title => {
                    json!({ "description": "A short summary of the problem type.", "type": "string" })
                }
                Role::Status => json!({
                    "description": "The HTTP status code.",
                    "type": "integer",
                    "minimum": 400,
                    "maximum": 599,
                }),
                // Written when an error has one: an exposed field, below.
                Role::Instance | Role::Envelope => continue,
            };
            required.push(name);
            schemas.push(schema);
        }
        let object = self.object(&required, schemas);
        match style.envelope_name(names) {
            Some(envelope) => {
                let inner = if style == Builtin::Dto {
                    json!({ "type": "array", "items": object })
                } else {
                    object
                };
                json!({
                    "description": description,
                    "type": "object",
                    "required": [envelope],
                    "properties": { envelope: inner },
                })
            }
            None if style == Builtin::Problem => {
                with_description(object, format!("{description} RFC 9457 problem details."))
            }
            None => with_description(object, description),
        }
    }

    /// An object schema with these required members, then the exposed fields as optional ones,
    /// typed where their Rust type is a plain one.
    fn object(&self, required: &[&str], schemas: Vec<Value>) -> Value {
        let mut properties: Map<String, Value> = required
            .iter()
            .map(|key| (*key).to_owned())
            .zip(schemas)
            .collect();
        for (name, ty) in &self.members {
            if !properties.contains_key(*name) {
                let property = json!({
                    "description": "A constant member of some errors of this style.",
                    "type": ty,
                });
                properties.insert((*name).to_owned(), property);
            }
        }
        for (field, schema) in &self.fields {
            if !properties.contains_key(*field) {
                let mut property = Map::new();
                property.insert(
                    "description".into(),
                    "A field that some errors of this style expose.".into(),
                );
                if let Some(Value::Object(schema)) = schema {
                    property.extend(schema.clone());
                }
                properties.insert((*field).to_owned(), Value::Object(property));
            }
        }
        json!({ "type": "object", "required": required, "properties": properties })
    }

    fn code_type(&self) -> Value {
        match (self.numeric_codes, self.string_codes) {
            (true, false) => json!("integer"),
            (false, true) => json!("string"),
            _ => json!(["integer", "string"]),
        }
    }
}

fn with_description(mut schema: Value, description: String) -> Value {
    if let Value::Object(map) = &mut schema {
        map.insert("description".into(), description.into());
    }
    schema
}

impl Catalog {
    /// The entries whose variant names are among `names`, in catalog order: the errors one route
    /// can answer. [`responses!`](crate::responses) builds one, with the names checked at compile
    /// time against the enum.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum ShopError {
    ///     #[api_error(status = 404, code = 3001)]
    ///     NotFound,
    ///     #[api_error(status = 409, code = 3009)]
    ///     Conflict,
    ///     #[api_error(status = 429, code = 4029)]
    ///     RateLimited,
    /// }
    ///
    /// let catalog = ShopError::catalog().only(&["RateLimited", "NotFound"]);
    /// let names: Vec<&str> = catalog.iter().map(|e| e.name()).collect();
    /// assert_eq!(names, ["NotFound", "RateLimited"]);
    /// ```
    #[must_use]
    pub fn only(&self, names: &[&str]) -> Catalog {
        Catalog::from_entries(
            self.iter()
                .filter(|entry| names.contains(&entry.name()))
                .collect(),
        )
    }
}

/// Declares a marker type for the errors one route can answer: some variants of an error enum,
/// each checked at compile time (a name that is not a variant of the enum is rustc's "no variant
/// named ..." on that name).
///
/// The type has `catalog()`, the enum's catalog with those variants only (see
/// [`Catalog::only`]), for [`Catalog::to_openapi`]; with the `utoipa` feature it implements
/// `utoipa::IntoResponses` with their responses, for `#[utoipa::path(responses(BookErrors))]`:
/// a `GET /books/{id}` documents its 404 and 429, not every status of the enum. The enum itself
/// stays the default: `responses(ShopError)` documents all of it. A variant whose type has
/// `transparent` variants names its own entries; name the wrapped enum's variants through a
/// marker of that enum.
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
/// enum ShopError {
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
///     #[api_error(status = 409, code = 3009, message = "conflict")]
///     Conflict,
///     #[api_error(status = 429, code = 4029, message = "too many requests")]
///     RateLimited {
///         #[api_error(header = "Retry-After")]
///         retry_after: u32,
///     },
/// }
///
/// error_contract::responses! {
///     /// The errors `GET /books/{id}` can answer.
///     pub struct BookErrors: ShopError { NotFound, RateLimited }
/// }
///
/// let components = BookErrors::catalog().to_openapi();
/// let statuses: Vec<&String> = components["responses"].as_object().unwrap().keys().collect();
/// assert_eq!(statuses, ["404", "429"]);
/// ```
#[macro_export]
#[cfg_attr(docsrs, doc(cfg(feature = "openapi")))]
macro_rules! responses {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident : $enum:ty { $($variant:ident),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        $vis struct $name;

        impl $name {
            /// The catalog of the variants this type names.
            $vis fn catalog() -> $crate::Catalog {
                $crate::Catalog::only(
                    &<$enum as $crate::ApiError>::catalog(),
                    &[$(::core::stringify!($variant)),+],
                )
            }
        }

        const _: () = {
            // Each name is a variant of the enum: rustc says "no variant named ..." otherwise.
            type Enum = $enum;
            #[allow(unreachable_patterns)]
            fn variants(error: &Enum) {
                match *error {
                    $(Enum::$variant { .. } => {})+
                    _ => {}
                }
            }
        };

        $crate::__error_contract_utoipa_responses!($name);
    };
}

/// `utoipa::IntoResponses` for a [`responses!`] marker (feature `utoipa`).
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_utoipa_responses {
    ($name:ident) => {
        #[automatically_derived]
        impl $crate::__private::hooks::utoipa::IntoResponses for $name {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::hooks::utoipa::openapi::RefOr<
                    $crate::__private::hooks::utoipa::openapi::response::Response,
                >,
            > {
                $crate::__private::hooks::utoipa_responses(&$name::catalog())
            }
        }
    };
}

/// Feature `utoipa` is off: nothing.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_utoipa_responses {
    ($name:ident) => {};
}

#[cfg(test)]
mod tests {
    use super::{example, schema};
    use crate::JsonType;
    use serde_json::json;

    const INTEGER: JsonType = JsonType::Integer { non_zero: false };
    const STRING: JsonType = JsonType::Str { char: false };

    #[test]
    fn json_types_have_schemas() {
        for (ty, expected) in [
            (INTEGER, json!({ "type": "integer" })),
            (
                JsonType::Integer { non_zero: true },
                json!({ "type": "integer" }),
            ),
            (JsonType::Number, json!({ "type": "number" })),
            (JsonType::Boolean, json!({ "type": "boolean" })),
            (STRING, json!({ "type": "string" })),
            (JsonType::Str { char: true }, json!({ "type": "string" })),
            (
                JsonType::Array(&STRING),
                json!({ "type": "array", "items": { "type": "string" } }),
            ),
            (
                JsonType::Array(&JsonType::Array(&INTEGER)),
                json!({ "type": "array", "items": { "type": "array", "items": { "type": "integer" } } }),
            ),
            (
                JsonType::Array(&JsonType::Unknown),
                json!({ "type": "array" }),
            ),
        ] {
            assert_eq!(schema(ty), Some(expected), "{ty:?}");
        }
        assert_eq!(schema(JsonType::Unknown), None);
    }

    #[test]
    fn json_types_have_examples() {
        for (ty, expected) in [
            (INTEGER, json!(0)),
            (JsonType::Integer { non_zero: true }, json!(1)),
            (JsonType::Number, json!(0.0)),
            (JsonType::Boolean, json!(false)),
            (STRING, json!("string")),
            (JsonType::Str { char: true }, json!("a")),
            (JsonType::Array(&INTEGER), json!([0])),
            (
                JsonType::Array(&JsonType::Array(&STRING)),
                json!([["string"]]),
            ),
        ] {
            assert_eq!(example(ty), Some(expected), "{ty:?}");
        }
        for ty in [JsonType::Unknown, JsonType::Array(&JsonType::Unknown)] {
            assert_eq!(example(ty), None, "{ty:?}");
        }
    }
}
