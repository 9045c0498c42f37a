//! An API's Error Codes page, in the `dto` style
//! (`{"errors":[{"errorCode":3001,"message":"entity not found"}]}`), with every row of the page's
//! Error Codes table, sub-codes and their `parent` included.
//!
//! The page gives a message and a description per code but no HTTP status per code, except
//! its example (3001 `entity not found` answered with 404). Each status below is chosen from
//! the page's HTTP status table (400, 401, 403, 404, 405, 415, 500) and the choice is
//! explained in a comment on the variant.

use crate::common;
use crate::openapi_check;

use common::{Row, assert_api_error, assert_catalog};
use error_contract::{ApiError, Code};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "dto", decode)]
enum DtoError {
    // 500: saving failed on the server ("Unspecified server error").
    /// Error occurred while saving the entity.
    #[api_error(status = 500, code = 2006, message = "entity saving error")]
    EntitySaving,
    // 400: the client sent a duplicate value ("The request was invalid").
    /// Error occurred while saving the entity.
    /// USPTA number must be unique.
    #[api_error(
        status = 400,
        code = 200601,
        parent = 2006,
        message = "entity saving error: USPTA number must be unique"
    )]
    UsptaNumberNotUnique,
    // 400: the client sent a duplicate value ("The request was invalid").
    /// Error occurred while saving the entity.
    /// PTR number must be unique.
    #[api_error(
        status = 400,
        code = 200602,
        parent = 2006,
        message = "entity saving error: PTR number must be unique"
    )]
    PtrNumberNotUnique,
    // 404: the page's own example answers 3001 with 404.
    /// Entity was not found.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    EntityNotFound,
    // 400: the status table has no 409; "cannot be otherwise served" fits best.
    /// Same entity already exists and cannot be created.
    #[api_error(status = 400, code = 3002, message = "entity already exists")]
    EntityAlreadyExists,
    // 401: "Missing or incorrect authentication credentials".
    /// Authentication token is not valid.
    #[api_error(status = 401, code = 4003, message = "authentication token is invalid")]
    InvalidAuthenticationToken,
    // 401: "Missing or incorrect authentication credentials".
    /// Unknown authentication error occurred.
    #[api_error(status = 401, code = 4004, message = "authentication error")]
    Authentication,
    // 500: the token of the server's own call to a backend is bad, not the client's.
    /// Authorization token for backend system call is not valid therefore request cannot be completed.
    #[api_error(status = 500, code = 4005, message = "backend system token is invalid")]
    InvalidBackendToken,
    // 403: "access is not allowed".
    /// Access is denied.
    #[api_error(status = 403, code = 4006, message = "access denied")]
    AccessDenied,
    // 400: field validation of the request.
    /// Validation error. Additional attributes "subject" and "subjectType" may be present
    /// in response containing additional information (e.g. field name).
    #[api_error(status = 400, code = 5000, message = "validation error")]
    Validation {
        #[api_error(expose)]
        subject: String,
        #[api_error(expose, rename = "subjectType")]
        subject_type: String,
    },
    // 400: invalid or incomplete arguments of the request.
    /// Supplied method arguments either invalid or incomplete.
    #[api_error(
        status = 400,
        code = 5001,
        message = "illegal combination of method arguments"
    )]
    IllegalMethodArguments,
    // 400: the request lacks the primary key.
    /// Entity primary key is empty, request cannot be completed.
    #[api_error(status = 400, code = 5002, message = "entity id is empty")]
    EmptyEntityId,
    // 400: the identifier the client sent is not understood.
    /// Unknown entity identifier error.
    #[api_error(status = 400, code = 5003, message = "unknown identifier error")]
    UnknownIdentifier,
    // 400: the request cannot be served for a business reason.
    /// No remaining amount error.
    #[api_error(status = 400, code = 5004, message = "no remaining amount")]
    NoRemainingAmount,
    // 400: a required attribute of the request is empty.
    /// Empty "client org" attribute value.
    #[api_error(status = 400, code = 6001, message = "empty client org")]
    EmptyClientOrg,
    // 400: a required attribute of the request is empty.
    /// Password cannot be empty.
    #[api_error(status = 400, code = 6002, message = "empty password")]
    EmptyPassword,
    // 400: an invalid value in the request.
    /// Invalid "client grant type" value error.
    #[api_error(status = 400, code = 6003, message = "invalid client grant type")]
    InvalidClientGrantType,
    // 400: an invalid value in the request.
    /// Invalid "client profile" value error.
    #[api_error(status = 400, code = 6004, message = "invalid client profile")]
    InvalidClientProfile,
    // 400: an invalid value in the request.
    /// Invalid "client scope" value error.
    #[api_error(status = 400, code = 6005, message = "invalid client scope set")]
    InvalidClientScopeSet,
    // 400: the two new passwords of the request differ.
    /// New passwords do not match.
    #[api_error(status = 400, code = 6006, message = "new password not match")]
    NewPasswordNotMatch,
    // 401: "Missing or incorrect authentication credentials".
    /// Wrong password.
    #[api_error(status = 401, code = 6007, message = "wrong password")]
    WrongPassword,
    // 500: "Unspecified server error".
    /// Unexpected system error.
    #[api_error(status = 500, code = 9001, message = "unexpected system error")]
    UnexpectedSystem,
    // 400: the request body cannot be read ("The request was invalid").
    /// HTTP message not readable error.
    #[api_error(status = 400, code = 9002, message = "HTTP message not readable error")]
    MessageNotReadable,
    // 500: sending the email failed on the server.
    /// Error while triggering an email.
    #[api_error(status = 500, code = 9003, message = "mail trigger error")]
    MailTrigger,
}

#[test]
fn code_2006_entity_saving() {
    assert_api_error!(
        DtoError::EntitySaving,
        status: 500,
        code: Code::Num(2006),
        message: "entity saving error",
        body: r#"{"errors":[{"errorCode":2006,"message":"entity saving error"}]}"#,
        content_type: "application/json",
    );
    assert!(DtoError::EntitySaving.body().is_static());
}

#[test]
fn code_200601_uspta_number_not_unique() {
    assert_api_error!(
        DtoError::UsptaNumberNotUnique,
        status: 400,
        code: Code::Num(200_601),
        message: "entity saving error: USPTA number must be unique",
        body: r#"{"errors":[{"errorCode":200601,"message":"entity saving error: USPTA number must be unique"}]}"#,
        content_type: "application/json",
    );
    assert!(DtoError::UsptaNumberNotUnique.body().is_static());
}

#[test]
fn code_200602_ptr_number_not_unique() {
    assert_api_error!(
        DtoError::PtrNumberNotUnique,
        status: 400,
        code: Code::Num(200_602),
        message: "entity saving error: PTR number must be unique",
        body: r#"{"errors":[{"errorCode":200602,"message":"entity saving error: PTR number must be unique"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_3001_entity_not_found_is_the_page_example() {
    assert_api_error!(
        DtoError::EntityNotFound,
        status: 404,
        code: Code::Num(3001),
        message: "entity not found",
        body: r#"{"errors":[{"errorCode":3001,"message":"entity not found"}]}"#,
        content_type: "application/json",
    );
    assert!(DtoError::EntityNotFound.body().is_static());
}

#[test]
fn code_3002_entity_already_exists() {
    assert_api_error!(
        DtoError::EntityAlreadyExists,
        status: 400,
        code: Code::Num(3002),
        message: "entity already exists",
        body: r#"{"errors":[{"errorCode":3002,"message":"entity already exists"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_4003_invalid_authentication_token() {
    assert_api_error!(
        DtoError::InvalidAuthenticationToken,
        status: 401,
        code: Code::Num(4003),
        message: "authentication token is invalid",
        body: r#"{"errors":[{"errorCode":4003,"message":"authentication token is invalid"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_4004_authentication() {
    assert_api_error!(
        DtoError::Authentication,
        status: 401,
        code: Code::Num(4004),
        message: "authentication error",
        body: r#"{"errors":[{"errorCode":4004,"message":"authentication error"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_4005_invalid_backend_token() {
    assert_api_error!(
        DtoError::InvalidBackendToken,
        status: 500,
        code: Code::Num(4005),
        message: "backend system token is invalid",
        body: r#"{"errors":[{"errorCode":4005,"message":"backend system token is invalid"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_4006_access_denied() {
    assert_api_error!(
        DtoError::AccessDenied,
        status: 403,
        code: Code::Num(4006),
        message: "access denied",
        body: r#"{"errors":[{"errorCode":4006,"message":"access denied"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_5000_validation_with_exposed_fields_is_the_page_example() {
    let error = DtoError::Validation {
        subject: "firstName".to_string(),
        subject_type: "parameter".to_string(),
    };
    assert_api_error!(
        error,
        status: 400,
        code: Code::Num(5000),
        message: "validation error",
        body: r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"}]}"#,
        content_type: "application/json",
    );
    assert!(!error.body().is_static());
}

#[test]
fn code_5000_exposed_values_are_json_escaped() {
    let error = DtoError::Validation {
        subject: "first \"Name\"\\\n".to_string(),
        subject_type: "parameter".to_string(),
    };
    assert_api_error!(
        error,
        status: 400,
        code: Code::Num(5000),
        message: "validation error",
        body: r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"first \"Name\"\\\n","subjectType":"parameter"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_5001_illegal_method_arguments() {
    assert_api_error!(
        DtoError::IllegalMethodArguments,
        status: 400,
        code: Code::Num(5001),
        message: "illegal combination of method arguments",
        body: r#"{"errors":[{"errorCode":5001,"message":"illegal combination of method arguments"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_5002_empty_entity_id() {
    assert_api_error!(
        DtoError::EmptyEntityId,
        status: 400,
        code: Code::Num(5002),
        message: "entity id is empty",
        body: r#"{"errors":[{"errorCode":5002,"message":"entity id is empty"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_5003_unknown_identifier() {
    assert_api_error!(
        DtoError::UnknownIdentifier,
        status: 400,
        code: Code::Num(5003),
        message: "unknown identifier error",
        body: r#"{"errors":[{"errorCode":5003,"message":"unknown identifier error"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_5004_no_remaining_amount() {
    assert_api_error!(
        DtoError::NoRemainingAmount,
        status: 400,
        code: Code::Num(5004),
        message: "no remaining amount",
        body: r#"{"errors":[{"errorCode":5004,"message":"no remaining amount"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_6001_empty_client_org() {
    assert_api_error!(
        DtoError::EmptyClientOrg,
        status: 400,
        code: Code::Num(6001),
        message: "empty client org",
        body: r#"{"errors":[{"errorCode":6001,"message":"empty client org"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_6002_empty_password() {
    assert_api_error!(
        DtoError::EmptyPassword,
        status: 400,
        code: Code::Num(6002),
        message: "empty password",
        body: r#"{"errors":[{"errorCode":6002,"message":"empty password"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_6003_invalid_client_grant_type() {
    assert_api_error!(
        DtoError::InvalidClientGrantType,
        status: 400,
        code: Code::Num(6003),
        message: "invalid client grant type",
        body: r#"{"errors":[{"errorCode":6003,"message":"invalid client grant type"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_6004_invalid_client_profile() {
    assert_api_error!(
        DtoError::InvalidClientProfile,
        status: 400,
        code: Code::Num(6004),
        message: "invalid client profile",
        body: r#"{"errors":[{"errorCode":6004,"message":"invalid client profile"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_6005_invalid_client_scope_set() {
    assert_api_error!(
        DtoError::InvalidClientScopeSet,
        status: 400,
        code: Code::Num(6005),
        message: "invalid client scope set",
        body: r#"{"errors":[{"errorCode":6005,"message":"invalid client scope set"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_6006_new_password_not_match() {
    assert_api_error!(
        DtoError::NewPasswordNotMatch,
        status: 400,
        code: Code::Num(6006),
        message: "new password not match",
        body: r#"{"errors":[{"errorCode":6006,"message":"new password not match"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_6007_wrong_password() {
    assert_api_error!(
        DtoError::WrongPassword,
        status: 401,
        code: Code::Num(6007),
        message: "wrong password",
        body: r#"{"errors":[{"errorCode":6007,"message":"wrong password"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_9001_unexpected_system() {
    assert_api_error!(
        DtoError::UnexpectedSystem,
        status: 500,
        code: Code::Num(9001),
        message: "unexpected system error",
        body: r#"{"errors":[{"errorCode":9001,"message":"unexpected system error"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_9002_message_not_readable() {
    assert_api_error!(
        DtoError::MessageNotReadable,
        status: 400,
        code: Code::Num(9002),
        message: "HTTP message not readable error",
        body: r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable error"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn code_9003_mail_trigger() {
    assert_api_error!(
        DtoError::MailTrigger,
        status: 500,
        code: Code::Num(9003),
        message: "mail trigger error",
        body: r#"{"errors":[{"errorCode":9003,"message":"mail trigger error"}]}"#,
        content_type: "application/json",
    );
}

#[test]
fn no_headers() {
    assert!(DtoError::EntityNotFound.headers().is_empty());
    let error = DtoError::Validation {
        subject: "firstName".to_string(),
        subject_type: "parameter".to_string(),
    };
    assert!(error.headers().is_empty());
}

#[test]
fn catalog_exposed_fields() {
    let catalog = DtoError::catalog();
    let validation = catalog.get(Code::Num(5000)).unwrap();
    assert_eq!(validation.name(), "Validation");
    assert_eq!(validation.fields(), ["subject", "subjectType"]);
    assert!(!validation.is_interpolated());
    assert_eq!(validation.static_body(), None);
    let not_found = catalog.get(Code::Num(3001)).unwrap();
    assert!(not_found.fields().is_empty());
    assert_eq!(
        not_found.static_body(),
        Some(r#"{"errors":[{"errorCode":3001,"message":"entity not found"}]}"#)
    );
    assert_eq!(not_found.content_type(), "application/json");
}

#[test]
fn catalog() {
    assert_catalog(&DtoError::catalog(), CATALOG);
}

const CATALOG: &[Row] = &[
    Row {
        name: "EntitySaving",
        status: 500,
        code: Code::Num(2006),
        message: "entity saving error",
        description: "Error occurred while saving the entity.",
        parent: None,
    },
    Row {
        name: "UsptaNumberNotUnique",
        status: 400,
        code: Code::Num(200_601),
        message: "entity saving error: USPTA number must be unique",
        description: "Error occurred while saving the entity. USPTA number must be unique.",
        parent: Some(Code::Num(2006)),
    },
    Row {
        name: "PtrNumberNotUnique",
        status: 400,
        code: Code::Num(200_602),
        message: "entity saving error: PTR number must be unique",
        description: "Error occurred while saving the entity. PTR number must be unique.",
        parent: Some(Code::Num(2006)),
    },
    Row {
        name: "EntityNotFound",
        status: 404,
        code: Code::Num(3001),
        message: "entity not found",
        description: "Entity was not found.",
        parent: None,
    },
    Row {
        name: "EntityAlreadyExists",
        status: 400,
        code: Code::Num(3002),
        message: "entity already exists",
        description: "Same entity already exists and cannot be created.",
        parent: None,
    },
    Row {
        name: "InvalidAuthenticationToken",
        status: 401,
        code: Code::Num(4003),
        message: "authentication token is invalid",
        description: "Authentication token is not valid.",
        parent: None,
    },
    Row {
        name: "Authentication",
        status: 401,
        code: Code::Num(4004),
        message: "authentication error",
        description: "Unknown authentication error occurred.",
        parent: None,
    },
    Row {
        name: "InvalidBackendToken",
        status: 500,
        code: Code::Num(4005),
        message: "backend system token is invalid",
        description: "Authorization token for backend system call is not valid therefore request cannot be completed.",
        parent: None,
    },
    Row {
        name: "AccessDenied",
        status: 403,
        code: Code::Num(4006),
        message: "access denied",
        description: "Access is denied.",
        parent: None,
    },
    Row {
        name: "Validation",
        status: 400,
        code: Code::Num(5000),
        message: "validation error",
        description: "Validation error. Additional attributes \"subject\" and \"subjectType\" may be present in response containing additional information (e.g. field name).",
        parent: None,
    },
    Row {
        name: "IllegalMethodArguments",
        status: 400,
        code: Code::Num(5001),
        message: "illegal combination of method arguments",
        description: "Supplied method arguments either invalid or incomplete.",
        parent: None,
    },
    Row {
        name: "EmptyEntityId",
        status: 400,
        code: Code::Num(5002),
        message: "entity id is empty",
        description: "Entity primary key is empty, request cannot be completed.",
        parent: None,
    },
    Row {
        name: "UnknownIdentifier",
        status: 400,
        code: Code::Num(5003),
        message: "unknown identifier error",
        description: "Unknown entity identifier error.",
        parent: None,
    },
    Row {
        name: "NoRemainingAmount",
        status: 400,
        code: Code::Num(5004),
        message: "no remaining amount",
        description: "No remaining amount error.",
        parent: None,
    },
    Row {
        name: "EmptyClientOrg",
        status: 400,
        code: Code::Num(6001),
        message: "empty client org",
        description: "Empty \"client org\" attribute value.",
        parent: None,
    },
    Row {
        name: "EmptyPassword",
        status: 400,
        code: Code::Num(6002),
        message: "empty password",
        description: "Password cannot be empty.",
        parent: None,
    },
    Row {
        name: "InvalidClientGrantType",
        status: 400,
        code: Code::Num(6003),
        message: "invalid client grant type",
        description: "Invalid \"client grant type\" value error.",
        parent: None,
    },
    Row {
        name: "InvalidClientProfile",
        status: 400,
        code: Code::Num(6004),
        message: "invalid client profile",
        description: "Invalid \"client profile\" value error.",
        parent: None,
    },
    Row {
        name: "InvalidClientScopeSet",
        status: 400,
        code: Code::Num(6005),
        message: "invalid client scope set",
        description: "Invalid \"client scope\" value error.",
        parent: None,
    },
    Row {
        name: "NewPasswordNotMatch",
        status: 400,
        code: Code::Num(6006),
        message: "new password not match",
        description: "New passwords do not match.",
        parent: None,
    },
    Row {
        name: "WrongPassword",
        status: 401,
        code: Code::Num(6007),
        message: "wrong password",
        description: "Wrong password.",
        parent: None,
    },
    Row {
        name: "UnexpectedSystem",
        status: 500,
        code: Code::Num(9001),
        message: "unexpected system error",
        description: "Unexpected system error.",
        parent: None,
    },
    Row {
        name: "MessageNotReadable",
        status: 400,
        code: Code::Num(9002),
        message: "HTTP message not readable error",
        description: "HTTP message not readable error.",
        parent: None,
    },
    Row {
        name: "MailTrigger",
        status: 500,
        code: Code::Num(9003),
        message: "mail trigger error",
        description: "Error while triggering an email.",
        parent: None,
    },
];

/// Rows of the table in every other style: numeric codes are JSON numbers everywhere, exposed
/// fields follow in declaration order.
mod other_styles {
    use crate::common::assert_api_error;
    use error_contract::{ApiError, Code};

    #[derive(Debug, ApiError)]
    #[api_error(style = "nested")]
    enum Nested {
        #[api_error(status = 404, code = 3001, message = "entity not found")]
        EntityNotFound,
        #[api_error(status = 500, code = 2006, message = "entity saving error")]
        EntitySaving,
        #[api_error(
            status = 400,
            code = 200601,
            parent = 2006,
            message = "entity saving error: USPTA number must be unique"
        )]
        UsptaNumberNotUnique,
        #[api_error(status = 400, code = 5000, message = "validation error")]
        Validation {
            #[api_error(expose)]
            subject: String,
            #[api_error(expose, rename = "subjectType")]
            subject_type: String,
        },
    }

    #[test]
    fn nested() {
        assert_api_error!(
            Nested::EntityNotFound,
            status: 404,
            code: Code::Num(3001),
            message: "entity not found",
            body: r#"{"error":{"code":3001,"message":"entity not found"}}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Nested::EntitySaving,
            status: 500,
            code: Code::Num(2006),
            message: "entity saving error",
            body: r#"{"error":{"code":2006,"message":"entity saving error"}}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Nested::UsptaNumberNotUnique,
            status: 400,
            code: Code::Num(200_601),
            message: "entity saving error: USPTA number must be unique",
            body: r#"{"error":{"code":200601,"message":"entity saving error: USPTA number must be unique"}}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Nested::Validation {
                subject: "firstName".to_string(),
                subject_type: "parameter".to_string(),
            },
            status: 400,
            code: Code::Num(5000),
            message: "validation error",
            body: r#"{"error":{"code":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"}}"#,
            content_type: "application/json",
        );
    }

    #[derive(Debug, ApiError)]
    #[api_error(style = "flat")]
    enum Flat {
        #[api_error(status = 404, code = 3001, message = "entity not found")]
        EntityNotFound,
        #[api_error(status = 500, code = 2006, message = "entity saving error")]
        EntitySaving,
        #[api_error(
            status = 400,
            code = 200601,
            parent = 2006,
            message = "entity saving error: USPTA number must be unique"
        )]
        UsptaNumberNotUnique,
        #[api_error(status = 400, code = 5000, message = "validation error")]
        Validation {
            #[api_error(expose)]
            subject: String,
            #[api_error(expose, rename = "subjectType")]
            subject_type: String,
        },
    }

    #[test]
    fn flat() {
        assert_api_error!(
            Flat::EntityNotFound,
            status: 404,
            code: Code::Num(3001),
            message: "entity not found",
            body: r#"{"code":3001,"message":"entity not found"}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Flat::EntitySaving,
            status: 500,
            code: Code::Num(2006),
            message: "entity saving error",
            body: r#"{"code":2006,"message":"entity saving error"}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Flat::UsptaNumberNotUnique,
            status: 400,
            code: Code::Num(200_601),
            message: "entity saving error: USPTA number must be unique",
            body: r#"{"code":200601,"message":"entity saving error: USPTA number must be unique"}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Flat::Validation {
                subject: "firstName".to_string(),
                subject_type: "parameter".to_string(),
            },
            status: 400,
            code: Code::Num(5000),
            message: "validation error",
            body: r#"{"code":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"}"#,
            content_type: "application/json",
        );
    }

    #[derive(Debug, ApiError)]
    #[api_error(style = "message")]
    enum Message {
        #[api_error(status = 404, code = 3001, message = "entity not found")]
        EntityNotFound,
        #[api_error(status = 500, code = 2006, message = "entity saving error")]
        EntitySaving,
        #[api_error(
            status = 400,
            code = 200601,
            parent = 2006,
            message = "entity saving error: USPTA number must be unique"
        )]
        UsptaNumberNotUnique,
        #[api_error(status = 400, code = 5000, message = "validation error")]
        Validation {
            #[api_error(expose)]
            subject: String,
            #[api_error(expose, rename = "subjectType")]
            subject_type: String,
        },
    }

    #[test]
    fn message() {
        assert_api_error!(
            Message::EntityNotFound,
            status: 404,
            code: Code::Num(3001),
            message: "entity not found",
            body: r#"{"errorMessage":"entity not found"}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Message::EntitySaving,
            status: 500,
            code: Code::Num(2006),
            message: "entity saving error",
            body: r#"{"errorMessage":"entity saving error"}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Message::UsptaNumberNotUnique,
            status: 400,
            code: Code::Num(200_601),
            message: "entity saving error: USPTA number must be unique",
            body: r#"{"errorMessage":"entity saving error: USPTA number must be unique"}"#,
            content_type: "application/json",
        );
        assert_api_error!(
            Message::Validation {
                subject: "firstName".to_string(),
                subject_type: "parameter".to_string(),
            },
            status: 400,
            code: Code::Num(5000),
            message: "validation error",
            body: r#"{"errorMessage":"validation error","subject":"firstName","subjectType":"parameter"}"#,
            content_type: "application/json",
        );
    }

    #[derive(Debug, ApiError)]
    #[api_error(style = "problem")]
    enum Problem {
        #[api_error(status = 404, code = 3001, message = "entity not found")]
        EntityNotFound,
        #[api_error(status = 500, code = 2006, message = "entity saving error")]
        EntitySaving,
        #[api_error(
            status = 400,
            code = 200601,
            parent = 2006,
            message = "entity saving error: USPTA number must be unique"
        )]
        UsptaNumberNotUnique,
        #[api_error(status = 400, code = 5000, message = "validation error")]
        Validation {
            #[api_error(expose)]
            subject: String,
            #[api_error(expose, rename = "subjectType")]
            subject_type: String,
        },
    }

    #[test]
    fn problem() {
        assert_api_error!(
            Problem::EntityNotFound,
            status: 404,
            code: Code::Num(3001),
            message: "entity not found",
            body: r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"entity not found","code":3001}"#,
            content_type: "application/problem+json",
        );
        assert_api_error!(
            Problem::EntitySaving,
            status: 500,
            code: Code::Num(2006),
            message: "entity saving error",
            body: r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"entity saving error","code":2006}"#,
            content_type: "application/problem+json",
        );
        assert_api_error!(
            Problem::UsptaNumberNotUnique,
            status: 400,
            code: Code::Num(200_601),
            message: "entity saving error: USPTA number must be unique",
            body: r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"entity saving error: USPTA number must be unique","code":200601}"#,
            content_type: "application/problem+json",
        );
        assert_api_error!(
            Problem::Validation {
                subject: "firstName".to_string(),
                subject_type: "parameter".to_string(),
            },
            status: 400,
            code: Code::Num(5000),
            message: "validation error",
            body: r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"validation error","code":5000,"subject":"firstName","subjectType":"parameter"}"#,
            content_type: "application/problem+json",
        );
    }
}

/// Every variant decodes back from its status and body, exposed fields included.
#[test]
fn every_variant_round_trips() {
    common::assert_round_trip(&[
        DtoError::EntitySaving,
        DtoError::UsptaNumberNotUnique,
        DtoError::PtrNumberNotUnique,
        DtoError::EntityNotFound,
        DtoError::EntityAlreadyExists,
        DtoError::InvalidAuthenticationToken,
        DtoError::Authentication,
        DtoError::InvalidBackendToken,
        DtoError::AccessDenied,
        DtoError::Validation {
            subject: "firstName".into(),
            subject_type: "parameter".into(),
        },
        DtoError::IllegalMethodArguments,
        DtoError::EmptyEntityId,
        DtoError::UnknownIdentifier,
        DtoError::NoRemainingAmount,
        DtoError::EmptyClientOrg,
        DtoError::EmptyPassword,
        DtoError::InvalidClientGrantType,
        DtoError::InvalidClientProfile,
        DtoError::InvalidClientScopeSet,
        DtoError::NewPasswordNotMatch,
        DtoError::WrongPassword,
        DtoError::UnexpectedSystem,
        DtoError::MessageNotReadable,
        DtoError::MailTrigger,
    ]);
}

/// The catalog as the page's table, byte for byte (`Catalog::to_markdown`).
#[test]
fn catalog_markdown_is_the_page_table() {
    assert_eq!(
        DtoError::catalog().to_markdown(),
        r#"| Status | gRPC | Code | Message | Description |
| --- | --- | --- | --- | --- |
| 500 | INTERNAL | 2006 | entity saving error | Error occurred while saving the entity. |
| 400 | INVALID_ARGUMENT | 200601 | entity saving error: USPTA number must be unique | Error occurred while saving the entity. USPTA number must be unique. |
| 400 | INVALID_ARGUMENT | 200602 | entity saving error: PTR number must be unique | Error occurred while saving the entity. PTR number must be unique. |
| 404 | NOT_FOUND | 3001 | entity not found | Entity was not found. |
| 400 | INVALID_ARGUMENT | 3002 | entity already exists | Same entity already exists and cannot be created. |
| 401 | UNAUTHENTICATED | 4003 | authentication token is invalid | Authentication token is not valid. |
| 401 | UNAUTHENTICATED | 4004 | authentication error | Unknown authentication error occurred. |
| 500 | INTERNAL | 4005 | backend system token is invalid | Authorization token for backend system call is not valid therefore request cannot be completed. |
| 403 | PERMISSION_DENIED | 4006 | access denied | Access is denied. |
| 400 | INVALID_ARGUMENT | 5000 | validation error | Validation error. Additional attributes "subject" and "subjectType" may be present in response containing additional information (e.g. field name). |
| 400 | INVALID_ARGUMENT | 5001 | illegal combination of method arguments | Supplied method arguments either invalid or incomplete. |
| 400 | INVALID_ARGUMENT | 5002 | entity id is empty | Entity primary key is empty, request cannot be completed. |
| 400 | INVALID_ARGUMENT | 5003 | unknown identifier error | Unknown entity identifier error. |
| 400 | INVALID_ARGUMENT | 5004 | no remaining amount | No remaining amount error. |
| 400 | INVALID_ARGUMENT | 6001 | empty client org | Empty "client org" attribute value. |
| 400 | INVALID_ARGUMENT | 6002 | empty password | Password cannot be empty. |
| 400 | INVALID_ARGUMENT | 6003 | invalid client grant type | Invalid "client grant type" value error. |
| 400 | INVALID_ARGUMENT | 6004 | invalid client profile | Invalid "client profile" value error. |
| 400 | INVALID_ARGUMENT | 6005 | invalid client scope set | Invalid "client scope" value error. |
| 400 | INVALID_ARGUMENT | 6006 | new password not match | New passwords do not match. |
| 401 | UNAUTHENTICATED | 6007 | wrong password | Wrong password. |
| 500 | INTERNAL | 9001 | unexpected system error | Unexpected system error. |
| 400 | INVALID_ARGUMENT | 9002 | HTTP message not readable error | HTTP message not readable error. |
| 500 | INTERNAL | 9003 | mail trigger error | Error while triggering an email. |
"#
    );
}

#[test]
fn catalog_openapi_is_valid() {
    let components = DtoError::catalog().to_openapi();
    openapi_check::assert_valid(&openapi_check::document(&components));
}
