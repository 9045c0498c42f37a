//! `Catalog::to_openapi()` and feature `utoipa`: the `OpenAPI` output, byte for byte for one enum,
//! and validated by the official `OpenAPI` 3.1 schema for every style (see `openapi_check`).

mod openapi_check;

use error_contract::json::JsonWriter;
use error_contract::{ApiError, Parts, Style};
use openapi_check::{assert_valid, document, oas_errors};
use serde_json::{Value, json};
use utoipa::OpenApi;

/// Two styles under one status and two content types under another.
#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Mixed {
    /// The item is unknown.
    #[api_error(status = 404, message = "unknown item")]
    UnknownItem,
    /// The item was removed; `id` says which.
    #[api_error(status = 404, style = "problem", message = "item {id} was removed")]
    Removed {
        #[api_error(expose)]
        id: u64,
    },
    /// Someone else changed the item first.
    #[api_error(status = 409, style = "flat", message = "version conflict")]
    Conflict {
        #[api_error(expose)]
        current: u32,
        #[api_error(expose)]
        hint: Option<String>,
    },
    /// The item | is locked.
    #[api_error(status = 409, style = "message", message = "locked")]
    Locked,
}

/// `Mixed::catalog().to_openapi()`, written out.
fn mixed_components() -> Value {
    json!({
        "schemas": {
            "ErrorNested": {
                "description": "An error body in the `nested` style: `{\"error\":{\"code\":\"unknown_item\",\"message\":\"unknown item\"}}`.",
                "type": "object",
                "required": ["error"],
                "properties": {
                    "error": {
                        "type": "object",
                        "required": ["code", "message"],
                        "properties": {
                            "code": { "description": "The stable error code.", "type": "string" },
                            "message": { "description": "The public message.", "type": "string" }
                        }
                    }
                }
            },
            "ProblemDetails": {
                "description": "An error body in the `problem` style. RFC 9457 problem details.",
                "type": "object",
                "required": ["type", "title", "status", "detail", "code"],
                "properties": {
                    "type": {
                        "description": "A URI reference that identifies the problem type.",
                        "type": "string",
                        "format": "uri-reference"
                    },
                    "title": { "description": "A short summary of the problem type.", "type": "string" },
                    "status": {
                        "description": "The HTTP status code.",
                        "type": "integer",
                        "minimum": 400,
                        "maximum": 599
                    },
                    "detail": { "description": "The public message.", "type": "string" },
                    "code": { "description": "The stable error code.", "type": "string" },
                    "id": { "description": "A field that some errors of this style expose." }
                }
            },
            "ErrorFlat": {
                "description": "An error body in the `flat` style.",
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": { "description": "The stable error code.", "type": "string" },
                    "message": { "description": "The public message.", "type": "string" },
                    "current": { "description": "A field that some errors of this style expose." },
                    "hint": { "description": "A field that some errors of this style expose." }
                }
            },
            "ErrorMessage": {
                "description": "An error body in the `message` style: `{\"errorMessage\":\"locked\"}`.",
                "type": "object",
                "required": ["errorMessage"],
                "properties": {
                    "errorMessage": { "description": "The public message.", "type": "string" }
                }
            }
        },
        "responses": {
            "404": {
                "description": "Not Found\n\n- `unknown_item`: unknown item — The item is unknown.\n- `removed`: item {id} was removed — The item was removed; `id` says which.",
                "content": {
                    "application/json": {
                        "schema": { "$ref": "#/components/schemas/ErrorNested" },
                        "examples": {
                            "unknown_item": {
                                "summary": "unknown item",
                                "description": "The item is unknown.",
                                "value": { "error": { "code": "unknown_item", "message": "unknown item" } }
                            }
                        }
                    },
                    "application/problem+json": {
                        "schema": { "$ref": "#/components/schemas/ProblemDetails" }
                    }
                }
            },
            "409": {
                "description": "Conflict\n\n- `conflict`: version conflict — Someone else changed the item first.\n- `locked`: locked — The item | is locked.",
                "content": {
                    "application/json": {
                        "schema": {
                            "anyOf": [
                                { "$ref": "#/components/schemas/ErrorFlat" },
                                { "$ref": "#/components/schemas/ErrorMessage" }
                            ]
                        },
                        "examples": {
                            "locked": {
                                "summary": "locked",
                                "description": "The item | is locked.",
                                "value": { "errorMessage": "locked" }
                            }
                        }
                    }
                }
            }
        }
    })
}

#[test]
fn components_byte_for_byte() {
    let components = Mixed::catalog().to_openapi();
    assert_eq!(components, mixed_components());
    assert_valid(&document(&components));
}

/// The validator is real: it rejects what `OpenAPI` 3.1 does not allow.
#[test]
fn validator_rejects_invalid_documents() {
    let components = Mixed::catalog().to_openapi();
    let valid = document(&components);
    assert_eq!(oas_errors(&valid), Vec::<String>::new());

    let mut no_description = valid.clone();
    no_description["components"]["responses"]["404"]
        .as_object_mut()
        .unwrap()
        .remove("description");
    assert_eq!(
        oas_errors(&no_description),
        [r#""description" is a required property at /components/responses/404"#]
    );

    let mut old_version = valid.clone();
    old_version["openapi"] = json!("3.0.3");
    assert_eq!(
        oas_errors(&old_version),
        [r#""3.0.3" does not match "^3\.1\.\d+(-.+)?$" at /openapi"#]
    );

    let mut bad_example = valid;
    bad_example["components"]["responses"]["409"]["content"]["application/json"]["examples"]["locked"]
        ["summary"] = json!(7);
    assert_eq!(
        oas_errors(&bad_example),
        [
            r#"7 is not of type "string" at /components/responses/409/content/application~1json/examples/locked/summary"#,
            "Unevaluated properties are not allowed ('examples' was unexpected) at /components/responses/409/content/application~1json",
        ]
    );
}

#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Dto {
    /// Entity was not found.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    /// Validation error.
    #[api_error(status = 400, code = 5000, message = "validation error")]
    Validation {
        #[api_error(expose)]
        subject: String,
        #[api_error(expose, rename = "subjectType")]
        subject_type: String,
    },
    /// Error occurred while saving the entity.
    #[api_error(status = 500, code = 2006, message = "entity saving error")]
    Saving,
    /// Error occurred while saving the entity. USPTA number must be unique.
    #[api_error(status = 400, code = 200601, parent = 2006, message = "not unique")]
    NotUnique,
    #[api_error(status = 503, code = 9004, message = "maintenance")]
    Maintenance {
        #[api_error(header = "Retry-After")]
        retry_after: u32,
    },
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Flat {
    /// A required parameter is missing.
    #[api_error(
        status = 400,
        message = "A required parameter is missing: {parameter}."
    )]
    MissingParameter { parameter: String },
    /// Generic fatal error condition.
    #[api_error(status = 500, message = "Generic fatal error condition.")]
    UnknownError,
}

#[derive(Debug, ApiError)]
#[api_error(style = "message")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Message {
    /// A parameter is missing or invalid.
    #[api_error(status = 400, message = "Invalid Parameter")]
    InvalidParameter,
    #[api_error(status = 401)]
    Unauthorized,
}

#[derive(Debug, ApiError)]
#[api_error(rename_all = "snake_case", type_base = "https://example.com/errors/")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Problem {
    /// The requested resource was not available.
    #[api_error(status = 404)]
    NotFound,
    /// An upstream failed.
    #[api_error(status = 500, title = "Upstream Failed", message = "upstream failed")]
    Upstream {
        #[api_error(status)]
        status: u16,
    },
    /// Not a registered status.
    #[api_error(status = 599, message = "network timeout")]
    NetworkTimeout,
}

/// `{"error_code":"...","error_description":"..."}`, as in OAuth 2.0.
struct OAuth;

impl Style for OAuth {
    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
        out.raw(r#"{"error":"#);
        out.code(parts.code());
        out.raw(r#","error_description":"#);
        out.display(parts.message());
        out.raw("}");
    }
}

#[derive(Debug, ApiError)]
#[api_error(style = OAuth, rename_all = "snake_case")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Token {
    /// The grant is invalid or expired.
    #[api_error(status = 400, message = "the grant is invalid")]
    InvalidGrant,
    /// The client is unknown.
    #[api_error(status = 401, style = "problem", message = "unknown client")]
    InvalidClient,
}

#[test]
fn every_style_validates() {
    for components in [
        Mixed::catalog().to_openapi(),
        Dto::catalog().to_openapi(),
        Flat::catalog().to_openapi(),
        Message::catalog().to_openapi(),
        Problem::catalog().to_openapi(),
        Token::catalog().to_openapi(),
    ] {
        assert_valid(&document(&components));
    }
}

#[test]
fn codes_types_follow_the_catalog() {
    let components = Dto::catalog().to_openapi();
    let item = &components["schemas"]["ErrorDto"]["properties"]["errors"]["items"];
    assert_eq!(item["required"], json!(["errorCode", "message"]));
    assert_eq!(item["properties"]["errorCode"]["type"], json!("integer"));
    let keys: Vec<&String> = item["properties"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["errorCode", "message", "subject", "subjectType"]);
    // One response per status; a variant with run-time parts has no example.
    let statuses: Vec<&String> = components["responses"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(statuses, ["400", "404", "500", "503"]);
    let examples: Vec<&String> =
        components["responses"]["400"]["content"]["application/json"]["examples"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
    assert_eq!(examples, ["200601"]);
    assert_eq!(
        components["responses"]["503"]["description"],
        json!("Service Unavailable\n\n- `9004`: maintenance")
    );
}

#[test]
fn unregistered_status_and_custom_style() {
    let components = Problem::catalog().to_openapi();
    assert_eq!(
        components["responses"]["599"]["description"],
        json!("Server Error\n\n- `network_timeout`: network timeout — Not a registered status.")
    );
    assert_eq!(
        components["responses"]["500"]["content"]["application/problem+json"],
        json!({ "schema": { "$ref": "#/components/schemas/ProblemDetails" } })
    );

    let components = Token::catalog().to_openapi();
    assert_eq!(
        components["schemas"]["OAuth"],
        json!({
            "description": "An error body in the custom style `OAuth`.",
            "type": "object"
        })
    );
    assert_eq!(
        components["responses"]["400"]["content"],
        json!({ "application/json": { "schema": { "$ref": "#/components/schemas/OAuth" } } })
    );
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Outer {
    /// The outer thing was not found.
    #[api_error(status = 404, code = 1, message = "outer")]
    NotFound,
    #[api_error(transparent)]
    Inner(Inner),
}

#[derive(Debug, ApiError)]
#[api_error(style = "nested")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Inner {
    /// The inner thing was not found.
    #[api_error(status = 404, code = 2, message = "inner")]
    NotFound,
}

/// The entries of a wrapped enum are documented with their own style, under their status.
#[test]
fn flattened_entries_join_their_status() {
    let components = Outer::catalog().to_openapi();
    assert_eq!(
        components["responses"]["404"],
        json!({
            "description": "Not Found\n\n- `1`: outer — The outer thing was not found.\n- `2`: inner — The inner thing was not found.",
            "content": {
                "application/json": {
                    "schema": {
                        "anyOf": [
                            { "$ref": "#/components/schemas/ErrorFlat" },
                            { "$ref": "#/components/schemas/ErrorNested" }
                        ]
                    },
                    "examples": {
                        "1": {
                            "summary": "outer",
                            "description": "The outer thing was not found.",
                            "value": { "code": 1, "message": "outer" }
                        },
                        "2": {
                            "summary": "inner",
                            "description": "The inner thing was not found.",
                            "value": { "error": { "code": 2, "message": "inner" } }
                        }
                    }
                }
            }
        })
    );
    assert_valid(&document(&components));
}

/// What `#[utoipa::path(responses(E))]` must show for `E`: the components' responses with the
/// schemas written in place of their references.
fn inline_responses(components: &Value) -> Value {
    fn inline(value: &Value, schemas: &Value) -> Value {
        match value {
            Value::Object(map) => match map.get("$ref").and_then(Value::as_str) {
                Some(reference) => {
                    let name = reference.trim_start_matches("#/components/schemas/");
                    schemas[name].clone()
                }
                None => Value::Object(
                    map.iter()
                        .map(|(k, v)| (k.clone(), inline(v, schemas)))
                        .collect(),
                ),
            },
            Value::Array(items) => Value::Array(items.iter().map(|v| inline(v, schemas)).collect()),
            other => other.clone(),
        }
    }
    inline(&components["responses"], &components["schemas"])
}

/// An item of the API.
#[utoipa::path(
    get,
    path = "/items/{id}",
    params(("id" = u64, Path, description = "The item's id")),
    responses((status = 200, description = "The item"), Mixed)
)]
#[allow(dead_code, reason = "only its documentation is read")]
fn get_item() {}

/// An entity of the API.
#[utoipa::path(
    get,
    path = "/entities/{id}",
    params(("id" = u64, Path, description = "The entity's id")),
    responses((status = 200, description = "The entity"), Dto)
)]
#[allow(dead_code, reason = "only its documentation is read")]
fn get_entity() {}

/// A token of the API.
#[utoipa::path(post, path = "/token", responses((status = 200, description = "A token"), Token, Problem))]
#[allow(dead_code, reason = "only its documentation is read")]
fn post_token() {}

#[derive(OpenApi)]
#[openapi(paths(get_item, get_entity, post_token))]
struct ApiDoc;

#[test]
fn utoipa_documents_every_error_of_the_enum() {
    let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
    assert_valid(&doc);

    let mut responses = doc["paths"]["/items/{id}"]["get"]["responses"].clone();
    let ok = responses.as_object_mut().unwrap().remove("200");
    assert_eq!(ok, Some(json!({ "description": "The item" })));
    assert_eq!(responses, inline_responses(&Mixed::catalog().to_openapi()));

    let mut responses = doc["paths"]["/entities/{id}"]["get"]["responses"].clone();
    responses.as_object_mut().unwrap().remove("200");
    assert_eq!(responses, inline_responses(&Dto::catalog().to_openapi()));

    // Two enums in one operation: their statuses do not overlap here, so each keeps its own.
    let mut responses = doc["paths"]["/token"]["post"]["responses"].clone();
    responses.as_object_mut().unwrap().remove("200");
    let mut expected = inline_responses(&Token::catalog().to_openapi());
    let problem = inline_responses(&Problem::catalog().to_openapi());
    expected
        .as_object_mut()
        .unwrap()
        .extend(problem.as_object().unwrap().clone());
    assert_eq!(responses, expected);
}
