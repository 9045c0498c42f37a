//! A real validator for the `OpenAPI` the catalog renders: the official `OpenAPI` 3.1 JSON Schema
//! (`tests/openapi/`, see its README), applied with the `jsonschema` crate, plus two checks that
//! schema does not make (it describes Schema Objects loosely): every Schema Object is a valid
//! JSON Schema 2020-12, and every example is valid against its response's schema.

#![allow(dead_code, reason = "each test binary uses a part of this module")]

use serde_json::{Map, Value, json};
use std::sync::OnceLock;

/// The official schema of `OpenAPI` 3.1 documents (2022-10-07).
const OAS_3_1_SCHEMA: &str = include_str!("../../openapi/oas-3.1-schema-2022-10-07.json");

fn oas_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(OAS_3_1_SCHEMA).expect("the schema is JSON");
        jsonschema::validator_for(&schema).expect("the OpenAPI 3.1 schema compiles")
    })
}

/// An `OpenAPI` 3.1 document around `components`, with one operation that refers to each of its
/// responses, so that every response is reachable from a path.
pub(crate) fn document(components: &Value) -> Value {
    let responses: Map<String, Value> = components["responses"]
        .as_object()
        .expect("components have responses")
        .keys()
        .map(|status| {
            let reference = json!({ "$ref": format!("#/components/responses/{status}") });
            (status.clone(), reference)
        })
        .collect();
    json!({
        "openapi": "3.1.0",
        "info": { "title": "errors", "version": "1.0.0" },
        "paths": {
            "/things/{id}": {
                "get": {
                    "operationId": "getThing",
                    "parameters": [
                        { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }
                    ],
                    "responses": responses,
                }
            }
        },
        "components": components,
    })
}

/// The validator's complaints about `document`, one line each.
pub(crate) fn oas_errors(document: &Value) -> Vec<String> {
    oas_validator()
        .iter_errors(document)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

/// Asserts that `document` is a valid `OpenAPI` 3.1 document, that each of its Schema Objects is
/// a valid JSON Schema, that each example of each response matches the response's schema (its
/// code among the response's code `enum`), and that each response header has a description and
/// a string schema.
#[track_caller]
pub(crate) fn assert_valid(document: &Value) {
    let errors = oas_errors(document);
    assert!(
        errors.is_empty(),
        "not a valid OpenAPI 3.1 document: {errors:#?}\n{document:#}"
    );
    let components = &document["components"];
    if let Some(schemas) = components.get("schemas").and_then(Value::as_object) {
        for (name, schema) in schemas {
            assert_json_schema(name, schema);
        }
    }
    let responses = responses(document);
    assert!(!responses.is_empty(), "no response to check");
    let errors = example_errors(document);
    assert!(errors.is_empty(), "{errors:#?}\n{document:#}");
    for (name, response) in responses {
        for (header, object) in response["headers"].as_object().into_iter().flatten() {
            assert!(
                object["description"]
                    .as_str()
                    .is_some_and(|d| !d.is_empty()),
                "header {header} of {name} has no description"
            );
            // A string; a fixed header's literals as its `enum`, the first as its `example`.
            let schema = &object["schema"];
            assert_eq!(schema["type"], "string", "header {header} of {name}");
            match schema.get("enum") {
                Some(values) => assert_eq!(
                    (
                        object["example"].clone(),
                        schema.as_object().map(serde_json::Map::len)
                    ),
                    (values[0].clone(), Some(2)),
                    "header {header} of {name}"
                ),
                None => assert_eq!(
                    *schema,
                    json!({ "type": "string" }),
                    "header {header} of {name}"
                ),
            }
        }
    }
}

/// Every response of `document` that is written in place (in `components/responses`, or in an
/// operation), named by where it is.
fn responses(document: &Value) -> Vec<(String, &Value)> {
    let mut responses: Vec<(String, &Value)> = Vec::new();
    if let Some(map) = document["components"]
        .get("responses")
        .and_then(Value::as_object)
    {
        responses.extend(
            map.iter()
                .map(|(k, v)| (format!("components/responses/{k}"), v)),
        );
    }
    for (path, item) in document["paths"].as_object().into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            for (status, response) in operation["responses"].as_object().into_iter().flatten() {
                if response.get("$ref").is_none() {
                    responses.push((format!("{path} {method} {status}"), response));
                }
            }
        }
    }
    responses
}

/// The examples of `document`'s responses that do not match their response's schema, one line
/// each.
pub(crate) fn example_errors(document: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    for (name, response) in responses(document) {
        for (content_type, media) in response["content"].as_object().into_iter().flatten() {
            let schema = resolve(&media["schema"], document);
            assert_json_schema(&format!("{name} {content_type}"), &schema);
            let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
            for (example_name, example) in media["examples"].as_object().into_iter().flatten() {
                errors.extend(validator.iter_errors(&example["value"]).map(|e| {
                    format!(
                        "example {example_name} of {name} {content_type}: {e} at {}",
                        e.instance_path()
                    )
                }));
            }
        }
    }
    errors
}

#[track_caller]
fn assert_json_schema(name: &str, schema: &Value) {
    if let Err(error) = jsonschema::meta::validate(schema) {
        panic!("schema {name} is not a valid JSON Schema: {error}\n{schema:#}");
    }
}

/// Resolves `#/components/schemas/...` references (the only ones the catalog writes), at any
/// depth.
pub(crate) fn resolve(schema: &Value, document: &Value) -> Value {
    match schema {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref") {
                let name = reference
                    .strip_prefix("#/components/schemas/")
                    .unwrap_or_else(|| panic!("unexpected reference {reference}"));
                let target = &document["components"]["schemas"][name];
                assert!(!target.is_null(), "dangling reference {reference}");
                return resolve(target, document);
            }
            Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), resolve(v, document)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| resolve(v, document)).collect()),
        other => other.clone(),
    }
}

/// The document an example server serves at `url` (`GET /openapi.json`): a 200 of JSON equal to
/// `expected`, valid ([`assert_valid`]), its `u32` query parameter up to its own bound (utoipa
/// says `int32`, whose bound is lower: schemathesis sent 2147483648 and saw it accepted).
pub(crate) fn assert_served(url: &str, expected: &Value) -> Value {
    let reply = crate::support::get(&crate::support::client(), url);
    assert_eq!(reply.status, 200);
    assert!(
        reply
            .headers
            .contains(&("content-type".to_owned(), "application/json".to_owned()))
    );
    let document: Value = serde_json::from_slice(&reply.body).expect("JSON");
    assert_eq!(&document, expected);
    assert_valid(&document);
    assert_eq!(
        document["paths"]["/products"]["get"]["parameters"][0]["schema"],
        serde_json::json!({ "type": "integer", "format": "int64", "minimum": 0, "maximum": 4_294_967_295_u64 })
    );
    document
}

/// Each operation of `document` with the statuses it documents: `"get /products: 200 400 405"`.
pub(crate) fn operations(document: &Value) -> Vec<String> {
    let mut operations = Vec::new();
    for (path, item) in document["paths"].as_object().into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            let statuses: Vec<&str> = operation["responses"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(status, _)| status.as_str())
                .collect();
            operations.push(format!("{method} {path}: {}", statuses.join(" ")));
        }
    }
    operations
}
