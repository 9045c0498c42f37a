//! Twilio's REST errors: `{"code":20404,"message":..,"more_info":"https://www.twilio.com/docs/errors/20404","status":404}`,
//! the `flat` style with a link built from the code and the status as a constant member.

use error_contract::{ApiError, Decode};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    style = "flat",
    constants(more_info = "https://www.twilio.com/docs/errors/{code}"),
    decode
)]
enum TwilioError {
    /// The requested resource was not found.
    #[api_error(
        status = 404,
        code = 20404,
        message = "The requested resource {resource} was not found",
        constants(status = 404)
    )]
    NotFound {
        #[api_error(default)]
        resource: String,
    },
    /// Too many requests.
    #[api_error(
        status = 429,
        code = 20429,
        message = "Too Many Requests",
        constants(status = 429)
    )]
    TooManyRequests,
}

#[test]
fn bodies_byte_for_byte() {
    let error = TwilioError::NotFound {
        resource: "/2010-04-01/Accounts/AC123/Calls/CA456.json".to_owned(),
    };
    assert_eq!(
        &*error.body(),
        r#"{"code":20404,"message":"The requested resource /2010-04-01/Accounts/AC123/Calls/CA456.json was not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}"#
    );
    let body = TwilioError::TooManyRequests.body();
    assert!(body.is_static());
    assert_eq!(
        &*body,
        r#"{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}"#
    );
}

#[test]
fn a_documented_body_decodes() {
    let body = br#"{
  "code": 20404,
  "message": "The requested resource /2010-04-01/Accounts/AC123/Calls/CA456.json was not found",
  "more_info": "https://www.twilio.com/docs/errors/20404",
  "status": 404
}"#;
    // The resource was only in the message: without a message field it comes back as default.
    assert_eq!(
        TwilioError::decode(404, body).unwrap(),
        TwilioError::NotFound {
            resource: String::new()
        }
    );
}
