//! Stripe's errors: `{"error":{"code":..,"doc_url":..,"message":..,"param":..,"type":..}}`, keys
//! in alphabetical order, a constant `type` (the enum's, replaced by one variant) and a constant
//! `doc_url` per variant (Stripe's pages are the code in kebab case, so a `{code}` link would
//! not match). The members interleave with the exposed `param`, so it is a custom style (14
//! lines of `write_body`, 4 of `read_body` and an envelope's 5-line struct), with the constants declared in the attributes.

use error_contract::json::JsonWriter;
use error_contract::style::{ConstantValue, Received};
use error_contract::{ApiError, Decode, Parts, Style};
use serde_json::value::RawValue;

/// `{"error":{"code":..,"doc_url":..,"message":..,"param":..,"type":..}}`.
struct Stripe;

impl Style for Stripe {
    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
        out.raw(r#"{"error":{"code":"#);
        out.code(parts.code());
        if let Some(doc_url) = parts.constant("doc_url") {
            out.raw(r#","doc_url":"#);
            out.constant(doc_url.value, parts.code());
        }
        out.raw(r#","message":"#);
        out.display(parts.message());
        out.fields(parts.fields());
        if let Some(kind) = parts.constant("type") {
            out.raw(r#","type":"#);
            out.constant(kind.value, parts.code());
        }
        out.raw("}}");
    }

    fn read_body(body: &str) -> Option<Received<'_>> {
        let envelope: Envelope<'_> = serde_json::from_str(body).ok()?;
        Received::from_object(envelope.error.get(), Some("code"), "message")
    }
}

/// The body's one member, read as it is.
#[derive(serde::Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    error: &'a RawValue,
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    style = Stripe,
    rename_all = "snake_case",
    constants(type = "invalid_request_error"),
    decode
)]
enum StripeError {
    /// The ID provided is not valid: the resource does not exist or belongs to another account.
    #[api_error(
        status = 404,
        message = "No such customer: '{id}'",
        constants(doc_url = "https://stripe.com/docs/error-codes/resource-missing")
    )]
    ResourceMissing {
        #[api_error(default)]
        id: String,
        #[api_error(expose)]
        param: String,
    },
    /// The card was declined.
    #[api_error(
        status = 402,
        message = "Your card was declined.",
        constants(
            doc_url = "https://stripe.com/docs/error-codes/card-declined",
            type = "card_error"
        )
    )]
    CardDeclined,
}

#[test]
fn bodies_byte_for_byte() {
    let missing = StripeError::ResourceMissing {
        id: "cus_NffrFeUfNV2Hib".to_owned(),
        param: "id".to_owned(),
    };
    assert_eq!(
        &*missing.body(),
        r#"{"error":{"code":"resource_missing","doc_url":"https://stripe.com/docs/error-codes/resource-missing","message":"No such customer: 'cus_NffrFeUfNV2Hib'","param":"id","type":"invalid_request_error"}}"#
    );
    assert_eq!(missing.status().as_u16(), 404);
    let declined = StripeError::CardDeclined.body();
    assert_eq!(
        &*declined,
        r#"{"error":{"code":"card_declined","doc_url":"https://stripe.com/docs/error-codes/card-declined","message":"Your card was declined.","type":"card_error"}}"#
    );
    assert_eq!(declined.content_type(), "application/json");
}

#[test]
fn a_documented_body_decodes() {
    let body = br#"{
  "error": {
    "code": "resource_missing",
    "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
    "message": "No such customer: 'cus_NffrFeUfNV2Hib'",
    "param": "id",
    "request_log_url": "https://dashboard.stripe.com/test/logs/req_1234567890",
    "type": "invalid_request_error"
  }
}"#;
    assert_eq!(
        StripeError::decode(404, body).unwrap(),
        StripeError::ResourceMissing {
            id: String::new(),
            param: "id".to_owned()
        }
    );
}

#[test]
fn the_catalog_lists_the_constants() {
    let catalog = StripeError::catalog();
    let members = catalog.entries()[1].constants();
    // The enum's `type`, replaced in its place, then the variant's own `doc_url`.
    assert_eq!(members.len(), 2);
    assert_eq!(members[0].name, "type");
    assert_eq!(members[0].value, ConstantValue::Str("card_error"));
    assert_eq!(members[1].name, "doc_url");
}
