//! Feature `utoipa`: `utoipa::IntoResponses` for every derived type.
//!
//! The responses are those of [`Catalog::to_openapi`], with the schemas written in place
//! (`IntoResponses` has no components to refer to), rebuilt with utoipa's builders from the
//! JSON the catalog renders. The rebuilding knows every keyword that rendering writes.

use crate::Catalog;
use crate::catalog::render::{self, Schemas};
use ::utoipa::openapi::RefOr;
use ::utoipa::openapi::content::ContentBuilder;
use ::utoipa::openapi::example::ExampleBuilder;
use ::utoipa::openapi::response::{Response, ResponseBuilder};
use ::utoipa::openapi::schema::{
    AnyOfBuilder, ArrayBuilder, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type,
};
use serde_json::Value;
use std::collections::BTreeMap;

/// The catalog's responses, one per status.
pub fn responses(catalog: &Catalog) -> BTreeMap<String, RefOr<Response>> {
    render::responses(catalog, Schemas::Inline)
        .into_iter()
        .map(|(status, value)| (status, RefOr::T(response(&value))))
        .collect()
}

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn response(value: &Value) -> Response {
    let mut response =
        ResponseBuilder::new().description(text(value, "description").unwrap_or_default());
    for (content_type, media) in value
        .get("content")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let examples = media
            .get("examples")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(name, example)| {
                let mut builder = ExampleBuilder::new().value(example.get("value").cloned());
                if let Some(summary) = text(example, "summary") {
                    builder = builder.summary(summary);
                }
                if let Some(description) = text(example, "description") {
                    builder = builder.description(description);
                }
                (name.clone(), builder.build())
            });
        let content = ContentBuilder::new()
            .schema(media.get("schema").map(schema))
            .examples_from_iter(examples)
            .build();
        response = response.content(content_type.clone(), content);
    }
    response.build()
}

/// One of the JSON Schemas the catalog writes: an object (with `required`, `properties`,
/// `format`, `minimum`, `maximum`), an array (`items`), an `anyOf`, or any value (no `type`).
fn schema(value: &Value) -> RefOr<Schema> {
    let description = text(value, "description");
    if let Some(items) = value.get("anyOf").and_then(Value::as_array) {
        let any_of = items.iter().fold(AnyOfBuilder::new(), |any_of, item| {
            any_of.item(schema(item))
        });
        return any_of.description(description).into();
    }
    let types = match value.get("type") {
        Some(Value::String(name)) => vec![name.as_str()],
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if types == ["array"] {
        let items = value
            .get("items")
            .map_or_else(|| ObjectBuilder::new().into(), schema);
        return ArrayBuilder::new()
            .items(items)
            .description(description)
            .into();
    }
    let mut object = ObjectBuilder::new()
        .schema_type(schema_type(&types))
        .description(description)
        .format(text(value, "format").map(SchemaFormat::Custom))
        .minimum(value.get("minimum").and_then(Value::as_f64))
        .maximum(value.get("maximum").and_then(Value::as_f64));
    for required in value
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(required) = required.as_str() {
            object = object.required(required);
        }
    }
    for (name, property) in value
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        object = object.property(name.clone(), schema(property));
    }
    object.into()
}

fn schema_type(types: &[&str]) -> SchemaType {
    let types: Vec<Type> = types
        .iter()
        .filter_map(|name| match *name {
            "object" => Some(Type::Object),
            "string" => Some(Type::String),
            "integer" => Some(Type::Integer),
            "number" => Some(Type::Number),
            "boolean" => Some(Type::Boolean),
            "array" => Some(Type::Array),
            "null" => Some(Type::Null),
            _ => None,
        })
        .collect();
    match types.as_slice() {
        [] => SchemaType::AnyValue,
        [one] => SchemaType::Type(one.clone()),
        _ => SchemaType::Array(types),
    }
}
