//! Platform of Trust's error page: it lists only statuses and their descriptions (the 4xx and
//! 5xx rows: 400, 401, 403, 404, 500, 503). Declared in the default style, RFC 9457 problem
//! details (`application/problem+json`), with `rename_all = "snake_case"` and no `message`, so
//! `detail` and `title` are the reason phrase and the code is the snake-case variant name.

use crate::common;
use crate::openapi_check;

use common::{Row, assert_api_error, assert_catalog};
use error_contract::{ApiError, Code};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(rename_all = "snake_case", decode)]
enum PlatformError {
    /// The request was not processed, as the server could not understand what the client is
    /// asking for, e.g. because of missing parameter.
    #[api_error(status = 400)]
    BadRequest,
    /// The client was not allowed to access resources, and should re-request with the required
    /// credentials.
    #[api_error(status = 401)]
    Unauthorized,
    /// The request was valid and the client is authenticated, but the client is not allowed
    /// access the resource for some reason.
    #[api_error(status = 403)]
    Forbidden,
    /// The requested resource was not available at the time of request.
    #[api_error(status = 404)]
    NotFound,
    /// The request was valid, but the server was unable to serve because of some unexpected
    /// condition.
    #[api_error(status = 500)]
    InternalServerError,
    /// The server is down or unavailable to receive and process the request.
    #[api_error(status = 503)]
    ServiceUnavailable,
}

#[test]
fn bad_request_400() {
    assert_api_error!(
        PlatformError::BadRequest,
        status: 400,
        code: Code::Str("bad_request"),
        message: "Bad Request",
        body: r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Bad Request","code":"bad_request"}"#,
        content_type: "application/problem+json",
    );
    assert!(PlatformError::BadRequest.body().is_static());
}

#[test]
fn unauthorized_401() {
    assert_api_error!(
        PlatformError::Unauthorized,
        status: 401,
        code: Code::Str("unauthorized"),
        message: "Unauthorized",
        body: r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"Unauthorized","code":"unauthorized"}"#,
        content_type: "application/problem+json",
    );
}

#[test]
fn forbidden_403() {
    assert_api_error!(
        PlatformError::Forbidden,
        status: 403,
        code: Code::Str("forbidden"),
        message: "Forbidden",
        body: r#"{"type":"about:blank","title":"Forbidden","status":403,"detail":"Forbidden","code":"forbidden"}"#,
        content_type: "application/problem+json",
    );
}

#[test]
fn not_found_404() {
    assert_api_error!(
        PlatformError::NotFound,
        status: 404,
        code: Code::Str("not_found"),
        message: "Not Found",
        body: r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found","code":"not_found"}"#,
        content_type: "application/problem+json",
    );
    assert!(PlatformError::NotFound.body().is_static());
}

#[test]
fn internal_server_error_500() {
    assert_api_error!(
        PlatformError::InternalServerError,
        status: 500,
        code: Code::Str("internal_server_error"),
        message: "Internal Server Error",
        body: r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error","code":"internal_server_error"}"#,
        content_type: "application/problem+json",
    );
}

#[test]
fn service_unavailable_503() {
    assert_api_error!(
        PlatformError::ServiceUnavailable,
        status: 503,
        code: Code::Str("service_unavailable"),
        message: "Service Unavailable",
        body: r#"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"Service Unavailable","code":"service_unavailable"}"#,
        content_type: "application/problem+json",
    );
}

#[test]
fn no_headers() {
    assert!(PlatformError::ServiceUnavailable.headers().is_empty());
}

#[test]
fn catalog() {
    let catalog = PlatformError::catalog();
    assert_catalog(
        &catalog,
        &[
            Row {
                name: "BadRequest",
                status: 400,
                code: Code::Str("bad_request"),
                message: "Bad Request",
                description: "The request was not processed, as the server could not understand what the client is asking for, e.g. because of missing parameter.",
                parent: None,
            },
            Row {
                name: "Unauthorized",
                status: 401,
                code: Code::Str("unauthorized"),
                message: "Unauthorized",
                description: "The client was not allowed to access resources, and should re-request with the required credentials.",
                parent: None,
            },
            Row {
                name: "Forbidden",
                status: 403,
                code: Code::Str("forbidden"),
                message: "Forbidden",
                description: "The request was valid and the client is authenticated, but the client is not allowed access the resource for some reason.",
                parent: None,
            },
            Row {
                name: "NotFound",
                status: 404,
                code: Code::Str("not_found"),
                message: "Not Found",
                description: "The requested resource was not available at the time of request.",
                parent: None,
            },
            Row {
                name: "InternalServerError",
                status: 500,
                code: Code::Str("internal_server_error"),
                message: "Internal Server Error",
                description: "The request was valid, but the server was unable to serve because of some unexpected condition.",
                parent: None,
            },
            Row {
                name: "ServiceUnavailable",
                status: 503,
                code: Code::Str("service_unavailable"),
                message: "Service Unavailable",
                description: "The server is down or unavailable to receive and process the request.",
                parent: None,
            },
        ],
    );
    for entry in &catalog {
        assert_eq!(entry.title(), None, "title of {}", entry.name());
        assert_eq!(entry.content_type(), "application/problem+json");
        assert!(entry.fields().is_empty());
    }
}

/// `type_base`: the problem `type` is the base followed by the code; the title is the variant's
/// `title` or else the reason phrase.
mod type_base {
    use crate::common::assert_api_error;
    use error_contract::{ApiError, Code};

    #[derive(Debug, ApiError)]
    #[api_error(
        style = "problem",
        rename_all = "snake_case",
        type_base = "https://example.com/errors/"
    )]
    enum PlatformError {
        /// The request was not processed, as the server could not understand what the client
        /// is asking for, e.g. because of missing parameter.
        #[api_error(status = 400)]
        BadRequest,
        /// The requested resource was not available at the time of request.
        #[api_error(status = 404)]
        NotFound,
        /// The server is down or unavailable to receive and process the request.
        #[api_error(
            status = 503,
            title = "Platform Unavailable",
            message = "The server is down or unavailable."
        )]
        ServiceUnavailable,
    }

    #[test]
    fn type_is_base_followed_by_code() {
        assert_api_error!(
            PlatformError::NotFound,
            status: 404,
            code: Code::Str("not_found"),
            message: "Not Found",
            body: r#"{"type":"https://example.com/errors/not_found","title":"Not Found","status":404,"detail":"Not Found","code":"not_found"}"#,
            content_type: "application/problem+json",
        );
        assert_api_error!(
            PlatformError::BadRequest,
            status: 400,
            code: Code::Str("bad_request"),
            message: "Bad Request",
            body: r#"{"type":"https://example.com/errors/bad_request","title":"Bad Request","status":400,"detail":"Bad Request","code":"bad_request"}"#,
            content_type: "application/problem+json",
        );
    }

    #[test]
    fn declared_title() {
        assert_api_error!(
            PlatformError::ServiceUnavailable,
            status: 503,
            code: Code::Str("service_unavailable"),
            message: "The server is down or unavailable.",
            body: r#"{"type":"https://example.com/errors/service_unavailable","title":"Platform Unavailable","status":503,"detail":"The server is down or unavailable.","code":"service_unavailable"}"#,
            content_type: "application/problem+json",
        );
        let catalog = PlatformError::catalog();
        let entry = catalog.get(Code::Str("service_unavailable")).unwrap();
        assert_eq!(entry.title(), Some("Platform Unavailable"));
        assert_eq!(
            entry.description(),
            "The server is down or unavailable to receive and process the request."
        );
        let entry = catalog.get(Code::Str("bad_request")).unwrap();
        assert_eq!(entry.title(), None);
        assert_eq!(
            entry.description(),
            "The request was not processed, as the server could not understand what the client is asking for, e.g. because of missing parameter."
        );
    }
}

/// The rows in the other styles their string codes allow (not `dto`).
mod other_styles {
    use crate::common::assert_api_error;
    use error_contract::{ApiError, Code};

    #[derive(Debug, ApiError)]
    #[api_error(style = "nested", rename_all = "snake_case")]
    enum Nested {
        #[api_error(status = 400)]
        BadRequest,
        #[api_error(status = 404)]
        NotFound,
        #[api_error(status = 503)]
        ServiceUnavailable,
    }

    #[test]
    fn nested() {
        assert_api_error!(
            Nested::BadRequest,
            status: 400,
            code: Code::Str("bad_request"),
            message: "Bad Request",
            body: r#"{"error":{"code":"bad_request","message":"Bad Request"}}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Nested::NotFound,
            status: 404,
            code: Code::Str("not_found"),
            message: "Not Found",
            body: r#"{"error":{"code":"not_found","message":"Not Found"}}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Nested::ServiceUnavailable,
            status: 503,
            code: Code::Str("service_unavailable"),
            message: "Service Unavailable",
            body: r#"{"error":{"code":"service_unavailable","message":"Service Unavailable"}}"#,
            content_type: "application/json",
        );
    }

    #[derive(Debug, ApiError)]
    #[api_error(style = "flat", rename_all = "snake_case")]
    enum Flat {
        #[api_error(status = 400)]
        BadRequest,
        #[api_error(status = 404)]
        NotFound,
        #[api_error(status = 503)]
        ServiceUnavailable,
    }

    #[test]
    fn flat() {
        assert_api_error!(
            Flat::BadRequest,
            status: 400,
            code: Code::Str("bad_request"),
            message: "Bad Request",
            body: r#"{"code":"bad_request","message":"Bad Request"}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Flat::NotFound,
            status: 404,
            code: Code::Str("not_found"),
            message: "Not Found",
            body: r#"{"code":"not_found","message":"Not Found"}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Flat::ServiceUnavailable,
            status: 503,
            code: Code::Str("service_unavailable"),
            message: "Service Unavailable",
            body: r#"{"code":"service_unavailable","message":"Service Unavailable"}"#,
            content_type: "application/json",
        );
    }

    #[derive(Debug, ApiError)]
    #[api_error(style = "message", rename_all = "snake_case")]
    enum Message {
        #[api_error(status = 400)]
        BadRequest,
        #[api_error(status = 404)]
        NotFound,
        #[api_error(status = 503)]
        ServiceUnavailable,
    }

    #[test]
    fn message() {
        assert_api_error!(
            Message::BadRequest,
            status: 400,
            code: Code::Str("bad_request"),
            message: "Bad Request",
            body: r#"{"errorMessage":"Bad Request"}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Message::NotFound,
            status: 404,
            code: Code::Str("not_found"),
            message: "Not Found",
            body: r#"{"errorMessage":"Not Found"}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Message::ServiceUnavailable,
            status: 503,
            code: Code::Str("service_unavailable"),
            message: "Service Unavailable",
            body: r#"{"errorMessage":"Service Unavailable"}"#,
            content_type: "application/json",
        );
    }
}

/// Every variant decodes back from its status and problem body.
#[test]
fn every_variant_round_trips() {
    common::assert_round_trip(&[
        PlatformError::BadRequest,
        PlatformError::Unauthorized,
        PlatformError::Forbidden,
        PlatformError::NotFound,
        PlatformError::InternalServerError,
        PlatformError::ServiceUnavailable,
    ]);
}

/// The catalog as the page's table, byte for byte (`Catalog::to_markdown`).
#[test]
fn catalog_markdown_is_the_page_table() {
    assert_eq!(
        PlatformError::catalog().to_markdown(),
        r"| Status | gRPC | Code | Message | Description |
| --- | --- | --- | --- | --- |
| 400 | INVALID_ARGUMENT | bad_request | Bad Request | The request was not processed, as the server could not understand what the client is asking for, e.g. because of missing parameter. |
| 401 | UNAUTHENTICATED | unauthorized | Unauthorized | The client was not allowed to access resources, and should re-request with the required credentials. |
| 403 | PERMISSION_DENIED | forbidden | Forbidden | The request was valid and the client is authenticated, but the client is not allowed access the resource for some reason. |
| 404 | NOT_FOUND | not_found | Not Found | The requested resource was not available at the time of request. |
| 500 | INTERNAL | internal_server_error | Internal Server Error | The request was valid, but the server was unable to serve because of some unexpected condition. |
| 503 | UNAVAILABLE | service_unavailable | Service Unavailable | The server is down or unavailable to receive and process the request. |
"
    );
}

#[test]
fn catalog_openapi_is_valid() {
    let components = PlatformError::catalog().to_openapi();
    openapi_check::assert_valid(&openapi_check::document(&components));
}
