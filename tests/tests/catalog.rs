//! The catalog's Markdown rules: `|` and line breaks escaped, templates shown as written,
//! transparent variants flattened; each entry's exposed fields with their types. The Markdown and
//! `OpenAPI` of each transcribed API's enum are tested in its `*_style_*.rs` file, against the
//! rows of its page.

use error_contract::{ApiError, JsonType};

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Escaped {
    /// Either `a|b` or `c`.
    /// A second line is joined with a space.
    #[api_error(status = 400, code = "a|b", message = "pipes | in | the message")]
    Pipes,
    /// Line breaks in a message.
    #[api_error(status = 400, code = "breaks", message = "one\ntwo\r\nthree\rfour")]
    Breaks,
    #[api_error(status = 499, code = "undocumented", message = "no doc comment")]
    Undocumented,
    /// An interpolated message is shown as its template.
    #[api_error(
        status = 404,
        code = "template",
        message = "order {id} of {owner:?} not found"
    )]
    Template { id: u64, owner: String },
}

#[test]
fn cells_escape_pipes_and_line_breaks() {
    assert_eq!(
        Escaped::catalog().to_markdown(),
        concat!(
            "| Status | gRPC | Code | Message | Description |\n",
            "| --- | --- | --- | --- | --- |\n",
            "| 400 | INVALID_ARGUMENT | a\\|b | pipes \\| in \\| the message | Either `a\\|b` or `c`. A second line is joined with a space. |\n",
            "| 400 | INVALID_ARGUMENT | breaks | one<br>two<br>three<br>four | Line breaks in a message. |\n",
            "| 499 | CANCELLED | undocumented | no doc comment |  |\n",
            "| 404 | NOT_FOUND | template | order {id} of {owner:?} not found | An interpolated message is shown as its template. |\n",
        )
    );
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Auth {
    /// Authentication token is not valid.
    #[api_error(status = 401, code = 4003, message = "authentication token is invalid")]
    InvalidToken,
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Api {
    /// Entity was not found.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(transparent)]
    Auth(Auth),
    /// Unexpected system error.
    #[api_error(status = 500, code = 9001, message = "unexpected system error")]
    Unexpected,
}

#[test]
fn transparent_variants_are_flattened_in_place() {
    assert_eq!(
        Api::catalog().to_markdown(),
        r"| Status | gRPC | Code | Message | Description |
| --- | --- | --- | --- | --- |
| 404 | NOT_FOUND | 3001 | entity not found | Entity was not found. |
| 401 | UNAUTHENTICATED | 4003 | authentication token is invalid | Authentication token is not valid. |
| 500 | INTERNAL | 9001 | unexpected system error | Unexpected system error. |
"
    );
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Grpc {
    #[api_error(status = 409, code = "conflict")]
    Conflict,
    #[api_error(status = 409, code = "exists", grpc = "already_exists")]
    Exists,
    #[api_error(status = 418, code = "teapot")]
    Teapot,
    #[api_error(status = 503, code = "maintenance", grpc = "unavailable")]
    Maintenance,
}

/// The gRPC column: the code a variant names, else the one of its status.
#[test]
fn the_grpc_column_is_the_code_named_else_the_status_s() {
    assert_eq!(
        Grpc::catalog().to_markdown(),
        r"| Status | gRPC | Code | Message | Description |
| --- | --- | --- | --- | --- |
| 409 | ABORTED | conflict | Conflict |  |
| 409 | ALREADY_EXISTS | exists | Conflict |  |
| 418 | FAILED_PRECONDITION | teapot | I'm a teapot |  |
| 503 | UNAVAILABLE | maintenance | Service Unavailable |  |
"
    );
}

#[test]
fn empty_catalog_is_the_header_alone() {
    assert_eq!(
        error_contract::Catalog::new().to_markdown(),
        "| Status | gRPC | Code | Message | Description |\n| --- | --- | --- | --- | --- |\n"
    );
}

/// A struct that serializes to any JSON.
#[derive(Debug, serde::Serialize)]
struct Detail {
    path: String,
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Fields {
    #[api_error(status = 404, code = 1)]
    Bare,
    #[api_error(status = 400, code = 2)]
    Plain {
        #[api_error(expose)]
        id: u64,
        #[api_error(expose, rename = "tags")]
        labels: Vec<&'static str>,
    },
    #[api_error(transparent)]
    Auth(Auth),
    #[api_error(status = 422, code = 3)]
    Untyped {
        #[api_error(expose)]
        detail: Detail,
        not_exposed: u32,
    },
    #[api_error(status = 409, code = 4)]
    Mixed {
        #[api_error(expose)]
        detail: Detail,
        #[api_error(expose)]
        strict: Option<bool>,
        #[api_error(expose)]
        grade: char,
        #[api_error(expose)]
        extra: std::collections::HashMap<String, u8>,
    },
    #[api_error(status = 400, code = 5)]
    Same {
        #[api_error(expose)]
        id: std::num::NonZeroU64,
        #[api_error(expose)]
        tags: Box<[String]>,
    },
}

/// Every entry's fields come with their types as written and their JSON types, in body order,
/// whatever the entries around it expose (a table holds them for the entries with fields only).
#[test]
fn each_entry_has_its_own_field_types() {
    const STR: JsonType = JsonType::Str { char: false };
    let catalog = Fields::catalog();
    let rows: Vec<_> = catalog
        .iter()
        .map(|e| {
            (
                e.name(),
                e.fields().to_vec(),
                e.field_types().to_vec(),
                e.field_json_types().collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Bare", vec![], vec![], vec![]),
            (
                "Plain",
                vec!["id", "tags"],
                vec!["u64", "Vec<&'static str>"],
                vec![JsonType::Integer { non_zero: false }, JsonType::Array(&STR)],
            ),
            ("InvalidToken", vec![], vec![], vec![]),
            (
                "Untyped",
                vec!["detail"],
                vec!["Detail"],
                vec![JsonType::Unknown]
            ),
            (
                "Mixed",
                vec!["detail", "strict", "grade", "extra"],
                vec![
                    "Detail",
                    "Option<bool>",
                    "char",
                    "std::collections::HashMap<String, u8>"
                ],
                vec![
                    JsonType::Unknown,
                    JsonType::Boolean,
                    JsonType::Str { char: true },
                    JsonType::Unknown
                ],
            ),
            (
                "Same",
                vec!["id", "tags"],
                vec!["std::num::NonZeroU64", "Box<[String]>"],
                vec![JsonType::Integer { non_zero: true }, JsonType::Array(&STR)],
            ),
        ]
    );
}
