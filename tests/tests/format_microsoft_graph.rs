//! Microsoft Graph's error format, byte for byte, with no custom style: the built-in `nested`
//! style, a message that varies under one code (a `message` field), and an exposed `innerError`
//! object; and real bodies decoded back into their variants.
//!
//! The shape, from Microsoft Graph's "Error responses and resource types" page:
//! `{"error":{"code":"invalidRange","message":"...","innerError":{"request-id":"...","date":"..."}}}`,
//! codes in lower camel case (`accessDenied`, `invalidRange`, `itemNotFound`,
//! `activityLimitReached`, ...), a `Retry-After` header on a throttled request.

use error_contract::{ApiError, Decode, Unknown};
use serde::{Deserialize, Serialize};

/// Graph's `innerError`: the request's ids and the time of the error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct InnerError {
    /// A more specific code, when the service gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    #[serde(rename = "request-id")]
    request_id: String,
    #[serde(
        rename = "client-request-id",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    client_request_id: Option<String>,
    date: String,
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "nested", rename_all = "camelCase", decode)]
enum GraphError {
    /// The request is malformed or incorrect.
    #[api_error(
        status = 400,
        code = "BadRequest",
        message = "Cannot process the request because it is malformed or incorrect."
    )]
    BadRequest {
        #[api_error(message)]
        message: Option<String>,
        #[api_error(expose, rename = "innerError")]
        inner_error: InnerError,
    },
    /// The caller does not have permission to perform the action.
    #[api_error(status = 403, message = "Access denied.")]
    AccessDenied {
        #[api_error(message)]
        message: Option<String>,
        #[api_error(expose, rename = "innerError")]
        inner_error: InnerError,
    },
    /// The resource being accessed does not exist.
    #[api_error(status = 404, message = "The resource could not be found.")]
    ItemNotFound {
        #[api_error(message)]
        message: Option<String>,
        #[api_error(expose, rename = "innerError")]
        inner_error: InnerError,
    },
    /// The specified byte range is invalid or unavailable.
    #[api_error(
        status = 416,
        message = "The specified byte range is invalid or unavailable."
    )]
    InvalidRange {
        #[api_error(message)]
        message: String,
        #[api_error(expose, rename = "innerError")]
        inner_error: InnerError,
    },
    /// The app or user has been throttled.
    #[api_error(status = 429, message = "Too many requests.")]
    ActivityLimitReached {
        #[api_error(message)]
        message: Option<String>,
        #[api_error(expose, rename = "innerError")]
        inner_error: InnerError,
        #[api_error(header = "Retry-After", default)]
        retry_after: u32,
    },
    #[api_error(other)]
    Other(Unknown),
}

fn inner(request_id: &str) -> InnerError {
    InnerError {
        code: None,
        request_id: request_id.to_owned(),
        client_request_id: None,
        date: "2024-05-01T10:00:00".to_owned(),
    }
}

fn headers(error: &GraphError) -> Vec<(String, String)> {
    error
        .headers()
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
}

#[test]
fn a_run_time_message_under_one_code() {
    let error = GraphError::InvalidRange {
        message: "Uploaded fragment overlaps with existing data.".to_owned(),
        inner_error: InnerError {
            code: Some("invalidRange".to_owned()),
            ..inner("a7a3b6c3-1b0e-4e2a-9d5f-0c2f3e4d5a6b")
        },
    };
    let body = error.body();
    assert_eq!(
        &*body,
        r#"{"error":{"code":"invalidRange","message":"Uploaded fragment overlaps with existing data.","innerError":{"code":"invalidRange","request-id":"a7a3b6c3-1b0e-4e2a-9d5f-0c2f3e4d5a6b","date":"2024-05-01T10:00:00"}}}"#
    );
    assert_eq!(body.content_type(), "application/json");
    assert_eq!(error.status().as_u16(), 416);
    assert_eq!(error.code(), "invalidRange");
    assert_eq!(
        error.message(),
        "Uploaded fragment overlaps with existing data."
    );
    assert_eq!(
        error.to_string(),
        "Uploaded fragment overlaps with existing data."
    );
    assert_eq!(headers(&error), []);
    // The catalog shows the variant's text.
    let catalog = GraphError::catalog();
    let entry = catalog.get(error.code()).unwrap();
    assert_eq!(
        entry.message(),
        "The specified byte range is invalid or unavailable."
    );
}

#[test]
fn the_catalog_text_when_no_message_is_given() {
    let error = GraphError::ItemNotFound {
        message: None,
        inner_error: inner("req-2"),
    };
    assert_eq!(
        &*error.body(),
        r#"{"error":{"code":"itemNotFound","message":"The resource could not be found.","innerError":{"request-id":"req-2","date":"2024-05-01T10:00:00"}}}"#
    );
    assert_eq!(error.message(), "The resource could not be found.");
}

#[test]
fn a_throttled_request_says_when_to_retry() {
    let error = GraphError::ActivityLimitReached {
        message: Some("The request has been throttled.".to_owned()),
        inner_error: InnerError {
            client_request_id: Some("client-9".to_owned()),
            ..inner("req-3")
        },
        retry_after: 30,
    };
    assert_eq!(
        &*error.body(),
        r#"{"error":{"code":"activityLimitReached","message":"The request has been throttled.","innerError":{"request-id":"req-3","client-request-id":"client-9","date":"2024-05-01T10:00:00"}}}"#
    );
    assert_eq!(
        headers(&error),
        [("Retry-After".to_owned(), "30".to_owned())]
    );
    assert_eq!(error.status().as_u16(), 429);
}

/// A body as Graph sends it (the example of Microsoft Graph's SDK design notes, pretty-printed),
/// with a message that differs from the catalog text.
#[test]
fn a_real_body_decodes_into_its_variant() {
    let body = br#"{
    "error": {
        "code": "BadRequest",
        "message": "Resource not found for the segment 'mef'.",
        "innerError": {
            "date": "2021-07-02T01:40:19",
            "request-id": "1a0ffbc0-086f-4e8f-93f9-bf99881c65f6",
            "client-request-id": "225aed2b-cf4a-d456-b313-16ab196c2364"
        }
    }
}"#;
    let decoded = GraphError::decode(400, body).unwrap();
    assert_eq!(
        decoded,
        GraphError::BadRequest {
            message: Some("Resource not found for the segment 'mef'.".to_owned()),
            inner_error: InnerError {
                code: None,
                request_id: "1a0ffbc0-086f-4e8f-93f9-bf99881c65f6".to_owned(),
                client_request_id: Some("225aed2b-cf4a-d456-b313-16ab196c2364".to_owned()),
                date: "2021-07-02T01:40:19".to_owned(),
            },
        }
    );
    assert_eq!(
        decoded.message(),
        "Resource not found for the segment 'mef'."
    );
    // Written back compactly, members in the declared order.
    assert_eq!(
        &*decoded.body(),
        r#"{"error":{"code":"BadRequest","message":"Resource not found for the segment 'mef'.","innerError":{"request-id":"1a0ffbc0-086f-4e8f-93f9-bf99881c65f6","client-request-id":"225aed2b-cf4a-d456-b313-16ab196c2364","date":"2021-07-02T01:40:19"}}}"#
    );
}

#[test]
fn decoding_round_trips_and_keeps_the_retry_after() {
    let error = GraphError::InvalidRange {
        message: "Uploaded fragment overlaps with existing data.".to_owned(),
        inner_error: inner("req-4"),
    };
    assert_eq!(
        GraphError::decode(416, error.body().as_bytes()).unwrap(),
        error
    );

    let body = br#"{"error":{"code":"activityLimitReached","message":"Slow down.","innerError":{"request-id":"req-5","date":"2024-05-01T10:00:00"}}}"#;
    let headers = [("Retry-After", "120")];
    assert_eq!(
        GraphError::decode_with_headers(429, &headers, body).unwrap(),
        GraphError::ActivityLimitReached {
            message: Some("Slow down.".to_owned()),
            inner_error: inner("req-5"),
            retry_after: 120,
        }
    );
    // A code this client does not know: `other`, with what the body said.
    let body = br#"{"error":{"code":"quotaLimitReached","message":"Insufficient storage.","innerError":{"request-id":"req-6","date":"2024-05-01T10:00:00"}}}"#;
    let GraphError::Other(unknown) = GraphError::decode(507, body).unwrap() else {
        panic!("expected `other`");
    };
    assert_eq!(unknown.code(), "quotaLimitReached");
    assert_eq!(unknown.message(), "Insufficient storage.");
    assert_eq!(&*unknown.body(), std::str::from_utf8(body).unwrap());
    // An access denied without a message: the catalog text.
    let body = br#"{"error":{"code":"accessDenied","innerError":{"request-id":"req-7","date":"2024-05-01T10:00:00"}}}"#;
    let decoded = GraphError::decode(403, body).unwrap();
    assert_eq!(
        decoded,
        GraphError::AccessDenied {
            message: None,
            inner_error: inner("req-7"),
        }
    );
    assert_eq!(decoded.message(), "Access denied.");
}
