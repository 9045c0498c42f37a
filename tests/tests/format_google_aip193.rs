//! Google's AIP-193 errors: `{"error":{"code":429,"message":..,"status":"RESOURCE_EXHAUSTED",
//! "details":[..]}}`, where `code` is the HTTP status and `status` the stable code: a custom
//! style of 8 lines of `write_body` and 4 of `read_body` (and the envelope's 5-line struct).

use error_contract::json::JsonWriter;
use error_contract::style::Received;
use error_contract::{ApiError, Decode, Parts, Style};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// `{"error":{"code":<HTTP status>,"message":..,"status":<code>,<fields>}}`.
struct Aip193;

impl Style for Aip193 {
    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
        out.raw(r#"{"error":{"code":"#);
        out.status(parts.status());
        out.raw(r#","message":"#);
        out.display(parts.message());
        out.raw(r#","status":"#);
        out.code(parts.code());
        out.fields(parts.fields());
        out.raw("}}");
    }

    fn read_body(body: &str) -> Option<Received<'_>> {
        let envelope: Envelope<'_> = serde_json::from_str(body).ok()?;
        Received::from_object(envelope.error.get(), Some("status"), "message")
    }
}

/// The body's one member, read as it is.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    error: &'a RawValue,
}

/// One item of `details`, a `google.rpc.ErrorInfo`.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct ErrorInfo {
    #[serde(rename = "@type")]
    kind: String,
    reason: String,
    domain: String,
    metadata: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = Aip193, rename_all = "SCREAMING_SNAKE_CASE", decode)]
enum GoogleError {
    /// The zone has no capacity for the request.
    #[api_error(
        status = 429,
        message = "The zone '{zone}' does not have enough resources available to fulfill the request. Try a different zone, or try again later."
    )]
    ResourceExhausted {
        #[api_error(default)]
        zone: String,
        #[api_error(expose)]
        details: Vec<ErrorInfo>,
    },
    /// The caller does not have permission.
    #[api_error(status = 403, message = "The caller does not have permission")]
    PermissionDenied,
}

const DOCUMENTED: &str = r#"{
  "error": {
    "code": 429,
    "message": "The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.",
    "status": "RESOURCE_EXHAUSTED",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "RESOURCE_AVAILABILITY",
        "domain": "compute.googleapis.com",
        "metadata": {
          "zone": "us-east1-a",
          "vmType": "e2-medium"
        }
      }
    ]
  }
}"#;

fn exhausted(zone: &str) -> GoogleError {
    GoogleError::ResourceExhausted {
        zone: zone.to_owned(),
        details: vec![ErrorInfo {
            kind: "type.googleapis.com/google.rpc.ErrorInfo".to_owned(),
            reason: "RESOURCE_AVAILABILITY".to_owned(),
            domain: "compute.googleapis.com".to_owned(),
            metadata: [("vmType", "e2-medium"), ("zone", "us-east1-a")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        }],
    }
}

#[test]
fn bodies_byte_for_byte() {
    assert_eq!(
        &*exhausted("us-east1-a").body(),
        r#"{"error":{"code":429,"message":"The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RESOURCE_AVAILABILITY","domain":"compute.googleapis.com","metadata":{"vmType":"e2-medium","zone":"us-east1-a"}}]}}"#
    );
    let denied = GoogleError::PermissionDenied.body();
    assert_eq!(
        &*denied,
        r#"{"error":{"code":403,"message":"The caller does not have permission","status":"PERMISSION_DENIED"}}"#
    );
    // A custom style's unit body: written once, then borrowed.
    assert!(denied.is_static());
}

#[test]
fn the_documented_body_decodes() {
    assert_eq!(
        GoogleError::decode(429, DOCUMENTED.as_bytes()).unwrap(),
        exhausted("")
    );
}
