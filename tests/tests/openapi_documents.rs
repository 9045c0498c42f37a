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

/// Per style: two client errors of one status with a field, and one of another status, so that
/// a body of several errors shares a code, or does not, or mixes statuses (400).
macro_rules! form_error {
    ($name:ident, $style:literal) => {
        #[derive(Debug, ApiError)]
        #[api_error(style = $style)]
        enum $name {
            /// A field is required.
            #[api_error(status = 422, code = 4221, message = "{pointer} is required")]
            Required {
                #[api_error(expose)]
                pointer: String,
            },
            /// A number is out of range.
            #[api_error(status = 422, code = 4222, message = "out of range")]
            OutOfRange {
                #[api_error(expose)]
                pointer: String,
                #[api_error(expose)]
                max: u32,
            },
            /// The name is taken.
            #[api_error(status = 409, code = 4091, message = "name taken")]
            Taken,
        }
    };
}

form_error!(DtoForm, "dto");
form_error!(NestedForm, "nested");
form_error!(FlatForm, "flat");
form_error!(MessageForm, "message");
form_error!(ProblemForm, "problem");

/// A document with one operation whose responses are `R`'s, and the schemas of `catalog`.
fn document_of<R: utoipa::IntoResponses>(catalog: fn() -> error_contract::Catalog) -> Value {
    use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
    use utoipa::openapi::{InfoBuilder, OpenApiBuilder, PathsBuilder, ResponsesBuilder};

    let operation = OperationBuilder::new()
        .responses(ResponsesBuilder::new().responses_from_into_responses::<R>())
        .build();
    let mut document = OpenApiBuilder::new()
        .info(InfoBuilder::new().title("forms").version("1.0.0").build())
        .paths(
            PathsBuilder::new()
                .path("/forms", PathItem::new(HttpMethod::Post, operation))
                .build(),
        )
        .build();
    let catalogs: &'static [fn() -> error_contract::Catalog] = Box::leak(Box::new([catalog]));
    utoipa::Modify::modify(&ErrorSchemas::new(catalogs), &mut document);
    serde_json::to_value(document).expect("serializes")
}

/// The complaints of the schema that `document` gives a response of `status` about `body`.
fn body_errors(document: &Value, status: u16, content_type: &str, body: &str) -> Vec<String> {
    let schema = &document["paths"]["/forms"]["post"]["responses"][status.to_string()]["content"]
        [content_type]["schema"];
    assert!(!schema.is_null(), "no {status} {content_type} response");
    let schema = resolve(schema, document);
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let body: Value = serde_json::from_str(body).expect("a JSON body");
    validator
        .iter_errors(&body)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect()
}

/// What a handler that returns `Errors<E>` answers is documented, in every style: each body of
/// several errors the server writes (one code, two codes without a code for the whole, two
/// statuses answered with 400) is valid against the schema of its status, and a body with
/// another status's code is not.
fn several_errors_are_documented<E>(
    catalog: fn() -> error_contract::Catalog,
    required: fn(&str) -> E,
    out_of_range: fn(&str) -> E,
    taken: E,
) where
    E: error_contract::Styled + std::error::Error + 'static,
{
    let document = document_of::<error_contract::Errors<E>>(catalog);
    assert_valid(&document);
    assert_eq!(
        unreferenced_and_dangling(&document),
        (Vec::new(), Vec::new())
    );
    let statuses: Vec<&String> = document["paths"]["/forms"]["post"]["responses"]
        .as_object()
        .expect("responses")
        .keys()
        .collect();
    assert_eq!(statuses, ["400", "409", "422"]);

    let check = |errors: Vec<E>, status: u16| {
        let errors = error_contract::Errors::<E>::try_from(errors).expect("not empty");
        assert_eq!(errors.status().as_u16(), status);
        let body = errors.body();
        let content_type = body.content_type();
        assert_eq!(
            body_errors(&document, status, content_type, &body),
            Vec::<String>::new(),
            "{body}"
        );
        body.as_str().to_owned()
    };
    // One error: its own body.
    check(vec![required("/name")], 422);
    // Several with one code: the code of the whole is theirs.
    check(vec![required("/name"), required("/email")], 422);
    // Several codes: no code for the whole.
    let mixed = check(vec![required("/name"), out_of_range("/age")], 422);
    // Two statuses: 400, with both codes.
    let mut errors = vec![required("/name"), taken];
    let two_statuses = check(std::mem::take(&mut errors), 400);
    // The 409's schema does not take the 422's errors, nor the 400's.
    let content_type = error_contract::ApiError::body(&required("/name"))
        .content_type()
        .to_owned();
    for body in [mixed, two_statuses] {
        if content_type == "application/json" && body.starts_with(r#"{"errorMessage""#) {
            // `message` bodies have no code to tell them apart.
            continue;
        }
        assert_ne!(
            body_errors(&document, 409, &content_type, &body),
            Vec::<String>::new(),
            "{body}"
        );
    }
}

#[test]
fn several_errors_are_documented_in_every_style() {
    several_errors_are_documented(
        DtoForm::catalog,
        |p| DtoForm::Required { pointer: p.into() },
        |p| DtoForm::OutOfRange {
            pointer: p.into(),
            max: 99,
        },
        DtoForm::Taken,
    );
    several_errors_are_documented(
        NestedForm::catalog,
        |p| NestedForm::Required { pointer: p.into() },
        |p| NestedForm::OutOfRange {
            pointer: p.into(),
            max: 99,
        },
        NestedForm::Taken,
    );
    several_errors_are_documented(
        FlatForm::catalog,
        |p| FlatForm::Required { pointer: p.into() },
        |p| FlatForm::OutOfRange {
            pointer: p.into(),
            max: 99,
        },
        FlatForm::Taken,
    );
    several_errors_are_documented(
        MessageForm::catalog,
        |p| MessageForm::Required { pointer: p.into() },
        |p| MessageForm::OutOfRange {
            pointer: p.into(),
            max: 99,
        },
        MessageForm::Taken,
    );
    several_errors_are_documented(
        ProblemForm::catalog,
        |p| ProblemForm::Required { pointer: p.into() },
        |p| ProblemForm::OutOfRange {
            pointer: p.into(),
            max: 99,
        },
        ProblemForm::Taken,
    );
}

/// An API whose errors answer every failure of the framework and broken rules.
#[derive(Debug, ApiError)]
#[api_error(style = "problem", rename_all = "snake_case")]
#[allow(dead_code, reason = "only the catalog is read")]
enum RouteError {
    /// No such thing.
    #[api_error(status = 404, message = "thing not found")]
    ThingNotFound,
    /// The name is taken.
    #[api_error(status = 409, message = "name taken")]
    NameTaken,
    /// A number is out of range.
    #[api_error(status = 422, message = "out of range", validate = "range")]
    OutOfRange {
        #[api_error(expose, fact = "pointer")]
        pointer: String,
    },
    /// Any other broken rule.
    #[api_error(status = 422, message = "invalid value", validate)]
    InvalidValue {
        #[api_error(expose, fact = "pointer")]
        pointer: String,
    },
    /// No route has this path.
    #[api_error(status = 404, message = "no such route", catch = "unknown_route")]
    NoSuchRoute,
    /// Not a method of the route.
    #[api_error(
        status = 405,
        message = "method not allowed",
        catch = "method_not_allowed"
    )]
    MethodNotAllowed,
    /// Not JSON.
    #[api_error(status = 415, message = "send JSON", catch = "unsupported_media_type")]
    NotJson,
    /// Not JSON, or not of the expected shape.
    #[api_error(
        status = 400,
        message = "invalid body",
        catch("json_syntax", "json_data")
    )]
    InvalidBody,
    /// Too large.
    #[api_error(status = 413, message = "too large", catch = "payload_too_large")]
    TooLarge,
    /// A parameter does not parse.
    #[api_error(
        status = 400,
        message = "invalid parameter",
        catch("invalid_path", "invalid_query")
    )]
    InvalidParameter,
    /// Another layer refused the request.
    #[api_error(status = 400, message = "request refused", catch = "status")]
    Refused {
        #[api_error(status)]
        status: u16,
    },
    /// A panic, or another layer's server error.
    #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
    Internal {
        #[api_error(status)]
        status: u16,
    },
}

/// The body of `POST /things`.
#[derive(serde::Deserialize, validator::Validate)]
#[allow(dead_code, reason = "only its type is read")]
struct NewThing {
    #[validate(range(min = 1))]
    size: u32,
}

/// The query of `GET /things`.
#[derive(serde::Deserialize)]
#[allow(dead_code, reason = "only its type is read")]
struct Page {
    limit: Option<u32>,
}

mod axum_routes {
    use super::{NewThing, Page, RouteError};
    use error_contract::axum::{CatchLayer, Json, Path, Query, ValidJson};

    error_contract::responses! {
        /// `GET /things/{id}`.
        pub(super) struct GetThing: RouteError { ThingNotFound }
            with (Path<u64, RouteError>, CatchLayer<RouteError>)
    }
    error_contract::responses! {
        /// `GET /things`.
        pub(super) struct ListThings: RouteError {} with (Query<Page, RouteError>, CatchLayer<RouteError>)
    }
    error_contract::responses! {
        /// `POST /things`, validated.
        pub(super) struct CreateThing: Errors<RouteError> { NameTaken }
            with (ValidJson<NewThing, RouteError>, CatchLayer<RouteError>)
    }
    error_contract::responses! {
        /// `PUT /things/{id}`, a JSON body.
        pub(super) struct PutThing: RouteError { ThingNotFound }
            with (Path<u64, RouteError>, Json<NewThing, RouteError>, CatchLayer<RouteError>);
    }
}

mod actix_routes {
    use super::{NewThing, Page, RouteError};
    use error_contract::actix::{CatchMiddleware, Json, Path, Query, ValidJson};

    error_contract::responses! {
        pub(super) struct GetThing: RouteError { ThingNotFound }
            with (Path<u64, RouteError>, CatchMiddleware<RouteError>)
    }
    error_contract::responses! {
        pub(super) struct ListThings: RouteError {} with (Query<Page, RouteError>, CatchMiddleware<RouteError>)
    }
    error_contract::responses! {
        pub(super) struct CreateThing: Errors<RouteError> { NameTaken }
            with (ValidJson<NewThing, RouteError>, CatchMiddleware<RouteError>)
    }
    error_contract::responses! {
        pub(super) struct PutThing: RouteError { ThingNotFound }
            with (Path<u64, RouteError>, Json<NewThing, RouteError>, CatchMiddleware<RouteError>)
    }
}

/// The statuses and, per status, the codes of one error's body and of several's.
fn statuses_and_codes<R: utoipa::IntoResponses>() -> Vec<(String, String)> {
    let responses = serde_json::to_value(R::responses()).expect("serializes");
    responses
        .as_object()
        .expect("responses")
        .iter()
        .map(|(status, response)| {
            let description = response["description"].as_str().expect("a description");
            let codes = description
                .lines()
                .skip(2)
                .filter(|line| !line.is_empty())
                .map(|line| line.split(':').next().unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" ");
            (status.clone(), codes)
        })
        .collect()
}

/// A route documents its own errors and what its extractors and the layer answer, derived from
/// their types: a `GET` lists no 409, 413 or 415; a validated JSON body lists its 422 with the
/// variants of broken rules, several in one body.
#[test]
fn a_route_documents_what_its_extractors_and_the_layer_answer() {
    use error_contract::FailureKind::{
        InvalidPath, InvalidQuery, JsonData, JsonSyntax, MethodNotAllowed, Panic, PayloadTooLarge,
        UnknownRoute, UnsupportedMediaType,
    };
    use error_contract::axum;
    use error_contract::openapi::Answers;
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(s, c)| ((*s).to_owned(), (*c).to_owned()))
            .collect()
    };
    let get = pairs(&[
        ("400", "- `invalid_parameter`"),
        ("404", "- `thing_not_found` - `no_such_route`"),
        ("405", "- `method_not_allowed`"),
        ("500", "- `internal`"),
    ]);
    assert_eq!(statuses_and_codes::<axum_routes::GetThing>(), get);
    assert_eq!(statuses_and_codes::<actix_routes::GetThing>(), get);

    let list = pairs(&[
        ("400", "- `invalid_parameter`"),
        ("405", "- `method_not_allowed`"),
        ("500", "- `internal`"),
    ]);
    assert_eq!(statuses_and_codes::<axum_routes::ListThings>(), list);
    assert_eq!(statuses_and_codes::<actix_routes::ListThings>(), list);

    let create = pairs(&[
        // Errors of different statuses in one body.
        ("400", "- `invalid_body` Several errors in one body"),
        ("405", "- `method_not_allowed`"),
        ("409", "- `name_taken` Several errors in one body"),
        ("413", "- `too_large`"),
        ("415", "- `not_json`"),
        (
            "422",
            "- `out_of_range` - `invalid_value` Several errors in one body",
        ),
        ("500", "- `internal`"),
    ]);
    assert_eq!(statuses_and_codes::<axum_routes::CreateThing>(), create);
    assert_eq!(statuses_and_codes::<actix_routes::CreateThing>(), create);
    let create =
        serde_json::to_value(<axum_routes::CreateThing as utoipa::IntoResponses>::responses())
            .expect("serializes");
    assert_eq!(
        create["422"]["description"],
        "Unprocessable Content\n\n- `out_of_range`: out of range — A number is out of range.\n\
         - `invalid_value`: invalid value — Any other broken rule.\n\n\
         Several errors in one body: `out_of_range`, `invalid_value`."
    );
    assert_eq!(
        create["400"]["description"],
        "Bad Request\n\n- `invalid_body`: invalid body — Not JSON, or not of the expected shape.\n\n\
         Several errors in one body: `name_taken`, `out_of_range`, `invalid_value`."
    );

    let put = pairs(&[
        ("400", "- `invalid_parameter` - `invalid_body`"),
        ("404", "- `thing_not_found` - `no_such_route`"),
        ("405", "- `method_not_allowed`"),
        ("413", "- `too_large`"),
        ("415", "- `not_json`"),
        ("500", "- `internal`"),
    ]);
    assert_eq!(statuses_and_codes::<axum_routes::PutThing>(), put);
    assert_eq!(statuses_and_codes::<actix_routes::PutThing>(), put);

    // The extractors say which failures they answer.
    assert_eq!(
        <axum::Json<NewThing, RouteError> as Answers>::FAILURES,
        [UnsupportedMediaType, PayloadTooLarge, JsonSyntax, JsonData]
    );
    assert_eq!(
        <axum::ValidJson<NewThing, RouteError> as Answers>::FAILURES,
        [UnsupportedMediaType, PayloadTooLarge, JsonSyntax, JsonData]
    );
    assert_eq!(
        <axum::Path<u64, RouteError> as Answers>::FAILURES,
        [InvalidPath, UnknownRoute]
    );
    assert_eq!(
        <axum::Query<Page, RouteError> as Answers>::FAILURES,
        [InvalidQuery]
    );
    assert_eq!(
        <axum::CatchLayer<RouteError> as Answers>::FAILURES,
        [MethodNotAllowed, Panic]
    );

    // A whole document of such a route is valid, every example against its schema.
    let document = document_of::<axum_routes::CreateThing>(RouteError::catalog);
    assert_valid(&document);
}
