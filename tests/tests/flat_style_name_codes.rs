//! An API's error page, in the `flat` style (`{"code":"AccessDenied","message":"..."}`), with
//! every row of the page's table. Codes are the variant names as written (no `rename_all`), the message is the
//! first sentence of the Cause column and the doc comment (the catalog description) is the whole
//! Cause. `InputFailure` and `MissingParameter` name the parameter in their message, as the page
//! says their human-readable string does; the parameter is not exposed.

use crate::common;
use crate::openapi_check;

use common::{Row, assert_api_error, assert_catalog};
use error_contract::{ApiError, Code};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "flat", decode)]
enum FlatError {
    /// The request resource is not associated with this account. This may occur if your login
    /// details are incorrect, or you are attempting an operation using an ID of a Certification
    /// Authority or certificate that belongs to another account.
    #[api_error(
        status = 403,
        message = "The request resource is not associated with this account."
    )]
    AccessDenied,
    /// Your account data appears to be corrupted. If you encounter this error, please contact
    /// support.
    #[api_error(status = 500, message = "Your account data appears to be corrupted.")]
    AccountError,
    /// No account exists for the specified email address. Please use the same email address to
    /// authenticate with the API as you are using to log in to the website.
    #[api_error(
        status = 404,
        message = "No account exists for the specified email address."
    )]
    AccountNotFound,
    /// There was an unexpected error loading your account data. If you encounter this error,
    /// please contact support.
    #[api_error(
        status = 500,
        message = "There was an unexpected error loading your account data."
    )]
    AccountNotLoaded,
    /// The API key used to sign the initial connection request is incorrect.
    #[api_error(
        status = 403,
        message = "The API key used to sign the initial connection request is incorrect."
    )]
    ApiKeyMismatch,
    /// An invalid value was specified for one of the input parameters. Please check the
    /// documentation for the required format for each parameter. The human-readable error
    /// string will indicate which parameter value is reponsible for the error.
    #[api_error(
        status = 400,
        message = "An invalid value was specified for the input parameter {parameter}."
    )]
    InputFailure {
        // Only in the message, not a body member: decoded as an empty string.
        #[api_error(default)]
        parameter: String,
    },
    /// The token parameter does not correspond to a valid session, or has expired. Try
    /// reconnecting.
    #[api_error(
        status = 403,
        message = "The token parameter does not correspond to a valid session, or has expired."
    )]
    InvalidToken,
    /// The API call was made using the GET request method (or any method other than POST). All
    /// API calls must be made using the POST request method.
    #[api_error(
        status = 400,
        message = "The API call was made using the GET request method (or any method other than POST)."
    )]
    MethodDisallowed,
    /// A required parameter is missing. Please check the documentation to see which parameters
    /// are required and what the required format is. Additionally, the human-readable error
    /// string will indicate the name of the missing parameter.
    #[api_error(
        status = 400,
        message = "A required parameter is missing: {parameter}."
    )]
    MissingParameter {
        // Only in the message, not a body member: decoded as an empty string.
        #[api_error(default)]
        parameter: String,
    },
    /// The Certification Authority ID or certificate ID passed to the API call is not valid.
    /// The CA or certificate is thus not found.
    #[api_error(
        status = 404,
        message = "The Certification Authority ID or certificate ID passed to the API call is not valid."
    )]
    NotFound,
    /// An attempt was made to reissue a certificate with an ID that is obsolete (has already
    /// been superseded by another certificate).
    #[api_error(
        status = 400,
        message = "An attempt was made to reissue a certificate with an ID that is obsolete (has already been superseded by another certificate)."
    )]
    NotLatest,
    /// The passphrase specified is invalid. Be sure to use the correct passphrase when opening a
    /// connection.
    #[api_error(status = 403, message = "The passphrase specified is invalid.")]
    PassphraseFailure,
    /// You are attempting to create new Certification Authorities or certificates too rapidly.
    /// Please wait a few minutes before attempting another such operation.
    #[api_error(
        status = 429,
        message = "You are attempting to create new Certification Authorities or certificates too rapidly."
    )]
    RateLimitExceeded,
    /// The session was not properly initialised. Be sure to connect first.
    #[api_error(status = 500, message = "The session was not properly initialised.")]
    SessionError,
    /// The request was not properly signed. Either because of an error in the process to
    /// calculate the signature, or because the API key is invalid.
    #[api_error(status = 403, message = "The request was not properly signed.")]
    SignatureFailure,
    /// An invalid status change was requested for a certificate. Certificates may only be
    /// changed between any of "good", "revoked" and "hold". It is not possible to change the
    /// status for certificates that are marked as "expired" or "obsolete".
    #[api_error(
        status = 400,
        message = "An invalid status change was requested for a certificate."
    )]
    StatusDisallowed,
    /// Generic fatal error condition. If you encounter this error, please contact support.
    #[api_error(status = 500, message = "Generic fatal error condition.")]
    UnknownError,
}

#[test]
fn access_denied_403() {
    assert_api_error!(
        FlatError::AccessDenied,
        status: 403,
        code: Code::Str("AccessDenied"),
        message: "The request resource is not associated with this account.",
        body: r#"{"code":"AccessDenied","message":"The request resource is not associated with this account."}"#,
        content_type: "application/json",
    );
    assert!(FlatError::AccessDenied.body().is_static());
}

#[test]
fn account_error_500() {
    assert_api_error!(
        FlatError::AccountError,
        status: 500,
        code: Code::Str("AccountError"),
        message: "Your account data appears to be corrupted.",
        body: r#"{"code":"AccountError","message":"Your account data appears to be corrupted."}"#,
        content_type: "application/json",
    );
}

#[test]
fn account_not_found_404() {
    assert_api_error!(
        FlatError::AccountNotFound,
        status: 404,
        code: Code::Str("AccountNotFound"),
        message: "No account exists for the specified email address.",
        body: r#"{"code":"AccountNotFound","message":"No account exists for the specified email address."}"#,
        content_type: "application/json",
    );
}

#[test]
fn account_not_loaded_500() {
    assert_api_error!(
        FlatError::AccountNotLoaded,
        status: 500,
        code: Code::Str("AccountNotLoaded"),
        message: "There was an unexpected error loading your account data.",
        body: r#"{"code":"AccountNotLoaded","message":"There was an unexpected error loading your account data."}"#,
        content_type: "application/json",
    );
}

#[test]
fn api_key_mismatch_403() {
    assert_api_error!(
        FlatError::ApiKeyMismatch,
        status: 403,
        code: Code::Str("ApiKeyMismatch"),
        message: "The API key used to sign the initial connection request is incorrect.",
        body: r#"{"code":"ApiKeyMismatch","message":"The API key used to sign the initial connection request is incorrect."}"#,
        content_type: "application/json",
    );
}

#[test]
fn input_failure_400_names_the_parameter_in_the_message_only() {
    let error = FlatError::InputFailure {
        parameter: "validity".to_string(),
    };
    assert_api_error!(
        error,
        status: 400,
        code: Code::Str("InputFailure"),
        message: "An invalid value was specified for the input parameter validity.",
        body: r#"{"code":"InputFailure","message":"An invalid value was specified for the input parameter validity."}"#,
        content_type: "application/json",
    );
    assert!(!error.body().is_static());
}

#[test]
fn invalid_token_403() {
    assert_api_error!(
        FlatError::InvalidToken,
        status: 403,
        code: Code::Str("InvalidToken"),
        message: "The token parameter does not correspond to a valid session, or has expired.",
        body: r#"{"code":"InvalidToken","message":"The token parameter does not correspond to a valid session, or has expired."}"#,
        content_type: "application/json",
    );
}

#[test]
fn method_disallowed_400() {
    assert_api_error!(
        FlatError::MethodDisallowed,
        status: 400,
        code: Code::Str("MethodDisallowed"),
        message: "The API call was made using the GET request method (or any method other than POST).",
        body: r#"{"code":"MethodDisallowed","message":"The API call was made using the GET request method (or any method other than POST)."}"#,
        content_type: "application/json",
    );
}

#[test]
fn missing_parameter_400_names_the_parameter_in_the_message_only() {
    assert_api_error!(
        FlatError::MissingParameter {
            parameter: "commonName".to_string(),
        },
        status: 400,
        code: Code::Str("MissingParameter"),
        message: "A required parameter is missing: commonName.",
        body: r#"{"code":"MissingParameter","message":"A required parameter is missing: commonName."}"#,
        content_type: "application/json",
    );
}

#[test]
fn missing_parameter_400_interpolated_text_is_json_escaped() {
    assert_api_error!(
        FlatError::MissingParameter {
            parameter: "a\"b\\c\td\u{1}".to_string(),
        },
        status: 400,
        code: Code::Str("MissingParameter"),
        message: "A required parameter is missing: a\"b\\c\td\u{1}.",
        body: r#"{"code":"MissingParameter","message":"A required parameter is missing: a\"b\\c\td\u0001."}"#,
        content_type: "application/json",
    );
}

#[test]
fn not_found_404() {
    assert_api_error!(
        FlatError::NotFound,
        status: 404,
        code: Code::Str("NotFound"),
        message: "The Certification Authority ID or certificate ID passed to the API call is not valid.",
        body: r#"{"code":"NotFound","message":"The Certification Authority ID or certificate ID passed to the API call is not valid."}"#,
        content_type: "application/json",
    );
}

#[test]
fn not_latest_400() {
    assert_api_error!(
        FlatError::NotLatest,
        status: 400,
        code: Code::Str("NotLatest"),
        message: "An attempt was made to reissue a certificate with an ID that is obsolete (has already been superseded by another certificate).",
        body: r#"{"code":"NotLatest","message":"An attempt was made to reissue a certificate with an ID that is obsolete (has already been superseded by another certificate)."}"#,
        content_type: "application/json",
    );
}

#[test]
fn passphrase_failure_403() {
    assert_api_error!(
        FlatError::PassphraseFailure,
        status: 403,
        code: Code::Str("PassphraseFailure"),
        message: "The passphrase specified is invalid.",
        body: r#"{"code":"PassphraseFailure","message":"The passphrase specified is invalid."}"#,
        content_type: "application/json",
    );
}

#[test]
fn rate_limit_exceeded_429() {
    assert_api_error!(
        FlatError::RateLimitExceeded,
        status: 429,
        code: Code::Str("RateLimitExceeded"),
        message: "You are attempting to create new Certification Authorities or certificates too rapidly.",
        body: r#"{"code":"RateLimitExceeded","message":"You are attempting to create new Certification Authorities or certificates too rapidly."}"#,
        content_type: "application/json",
    );
}

#[test]
fn session_error_500() {
    assert_api_error!(
        FlatError::SessionError,
        status: 500,
        code: Code::Str("SessionError"),
        message: "The session was not properly initialised.",
        body: r#"{"code":"SessionError","message":"The session was not properly initialised."}"#,
        content_type: "application/json",
    );
}

#[test]
fn signature_failure_403() {
    assert_api_error!(
        FlatError::SignatureFailure,
        status: 403,
        code: Code::Str("SignatureFailure"),
        message: "The request was not properly signed.",
        body: r#"{"code":"SignatureFailure","message":"The request was not properly signed."}"#,
        content_type: "application/json",
    );
}

#[test]
fn status_disallowed_400() {
    assert_api_error!(
        FlatError::StatusDisallowed,
        status: 400,
        code: Code::Str("StatusDisallowed"),
        message: "An invalid status change was requested for a certificate.",
        body: r#"{"code":"StatusDisallowed","message":"An invalid status change was requested for a certificate."}"#,
        content_type: "application/json",
    );
}

#[test]
fn unknown_error_500() {
    assert_api_error!(
        FlatError::UnknownError,
        status: 500,
        code: Code::Str("UnknownError"),
        message: "Generic fatal error condition.",
        body: r#"{"code":"UnknownError","message":"Generic fatal error condition."}"#,
        content_type: "application/json",
    );
    assert!(FlatError::UnknownError.body().is_static());
}

#[test]
fn no_headers() {
    assert!(FlatError::RateLimitExceeded.headers().is_empty());
    let error = FlatError::MissingParameter {
        parameter: "commonName".to_string(),
    };
    assert!(error.headers().is_empty());
}

#[test]
fn catalog_interpolated_messages_are_templates_and_nothing_is_exposed() {
    let catalog = FlatError::catalog();
    let input = catalog.get(Code::Str("InputFailure")).unwrap();
    assert!(input.is_interpolated());
    assert!(input.fields().is_empty());
    assert_eq!(input.static_body(), None);
    let missing = catalog.get(Code::Str("MissingParameter")).unwrap();
    assert!(missing.is_interpolated());
    assert!(missing.fields().is_empty());
    let denied = catalog.get(Code::Str("AccessDenied")).unwrap();
    assert!(!denied.is_interpolated());
    assert_eq!(
        denied.static_body(),
        Some(
            r#"{"code":"AccessDenied","message":"The request resource is not associated with this account."}"#
        )
    );
}

#[test]
fn catalog() {
    assert_catalog(&FlatError::catalog(), CATALOG);
}

const CATALOG: &[Row] = &[
    Row {
        name: "AccessDenied",
        status: 403,
        code: Code::Str("AccessDenied"),
        message: "The request resource is not associated with this account.",
        description: "The request resource is not associated with this account. This may occur if your login details are incorrect, or you are attempting an operation using an ID of a Certification Authority or certificate that belongs to another account.",
        parent: None,
    },
    Row {
        name: "AccountError",
        status: 500,
        code: Code::Str("AccountError"),
        message: "Your account data appears to be corrupted.",
        description: "Your account data appears to be corrupted. If you encounter this error, please contact support.",
        parent: None,
    },
    Row {
        name: "AccountNotFound",
        status: 404,
        code: Code::Str("AccountNotFound"),
        message: "No account exists for the specified email address.",
        description: "No account exists for the specified email address. Please use the same email address to authenticate with the API as you are using to log in to the website.",
        parent: None,
    },
    Row {
        name: "AccountNotLoaded",
        status: 500,
        code: Code::Str("AccountNotLoaded"),
        message: "There was an unexpected error loading your account data.",
        description: "There was an unexpected error loading your account data. If you encounter this error, please contact support.",
        parent: None,
    },
    Row {
        name: "ApiKeyMismatch",
        status: 403,
        code: Code::Str("ApiKeyMismatch"),
        message: "The API key used to sign the initial connection request is incorrect.",
        description: "The API key used to sign the initial connection request is incorrect.",
        parent: None,
    },
    Row {
        name: "InputFailure",
        status: 400,
        code: Code::Str("InputFailure"),
        message: "An invalid value was specified for the input parameter {parameter}.",
        description: "An invalid value was specified for one of the input parameters. Please check the documentation for the required format for each parameter. The human-readable error string will indicate which parameter value is reponsible for the error.",
        parent: None,
    },
    Row {
        name: "InvalidToken",
        status: 403,
        code: Code::Str("InvalidToken"),
        message: "The token parameter does not correspond to a valid session, or has expired.",
        description: "The token parameter does not correspond to a valid session, or has expired. Try reconnecting.",
        parent: None,
    },
    Row {
        name: "MethodDisallowed",
        status: 400,
        code: Code::Str("MethodDisallowed"),
        message: "The API call was made using the GET request method (or any method other than POST).",
        description: "The API call was made using the GET request method (or any method other than POST). All API calls must be made using the POST request method.",
        parent: None,
    },
    Row {
        name: "MissingParameter",
        status: 400,
        code: Code::Str("MissingParameter"),
        message: "A required parameter is missing: {parameter}.",
        description: "A required parameter is missing. Please check the documentation to see which parameters are required and what the required format is. Additionally, the human-readable error string will indicate the name of the missing parameter.",
        parent: None,
    },
    Row {
        name: "NotFound",
        status: 404,
        code: Code::Str("NotFound"),
        message: "The Certification Authority ID or certificate ID passed to the API call is not valid.",
        description: "The Certification Authority ID or certificate ID passed to the API call is not valid. The CA or certificate is thus not found.",
        parent: None,
    },
    Row {
        name: "NotLatest",
        status: 400,
        code: Code::Str("NotLatest"),
        message: "An attempt was made to reissue a certificate with an ID that is obsolete (has already been superseded by another certificate).",
        description: "An attempt was made to reissue a certificate with an ID that is obsolete (has already been superseded by another certificate).",
        parent: None,
    },
    Row {
        name: "PassphraseFailure",
        status: 403,
        code: Code::Str("PassphraseFailure"),
        message: "The passphrase specified is invalid.",
        description: "The passphrase specified is invalid. Be sure to use the correct passphrase when opening a connection.",
        parent: None,
    },
    Row {
        name: "RateLimitExceeded",
        status: 429,
        code: Code::Str("RateLimitExceeded"),
        message: "You are attempting to create new Certification Authorities or certificates too rapidly.",
        description: "You are attempting to create new Certification Authorities or certificates too rapidly. Please wait a few minutes before attempting another such operation.",
        parent: None,
    },
    Row {
        name: "SessionError",
        status: 500,
        code: Code::Str("SessionError"),
        message: "The session was not properly initialised.",
        description: "The session was not properly initialised. Be sure to connect first.",
        parent: None,
    },
    Row {
        name: "SignatureFailure",
        status: 403,
        code: Code::Str("SignatureFailure"),
        message: "The request was not properly signed.",
        description: "The request was not properly signed. Either because of an error in the process to calculate the signature, or because the API key is invalid.",
        parent: None,
    },
    Row {
        name: "StatusDisallowed",
        status: 400,
        code: Code::Str("StatusDisallowed"),
        message: "An invalid status change was requested for a certificate.",
        description: "An invalid status change was requested for a certificate. Certificates may only be changed between any of \"good\", \"revoked\" and \"hold\". It is not possible to change the status for certificates that are marked as \"expired\" or \"obsolete\".",
        parent: None,
    },
    Row {
        name: "UnknownError",
        status: 500,
        code: Code::Str("UnknownError"),
        message: "Generic fatal error condition.",
        description: "Generic fatal error condition. If you encounter this error, please contact support.",
        parent: None,
    },
];

/// Rows in the other styles their string codes allow (not `dto`); the interpolated messages use
/// the other placeholder forms, `{0}` and `{parameter:?}`.
mod other_styles {
    use crate::common::assert_api_error;
    use error_contract::{ApiError, Code};

    #[derive(Debug, ApiError)]
    #[api_error(style = "nested")]
    enum Nested {
        #[api_error(
            status = 403,
            message = "The request resource is not associated with this account."
        )]
        AccessDenied,
        #[api_error(status = 400, message = "A required parameter is missing: {0}.")]
        MissingParameter(String),
        #[api_error(
            status = 400,
            message = "An invalid value was specified for the input parameter {parameter:?}."
        )]
        InputFailure { parameter: String },
        #[api_error(status = 500, message = "Generic fatal error condition.")]
        UnknownError,
    }

    #[test]
    fn nested() {
        assert_api_error!(
            Nested::AccessDenied,
            status: 403,
            code: Code::Str("AccessDenied"),
            message: "The request resource is not associated with this account.",
            body: r#"{"error":{"code":"AccessDenied","message":"The request resource is not associated with this account."}}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Nested::MissingParameter("commonName".to_string()),
            status: 400,
            code: Code::Str("MissingParameter"),
            message: "A required parameter is missing: commonName.",
            body: r#"{"error":{"code":"MissingParameter","message":"A required parameter is missing: commonName."}}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Nested::InputFailure { parameter: "validity".to_string() },
            status: 400,
            code: Code::Str("InputFailure"),
            message: "An invalid value was specified for the input parameter \"validity\".",
            body: r#"{"error":{"code":"InputFailure","message":"An invalid value was specified for the input parameter \"validity\"."}}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Nested::UnknownError,
            status: 500,
            code: Code::Str("UnknownError"),
            message: "Generic fatal error condition.",
            body: r#"{"error":{"code":"UnknownError","message":"Generic fatal error condition."}}"#,
            content_type: "application/json",
        );
    }

    #[derive(Debug, ApiError)]
    #[api_error(style = "message")]
    enum Message {
        #[api_error(
            status = 403,
            message = "The request resource is not associated with this account."
        )]
        AccessDenied,
        #[api_error(status = 400, message = "A required parameter is missing: {0}.")]
        MissingParameter(String),
        #[api_error(
            status = 400,
            message = "An invalid value was specified for the input parameter {parameter:?}."
        )]
        InputFailure { parameter: String },
        #[api_error(status = 500, message = "Generic fatal error condition.")]
        UnknownError,
    }

    #[test]
    fn message() {
        assert_api_error!(
            Message::AccessDenied,
            status: 403,
            code: Code::Str("AccessDenied"),
            message: "The request resource is not associated with this account.",
            body: r#"{"errorMessage":"The request resource is not associated with this account."}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Message::MissingParameter("commonName".to_string()),
            status: 400,
            code: Code::Str("MissingParameter"),
            message: "A required parameter is missing: commonName.",
            body: r#"{"errorMessage":"A required parameter is missing: commonName."}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Message::InputFailure { parameter: "validity".to_string() },
            status: 400,
            code: Code::Str("InputFailure"),
            message: "An invalid value was specified for the input parameter \"validity\".",
            body: r#"{"errorMessage":"An invalid value was specified for the input parameter \"validity\"."}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Message::UnknownError,
            status: 500,
            code: Code::Str("UnknownError"),
            message: "Generic fatal error condition.",
            body: r#"{"errorMessage":"Generic fatal error condition."}"#,
            content_type: "application/json",
        );
    }

    #[derive(Debug, ApiError)]
    #[api_error(style = "problem")]
    enum Problem {
        #[api_error(
            status = 403,
            message = "The request resource is not associated with this account."
        )]
        AccessDenied,
        #[api_error(status = 400, message = "A required parameter is missing: {0}.")]
        MissingParameter(String),
        #[api_error(
            status = 400,
            message = "An invalid value was specified for the input parameter {parameter:?}."
        )]
        InputFailure { parameter: String },
        #[api_error(status = 500, message = "Generic fatal error condition.")]
        UnknownError,
    }

    #[test]
    fn problem() {
        assert_api_error!(
            Problem::AccessDenied,
            status: 403,
            code: Code::Str("AccessDenied"),
            message: "The request resource is not associated with this account.",
            body: r#"{"type":"about:blank","title":"Forbidden","status":403,"detail":"The request resource is not associated with this account.","code":"AccessDenied"}"#,
            content_type: "application/problem+json",
        );
        assert_api_error!(
            Problem::MissingParameter("commonName".to_string()),
            status: 400,
            code: Code::Str("MissingParameter"),
            message: "A required parameter is missing: commonName.",
            body: r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"A required parameter is missing: commonName.","code":"MissingParameter"}"#,
            content_type: "application/problem+json",
        );
        assert_api_error!(
            Problem::InputFailure { parameter: "validity".to_string() },
            status: 400,
            code: Code::Str("InputFailure"),
            message: "An invalid value was specified for the input parameter \"validity\".",
            body: r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"An invalid value was specified for the input parameter \"validity\".","code":"InputFailure"}"#,
            content_type: "application/problem+json",
        );
        assert_api_error!(
            Problem::UnknownError,
            status: 500,
            code: Code::Str("UnknownError"),
            message: "Generic fatal error condition.",
            body: r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Generic fatal error condition.","code":"UnknownError"}"#,
            content_type: "application/problem+json",
        );
    }
}

/// Every variant decodes back from its status and body (message-only fields are defaults).
#[test]
fn every_variant_round_trips() {
    let all = [
        FlatError::AccessDenied,
        FlatError::AccountError,
        FlatError::AccountNotFound,
        FlatError::AccountNotLoaded,
        FlatError::ApiKeyMismatch,
        FlatError::InputFailure {
            parameter: String::new(),
        },
        FlatError::InvalidToken,
        FlatError::MethodDisallowed,
        FlatError::MissingParameter {
            parameter: String::new(),
        },
        FlatError::NotFound,
        FlatError::NotLatest,
        FlatError::PassphraseFailure,
        FlatError::RateLimitExceeded,
        FlatError::SessionError,
        FlatError::SignatureFailure,
        FlatError::StatusDisallowed,
        FlatError::UnknownError,
    ];
    common::assert_round_trip(&all);
}

/// The catalog as the page's table, byte for byte (`Catalog::to_markdown`).
#[test]
fn catalog_markdown_is_the_page_table() {
    assert_eq!(
        FlatError::catalog().to_markdown(),
        r#"| Status | gRPC | Code | Message | Description |
| --- | --- | --- | --- | --- |
| 403 | PERMISSION_DENIED | AccessDenied | The request resource is not associated with this account. | The request resource is not associated with this account. This may occur if your login details are incorrect, or you are attempting an operation using an ID of a Certification Authority or certificate that belongs to another account. |
| 500 | INTERNAL | AccountError | Your account data appears to be corrupted. | Your account data appears to be corrupted. If you encounter this error, please contact support. |
| 404 | NOT_FOUND | AccountNotFound | No account exists for the specified email address. | No account exists for the specified email address. Please use the same email address to authenticate with the API as you are using to log in to the website. |
| 500 | INTERNAL | AccountNotLoaded | There was an unexpected error loading your account data. | There was an unexpected error loading your account data. If you encounter this error, please contact support. |
| 403 | PERMISSION_DENIED | ApiKeyMismatch | The API key used to sign the initial connection request is incorrect. | The API key used to sign the initial connection request is incorrect. |
| 400 | INVALID_ARGUMENT | InputFailure | An invalid value was specified for the input parameter {parameter}. | An invalid value was specified for one of the input parameters. Please check the documentation for the required format for each parameter. The human-readable error string will indicate which parameter value is reponsible for the error. |
| 403 | PERMISSION_DENIED | InvalidToken | The token parameter does not correspond to a valid session, or has expired. | The token parameter does not correspond to a valid session, or has expired. Try reconnecting. |
| 400 | INVALID_ARGUMENT | MethodDisallowed | The API call was made using the GET request method (or any method other than POST). | The API call was made using the GET request method (or any method other than POST). All API calls must be made using the POST request method. |
| 400 | INVALID_ARGUMENT | MissingParameter | A required parameter is missing: {parameter}. | A required parameter is missing. Please check the documentation to see which parameters are required and what the required format is. Additionally, the human-readable error string will indicate the name of the missing parameter. |
| 404 | NOT_FOUND | NotFound | The Certification Authority ID or certificate ID passed to the API call is not valid. | The Certification Authority ID or certificate ID passed to the API call is not valid. The CA or certificate is thus not found. |
| 400 | INVALID_ARGUMENT | NotLatest | An attempt was made to reissue a certificate with an ID that is obsolete (has already been superseded by another certificate). | An attempt was made to reissue a certificate with an ID that is obsolete (has already been superseded by another certificate). |
| 403 | PERMISSION_DENIED | PassphraseFailure | The passphrase specified is invalid. | The passphrase specified is invalid. Be sure to use the correct passphrase when opening a connection. |
| 429 | RESOURCE_EXHAUSTED | RateLimitExceeded | You are attempting to create new Certification Authorities or certificates too rapidly. | You are attempting to create new Certification Authorities or certificates too rapidly. Please wait a few minutes before attempting another such operation. |
| 500 | INTERNAL | SessionError | The session was not properly initialised. | The session was not properly initialised. Be sure to connect first. |
| 403 | PERMISSION_DENIED | SignatureFailure | The request was not properly signed. | The request was not properly signed. Either because of an error in the process to calculate the signature, or because the API key is invalid. |
| 400 | INVALID_ARGUMENT | StatusDisallowed | An invalid status change was requested for a certificate. | An invalid status change was requested for a certificate. Certificates may only be changed between any of "good", "revoked" and "hold". It is not possible to change the status for certificates that are marked as "expired" or "obsolete". |
| 500 | INTERNAL | UnknownError | Generic fatal error condition. | Generic fatal error condition. If you encounter this error, please contact support. |
"#
    );
}

#[test]
fn catalog_openapi_is_valid() {
    let components = FlatError::catalog().to_openapi();
    openapi_check::assert_valid(&openapi_check::document(&components));
}
