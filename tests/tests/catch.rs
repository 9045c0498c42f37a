//! `catch` and `detail`: which variant answers each framework failure, and what its fields take
//! from it. The resolution rule is the one documented on `error_contract::FromFailure`; every step of it
//! is checked here with exact bodies and headers.

use error_contract::{ApiError, Decode, Fact, Failure, FailureKind, FromFailure, Status};
use std::borrow::Cow;

/// A dto API (numeric codes) that claims most kinds.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "dto", decode)]
enum Dto {
    /// An ordinary variant: never chosen for a failure.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    /// No route matches.
    #[api_error(
        status = 404,
        code = 9404,
        message = "no such route",
        catch = "unknown_route"
    )]
    NoRoute {
        #[api_error(expose, rename = "subject", fact = "path")]
        path: String,
    },
    /// A route matches the path but not the method.
    #[api_error(
        status = 405,
        code = 9405,
        message = "method not allowed",
        catch = "method_not_allowed"
    )]
    MethodNotAllowed {
        #[api_error(header = "Allow", fact = "allow", default)]
        allow: String,
        #[api_error(expose, fact = "method")]
        method: Box<str>,
    },
    /// The body is not JSON, or JSON of the wrong shape.
    #[api_error(
        status = 400,
        code = 9002,
        message = "HTTP message not readable",
        catch("json_syntax", "json_data")
    )]
    NotReadable {
        #[api_error(expose, rename = "subject", fact = "pointer")]
        pointer: Option<String>,
    },
    /// A parameter does not parse.
    #[api_error(
        status = 400,
        code = 5000,
        message = "validation error",
        catch("invalid_path", "invalid_query")
    )]
    Validation {
        #[api_error(expose, rename = "subject", fact = "parameter")]
        parameter: Cow<'static, str>,
        #[api_error(expose, rename = "subjectType", default)]
        subject_type: String,
    },
    /// A timeout layer's 408.
    #[api_error(
        status = 408,
        code = 9408,
        message = "request timeout",
        catch = "status"
    )]
    Timeout,
    /// Server errors, with the status of the response they answer.
    #[api_error(
        status = 500,
        code = 9001,
        message = "unexpected system error",
        catch = "panic"
    )]
    Internal {
        #[api_error(status)]
        status: u16,
    },
}

fn caught(failure: &Failure<'_>) -> (u16, String, Vec<(&'static str, String)>) {
    let error = Dto::from_failure(failure);
    let headers = error.headers().into_iter().collect();
    (error.status().as_u16(), error.body().to_string(), headers)
}

#[test]
fn each_claimed_kind_goes_to_its_variant() {
    let failure = Failure::new(FailureKind::UnknownRoute).with(Fact::Path, "/no/such/route");
    assert_eq!(
        caught(&failure),
        (
            404,
            r#"{"errors":[{"errorCode":9404,"message":"no such route","subject":"/no/such/route"}]}"#.to_owned(),
            vec![]
        )
    );

    let failure = Failure::new(FailureKind::MethodNotAllowed)
        .with(Fact::Allow, "GET,HEAD")
        .with(Fact::Method, "DELETE");
    assert_eq!(
        caught(&failure),
        (
            405,
            r#"{"errors":[{"errorCode":9405,"message":"method not allowed","method":"DELETE"}]}"#
                .to_owned(),
            vec![("Allow", "GET,HEAD".to_owned())]
        )
    );

    for kind in [FailureKind::JsonSyntax, FailureKind::JsonData] {
        let failure = Failure::new(kind).with(Fact::Pointer, "/items/2/quantity");
        assert_eq!(
            caught(&failure),
            (
                400,
                r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable","subject":"/items/2/quantity"}]}"#.to_owned(),
                vec![]
            )
        );
    }
    // An absent optional detail leaves the member out.
    assert_eq!(
        caught(&Failure::new(FailureKind::JsonSyntax)).1,
        r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable"}]}"#
    );

    for kind in [FailureKind::InvalidPath, FailureKind::InvalidQuery] {
        let failure = Failure::new(kind).with(Fact::Parameter, "limit");
        assert_eq!(
            Dto::from_failure(&failure),
            Dto::Validation {
                parameter: Cow::Borrowed("limit"),
                subject_type: String::new()
            }
        );
    }

    // The run-time status field takes the failure's status.
    assert_eq!(
        Dto::from_failure(&Failure::new(FailureKind::Panic)),
        Dto::Internal { status: 500 }
    );
}

#[test]
fn the_cause_never_reaches_the_body() {
    let cause = "invalid type: string \"x\", expected u64 at line 1 column 9";
    let failure = Failure::new(FailureKind::JsonData)
        .with(Fact::Pointer, "/product")
        .with_cause(&cause);
    let (_, body, _) = caught(&failure);
    assert_eq!(
        body,
        r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable","subject":"/product"}]}"#
    );
}

#[test]
fn unclaimed_kinds_go_by_their_usual_status() {
    // 415 and 413: no variant has these statuses; the first 4xx variant with `catch` that has a
    // run-time status field? None; so the first 4xx variant with `catch`: NoRoute.
    for kind in [
        FailureKind::UnsupportedMediaType,
        FailureKind::PayloadTooLarge,
    ] {
        let failure = Failure::new(kind).with(Fact::Path, "/orders");
        assert_eq!(
            Dto::from_failure(&failure),
            Dto::NoRoute {
                path: "/orders".to_owned()
            },
            "{kind}"
        );
    }
}

#[test]
fn other_layers_responses_go_by_status() {
    // Declared with `catch = "status"`.
    assert_eq!(
        Dto::from_failure(&Failure::from_status(Status::REQUEST_TIMEOUT)),
        Dto::Timeout
    );
    // 404 from another layer is an unknown route; 405 a wrong method.
    assert_eq!(
        Dto::from_failure(&Failure::from_status(Status::NOT_FOUND).with(Fact::Path, "/x")),
        Dto::NoRoute { path: "/x".into() }
    );
    assert!(matches!(
        Dto::from_failure(&Failure::from_status(Status::METHOD_NOT_ALLOWED)),
        Dto::MethodNotAllowed { .. }
    ));
    // A 400 from another layer: the first catching variant with status 400.
    assert_eq!(
        Dto::from_failure(&Failure::from_status(Status::BAD_REQUEST)),
        Dto::NotReadable { pointer: None }
    );
    // A 401: no catching variant has it; the first catching 4xx variant.
    assert_eq!(
        Dto::from_failure(&Failure::from_status(Status::UNAUTHORIZED)),
        Dto::NoRoute {
            path: String::new()
        }
    );
    // A 503: the 5xx variant with a run-time status field, which takes 503.
    let error = Dto::from_failure(&Failure::from_status(Status::SERVICE_UNAVAILABLE));
    assert_eq!(error, Dto::Internal { status: 503 });
    assert_eq!(error.status(), Status::SERVICE_UNAVAILABLE);
    assert_eq!(
        &*error.body(),
        r#"{"errors":[{"errorCode":9001,"message":"unexpected system error"}]}"#
    );
}

/// Only 4xx variants catch: a 5xx failure goes to the first catching variant; a status field
/// is preferred within a class.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
enum ClientOnly {
    #[api_error(status = 404, message = "not found", catch = "unknown_route")]
    NotFound,
    #[api_error(status = 400, message = "bad request", catch = "status")]
    BadRequest {
        #[api_error(status)]
        status: Status,
    },
}

#[test]
fn class_and_last_resort() {
    // 409: not declared; the first 4xx variant with a run-time status field takes it.
    assert_eq!(
        ClientOnly::from_failure(&Failure::from_status(Status::CONFLICT)),
        ClientOnly::BadRequest {
            status: Status::CONFLICT
        }
    );
    // A panic (500) with no 5xx variant: the first variant with `catch`.
    assert_eq!(
        ClientOnly::from_failure(&Failure::new(FailureKind::Panic)),
        ClientOnly::NotFound
    );
    // json_data (usual 422): not declared; the 4xx variant with a status field, status 422.
    let error = ClientOnly::from_failure(&Failure::new(FailureKind::JsonData));
    assert_eq!(
        error,
        ClientOnly::BadRequest {
            status: Status::UNPROCESSABLE_CONTENT
        }
    );
    assert_eq!(
        &*error.body(),
        r#"{"error":{"code":"bad_request","message":"bad request"}}"#
    );
}

/// A struct answers every failure itself.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    style = "problem",
    status = 400,
    code = "bad_request",
    message = "bad request",
    catch("json_syntax", "json_data", "invalid_query", "status")
)]
struct BadRequest {
    #[api_error(expose, fact = "pointer")]
    pointer: Option<String>,
    #[api_error(expose, fact = "parameter")]
    parameter: Option<String>,
}

#[test]
fn a_struct_catches() {
    let failure = Failure::new(FailureKind::InvalidQuery).with(Fact::Parameter, "limit");
    let error = BadRequest::from_failure(&failure);
    assert_eq!(
        &*error.body(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad request","code":"bad_request","parameter":"limit"}"#
    );
    assert_eq!(
        BadRequest::from_failure(&Failure::new(FailureKind::Panic)),
        BadRequest {
            pointer: None,
            parameter: None
        }
    );
}

/// Generic fields get their bounds inferred.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "flat")]
enum Generic<T> {
    #[api_error(status = 404, code = 1, message = "gone", catch = "unknown_route")]
    Gone {
        #[api_error(expose, fact = "path")]
        path: T,
    },
}

#[test]
fn generic_fields() {
    let failure = Failure::new(FailureKind::UnknownRoute).with(Fact::Path, "/a");
    assert_eq!(
        Generic::<Option<Box<str>>>::from_failure(&failure),
        Generic::Gone {
            path: Some("/a".into())
        }
    );
    assert_eq!(
        &*Generic::<String>::from_failure(&failure).body(),
        r#"{"code":1,"message":"gone","path":"/a"}"#
    );
}

#[test]
fn catching_variants_are_ordinary_variants() {
    // In the catalog, as any other.
    let catalog = Dto::catalog();
    let codes: Vec<String> = catalog.iter().map(|e| e.code().to_string()).collect();
    assert_eq!(
        codes,
        ["3001", "9404", "9405", "9002", "5000", "9408", "9001"]
    );
    // Decoded back, as any other.
    let error = Dto::NotReadable {
        pointer: Some("/quantity".into()),
    };
    assert_eq!(Dto::decode(400, error.body().as_bytes()), Ok(error));
    // A `default` field is `Default::default()` both when caught and when decoded.
    let error = Dto::Validation {
        parameter: "id".into(),
        subject_type: String::new(),
    };
    assert_eq!(Dto::decode(400, error.body().as_bytes()), Ok(error));
}
