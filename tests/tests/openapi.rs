//! `Catalog::to_openapi()` and feature `utoipa`: the `OpenAPI` output, byte for byte for one enum,
//! and validated by the official `OpenAPI` 3.1 schema for every style (see `openapi_check`).

use crate::openapi_check;

use error_contract::json::JsonWriter;
use error_contract::utoipa::ErrorSchemas;
use error_contract::{ApiError, Parts, Style};
use openapi_check::{assert_valid, document, example_errors, oas_errors, resolve};
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
        #[api_error(header = "ETag")]
        etag: String,
    },
    /// The item | is locked.
    #[api_error(status = 409, style = "message", message = "locked")]
    Locked,
}

/// `Mixed::catalog().to_openapi()`, written out.
#[allow(clippy::too_many_lines, reason = "one JSON document, written out")]
fn mixed_components() -> Value {
    json!({
        "schemas": {
            "ErrorNested": {
                "description": "An error body in the `nested` style.",
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
                    "id": { "description": "A field that some errors of this style expose.", "type": "integer" }
                }
            },
            "ErrorFlat": {
                "description": "An error body in the `flat` style.",
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": { "description": "The stable error code.", "type": "string" },
                    "message": { "description": "The public message.", "type": "string" },
                    "current": { "description": "A field that some errors of this style expose.", "type": "integer" },
                    "hint": { "description": "A field that some errors of this style expose.", "type": "string" }
                }
            },
            "ErrorMessage": {
                "description": "An error body in the `message` style.",
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
                        "schema": {
                            "allOf": [
                                { "$ref": "#/components/schemas/ErrorNested" },
                                { "properties": { "error": { "properties": { "code": { "enum": ["unknown_item"] } } } } }
                            ]
                        },
                        "examples": {
                            "unknown_item": {
                                "summary": "unknown item",
                                "description": "The item is unknown.",
                                "value": { "error": { "code": "unknown_item", "message": "unknown item" } }
                            }
                        }
                    },
                    "application/problem+json": {
                        "schema": {
                            "allOf": [
                                { "$ref": "#/components/schemas/ProblemDetails" },
                                { "properties": { "code": { "enum": ["removed"] } } }
                            ]
                        },
                        "examples": {
                            "removed": {
                                "summary": "item {id} was removed",
                                "description": "The item was removed; `id` says which.",
                                "value": {
                                    "type": "about:blank",
                                    "title": "Not Found",
                                    "status": 404,
                                    "detail": "item 0 was removed",
                                    "code": "removed",
                                    "id": 0
                                }
                            }
                        }
                    }
                }
            },
            "409": {
                "description": "Conflict\n\n- `conflict`: version conflict — Someone else changed the item first.\n- `locked`: locked — The item | is locked.",
                "headers": {
                    "ETag": { "description": "Sent with code `conflict`.", "schema": { "type": "string" } }
                },
                "content": {
                    "application/json": {
                        "schema": {
                            "anyOf": [
                                {
                                    "allOf": [
                                        { "$ref": "#/components/schemas/ErrorFlat" },
                                        { "properties": { "code": { "enum": ["conflict"] } } }
                                    ]
                                },
                                { "$ref": "#/components/schemas/ErrorMessage" }
                            ]
                        },
                        "examples": {
                            "conflict": {
                                "summary": "version conflict",
                                "description": "Someone else changed the item first.",
                                "value": {
                                    "code": "conflict",
                                    "message": "version conflict",
                                    "current": 0,
                                    "hint": "string"
                                }
                            },
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

    // An example whose code is not among its response's codes.
    let mut foreign_code = valid.clone();
    foreign_code["components"]["responses"]["409"]["content"]["application/json"]["examples"]["other"] = json!({
        "value": { "code": "unknown_item", "message": "unknown item" }
    });
    assert_eq!(
        example_errors(&foreign_code),
        [
            r#"example other of components/responses/409 application/json: {"code":"unknown_item","message":"unknown item"} is not valid under any of the schemas listed in the 'anyOf' keyword at "#
        ]
    );

    // A response header must be a Header Object.
    let mut bad_header = valid.clone();
    bad_header["components"]["responses"]["409"]["headers"]["ETag"]["in"] = json!("header");
    assert_eq!(
        oas_errors(&bad_header),
        [
            "Unevaluated properties are not allowed ('in' was unexpected) at /components/responses/409/headers/ETag"
        ]
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
    // One response per status; a variant with run-time parts has an example with example
    // values.
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
    assert_eq!(examples, ["200601", "5000"]);
    assert_eq!(
        components["responses"]["400"]["content"]["application/json"]["examples"]["5000"]["value"],
        json!({
            "errors": [{
                "errorCode": 5000,
                "message": "validation error",
                "subject": "string",
                "subjectType": "string"
            }]
        })
    );
    assert_eq!(
        components["responses"]["503"]["description"],
        json!("Service Unavailable\n\n- `9004`: maintenance")
    );
}

#[test]
fn unregistered_status_and_custom_style() {
    let components = Problem::catalog().to_openapi();
    // `Upstream` may take any 5xx (its run-time status lists no `statuses`): it is under its
    // class, and under each 5xx that has a key of its own, 599 too.
    let keys: Vec<&String> = components["responses"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(keys, ["404", "500", "599", "5XX"]);
    assert_eq!(
        components["responses"]["599"]["description"],
        json!(
            "Server Error\n\n- `upstream`: upstream failed — An upstream failed.\n- `network_timeout`: network timeout — Not a registered status."
        )
    );
    assert_eq!(
        components["responses"]["5XX"]["description"],
        json!("Server Error\n\n- `upstream`: upstream failed — An upstream failed.")
    );
    // A range key is one that `OpenAPI` 3.1 allows.
    openapi_check::assert_valid(&openapi_check::document(&components));
    assert_eq!(
        components["responses"]["500"]["content"]["application/problem+json"],
        json!({
            "schema": {
                "allOf": [
                    { "$ref": "#/components/schemas/ProblemDetails" },
                    { "properties": { "code": { "enum": ["upstream"] } } }
                ]
            },
            // A run-time status: the example shows the declared one.
            "examples": {
                "upstream": {
                    "summary": "upstream failed",
                    "description": "An upstream failed.",
                    "value": {
                        "type": "https://example.com/errors/upstream",
                        "title": "Upstream Failed",
                        "status": 500,
                        "detail": "upstream failed",
                        "code": "upstream"
                    }
                }
            }
        })
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
                            {
                                "allOf": [
                                    { "$ref": "#/components/schemas/ErrorFlat" },
                                    { "properties": { "code": { "enum": [1] } } }
                                ]
                            },
                            {
                                "allOf": [
                                    { "$ref": "#/components/schemas/ErrorNested" },
                                    { "properties": { "error": { "properties": { "code": { "enum": [2] } } } } }
                                ]
                            }
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

const ERRORS: ErrorSchemas = ErrorSchemas::new(&[
    Mixed::catalog,
    Dto::catalog,
    Token::catalog,
    Problem::catalog,
]);

#[derive(OpenApi)]
#[openapi(paths(get_item, get_entity, post_token), modifiers(&ERRORS))]
struct ApiDoc;

/// `#[utoipa::path(responses(E))]` shows `E`'s responses as `to_openapi()` renders them, and
/// `ErrorSchemas` adds the schemas they refer to, once, under `components/schemas`.
#[test]
fn utoipa_documents_every_error_of_the_enum() {
    let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
    assert_valid(&doc);

    let mut responses = doc["paths"]["/items/{id}"]["get"]["responses"].clone();
    let ok = responses.as_object_mut().unwrap().remove("200");
    assert_eq!(ok, Some(json!({ "description": "The item" })));
    assert_eq!(responses, Mixed::catalog().to_openapi()["responses"]);

    let mut responses = doc["paths"]["/entities/{id}"]["get"]["responses"].clone();
    responses.as_object_mut().unwrap().remove("200");
    assert_eq!(responses, Dto::catalog().to_openapi()["responses"]);
    // The header of the 503 is documented.
    assert_eq!(
        responses["503"]["headers"],
        json!({ "Retry-After": { "description": "Sent with code `9004`.", "schema": { "type": "string" } } })
    );

    // Two enums in one operation: their statuses do not overlap here, so each keeps its own.
    let mut responses = doc["paths"]["/token"]["post"]["responses"].clone();
    responses.as_object_mut().unwrap().remove("200");
    let mut expected = Token::catalog().to_openapi()["responses"].clone();
    let problem = Problem::catalog().to_openapi()["responses"].clone();
    expected
        .as_object_mut()
        .unwrap()
        .extend(problem.as_object().unwrap().clone());
    assert_eq!(responses, expected);

    // Every schema once, each style's schema built from all four enums.
    let schemas: Vec<&String> = doc["components"]["schemas"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(
        schemas,
        [
            "ErrorDto",
            "ErrorFlat",
            "ErrorMessage",
            "ErrorNested",
            "OAuth",
            "ProblemDetails"
        ]
    );
    assert_eq!(
        doc["components"]["schemas"]["ErrorDto"],
        Dto::catalog().to_openapi()["schemas"]["ErrorDto"]
    );
    // No schema is written in place: every response refers to components.
    let text = doc["paths"].to_string();
    assert!(!text.contains("\"required\":["), "{text}");
}

/// One schema shared by several statuses: nothing in it, nor in any response's schema, may show
/// the body of another status (a 422 response used to be described with the 401 example, the
/// first body of the shared style).
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Shared {
    /// The token is invalid.
    #[api_error(status = 401, code = 4001, message = "invalid token")]
    TokenRejected,
    /// The request is well-formed but invalid.
    #[api_error(status = 422, code = 4221, message = "invalid order")]
    InvalidOrder,
    /// A field is invalid.
    #[api_error(status = 422, code = 4222, message = "invalid field {field}")]
    InvalidField {
        #[api_error(expose)]
        field: String,
    },
}

/// The responses of `document` whose schema (references resolved) shows the static body of an
/// error of another status.
fn foreign_bodies(document: &Value, catalog: &error_contract::Catalog) -> Vec<String> {
    let mut found = Vec::new();
    for (path, item) in document["paths"].as_object().into_iter().flatten() {
        for (_, operation) in item.as_object().into_iter().flatten() {
            for (status, response) in operation["responses"].as_object().into_iter().flatten() {
                let response = resolve(
                    match response.get("$ref").and_then(Value::as_str) {
                        Some(r) => {
                            &document["components"]["responses"]
                                [r.trim_start_matches("#/components/responses/")]
                        }
                        None => response,
                    },
                    document,
                );
                for (content_type, media) in response["content"].as_object().into_iter().flatten() {
                    let schema = media["schema"].to_string();
                    for entry in catalog {
                        let Some(body) = entry.static_body() else {
                            continue;
                        };
                        let escaped = serde_json::to_string(body).unwrap();
                        let escaped = &escaped[1..escaped.len() - 1];
                        if entry.status().as_u16().to_string() != *status
                            && (schema.contains(body) || schema.contains(escaped))
                        {
                            found.push(format!(
                                "{path} {status} {content_type} shows the {} body",
                                entry.status().as_u16()
                            ));
                        }
                    }
                }
            }
        }
    }
    found
}

#[utoipa::path(post, path = "/orders", responses((status = 201, description = "Created"), Shared))]
#[allow(dead_code, reason = "only its documentation is read")]
fn post_order() {}

const SHARED: ErrorSchemas = ErrorSchemas::new(&[Shared::catalog]);

#[derive(OpenApi)]
#[openapi(paths(post_order), modifiers(&SHARED))]
struct SharedDoc;

#[test]
fn no_response_is_described_with_another_status_body() {
    let catalog = Shared::catalog();
    let components = catalog.to_openapi();
    assert_eq!(
        components["schemas"]["ErrorFlat"]["description"],
        json!("An error body in the `flat` style.")
    );
    assert_eq!(
        foreign_bodies(&document(&components), &catalog),
        Vec::<String>::new()
    );
    let doc = serde_json::to_value(SharedDoc::openapi()).unwrap();
    assert_valid(&doc);
    assert_eq!(foreign_bodies(&doc, &catalog), Vec::<String>::new());

    // The 422's own codes, both of them, are its code's `enum`; its example is its own.
    let response = &doc["paths"]["/orders"]["post"]["responses"]["422"];
    assert_eq!(
        response["content"]["application/json"]["schema"]["allOf"][1],
        json!({ "properties": { "code": { "enum": [4221, 4222] } } })
    );
    let examples: Vec<&String> = response["content"]["application/json"]["examples"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(examples, ["4221", "4222"]);
    assert_eq!(
        response["content"]["application/json"]["examples"]["4222"]["value"],
        json!({ "code": 4222, "message": "invalid field string", "field": "string" })
    );

    // The check sees the old bug: the shared schema described with the 401 body.
    let mut buggy = doc;
    buggy["components"]["schemas"]["ErrorFlat"]["description"] = json!(
        "An error body in the `flat` style: `{\"code\":4001,\"message\":\"invalid token\"}`."
    );
    assert_eq!(
        foreign_bodies(&buggy, &catalog),
        ["/orders 422 application/json shows the 401 body"]
    );
}

/// Headers: one per name in a response (names are case-insensitive), described with the codes
/// that send it.
#[derive(Debug, ApiError)]
#[api_error(style = "problem", rename_all = "snake_case")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Limited {
    #[api_error(status = 429, message = "too many requests")]
    TooManyRequests {
        #[api_error(header = "Retry-After")]
        retry_after: u32,
        #[api_error(header = "RateLimit-Policy")]
        policy: String,
    },
    #[api_error(status = 429, message = "quota exceeded")]
    QuotaExceeded {
        #[api_error(header = "retry-after")]
        retry_after: u32,
    },
    #[api_error(status = 503, message = "maintenance")]
    Maintenance {
        #[api_error(header = "Retry-After")]
        retry_after: u64,
    },
    #[api_error(status = 503, message = "overloaded")]
    Overloaded,
}

#[test]
fn headers_are_documented_per_response() {
    let components = Limited::catalog().to_openapi();
    assert_eq!(
        components["responses"]["429"]["headers"],
        json!({
            "Retry-After": {
                "description": "Sent with codes `too_many_requests`, `quota_exceeded`.",
                "schema": { "type": "string" }
            },
            "RateLimit-Policy": {
                "description": "Sent with code `too_many_requests`.",
                "schema": { "type": "string" }
            }
        })
    );
    assert_eq!(
        components["responses"]["503"]["headers"],
        json!({
            "Retry-After": {
                "description": "Sent with code `maintenance`.",
                "schema": { "type": "string" }
            }
        })
    );
    assert_eq!(
        components["responses"]["503"]["content"]["application/problem+json"]["schema"],
        json!({
            "allOf": [
                { "$ref": "#/components/schemas/ProblemDetails" },
                { "properties": { "code": { "enum": ["maintenance", "overloaded"] } } }
            ]
        })
    );
    assert_valid(&document(&components));
    // A response without header fields has no `headers`.
    assert!(
        Dto::catalog().to_openapi()["responses"]["404"]
            .get("headers")
            .is_none()
    );
}

/// A nested struct, a map and a type parameter could be any JSON: untyped.
#[derive(Debug, serde::Serialize)]
struct Fact {
    path: String,
}

#[derive(Debug, ApiError)]
#[api_error(style = "nested")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Typed<T: serde::Serialize + core::fmt::Debug> {
    #[api_error(status = 400, code = 1, message = "bad")]
    Bad {
        #[api_error(expose)]
        count: u64,
        #[api_error(expose)]
        ratio: f32,
        #[api_error(expose)]
        retry: bool,
        #[api_error(expose, rename = "fieldName")]
        field_name: &'static str,
        #[api_error(expose)]
        hint: Option<String>,
        #[api_error(expose)]
        tags: Vec<String>,
        #[api_error(expose)]
        detail: Fact,
        #[api_error(expose)]
        map: std::collections::BTreeMap<String, u32>,
        #[api_error(expose)]
        extra: T,
        /// Typed `u32` here and `String` below: untyped.
        #[api_error(expose)]
        limit: u32,
    },
    #[api_error(status = 400, code = 2, message = "worse")]
    Worse {
        #[api_error(expose)]
        limit: String,
        #[api_error(expose)]
        count: u64,
    },
}

#[test]
fn exposed_fields_are_typed_when_plain() {
    let components = Typed::<()>::catalog().to_openapi();
    let properties = &components["schemas"]["ErrorNested"]["properties"]["error"]["properties"];
    let described = "A field that some errors of this style expose.";
    let typed = |schema: Value| {
        let mut schema = schema.as_object().unwrap().clone();
        schema.insert("description".into(), described.into());
        Value::Object(schema)
    };
    let untyped = json!({ "description": described });
    let expected = [
        ("count", typed(json!({ "type": "integer" }))),
        ("ratio", typed(json!({ "type": "number" }))),
        ("retry", typed(json!({ "type": "boolean" }))),
        ("fieldName", typed(json!({ "type": "string" }))),
        ("hint", typed(json!({ "type": "string" }))),
        (
            "tags",
            typed(json!({ "type": "array", "items": { "type": "string" } })),
        ),
        ("detail", untyped.clone()),
        ("map", untyped.clone()),
        ("extra", untyped.clone()),
        ("limit", untyped),
    ];
    for (key, schema) in expected {
        assert_eq!(properties[key], schema, "{key}");
    }
    assert_valid(&document(&components));
}

/// Variants with run-time parts get an example built from example values, when every part is of
/// a plain type: `0`, `0.0`, `false`, `"string"`, one-item lists; `Debug` in a message quotes a
/// string; a run-time status field shows the declared status.
#[derive(Debug, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Examples {
    #[api_error(status = 404, message = "order {id} of {owner:?} not found")]
    OrderNotFound { id: u64, owner: String },
    #[api_error(status = 400, message = "{0} is not one of {1:?}")]
    NotOneOf(
        #[api_error(expose, rename = "value")] char,
        #[api_error(expose, rename = "allowed")] Vec<&'static str>,
    ),
    #[api_error(status = 400, message = "too large by {excess}")]
    TooLarge {
        #[api_error(expose)]
        excess: f64,
        #[api_error(expose)]
        limit: Option<std::num::NonZeroU32>,
        #[api_error(expose)]
        strict: bool,
    },
    #[api_error(status = 502, message = "upstream answered {status}")]
    Upstream {
        #[api_error(status)]
        status: u16,
    },
    /// No example: a field of a type that could be any JSON.
    #[api_error(status = 422, message = "invalid")]
    Invalid {
        #[api_error(expose)]
        detail: Fact,
    },
    /// No example: a message field in hex.
    #[api_error(status = 422, message = "bad checksum {sum:x}")]
    BadChecksum { sum: u32 },
    /// No example: a message field of a type that is not plain.
    #[api_error(status = 422, message = "bad path {path}")]
    BadPath {
        path: Box<dyn std::error::Error + Send + Sync>,
    },
}

#[test]
fn run_time_parts_get_examples() {
    let components = Examples::catalog().to_openapi();
    let example = |status: &str, code: &str| {
        components["responses"][status]["content"]["application/json"]["examples"][code]["value"]
            .clone()
    };
    assert_eq!(
        example("404", "order_not_found"),
        json!({ "code": "order_not_found", "message": "order 0 of \"string\" not found" })
    );
    assert_eq!(
        example("400", "not_one_of"),
        json!({
            "code": "not_one_of",
            "message": "a is not one of [\"string\"]",
            "value": "a",
            "allowed": ["string"]
        })
    );
    assert_eq!(
        example("400", "too_large"),
        json!({
            "code": "too_large",
            "message": "too large by 0",
            "excess": 0.0,
            "limit": 1,
            "strict": false
        })
    );
    assert_eq!(
        example("502", "upstream"),
        json!({ "code": "upstream", "message": "upstream answered 502" })
    );
    assert!(
        components["responses"]["422"]["content"]["application/json"]
            .get("examples")
            .is_none()
    );
    // Each example matches its response's schema.
    assert_valid(&document(&components));
}

/// `#[api_error(example = ...)]` gives a field's value in the example body and in its message, in
/// place of the one from its type; a variant without it keeps the type-based values.
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum UserExamples {
    /// Every field with its own example.
    #[api_error(
        status = 404,
        code = 3002,
        message = "order {id} of {owner:?} not found ({ratio}, {delta:?}, {kind})"
    )]
    OrderNotFound {
        #[api_error(expose, example = 1042)]
        id: u64,
        #[api_error(example = "ada")]
        owner: String,
        #[api_error(expose, example = 2)]
        ratio: f64,
        #[api_error(expose, example = -3)]
        delta: Option<i32>,
        #[api_error(expose, rename = "detail", example = "a/b")]
        kind: Fact,
        #[api_error(expose, example = true)]
        strict: bool,
    },
    /// The same fields without examples.
    #[api_error(
        status = 409,
        code = 3003,
        message = "order {id} of {owner:?} is locked ({ratio}, {delta:?})"
    )]
    OrderLocked {
        #[api_error(expose)]
        id: u64,
        owner: String,
        #[api_error(expose)]
        ratio: f64,
        #[api_error(expose)]
        delta: Option<i32>,
        #[api_error(expose)]
        strict: bool,
    },
}

impl std::fmt::Display for Fact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)
    }
}

#[test]
fn user_examples_replace_the_defaults() {
    let components = UserExamples::catalog().to_openapi();
    let examples = |status: &str| {
        components["responses"][status]["content"]["application/json"]["examples"].clone()
    };
    assert_eq!(
        examples("404"),
        json!({
            "3002": {
                "summary": "order {id} of {owner:?} not found ({ratio}, {delta:?}, {kind})",
                "description": "Every field with its own example.",
                "value": {
                    "code": 3002,
                    "message": "order 1042 of \"ada\" not found (2, Some(-3), a/b)",
                    "id": 1042,
                    "ratio": 2.0,
                    "delta": -3,
                    "detail": "a/b",
                    "strict": true
                }
            }
        })
    );
    assert_eq!(
        examples("409"),
        json!({
            "3003": {
                "summary": "order {id} of {owner:?} is locked ({ratio}, {delta:?})",
                "description": "The same fields without examples.",
                "value": {
                    "code": 3003,
                    "message": "order 0 of \"string\" is locked (0, Some(0))",
                    "id": 0,
                    "ratio": 0.0,
                    "delta": 0,
                    "strict": false
                }
            }
        })
    );
    // The utoipa responses carry the same examples.
    let utoipa = serde_json::to_value(
        <UserExamples as utoipa::IntoResponses>::responses()
            .remove("404")
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        utoipa["content"]["application/json"]["examples"]["3002"]["value"],
        examples("404")["3002"]["value"]
    );
    assert_valid(&document(&components));
}

/// The document that `scripts/openapi-ts.sh` gives to the TypeScript client generator (checked in
/// beside the example; its test keeps it current) is a valid `OpenAPI` 3.1 document whose examples
/// match their schemas.
#[test]
fn typescript_client_input_validates() {
    let document: Value =
        serde_json::from_str(include_str!("../../runtime/examples/errors.openapi.json"))
            .expect("the checked-in document is JSON");
    assert_valid(&document);
}

/// A field type with a `utoipa::ToSchema` impl.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
struct Quota {
    /// Requests per window.
    limit: u32,
    unit: String,
}

/// A field type with a `schemars::JsonSchema` impl.
#[derive(Debug, serde::Serialize, schemars::JsonSchema)]
struct Window {
    /// Seconds until the window resets.
    seconds: u64,
    tags: Vec<String>,
}

/// A field type with both: utoipa's schema wins.
#[derive(Debug, serde::Serialize, utoipa::ToSchema, schemars::JsonSchema)]
#[allow(dead_code, reason = "only its schema is read")]
enum Tier {
    Free,
    Paid,
}

/// A field type with neither: it compiles, and stays untyped.
#[derive(Debug, serde::Serialize)]
struct Opaque {
    inner: u8,
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is rendered")]
enum QuotaError {
    /// Over quota.
    #[api_error(status = 429, code = 4290, message = "over quota")]
    OverQuota {
        #[api_error(expose, schema)]
        quota: Quota,
        #[api_error(expose, schema)]
        window: Window,
        #[api_error(expose, schema)]
        tier: Tier,
        #[api_error(expose, schema)]
        opaque: Opaque,
        #[api_error(expose)]
        count: u32,
    },
}

#[test]
fn exposed_fields_are_typed_from_schema_traits() {
    let components = QuotaError::catalog().to_openapi();
    let expose = "A field that some errors of this style expose.";
    assert_eq!(
        components["schemas"]["ErrorFlat"]["properties"],
        json!({
            "code": {"description": "The stable error code.", "type": "integer"},
            "message": {"description": "The public message.", "type": "string"},
            "quota": {
                "description": "A field type with a `utoipa::ToSchema` impl.",
                "type": "object",
                "required": ["limit", "unit"],
                "properties": {
                    "limit": {
                        "description": "Requests per window.",
                        "type": "integer",
                        "format": "int32",
                        "minimum": 0
                    },
                    "unit": {"type": "string"}
                }
            },
            "window": {
                "description": "A field type with a `schemars::JsonSchema` impl.",
                "title": "Window",
                "type": "object",
                "required": ["seconds", "tags"],
                "properties": {
                    "seconds": {
                        "description": "Seconds until the window resets.",
                        "type": "integer",
                        "format": "uint64",
                        "minimum": 0
                    },
                    "tags": {"type": "array", "items": {"type": "string"}}
                }
            },
            "tier": {
                "description": "A field type with both: utoipa's schema wins.",
                "type": "string",
                "enum": ["Free", "Paid"]
            },
            "opaque": {"description": expose},
            "count": {"description": expose, "type": "integer"}
        })
    );
    assert_valid(&document(&components));

    // utoipa's document carries the same schemas.
    let mut doc = utoipa::openapi::OpenApi::default();
    utoipa::Modify::modify(&ErrorSchemas::new(&[QuotaError::catalog]), &mut doc);
    let doc = serde_json::to_value(doc).expect("serializes");
    assert_eq!(
        doc["components"]["schemas"]["ErrorFlat"]["properties"]["quota"],
        components["schemas"]["ErrorFlat"]["properties"]["quota"]
    );
    assert_eq!(
        doc["components"]["schemas"]["ErrorFlat"]["properties"]["tier"],
        components["schemas"]["ErrorFlat"]["properties"]["tier"]
    );
}

/// Five routes of a book shop, one error enum: each route documents only what it can answer.
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is rendered")]
enum BookError {
    /// No such book.
    #[api_error(status = 404, code = 3001, message = "book not found")]
    NotFound,
    #[api_error(status = 402, code = 3402, message = "payment required")]
    PaymentRequired,
    #[api_error(status = 409, code = 3009, message = "already borrowed")]
    Borrowed,
    #[api_error(status = 422, code = 3022, message = "invalid isbn")]
    InvalidIsbn,
    #[api_error(status = 429, code = 4029, message = "too many requests")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: u32,
    },
}

error_contract::responses! {
    /// What `GET /books/{id}` can answer.
    pub(crate) struct GetBookErrors: BookError { NotFound, RateLimited }
}

/// A book.
#[utoipa::path(get, path = "/books/{id}", responses((status = 200, description = "The book"), GetBookErrors))]
#[allow(dead_code, reason = "only its documentation is read")]
fn get_book() {}

/// Borrow a book.
#[utoipa::path(post, path = "/books/{id}/loans", responses((status = 201, description = "Borrowed"), BookError))]
#[allow(dead_code, reason = "only its documentation is read")]
fn borrow_book() {}

#[test]
fn a_route_documents_only_its_errors() {
    const ERRORS: ErrorSchemas = ErrorSchemas::new(&[BookError::catalog]);

    #[derive(OpenApi)]
    #[openapi(paths(get_book, borrow_book), modifiers(&ERRORS))]
    struct Doc;

    let document = serde_json::to_value(Doc::openapi()).expect("serializes");
    let statuses = |path: &str, method: &str| -> Vec<String> {
        document["paths"][path][method]["responses"]
            .as_object()
            .expect("responses")
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(statuses("/books/{id}", "get"), ["200", "404", "429"]);
    // The whole enum stays the default.
    assert_eq!(
        statuses("/books/{id}/loans", "post"),
        ["201", "402", "404", "409", "422", "429"]
    );
    let not_found = &document["paths"]["/books/{id}"]["get"]["responses"]["404"];
    assert_eq!(
        not_found["description"],
        "Not Found\n\n- `3001`: book not found — No such book."
    );
    assert_eq!(
        not_found["content"]["application/json"]["schema"]["allOf"][1],
        json!({"properties": {"code": {"enum": [3001]}}})
    );
    assert_valid(&document);

    // Without utoipa: the subset's components.
    let components = GetBookErrors::catalog().to_openapi();
    assert_eq!(
        components["responses"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["404", "429"]
    );
    assert_eq!(
        components["responses"]["429"],
        BookError::catalog().to_openapi()["responses"]["429"]
    );
}
