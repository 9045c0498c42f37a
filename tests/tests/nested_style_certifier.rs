//! Certifier's error page: the `nested` style, `{"error":{"code":"bad_request","message":"..."}}`,
//! with `rename_all = "snake_case"` deriving every code from its variant name, and every row of
//! the page's table. The page's last row (500, 502, 503, 504 `internal_server_error`) is one
//! variant declaring 500, `statuses(502, 503, 504)`, whose status comes from a field at run
//! time: the catalog, the Markdown table and the `OpenAPI` responses list all four.
//!
//! The page gives no messages (its example is "An english description of the error that just
//! occurred"); the messages below are short English sentences taken from the descriptions.

use crate::common;
use crate::openapi_check;

use common::{Row, assert_api_error, assert_catalog};
use error_contract::{ApiError, Code};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case", decode)]
enum CertifierError {
    /// The request is missing the required Certifier-Version header. See versioning.
    #[api_error(
        status = 400,
        message = "The request is missing the required Certifier-Version header."
    )]
    MissingVersion,
    /// The Certifier-Version header's value is invalid. See versioning.
    #[api_error(
        status = 400,
        message = "The Certifier-Version header's value is invalid."
    )]
    InvalidVersion,
    /// The request body can not be decoded as JSON.
    #[api_error(status = 400, message = "The request body can not be decoded as JSON.")]
    InvalidJson,
    ///  This usually occurs because of a missing or malformed parameter.
    /// Check the documentation and the syntax of your request and try again.
    #[api_error(status = 400, message = "A parameter is missing or malformed.")]
    ValidationError {
        #[api_error(expose)]
        parameter: String,
        #[api_error(expose)]
        hint: Option<String>,
    },
    /// A valid authentication token was not provided with the request, so the API could not
    /// associate a user with the request.
    #[api_error(
        status = 401,
        message = "A valid authentication token was not provided."
    )]
    Unauthorized,
    /// The request was valid, but the queried object or object mutation specified in the
    /// request is only available to premium organizations and workspaces.
    #[api_error(
        status = 402,
        message = "This is only available to premium organizations and workspaces."
    )]
    PaymentRequired,
    /// The authentication and request syntax was valid but the server is refusing to complete
    /// the request. This can happen if you try to read or write to objects or properties that
    /// the user does not have access to.
    #[api_error(
        status = 403,
        message = "The user does not have access to this object."
    )]
    Forbidden,
    /// Either the request method and path supplied do not specify a known action in the API,
    /// or the object specified by the request does not exist.
    #[api_error(status = 404, message = "The requested object does not exist.")]
    NotFound,
    /// The request could not be completed, potentially due to a data collision. Make sure the
    /// parameters are up to date and try again.
    #[api_error(
        status = 409,
        message = "The request could not be completed due to a conflict."
    )]
    Conflict,
    /// You have exceeded one of the enforced rate limits in the API. See the documentation on
    /// rate limiting for more information.
    #[api_error(status = 429, message = "You have exceeded a rate limit.")]
    RateLimited {
        // A header is not in the body: a decoded `RateLimited` has `retry_after: 0`.
        #[api_error(header = "Retry-After", default)]
        retry_after: u32,
    },
    /// There was a problem on Certifier's end.
    #[api_error(
        status = 500,
        statuses(502, 503, 504),
        message = "There was a problem on Certifier's end."
    )]
    InternalServerError {
        #[api_error(status)]
        status: u16,
    },
}

#[test]
fn missing_version_400() {
    assert_api_error!(
        CertifierError::MissingVersion,
        status: 400,
        code: Code::Str("missing_version"),
        message: "The request is missing the required Certifier-Version header.",
        body: r#"{"error":{"code":"missing_version","message":"The request is missing the required Certifier-Version header."}}"#,
        content_type: "application/json",
    );
    assert!(CertifierError::MissingVersion.body().is_static());
}

#[test]
fn invalid_version_400() {
    assert_api_error!(
        CertifierError::InvalidVersion,
        status: 400,
        code: Code::Str("invalid_version"),
        message: "The Certifier-Version header's value is invalid.",
        body: r#"{"error":{"code":"invalid_version","message":"The Certifier-Version header's value is invalid."}}"#,
        content_type: "application/json",
    );
}

#[test]
fn invalid_json_400() {
    assert_api_error!(
        CertifierError::InvalidJson,
        status: 400,
        code: Code::Str("invalid_json"),
        message: "The request body can not be decoded as JSON.",
        body: r#"{"error":{"code":"invalid_json","message":"The request body can not be decoded as JSON."}}"#,
        content_type: "application/json",
    );
}

#[test]
fn validation_error_400_exposes_its_fields_inside_error() {
    assert_api_error!(
        CertifierError::ValidationError {
            parameter: "due_date".to_string(),
            hint: Some("expected an ISO 8601 date".to_string()),
        },
        status: 400,
        code: Code::Str("validation_error"),
        message: "A parameter is missing or malformed.",
        body: r#"{"error":{"code":"validation_error","message":"A parameter is missing or malformed.","parameter":"due_date","hint":"expected an ISO 8601 date"}}"#,
        content_type: "application/json",
    );
}

#[test]
fn validation_error_400_leaves_out_an_exposed_none() {
    assert_api_error!(
        CertifierError::ValidationError {
            parameter: "due_date".to_string(),
            hint: None,
        },
        status: 400,
        code: Code::Str("validation_error"),
        message: "A parameter is missing or malformed.",
        body: r#"{"error":{"code":"validation_error","message":"A parameter is missing or malformed.","parameter":"due_date"}}"#,
        content_type: "application/json",
    );
}

#[test]
fn unauthorized_401() {
    assert_api_error!(
        CertifierError::Unauthorized,
        status: 401,
        code: Code::Str("unauthorized"),
        message: "A valid authentication token was not provided.",
        body: r#"{"error":{"code":"unauthorized","message":"A valid authentication token was not provided."}}"#,
        content_type: "application/json",
    );
}

#[test]
fn payment_required_402() {
    assert_api_error!(
        CertifierError::PaymentRequired,
        status: 402,
        code: Code::Str("payment_required"),
        message: "This is only available to premium organizations and workspaces.",
        body: r#"{"error":{"code":"payment_required","message":"This is only available to premium organizations and workspaces."}}"#,
        content_type: "application/json",
    );
}

#[test]
fn forbidden_403() {
    assert_api_error!(
        CertifierError::Forbidden,
        status: 403,
        code: Code::Str("forbidden"),
        message: "The user does not have access to this object.",
        body: r#"{"error":{"code":"forbidden","message":"The user does not have access to this object."}}"#,
        content_type: "application/json",
    );
}

#[test]
fn not_found_404() {
    assert_api_error!(
        CertifierError::NotFound,
        status: 404,
        code: Code::Str("not_found"),
        message: "The requested object does not exist.",
        body: r#"{"error":{"code":"not_found","message":"The requested object does not exist."}}"#,
        content_type: "application/json",
    );
}

#[test]
fn conflict_409() {
    assert_api_error!(
        CertifierError::Conflict,
        status: 409,
        code: Code::Str("conflict"),
        message: "The request could not be completed due to a conflict.",
        body: r#"{"error":{"code":"conflict","message":"The request could not be completed due to a conflict."}}"#,
        content_type: "application/json",
    );
}

#[test]
fn rate_limited_429_sends_retry_after() {
    let error = CertifierError::RateLimited { retry_after: 30 };
    assert_api_error!(
        error,
        status: 429,
        code: Code::Str("rate_limited"),
        message: "You have exceeded a rate limit.",
        body: r#"{"error":{"code":"rate_limited","message":"You have exceeded a rate limit."}}"#,
        content_type: "application/json",
    );
    let headers = error.headers();
    assert_eq!(headers.iter().collect::<Vec<_>>(), [("Retry-After", "30")]);
    assert_eq!(headers.get("retry-after"), Some("30"));
}

#[test]
fn internal_server_error_500_502_503_504() {
    for status in [500, 502, 503, 504] {
        let error = CertifierError::InternalServerError { status };
        assert_eq!(error.status().as_u16(), status);
    }
    assert_api_error!(
        CertifierError::InternalServerError { status: 500 },
        status: 500,
        code: Code::Str("internal_server_error"),
        message: "There was a problem on Certifier's end.",
        body: r#"{"error":{"code":"internal_server_error","message":"There was a problem on Certifier's end."}}"#,
        content_type: "application/json",
    );
    assert_api_error!(
        CertifierError::InternalServerError { status: 502 },
        status: 502,
        code: Code::Str("internal_server_error"),
        message: "There was a problem on Certifier's end.",
        body: r#"{"error":{"code":"internal_server_error","message":"There was a problem on Certifier's end."}}"#,
        content_type: "application/json",
    );
    assert_api_error!(
        CertifierError::InternalServerError { status: 503 },
        status: 503,
        code: Code::Str("internal_server_error"),
        message: "There was a problem on Certifier's end.",
        body: r#"{"error":{"code":"internal_server_error","message":"There was a problem on Certifier's end."}}"#,
        content_type: "application/json",
    );
    assert_api_error!(
        CertifierError::InternalServerError { status: 504 },
        status: 504,
        code: Code::Str("internal_server_error"),
        message: "There was a problem on Certifier's end.",
        body: r#"{"error":{"code":"internal_server_error","message":"There was a problem on Certifier's end."}}"#,
        content_type: "application/json",
    );
}

#[test]
fn internal_server_error_out_of_its_statuses_is_the_declared_500() {
    for status in [0, 200, 302, 399, 404, 501, 505, 599, 600, 700, 1000] {
        let error = CertifierError::InternalServerError { status };
        assert_eq!(error.status().as_u16(), 500, "run-time status {status}");
        assert_eq!(
            &*error.body(),
            r#"{"error":{"code":"internal_server_error","message":"There was a problem on Certifier's end."}}"#
        );
    }
}

#[test]
fn headers_only_where_declared() {
    assert!(CertifierError::NotFound.headers().is_empty());
    assert!(
        CertifierError::InternalServerError { status: 503 }
            .headers()
            .is_empty()
    );
}

#[test]
fn catalog_fields() {
    let catalog = CertifierError::catalog();
    let validation = catalog.get(Code::Str("validation_error")).unwrap();
    assert_eq!(validation.fields(), ["parameter", "hint"]);
    let rate_limited = catalog.get(Code::Str("rate_limited")).unwrap();
    assert!(rate_limited.fields().is_empty());
    let internal = catalog.get(Code::Str("internal_server_error")).unwrap();
    assert!(internal.fields().is_empty());
}

#[test]
fn catalog() {
    assert_catalog(&CertifierError::catalog(), CATALOG);
}

const CATALOG: &[Row] = &[
    Row {
        name: "MissingVersion",
        status: 400,
        code: Code::Str("missing_version"),
        message: "The request is missing the required Certifier-Version header.",
        description: "The request is missing the required Certifier-Version header. See versioning.",
        parent: None,
    },
    Row {
        name: "InvalidVersion",
        status: 400,
        code: Code::Str("invalid_version"),
        message: "The Certifier-Version header's value is invalid.",
        description: "The Certifier-Version header's value is invalid. See versioning.",
        parent: None,
    },
    Row {
        name: "InvalidJson",
        status: 400,
        code: Code::Str("invalid_json"),
        message: "The request body can not be decoded as JSON.",
        description: "The request body can not be decoded as JSON.",
        parent: None,
    },
    Row {
        name: "ValidationError",
        status: 400,
        code: Code::Str("validation_error"),
        message: "A parameter is missing or malformed.",
        description: "This usually occurs because of a missing or malformed parameter. Check the documentation and the syntax of your request and try again.",
        parent: None,
    },
    Row {
        name: "Unauthorized",
        status: 401,
        code: Code::Str("unauthorized"),
        message: "A valid authentication token was not provided.",
        description: "A valid authentication token was not provided with the request, so the API could not associate a user with the request.",
        parent: None,
    },
    Row {
        name: "PaymentRequired",
        status: 402,
        code: Code::Str("payment_required"),
        message: "This is only available to premium organizations and workspaces.",
        description: "The request was valid, but the queried object or object mutation specified in the request is only available to premium organizations and workspaces.",
        parent: None,
    },
    Row {
        name: "Forbidden",
        status: 403,
        code: Code::Str("forbidden"),
        message: "The user does not have access to this object.",
        description: "The authentication and request syntax was valid but the server is refusing to complete the request. This can happen if you try to read or write to objects or properties that the user does not have access to.",
        parent: None,
    },
    Row {
        name: "NotFound",
        status: 404,
        code: Code::Str("not_found"),
        message: "The requested object does not exist.",
        description: "Either the request method and path supplied do not specify a known action in the API, or the object specified by the request does not exist.",
        parent: None,
    },
    Row {
        name: "Conflict",
        status: 409,
        code: Code::Str("conflict"),
        message: "The request could not be completed due to a conflict.",
        description: "The request could not be completed, potentially due to a data collision. Make sure the parameters are up to date and try again.",
        parent: None,
    },
    Row {
        name: "RateLimited",
        status: 429,
        code: Code::Str("rate_limited"),
        message: "You have exceeded a rate limit.",
        description: "You have exceeded one of the enforced rate limits in the API. See the documentation on rate limiting for more information.",
        parent: None,
    },
    Row {
        name: "InternalServerError",
        status: 500,
        code: Code::Str("internal_server_error"),
        message: "There was a problem on Certifier's end.",
        description: "There was a problem on Certifier's end.",
        parent: None,
    },
];

/// Rows in the other styles their string codes allow (not `dto`), the run-time status and the
/// header included.
mod other_styles {
    use crate::common::assert_api_error;
    use error_contract::{ApiError, Code};

    #[derive(Debug, ApiError)]
    #[api_error(style = "flat", rename_all = "snake_case")]
    enum Flat {
        #[api_error(status = 400, message = "A parameter is missing or malformed.")]
        ValidationError {
            #[api_error(expose)]
            parameter: String,
        },
        #[api_error(status = 429, message = "You have exceeded a rate limit.")]
        RateLimited {
            #[api_error(header = "Retry-After")]
            retry_after: u32,
        },
        #[api_error(status = 500, message = "There was a problem on Certifier's end.")]
        InternalServerError {
            #[api_error(status)]
            status: u16,
        },
    }

    #[test]
    fn flat() {
        assert_api_error!(
            Flat::ValidationError { parameter: "due_date".to_string() },
            status: 400,
            code: Code::Str("validation_error"),
            message: "A parameter is missing or malformed.",
            body: r#"{"code":"validation_error","message":"A parameter is missing or malformed.","parameter":"due_date"}"#,
            content_type: "application/json",
        );
        let error = Flat::RateLimited { retry_after: 30 };
        assert_api_error!(
            error,
            status: 429,
            code: Code::Str("rate_limited"),
            message: "You have exceeded a rate limit.",
            body: r#"{"code":"rate_limited","message":"You have exceeded a rate limit."}"#,
            content_type: "application/json",
        );
        assert_eq!(
            error.headers().iter().collect::<Vec<_>>(),
            [("Retry-After", "30")]
        );
        assert_api_error!(
            Flat::InternalServerError { status: 504 },
            status: 504,
            code: Code::Str("internal_server_error"),
            message: "There was a problem on Certifier's end.",
            body: r#"{"code":"internal_server_error","message":"There was a problem on Certifier's end."}"#,
            content_type: "application/json",
        );
    }

    #[derive(Debug, ApiError)]
    #[api_error(style = "message", rename_all = "snake_case")]
    enum Message {
        #[api_error(status = 400, message = "A parameter is missing or malformed.")]
        ValidationError {
            #[api_error(expose)]
            parameter: String,
        },
        #[api_error(status = 429, message = "You have exceeded a rate limit.")]
        RateLimited {
            #[api_error(header = "Retry-After")]
            retry_after: u32,
        },
        #[api_error(status = 500, message = "There was a problem on Certifier's end.")]
        InternalServerError {
            #[api_error(status)]
            status: u16,
        },
    }

    #[test]
    fn message() {
        assert_api_error!(
            Message::ValidationError { parameter: "due_date".to_string() },
            status: 400,
            code: Code::Str("validation_error"),
            message: "A parameter is missing or malformed.",
            body: r#"{"errorMessage":"A parameter is missing or malformed.","parameter":"due_date"}"#,
            content_type: "application/json",
        );
        let error = Message::RateLimited { retry_after: 30 };
        assert_api_error!(
            error,
            status: 429,
            code: Code::Str("rate_limited"),
            message: "You have exceeded a rate limit.",
            body: r#"{"errorMessage":"You have exceeded a rate limit."}"#,
            content_type: "application/json",
        );
        assert_eq!(
            error.headers().iter().collect::<Vec<_>>(),
            [("Retry-After", "30")]
        );
        assert_api_error!(
            Message::InternalServerError { status: 502 },
            status: 502,
            code: Code::Str("internal_server_error"),
            message: "There was a problem on Certifier's end.",
            body: r#"{"errorMessage":"There was a problem on Certifier's end."}"#,
            content_type: "application/json",
        );
    }

    #[derive(Debug, ApiError)]
    #[api_error(style = "problem", rename_all = "snake_case")]
    enum Problem {
        #[api_error(status = 400, message = "A parameter is missing or malformed.")]
        ValidationError {
            #[api_error(expose)]
            parameter: String,
        },
        #[api_error(status = 429, message = "You have exceeded a rate limit.")]
        RateLimited {
            #[api_error(header = "Retry-After")]
            retry_after: u32,
        },
        #[api_error(status = 500, message = "There was a problem on Certifier's end.")]
        InternalServerError {
            #[api_error(status)]
            status: u16,
        },
    }

    #[test]
    fn problem() {
        assert_api_error!(
            Problem::ValidationError { parameter: "due_date".to_string() },
            status: 400,
            code: Code::Str("validation_error"),
            message: "A parameter is missing or malformed.",
            body: r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"A parameter is missing or malformed.","code":"validation_error","parameter":"due_date"}"#,
            content_type: "application/problem+json",
        );
        let error = Problem::RateLimited { retry_after: 30 };
        assert_api_error!(
            error,
            status: 429,
            code: Code::Str("rate_limited"),
            message: "You have exceeded a rate limit.",
            body: r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"You have exceeded a rate limit.","code":"rate_limited"}"#,
            content_type: "application/problem+json",
        );
        assert_eq!(
            error.headers().iter().collect::<Vec<_>>(),
            [("Retry-After", "30")]
        );
    }

    /// The problem body carries the status, so it carries the run-time one, and the title is
    /// that status's reason phrase.
    #[test]
    fn problem_run_time_status() {
        assert_api_error!(
            Problem::InternalServerError { status: 500 },
            status: 500,
            code: Code::Str("internal_server_error"),
            message: "There was a problem on Certifier's end.",
            body: r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"There was a problem on Certifier's end.","code":"internal_server_error"}"#,
            content_type: "application/problem+json",
        );
        assert_api_error!(
            Problem::InternalServerError { status: 503 },
            status: 503,
            code: Code::Str("internal_server_error"),
            message: "There was a problem on Certifier's end.",
            body: r#"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"There was a problem on Certifier's end.","code":"internal_server_error"}"#,
            content_type: "application/problem+json",
        );
        assert_api_error!(
            Problem::InternalServerError { status: 302 },
            status: 500,
            code: Code::Str("internal_server_error"),
            message: "There was a problem on Certifier's end.",
            body: r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"There was a problem on Certifier's end.","code":"internal_server_error"}"#,
            content_type: "application/problem+json",
        );
    }
}

/// Every variant decodes back from its status and body (header-only fields are defaults).
#[test]
fn every_variant_round_trips() {
    let all = [
        CertifierError::MissingVersion,
        CertifierError::InvalidVersion,
        CertifierError::InvalidJson,
        CertifierError::ValidationError {
            parameter: "name".into(),
            hint: Some("must not be empty".into()),
        },
        CertifierError::ValidationError {
            parameter: "name".into(),
            hint: None,
        },
        CertifierError::Unauthorized,
        CertifierError::PaymentRequired,
        CertifierError::Forbidden,
        CertifierError::NotFound,
        CertifierError::Conflict,
        CertifierError::RateLimited { retry_after: 0 },
        CertifierError::InternalServerError { status: 500 },
        CertifierError::InternalServerError { status: 502 },
        CertifierError::InternalServerError { status: 503 },
        CertifierError::InternalServerError { status: 504 },
    ];
    common::assert_round_trip(&all);
}

/// The catalog as the page's table, byte for byte (`Catalog::to_markdown`).
#[test]
fn catalog_markdown_is_the_page_table() {
    assert_eq!(
        CertifierError::catalog().to_markdown(),
        r"| Status | gRPC | Code | Message | Description |
| --- | --- | --- | --- | --- |
| 400 | INVALID_ARGUMENT | missing_version | The request is missing the required Certifier-Version header. | The request is missing the required Certifier-Version header. See versioning. |
| 400 | INVALID_ARGUMENT | invalid_version | The Certifier-Version header's value is invalid. | The Certifier-Version header's value is invalid. See versioning. |
| 400 | INVALID_ARGUMENT | invalid_json | The request body can not be decoded as JSON. | The request body can not be decoded as JSON. |
| 400 | INVALID_ARGUMENT | validation_error | A parameter is missing or malformed. | This usually occurs because of a missing or malformed parameter. Check the documentation and the syntax of your request and try again. |
| 401 | UNAUTHENTICATED | unauthorized | A valid authentication token was not provided. | A valid authentication token was not provided with the request, so the API could not associate a user with the request. |
| 402 | FAILED_PRECONDITION | payment_required | This is only available to premium organizations and workspaces. | The request was valid, but the queried object or object mutation specified in the request is only available to premium organizations and workspaces. |
| 403 | PERMISSION_DENIED | forbidden | The user does not have access to this object. | The authentication and request syntax was valid but the server is refusing to complete the request. This can happen if you try to read or write to objects or properties that the user does not have access to. |
| 404 | NOT_FOUND | not_found | The requested object does not exist. | Either the request method and path supplied do not specify a known action in the API, or the object specified by the request does not exist. |
| 409 | ABORTED | conflict | The request could not be completed due to a conflict. | The request could not be completed, potentially due to a data collision. Make sure the parameters are up to date and try again. |
| 429 | RESOURCE_EXHAUSTED | rate_limited | You have exceeded a rate limit. | You have exceeded one of the enforced rate limits in the API. See the documentation on rate limiting for more information. |
| 500, 502, 503, 504 | INTERNAL | internal_server_error | There was a problem on Certifier's end. | There was a problem on Certifier's end. |
"
    );
}

/// The run-time statuses are published: the catalog lists them, and `OpenAPI` has the variant
/// under each, so that a generated client knows a 502, 503 or 504 `internal_server_error`.
#[test]
fn internal_server_error_is_published_under_each_of_its_statuses() {
    use error_contract::{Status, StatusRange};
    let catalog = CertifierError::catalog();
    let internal = catalog.get(Code::Str("internal_server_error")).unwrap();
    assert_eq!(
        internal.statuses(),
        [500, 502, 503, 504].map(|s| StatusRange::Exact(Status::new(s).unwrap()))
    );
    let not_found = catalog.get(Code::Str("not_found")).unwrap();
    assert_eq!(
        not_found.statuses(),
        [StatusRange::Exact(Status::NOT_FOUND)]
    );

    let components = catalog.to_openapi();
    let responses = components["responses"].as_object().unwrap();
    let keys: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "400", "401", "402", "403", "404", "409", "429", "500", "502", "503", "504"
        ]
    );
    for (status, reason) in [
        ("500", "Internal Server Error"),
        ("502", "Bad Gateway"),
        ("503", "Service Unavailable"),
        ("504", "Gateway Timeout"),
    ] {
        let response = &responses[status];
        assert_eq!(
            response["description"],
            format!(
                "{reason}\n\n- `internal_server_error`: There was a problem on Certifier's end. — There was a problem on Certifier's end."
            )
        );
        assert_eq!(
            response["content"]["application/json"]["schema"]["allOf"][1]["properties"]["error"]["properties"]
                ["code"]["enum"],
            serde_json::json!(["internal_server_error"])
        );
    }

    // The same through utoipa, and for one route's errors.
    let utoipa_keys: Vec<String> = <CertifierError as utoipa::IntoResponses>::responses()
        .into_keys()
        .collect();
    assert_eq!(utoipa_keys, keys);
    error_contract::responses! {
        struct ServerErrors: CertifierError { InternalServerError }
    }
    let components = ServerErrors::catalog().to_openapi();
    let keys: Vec<&String> = components["responses"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(keys, ["500", "502", "503", "504"]);
}

#[test]
fn catalog_openapi_is_valid() {
    let components = CertifierError::catalog().to_openapi();
    openapi_check::assert_valid(&openapi_check::document(&components));
}
