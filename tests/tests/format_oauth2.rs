//! OAuth 2.0 token errors (RFC 6749 section 5.2): the `flat` style with its members renamed to
//! `error` and `error_description`, and a link built from the code as `error_uri`.

use error_contract::{ApiError, Decode};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    style = "flat",
    rename_all = "snake_case",
    rename_members(code = "error", message = "error_description"),
    constants(error_uri = "https://auth.example.com/docs/errors#{code}"),
    headers("Cache-Control" = "no-store", "Pragma" = "no-cache"),
    decode
)]
enum TokenError {
    /// The request is missing a required parameter, includes an unsupported parameter value
    /// (other than grant type), repeats a parameter, or is otherwise malformed.
    #[api_error(status = 400, message = "The request is missing a required parameter.")]
    InvalidRequest,
    /// Client authentication failed.
    #[api_error(
        status = 401,
        message = "Client authentication failed.",
        headers("WWW-Authenticate" = "Basic realm=\"token\", error=\"{code}\"")
    )]
    InvalidClient,
    /// The provided authorization grant or refresh token is invalid, expired or revoked.
    #[api_error(
        status = 400,
        message = "The provided authorization grant is invalid, expired or revoked."
    )]
    InvalidGrant,
    /// The requested scope is invalid, unknown, or malformed.
    #[api_error(
        status = 400,
        message = "The requested scope is {scope:?}, which is not granted."
    )]
    InvalidScope {
        #[api_error(default)]
        scope: String,
    },
    /// The authorization grant type is not supported by the authorization server.
    #[api_error(status = 400, message = "The grant type is not supported.")]
    UnsupportedGrantType,
}

#[test]
fn bodies_name_the_members_as_the_rfc_does() {
    let body = TokenError::InvalidGrant.body();
    assert!(body.is_static());
    assert_eq!(
        &*body,
        r#"{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired or revoked.","error_uri":"https://auth.example.com/docs/errors#invalid_grant"}"#
    );
    assert_eq!(body.content_type(), "application/json");
    let scope = TokenError::InvalidScope {
        scope: "admin".to_owned(),
    };
    let body = scope.body();
    assert!(!body.is_static());
    assert_eq!(
        &*body,
        r#"{"error":"invalid_scope","error_description":"The requested scope is \"admin\", which is not granted.","error_uri":"https://auth.example.com/docs/errors#invalid_scope"}"#
    );
}

/// Every header of `error`, as `Name: value` lines.
fn header_lines(error: &dyn ApiError) -> Vec<String> {
    let headers = error.headers();
    headers
        .iter()
        .map(|(name, value)| format!("{name}: {value}"))
        .collect()
}

#[test]
fn token_errors_are_not_cached_and_a_401_says_how_to_authenticate() {
    assert_eq!(
        header_lines(&TokenError::InvalidGrant),
        ["Cache-Control: no-store", "Pragma: no-cache"]
    );
    assert_eq!(
        header_lines(&TokenError::InvalidClient),
        [
            "Cache-Control: no-store",
            "Pragma: no-cache",
            r#"WWW-Authenticate: Basic realm="token", error="invalid_client""#
        ]
    );
}

#[test]
fn the_rfc_example_decodes() {
    // RFC 6749 section 5.2's example body.
    let body = br#"{
       "error":"invalid_request"
     }"#;
    assert_eq!(
        TokenError::decode(400, body).unwrap(),
        TokenError::InvalidRequest
    );
    let body = TokenError::UnsupportedGrantType.body();
    assert_eq!(
        TokenError::decode(400, body.as_bytes()).unwrap(),
        TokenError::UnsupportedGrantType
    );
    let body = TokenError::InvalidClient.body();
    assert_eq!(
        TokenError::decode(401, body.as_bytes()).unwrap(),
        TokenError::InvalidClient
    );
}

#[test]
fn the_catalog_follows_the_names() {
    let entry = TokenError::catalog().entries()[0];
    assert_eq!(entry.names().code, Some("error"));
    assert_eq!(entry.names().message, Some("error_description"));
    let openapi = TokenError::catalog().to_openapi();
    assert_eq!(
        openapi["schemas"]["ErrorFlat.code-error.message-error_description"],
        serde_json::json!({
            "description": "An error body in the `flat` style.",
            "type": "object",
            "required": ["error", "error_description"],
            "properties": {
                "error": {"description": "The stable error code.", "type": "string"},
                "error_description": {"description": "The public message.", "type": "string"},
                "error_uri": {
                    "description": "A constant member of some errors of this style.",
                    "type": "string"
                }
            }
        })
    );
    assert_eq!(
        openapi["responses"]["401"]["content"]["application/json"]["schema"],
        serde_json::json!({"allOf": [
            {"$ref": "#/components/schemas/ErrorFlat.code-error.message-error_description"},
            {"properties": {"error": {"enum": ["invalid_client"]}}}
        ]})
    );
}
