//! `cargo run -p error-contract --example catalog`: an enum's error table for people and for
//! tools.
//!
//! Prints the catalog as the Markdown table API pages show (`| Status | gRPC | Code | Message |
//! Description |`), then as `OpenAPI` 3.1 components (`schemas` and `responses`), ready to go
//! under `components` in an `OpenAPI` document.
//!
//! `cargo run -p error-contract --example catalog -- openapi` prints a whole `OpenAPI` 3.1
//! document around the components instead: `scripts/openapi-ts.sh` writes it to
//! `examples/errors.openapi.json` and generates a TypeScript client's types from it
//! (`examples/errors.d.ts`, with `openapi-typescript`); the test fails when the checked-in
//! document is no longer what the crate renders, so that the script is run again.
//!
//! The same enum is locked, and its Markdown table kept true, by the lock crate's example
//! (`lock/examples/shop.rs`, with `errors.lock.json` and `errors.md` beside it).

use error_contract::ApiError;

/// The shop API's errors, in seed 001's `dto` style.
#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
#[allow(dead_code, reason = "the handlers of a real API would build these")]
enum ShopError {
    /// Error occurred while saving the entity.
    #[api_error(status = 500, code = 2006, message = "entity saving error")]
    EntitySaving,
    /// Error occurred while saving the entity. The SKU must be unique.
    #[api_error(
        status = 400,
        code = 200601,
        parent = 2006,
        message = "entity saving error: SKU must be unique"
    )]
    SkuNotUnique,
    /// Entity was not found.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    /// The order does not exist, or belongs to another customer.
    #[api_error(status = 404, code = 3002, message = "order {id} not found")]
    OrderNotFound { id: u64 },
    /// Validation error. `subject` names the invalid parameter, `subjectType` says where it
    /// is.
    #[api_error(status = 400, code = 5000, message = "validation error")]
    Validation {
        #[api_error(expose)]
        subject: String,
        #[api_error(expose, rename = "subjectType")]
        subject_type: String,
    },
    /// Too many requests; try again after `Retry-After` seconds.
    #[api_error(status = 429, code = 4029, message = "too many requests")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: u32,
    },
    /// Unexpected system error.
    #[api_error(status = 500, code = 9001, message = "unexpected system error")]
    Io(#[from] std::io::Error),
}

/// A whole `OpenAPI` 3.1 document: the components, and one operation that can answer every error
/// response, so that a client generator types each of them.
fn document() -> serde_json::Value {
    let components = ShopError::catalog().to_openapi();
    let responses: serde_json::Map<String, serde_json::Value> = components["responses"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(status, _)| {
            let reference = format!("#/components/responses/{status}");
            (status.clone(), serde_json::json!({ "$ref": reference }))
        })
        .collect();
    serde_json::json!({
        "openapi": "3.1.0",
        "info": { "title": "shop", "version": "1.0.0" },
        "paths": {
            "/orders/{id}": {
                "get": {
                    "operationId": "getOrder",
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

/// The document as `examples/errors.openapi.json` holds it: pretty JSON and a final newline.
fn document_text() -> Result<String, serde_json::Error> {
    Ok(serde_json::to_string_pretty(&document())? + "\n")
}

fn main() -> Result<(), serde_json::Error> {
    if std::env::args().nth(1).as_deref() == Some("openapi") {
        print!("{}", document_text()?);
        return Ok(());
    }
    let catalog = ShopError::catalog();
    println!("{}", catalog.to_markdown());
    println!("{}", serde_json::to_string_pretty(&catalog.to_openapi())?);
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The `OpenAPI` document that `examples/errors.d.ts` was generated from is what the crate
    /// renders today; else `scripts/openapi-ts.sh` has to run again.
    #[test]
    fn typescript_client_input_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/errors.openapi.json");
        let checked_in = std::fs::read_to_string(path).unwrap_or_default();
        let rendered = super::document_text().expect("the document serializes");
        assert!(
            checked_in == rendered,
            "examples/errors.openapi.json is not what the crate renders: run scripts/openapi-ts.sh \
             and commit examples/errors.openapi.json and examples/errors.d.ts"
        );
    }
}
