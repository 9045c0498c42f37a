//! GitHub's REST API errors: `{"message":..,"documentation_url":..,"status":".."}`, with the
//! validation errors in `errors` before the constant members. The `message` style (no code in
//! the body) with its member renamed to `message`; decoding matches the message.

use error_contract::{ApiError, Decode};
use serde::{Deserialize, Serialize};

/// One item of a validation failure's `errors`.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct FieldError {
    resource: String,
    field: String,
    code: String,
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "message", rename_members(message = "message"), decode)]
enum GitHubError {
    /// The repository does not exist, or the caller cannot see it.
    #[api_error(
        status = 404,
        code = "not_found",
        message = "Not Found",
        constants(
            documentation_url = "https://docs.github.com/rest/repos/repos#get-a-repository",
            status = "404"
        )
    )]
    NotFound,
    /// The request body did not validate.
    #[api_error(
        status = 422,
        code = "validation_failed",
        message = "Validation Failed",
        constants(
            documentation_url = "https://docs.github.com/rest/issues/issues#create-an-issue",
            status = "422"
        )
    )]
    ValidationFailed {
        #[api_error(expose)]
        errors: Vec<FieldError>,
    },
}

/// GitHub's documented validation failure, as its docs print it.
const DOCUMENTED: &str = r#"{
  "message": "Validation Failed",
  "errors": [
    {
      "resource": "Issue",
      "field": "title",
      "code": "missing_field"
    }
  ],
  "documentation_url": "https://docs.github.com/rest/issues/issues#create-an-issue",
  "status": "422"
}"#;

fn missing_title() -> GitHubError {
    GitHubError::ValidationFailed {
        errors: vec![FieldError {
            resource: "Issue".to_owned(),
            field: "title".to_owned(),
            code: "missing_field".to_owned(),
        }],
    }
}

#[test]
fn bodies_byte_for_byte() {
    let body = GitHubError::NotFound.body();
    assert!(body.is_static());
    assert_eq!(
        &*body,
        r#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest/repos/repos#get-a-repository","status":"404"}"#
    );
    let compact: String = {
        let mut out = String::new();
        let mut in_string = false;
        for c in DOCUMENTED.chars() {
            in_string ^= c == '"';
            if in_string || !c.is_whitespace() {
                out.push(c);
            }
        }
        out
    };
    assert_eq!(*missing_title().body(), compact);
}

#[test]
fn documented_bodies_decode() {
    assert_eq!(
        GitHubError::decode(422, DOCUMENTED.as_bytes()).unwrap(),
        missing_title()
    );
    let body = br#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}"#;
    assert_eq!(
        GitHubError::decode(404, body).unwrap(),
        GitHubError::NotFound
    );
}
