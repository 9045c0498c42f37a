//! `catch` and `fact`: which variant answers each framework failure, and what its fields take
//! from it. The resolution rule is the one documented on `error_contract::FromFailure`; every step
//! of it is checked here with exact bodies and headers, and no failure is answered with a status
//! other than its own.

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
    /// Other layers' client errors, with the status they answered.
    #[api_error(
        status = 400,
        code = 9400,
        message = "request refused",
        catch = "status"
    )]
    Refused {
        #[api_error(status)]
        status: Status,
    },
    /// Server errors, with the status of the response they answer.
    #[api_error(
        status = 500,
        code = 9001,
        message = "unexpected system error",
        catch("panic", "status")
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
fn unclaimed_kinds_keep_their_usual_status() {
    // No variant claims 415, 413 or 405: the 4xx variant with a run-time status takes each.
    for (kind, status) in [
        (
            FailureKind::UnsupportedMediaType,
            Status::UNSUPPORTED_MEDIA_TYPE,
        ),
        (FailureKind::PayloadTooLarge, Status::CONTENT_TOO_LARGE),
    ] {
        let failure = Failure::new(kind).with(Fact::Path, "/orders");
        assert_eq!(
            Dto::from_failure(&failure),
            Dto::Refused { status },
            "{kind}"
        );
        assert_eq!(
            caught(&failure),
            (
                status.as_u16(),
                r#"{"errors":[{"errorCode":9400,"message":"request refused"}]}"#.to_owned(),
                vec![]
            )
        );
    }
}

#[test]
fn other_layers_responses_keep_their_status() {
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
    // A 400 from another layer: the variant with `catch = "status"` that declares 400, not the
    // one that claims `json_syntax` with the same status.
    assert_eq!(
        Dto::from_failure(&Failure::from_status(Status::BAD_REQUEST)),
        Dto::Refused {
            status: Status::BAD_REQUEST
        }
    );
    // A 401, a 409, a 418: no variant declares them; the 4xx variant with a run-time status
    // takes each, and the response has it.
    for status in [401, 409, 418, 429, 499] {
        let status = Status::new(status).unwrap();
        let error = Dto::from_failure(&Failure::from_status(status));
        assert_eq!(error, Dto::Refused { status });
        assert_eq!(error.status(), status);
        assert_eq!(
            &*error.body(),
            r#"{"errors":[{"errorCode":9400,"message":"request refused"}]}"#
        );
    }
    // A 503, a 501, a 599: the 5xx variant with a run-time status field, which takes each.
    for status in [501, 503, 599] {
        let error = Dto::from_failure(&Failure::from_status(Status::new(status).unwrap()));
        assert_eq!(error, Dto::Internal { status });
        assert_eq!(error.status().as_u16(), status);
        assert_eq!(
            &*error.body(),
            r#"{"errors":[{"errorCode":9001,"message":"unexpected system error"}]}"#
        );
    }
    // A status that is not an error status (a layer that answered 999): no variant can keep
    // it; the 5xx variant answers with its declared status.
    let error = Dto::from_failure(&Failure::from_status(Status::new(999).unwrap()));
    assert_eq!(error, Dto::Internal { status: 999 });
    assert_eq!(error.status(), Status::INTERNAL_SERVER_ERROR);
}

/// A gateway: its upstream failures are one variant listing the statuses it is sent with,
/// which takes them before the 5xx variant that takes every other.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
enum Gateway {
    #[api_error(status = 404, message = "not found", catch = "unknown_route")]
    NotFound,
    #[api_error(status = 400, message = "bad request", catch = "status")]
    BadRequest {
        #[api_error(status)]
        status: Status,
    },
    #[api_error(
        status = 502,
        message = "upstream failed",
        statuses(503, 504),
        catch = "status"
    )]
    Upstream {
        #[api_error(status)]
        status: u16,
    },
    #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
    Internal {
        #[api_error(status)]
        status: u16,
    },
}

#[test]
fn listed_statuses_come_before_the_class() {
    for status in [502, 503, 504] {
        let error = Gateway::from_failure(&Failure::from_status(Status::new(status).unwrap()));
        assert_eq!(error, Gateway::Upstream { status });
        assert_eq!(error.status().as_u16(), status);
        assert_eq!(
            &*error.body(),
            r#"{"error":{"code":"upstream","message":"upstream failed"}}"#
        );
    }
    for status in [500, 501, 505] {
        let error = Gateway::from_failure(&Failure::from_status(Status::new(status).unwrap()));
        assert_eq!(error, Gateway::Internal { status });
        assert_eq!(error.status().as_u16(), status);
    }
    assert_eq!(
        Gateway::from_failure(&Failure::new(FailureKind::Panic)),
        Gateway::Internal { status: 500 }
    );
    // json_data (usual 422): not claimed; the 4xx variant with a run-time status, 422.
    let error = Gateway::from_failure(&Failure::new(FailureKind::JsonData));
    assert_eq!(
        error,
        Gateway::BadRequest {
            status: Status::UNPROCESSABLE_CONTENT
        }
    );
    assert_eq!(
        &*error.body(),
        r#"{"error":{"code":"bad_request","message":"bad request"}}"#
    );
    // A variant sends only the statuses it may take: another is its declared one.
    assert_eq!(Gateway::Upstream { status: 500 }.status().as_u16(), 502);
    assert_eq!(Gateway::Upstream { status: 404 }.status().as_u16(), 502);
    assert_eq!(Gateway::Internal { status: 404 }.status().as_u16(), 500);
    assert_eq!(
        Gateway::BadRequest {
            status: Status::BAD_GATEWAY
        }
        .status(),
        Status::BAD_REQUEST
    );
}

/// A struct answers every failure itself.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    style = "problem",
    status = 400,
    statuses("4XX", "5XX"),
    code = "bad_request",
    message = "bad request",
    catch("json_syntax", "json_data", "invalid_query", "status")
)]
struct BadRequest {
    #[api_error(expose, fact = "pointer")]
    pointer: Option<String>,
    #[api_error(expose, fact = "parameter")]
    parameter: Option<String>,
    #[api_error(status)]
    status: u16,
}

#[test]
fn a_struct_catches() {
    let failure = Failure::new(FailureKind::InvalidQuery).with(Fact::Parameter, "limit");
    let error = BadRequest::from_failure(&failure);
    assert_eq!(
        &*error.body(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad request","code":"bad_request","parameter":"limit"}"#
    );
    let error = BadRequest::from_failure(&Failure::new(FailureKind::Panic));
    assert_eq!(
        error,
        BadRequest {
            pointer: None,
            parameter: None,
            status: 500
        }
    );
    assert_eq!(
        &*error.body(),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"bad request","code":"bad_request"}"#
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
    #[api_error(status = 400, code = 2, message = "refused", catch = "status")]
    Refused {
        #[api_error(status)]
        status: u16,
    },
    #[api_error(status = 500, code = 3, message = "failed", catch("panic", "status"))]
    Failed {
        #[api_error(status)]
        status: u16,
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
        [
            "3001", "9404", "9405", "9002", "5000", "9408", "9400", "9001"
        ]
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

/// The enum of the servers in `axum.rs` and `actix.rs` that answer other layers' responses: it
/// claims unknown routes and JSON syntax only, so that a 405, a 409, a 418 and a 503 go by their
/// status, each to a variant that keeps it.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
pub(crate) enum Layered {
    #[api_error(
        status = 404,
        message = "The requested object does not exist.",
        catch = "unknown_route"
    )]
    NotFound,
    #[api_error(
        status = 400,
        message = "The request body can not be decoded as JSON.",
        catch = "json_syntax"
    )]
    InvalidJson,
    #[api_error(status = 400, message = "The request was refused.", catch = "status")]
    RequestRefused {
        #[api_error(status)]
        status: u16,
    },
    #[api_error(
        status = 500,
        message = "There was a problem on our end.",
        catch("panic", "status")
    )]
    InternalServerError {
        #[api_error(status)]
        status: u16,
    },
}

/// `Layered`'s body for another layer's 4xx, whatever its status.
pub(crate) const REFUSED: &str =
    r#"{"error":{"code":"request_refused","message":"The request was refused."}}"#;
/// `Layered`'s body for another layer's 5xx, whatever its status.
pub(crate) const PROBLEM: &str =
    r#"{"error":{"code":"internal_server_error","message":"There was a problem on our end."}}"#;

/// A 405 nobody claims, a 409, a 418 and a 503: each keeps its status, never another variant's.
#[test]
fn statuses_nobody_claims_are_kept() {
    for status in [405, 409, 418] {
        let error = Layered::from_failure(&Failure::from_status(Status::new(status).unwrap()));
        assert_eq!(error, Layered::RequestRefused { status });
        assert_eq!(error.status().as_u16(), status);
        assert_eq!(&*error.body(), REFUSED);
        assert!(error.headers().is_empty());
    }
    let error = Layered::from_failure(&Failure::new(FailureKind::MethodNotAllowed));
    assert_eq!(error, Layered::RequestRefused { status: 405 });
    let error = Layered::from_failure(&Failure::from_status(Status::SERVICE_UNAVAILABLE));
    assert_eq!(error, Layered::InternalServerError { status: 503 });
    assert_eq!(error.status(), Status::SERVICE_UNAVAILABLE);
    assert_eq!(&*error.body(), PROBLEM);
    // The claimed kinds, and a bare 400, as declared.
    assert_eq!(
        Layered::from_failure(&Failure::from_status(Status::NOT_FOUND)),
        Layered::NotFound
    );
    assert_eq!(
        Layered::from_failure(&Failure::new(FailureKind::JsonSyntax)),
        Layered::InvalidJson
    );
    assert_eq!(
        Layered::from_failure(&Failure::from_status(Status::BAD_REQUEST)),
        Layered::RequestRefused { status: 400 }
    );
}
