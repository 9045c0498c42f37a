//! essCert's error page: the `message` style, `{"errorMessage":"Invalid Parameter"}`.
//!
//! The page shows the body `"errorMessage": "Invalid Parameter"` and names the statuses 400 Bad
//! Request, 401 Unauthorized, 403 Forbidden and 500 Internal Server Error. There is no code in
//! the body; the code accessor still returns the variant name (no `rename_all`).

use crate::common;
use crate::openapi_check;

use common::{Row, assert_api_error, assert_catalog};
use error_contract::{ApiError, Code};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "message", decode)]
enum EssCertError {
    /// A parameter of the request is missing or invalid:
    /// the request failed given the information provided.
    #[api_error(status = 400, message = "Invalid Parameter")]
    InvalidParameter,
    /// The credentials are missing or incorrect.
    #[api_error(status = 401)]
    Unauthorized,
    /// The caller may not perform this operation.
    #[api_error(status = 403, message = "Access Denied")]
    Forbidden,
    /// An error within the servers; these are rare.
    /// The user is advised to contact support.
    #[api_error(status = 500)]
    InternalServerError,
}

#[test]
fn invalid_parameter_400() {
    assert_api_error!(
        EssCertError::InvalidParameter,
        status: 400,
        code: Code::Str("InvalidParameter"),
        message: "Invalid Parameter",
        body: r#"{"errorMessage":"Invalid Parameter"}"#,
        content_type: "application/json",
    );
    assert!(EssCertError::InvalidParameter.body().is_static());
}

#[test]
fn unauthorized_401_default_message_is_the_reason_phrase() {
    assert_api_error!(
        EssCertError::Unauthorized,
        status: 401,
        code: Code::Str("Unauthorized"),
        message: "Unauthorized",
        body: r#"{"errorMessage":"Unauthorized"}"#,
        content_type: "application/json",
    );
    assert!(EssCertError::Unauthorized.body().is_static());
}

#[test]
fn forbidden_403() {
    assert_api_error!(
        EssCertError::Forbidden,
        status: 403,
        code: Code::Str("Forbidden"),
        message: "Access Denied",
        body: r#"{"errorMessage":"Access Denied"}"#,
        content_type: "application/json",
    );
    assert!(EssCertError::Forbidden.body().is_static());
}

#[test]
fn internal_server_error_500_default_message_is_the_reason_phrase() {
    assert_api_error!(
        EssCertError::InternalServerError,
        status: 500,
        code: Code::Str("InternalServerError"),
        message: "Internal Server Error",
        body: r#"{"errorMessage":"Internal Server Error"}"#,
        content_type: "application/json",
    );
    assert!(EssCertError::InternalServerError.body().is_static());
}

#[test]
fn no_headers() {
    assert!(EssCertError::InvalidParameter.headers().is_empty());
    assert!(EssCertError::InternalServerError.headers().is_empty());
}

#[test]
fn catalog() {
    assert_catalog(
        &EssCertError::catalog(),
        &[
            Row {
                name: "InvalidParameter",
                status: 400,
                code: Code::Str("InvalidParameter"),
                message: "Invalid Parameter",
                description: "A parameter of the request is missing or invalid: the request failed given the information provided.",
                parent: None,
            },
            Row {
                name: "Unauthorized",
                status: 401,
                code: Code::Str("Unauthorized"),
                message: "Unauthorized",
                description: "The credentials are missing or incorrect.",
                parent: None,
            },
            Row {
                name: "Forbidden",
                status: 403,
                code: Code::Str("Forbidden"),
                message: "Access Denied",
                description: "The caller may not perform this operation.",
                parent: None,
            },
            Row {
                name: "InternalServerError",
                status: 500,
                code: Code::Str("InternalServerError"),
                message: "Internal Server Error",
                description: "An error within the servers; these are rare. The user is advised to contact support.",
                parent: None,
            },
        ],
    );
}

/// The same rows in the other styles their string codes allow (not `dto`, which needs numeric
/// codes).
mod other_styles {
    use crate::common::assert_api_error;
    use error_contract::{ApiError, Code};

    #[derive(Debug, ApiError)]
    #[api_error(style = "nested")]
    enum Nested {
        #[api_error(status = 400, message = "Invalid Parameter")]
        InvalidParameter,
        #[api_error(status = 401)]
        Unauthorized,
        #[api_error(status = 500)]
        InternalServerError,
    }

    #[test]
    fn nested() {
        assert_api_error!(
            Nested::InvalidParameter,
            status: 400,
            code: Code::Str("InvalidParameter"),
            message: "Invalid Parameter",
            body: r#"{"error":{"code":"InvalidParameter","message":"Invalid Parameter"}}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Nested::Unauthorized,
            status: 401,
            code: Code::Str("Unauthorized"),
            message: "Unauthorized",
            body: r#"{"error":{"code":"Unauthorized","message":"Unauthorized"}}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Nested::InternalServerError,
            status: 500,
            code: Code::Str("InternalServerError"),
            message: "Internal Server Error",
            body: r#"{"error":{"code":"InternalServerError","message":"Internal Server Error"}}"#,
            content_type: "application/json",
        );
    }

    #[derive(Debug, ApiError)]
    #[api_error(style = "flat")]
    enum Flat {
        #[api_error(status = 400, message = "Invalid Parameter")]
        InvalidParameter,
        #[api_error(status = 401)]
        Unauthorized,
        #[api_error(status = 500)]
        InternalServerError,
    }

    #[test]
    fn flat() {
        assert_api_error!(
            Flat::InvalidParameter,
            status: 400,
            code: Code::Str("InvalidParameter"),
            message: "Invalid Parameter",
            body: r#"{"code":"InvalidParameter","message":"Invalid Parameter"}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Flat::Unauthorized,
            status: 401,
            code: Code::Str("Unauthorized"),
            message: "Unauthorized",
            body: r#"{"code":"Unauthorized","message":"Unauthorized"}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Flat::InternalServerError,
            status: 500,
            code: Code::Str("InternalServerError"),
            message: "Internal Server Error",
            body: r#"{"code":"InternalServerError","message":"Internal Server Error"}"#,
            content_type: "application/json",
        );
    }

    #[derive(Debug, ApiError)]
    #[api_error(style = "problem")]
    enum Problem {
        #[api_error(status = 400, message = "Invalid Parameter")]
        InvalidParameter,
        #[api_error(status = 401)]
        Unauthorized,
        #[api_error(status = 500)]
        InternalServerError,
    }

    #[test]
    fn problem() {
        assert_api_error!(
            Problem::InvalidParameter,
            status: 400,
            code: Code::Str("InvalidParameter"),
            message: "Invalid Parameter",
            body: r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid Parameter","code":"InvalidParameter"}"#,
            content_type: "application/problem+json",
        );
        assert_api_error!(
            Problem::Unauthorized,
            status: 401,
            code: Code::Str("Unauthorized"),
            message: "Unauthorized",
            body: r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"Unauthorized","code":"Unauthorized"}"#,
            content_type: "application/problem+json",
        );
        assert_api_error!(
            Problem::InternalServerError,
            status: 500,
            code: Code::Str("InternalServerError"),
            message: "Internal Server Error",
            body: r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error","code":"InternalServerError"}"#,
            content_type: "application/problem+json",
        );
    }
}

/// Every variant decodes back: the message style has no code, so the message picks the variant.
#[test]
fn every_variant_round_trips() {
    common::assert_round_trip(&[
        EssCertError::InvalidParameter,
        EssCertError::Unauthorized,
        EssCertError::Forbidden,
        EssCertError::InternalServerError,
    ]);
}

/// The catalog as the page's table, byte for byte (`Catalog::to_markdown`).
#[test]
fn catalog_markdown_is_the_page_table() {
    assert_eq!(
        EssCertError::catalog().to_markdown(),
        r"| Status | gRPC | Code | Message | Description |
| --- | --- | --- | --- | --- |
| 400 | INVALID_ARGUMENT | InvalidParameter | Invalid Parameter | A parameter of the request is missing or invalid: the request failed given the information provided. |
| 401 | UNAUTHENTICATED | Unauthorized | Unauthorized | The credentials are missing or incorrect. |
| 403 | PERMISSION_DENIED | Forbidden | Access Denied | The caller may not perform this operation. |
| 500 | INTERNAL | InternalServerError | Internal Server Error | An error within the servers; these are rare. The user is advised to contact support. |
"
    );
}

#[test]
fn catalog_openapi_is_valid() {
    let components = EssCertError::catalog().to_openapi();
    openapi_check::assert_valid(&openapi_check::document(&components));
}
