//! RFC 9457 in full: the RFC's own example (section 3) byte for byte, with `instance` from a
//! field, no `code` and no `status` member, and decoding that matches `type` against
//! `type_base` + code.

use error_contract::{ApiError, Decode, DecodeError};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    style = "problem",
    type_base = "https://example.com/probs/",
    skip_members(code, status),
    headers("Content-Language" = "en"),
    decode
)]
enum AccountError {
    /// The account's balance does not cover the cost of the request.
    #[api_error(
        status = 403,
        code = "out-of-credit",
        title = "You do not have enough credit.",
        message = "Your current balance is {balance}, but that costs {cost}."
    )]
    OutOfCredit {
        #[api_error(instance)]
        instance: String,
        #[api_error(expose)]
        balance: u32,
        #[api_error(default)]
        cost: u32,
        #[api_error(expose)]
        accounts: Vec<String>,
    },
    /// The account does not exist.
    #[api_error(status = 404, code = "no-account", title = "No such account.")]
    NoAccount,
}

/// The body of RFC 9457 section 3, as the RFC prints it.
const RFC_EXAMPLE: &str = r#"{
 "type": "https://example.com/probs/out-of-credit",
 "title": "You do not have enough credit.",
 "detail": "Your current balance is 30, but that costs 50.",
 "instance": "/account/12345/msgs/abc",
 "balance": 30,
 "accounts": ["/account/12345",
              "/account/67890"]
}"#;

fn out_of_credit() -> AccountError {
    AccountError::OutOfCredit {
        instance: "/account/12345/msgs/abc".to_owned(),
        balance: 30,
        cost: 50,
        accounts: vec!["/account/12345".to_owned(), "/account/67890".to_owned()],
    }
}

/// The RFC's body with the whitespace between its tokens taken out, as compact JSON writes
/// it (the example's strings hold no quotes or escapes).
fn compact(json: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    for c in json.chars() {
        if c == '"' {
            in_string = !in_string;
        }
        if in_string || !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

#[test]
fn the_rfc_example_byte_for_byte() {
    let error = out_of_credit();
    let body = error.body();
    assert_eq!(
        &*body,
        r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#
    );
    assert_eq!(*body, compact(RFC_EXAMPLE));
    assert_eq!(body.content_type(), "application/problem+json");
    let headers = error.headers();
    let headers: Vec<(&str, &str)> = headers.iter().collect();
    assert_eq!(headers, [("Content-Language", "en")]);
    assert_eq!(error.status().as_u16(), 403);
    assert_eq!(error.code(), "out-of-credit");
    assert_eq!(
        error.to_string(),
        "Your current balance is 30, but that costs 50."
    );
}

#[test]
fn a_static_body_without_code_and_status() {
    let body = AccountError::NoAccount.body();
    assert!(body.is_static());
    assert_eq!(
        &*body,
        r#"{"type":"https://example.com/probs/no-account","title":"No such account.","detail":"Not Found"}"#
    );
}

#[test]
fn the_rfc_example_decodes_by_its_type() {
    let decoded = AccountError::decode(403, RFC_EXAMPLE.as_bytes()).unwrap();
    assert_eq!(
        decoded,
        AccountError::OutOfCredit {
            instance: "/account/12345/msgs/abc".to_owned(),
            balance: 30,
            cost: 0,
            accounts: vec!["/account/12345".to_owned(), "/account/67890".to_owned()],
        }
    );
    let body = AccountError::NoAccount.body();
    assert_eq!(
        AccountError::decode(404, body.as_bytes()).unwrap(),
        AccountError::NoAccount
    );
}

#[test]
fn a_type_of_another_base_is_not_a_code() {
    let body = br#"{"type":"https://elsewhere.example/probs/no-account","title":"?","detail":"?"}"#;
    let Err(DecodeError::Unrecognized(unknown)) = AccountError::decode(404, body) else {
        panic!("a type outside the base matched a variant");
    };
    assert_eq!(unknown.status().as_u16(), 404);
    assert_eq!(unknown.code(), 404);
}

#[test]
fn the_catalog_and_openapi_leave_out_code_and_status() {
    let openapi = AccountError::catalog().to_openapi();
    let schema = &openapi["schemas"]["ProblemDetails.no-code.no-status"];
    assert_eq!(
        schema["required"],
        serde_json::json!(["type", "title", "detail"])
    );
    let properties: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
    assert_eq!(
        properties,
        ["accounts", "balance", "detail", "instance", "title", "type"]
    );
    // No code member: the response schema is the plain reference.
    assert_eq!(
        openapi["responses"]["404"]["content"]["application/problem+json"]["schema"],
        serde_json::json!({"$ref": "#/components/schemas/ProblemDetails.no-code.no-status"})
    );
}
