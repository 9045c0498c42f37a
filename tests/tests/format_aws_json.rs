//! The AWS JSON protocol's errors: `{"__type":"ResourceNotFoundException","message":".."}`, the
//! `flat` style with its code member renamed to `__type`.

use error_contract::{ApiError, Decode};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    style = "flat",
    rename_members(code = "__type"),
    headers("x-amzn-ErrorType" = "{code}"),
    decode
)]
enum DynamoError {
    /// The operation tried to access a nonexistent table or index.
    #[api_error(status = 400, message = "Requested resource not found")]
    ResourceNotFoundException,
    /// Too many requests for the account's throughput.
    #[api_error(
        status = 400,
        message = "The level of configured provisioned throughput for the table was exceeded."
    )]
    ProvisionedThroughputExceededException,
    /// An error on the server side.
    #[api_error(status = 500, message = "Internal server error")]
    InternalServerError,
}

#[test]
fn bodies_byte_for_byte() {
    let body = DynamoError::ResourceNotFoundException.body();
    assert!(body.is_static());
    assert_eq!(
        &*body,
        r#"{"__type":"ResourceNotFoundException","message":"Requested resource not found"}"#
    );
    let headers = DynamoError::ResourceNotFoundException.headers();
    let headers: Vec<(&str, &str)> = headers.iter().collect();
    assert_eq!(headers, [("x-amzn-ErrorType", "ResourceNotFoundException")]);
}

#[test]
fn a_real_body_decodes() {
    // As DynamoDB sends it: the type is prefixed with the service's namespace.
    let body = br#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found: Table: Music not found"}"#;
    let Err(error_contract::DecodeError::Unrecognized(unknown)) = DynamoError::decode(400, body)
    else {
        panic!("a namespaced type matched a variant");
    };
    assert_eq!(
        unknown.code(),
        "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"
    );
    assert_eq!(
        unknown.message(),
        "Requested resource not found: Table: Music not found"
    );
    let body = br#"{"__type":"InternalServerError","message":"Internal server error"}"#;
    assert_eq!(
        DynamoError::decode(500, body).unwrap(),
        DynamoError::InternalServerError
    );
}
