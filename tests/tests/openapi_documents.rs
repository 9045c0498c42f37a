//! Whole `OpenAPI` documents built with utoipa: several enums in one document, each response
//! referring to the schema of its own bodies, and what utoipa writes being what
//! `Catalog::to_openapi()` writes.

use crate::openapi_check::{assert_valid, resolve};

use error_contract::ApiError;
use error_contract::utoipa::ErrorSchemas;
use serde_json::{Value, json};
use utoipa::OpenApi;

/// The schemas under `components/schemas` that nothing in the document refers to, and the
/// references that lead nowhere.
fn unreferenced_and_dangling(document: &Value) -> (Vec<String>, Vec<String>) {
    fn references(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(reference)) = map.get("$ref") {
                    found.push(reference.clone());
                }
                map.values().for_each(|v| references(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| references(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    references(document, &mut found);
    let schemas = document["components"]["schemas"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let unreferenced = schemas
        .keys()
        .filter(|name| !found.contains(&format!("#/components/schemas/{name}")))
        .cloned()
        .collect();
    let dangling = found
        .into_iter()
        .filter(|reference| {
            let name = reference.trim_start_matches("#/components/schemas/");
            !schemas.contains_key(name)
        })
        .collect();
    (unreferenced, dangling)
}

/// The schema a response's content refers to, first of its `allOf`.
fn referred(document: &Value, path: &str, method: &str, status: &str, content: &str) -> Value {
    document["paths"][path][method]["responses"][status]["content"][content]["schema"]["allOf"][0]
        ["$ref"]
        .clone()
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Plain {
    /// No such thing.
    #[api_error(status = 404, message = "not found")]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(
    style = "flat",
    rename_all = "snake_case",
    rename_members(code = "error", message = "error_description")
)]
#[allow(dead_code, reason = "only the catalog is read")]
enum OAuthLike {
    /// The grant is invalid.
    #[api_error(status = 400, message = "the grant is invalid")]
    InvalidGrant,
}

#[utoipa::path(get, path = "/things", responses((status = 200, description = "Things"), Plain))]
#[allow(dead_code, reason = "only its documentation is read")]
fn get_things() {}

#[utoipa::path(post, path = "/token", responses((status = 200, description = "A token"), OAuthLike))]
#[allow(dead_code, reason = "only its documentation is read")]
fn post_token() {}

/// Two enums of one style with different member names: each response refers to the schema of
/// its own names, and every schema added is referred to.
#[test]
fn one_style_with_two_sets_of_member_names() {
    const ERRORS: ErrorSchemas = ErrorSchemas::new(&[Plain::catalog, OAuthLike::catalog]);

    #[derive(OpenApi)]
    #[openapi(paths(get_things, post_token), modifiers(&ERRORS))]
    struct Doc;

    let document = serde_json::to_value(Doc::openapi()).expect("serializes");
    assert_eq!(
        referred(&document, "/things", "get", "404", "application/json"),
        "#/components/schemas/ErrorFlat"
    );
    assert_eq!(
        referred(&document, "/token", "post", "400", "application/json"),
        "#/components/schemas/ErrorFlat.code-error.message-error_description"
    );
    assert_eq!(
        document["components"]["schemas"]["ErrorFlat.code-error.message-error_description"]["required"],
        json!(["error", "error_description"])
    );
    assert_eq!(
        unreferenced_and_dangling(&document),
        (Vec::new(), Vec::new())
    );
    // Each example is valid against the schema its response refers to.
    assert_valid(&document);
    // The enum's own document names the schema the same way.
    assert_eq!(
        OAuthLike::catalog().to_openapi()["responses"]["400"]["content"]["application/json"]["schema"]
            ["allOf"][0]["$ref"],
        "#/components/schemas/ErrorFlat.code-error.message-error_description"
    );
}

#[derive(Debug, ApiError)]
#[api_error(rename_all = "snake_case")]
#[allow(dead_code, reason = "only the catalog is read")]
enum FullProblem {
    /// No such account.
    #[api_error(status = 404, message = "no account")]
    NoAccount,
}

#[derive(Debug, ApiError)]
#[api_error(
    rename_all = "snake_case",
    type_base = "https://example.com/probs/",
    skip_members(code, status)
)]
#[allow(dead_code, reason = "only the catalog is read")]
enum BareProblem {
    /// Out of credit.
    #[api_error(status = 403, message = "out of credit")]
    OutOfCredit,
}

#[utoipa::path(get, path = "/accounts", responses((status = 200, description = "Accounts"), FullProblem))]
#[allow(dead_code, reason = "only its documentation is read")]
fn get_accounts() {}

#[utoipa::path(post, path = "/messages", responses((status = 201, description = "Sent"), BareProblem))]
#[allow(dead_code, reason = "only its documentation is read")]
fn post_message() {}

/// A problem enum that leaves out `code` and `status` refers to a schema that does not require
/// them, beside one that writes both.
#[test]
fn a_problem_without_code_and_status_beside_a_full_one() {
    const ERRORS: ErrorSchemas = ErrorSchemas::new(&[FullProblem::catalog, BareProblem::catalog]);

    #[derive(OpenApi)]
    #[openapi(paths(get_accounts, post_message), modifiers(&ERRORS))]
    struct Doc;

    let document = serde_json::to_value(Doc::openapi()).expect("serializes");
    let bare = &document["paths"]["/messages"]["post"]["responses"]["403"]["content"]["application/problem+json"]
        ["schema"];
    assert_eq!(
        *bare,
        json!({ "$ref": "#/components/schemas/ProblemDetails.no-code.no-status" })
    );
    assert_eq!(
        resolve(bare, &document)["required"],
        json!(["type", "title", "detail"])
    );
    assert_eq!(
        referred(
            &document,
            "/accounts",
            "get",
            "404",
            "application/problem+json"
        ),
        "#/components/schemas/ProblemDetails"
    );
    assert_eq!(
        document["components"]["schemas"]["ProblemDetails"]["required"],
        json!(["type", "title", "status", "detail", "code"])
    );
    assert_eq!(
        unreferenced_and_dangling(&document),
        (Vec::new(), Vec::new())
    );
    assert_valid(&document);
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case", headers("Cache-Control" = "no-store"))]
#[allow(dead_code, reason = "only the catalog is read")]
enum NoStore {
    /// The token is invalid.
    #[api_error(status = 401, message = "invalid token", headers("WWW-Authenticate" = "Bearer"))]
    InvalidToken,
    /// The token has expired.
    #[api_error(status = 401, message = "expired token")]
    ExpiredToken,
}

/// utoipa's responses are `to_openapi()`'s, a fixed header's `example` included.
#[test]
fn utoipa_keeps_a_fixed_headers_example() {
    let utoipa =
        serde_json::to_value(<NoStore as utoipa::IntoResponses>::responses()).expect("serializes");
    let catalog = NoStore::catalog().to_openapi()["responses"].clone();
    assert_eq!(
        utoipa["401"]["headers"],
        json!({
            "Cache-Control": {
                "description": "Sent with codes `invalid_token`, `expired_token`.",
                "schema": { "type": "string", "enum": ["no-store"] },
                "example": "no-store"
            },
            "WWW-Authenticate": {
                "description": "Sent with code `invalid_token`.",
                "schema": { "type": "string", "enum": ["Bearer"] },
                "example": "Bearer"
            }
        })
    );
    assert_eq!(utoipa, catalog);
}
