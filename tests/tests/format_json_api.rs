//! JSON:API error objects: `{"errors":[{"code":..,"source":{"pointer":..},"title":..,
//! "detail":..}]}`, the title constant per variant and the source a field: a custom style of 10
//! lines of `write_body` and 4 of `read_body` (and the document's 5-line struct).

use error_contract::json::JsonWriter;
use error_contract::style::Received;
use error_contract::{ApiError, Decode, Parts, Style};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// `{"errors":[{"code":..,<fields>,"title":..,"detail":..}]}`, `application/vnd.api+json`.
struct JsonApi;

impl Style for JsonApi {
    const CONTENT_TYPE: &'static str = "application/vnd.api+json";

    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
        out.raw(r#"{"errors":[{"code":"#);
        out.code(parts.code());
        out.fields(parts.fields());
        out.raw(r#","title":"#);
        out.string(parts.title());
        out.raw(r#","detail":"#);
        out.display(parts.message());
        out.raw("}]}");
    }

    fn read_body(body: &str) -> Option<Received<'_>> {
        let document: Document<'_> = serde_json::from_str(body).ok()?;
        Received::from_object(document.errors.first()?.get(), Some("code"), "detail")
    }
}

/// The error objects of a document, read as they are.
#[derive(Deserialize)]
struct Document<'a> {
    #[serde(borrow)]
    errors: Vec<&'a RawValue>,
}

/// Where in the request document the error is.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Source {
    pointer: String,
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = JsonApi, decode)]
enum DocumentError {
    /// A member's value is shorter than allowed.
    #[api_error(
        status = 422,
        code = "123",
        title = "Value is too short",
        message = "First name must contain at least two characters."
    )]
    TooShort {
        #[api_error(expose)]
        source: Source,
    },
}

/// The JSON:API specification's own example.
const SPEC_EXAMPLE: &str = r#"{
  "errors": [
    {
      "code":   "123",
      "source": { "pointer": "/data/attributes/firstName" },
      "title":  "Value is too short",
      "detail": "First name must contain at least two characters."
    }
  ]
}"#;

fn too_short() -> DocumentError {
    DocumentError::TooShort {
        source: Source {
            pointer: "/data/attributes/firstName".to_owned(),
        },
    }
}

#[test]
fn the_spec_example_byte_for_byte() {
    let body = too_short().body();
    assert_eq!(
        &*body,
        r#"{"errors":[{"code":"123","source":{"pointer":"/data/attributes/firstName"},"title":"Value is too short","detail":"First name must contain at least two characters."}]}"#
    );
    assert_eq!(body.content_type(), "application/vnd.api+json");
}

#[test]
fn the_spec_example_decodes() {
    assert_eq!(
        DocumentError::decode(422, SPEC_EXAMPLE.as_bytes()).unwrap(),
        too_short()
    );
}
