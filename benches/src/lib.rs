//! What the benches measure, shared by the wall-clock bench (`benches/runtime.rs`, criterion and
//! a counting allocator) and the instruction-count bench (`benches/instructions.rs`, gungraun),
//! so both time exactly the same functions. Each function is one row of `BENCHMARKS.md`: ours
//! (the derive) beside the hand-written way people write it today.
//!
//! All bodies here are in the `flat` style, `{"code":…,"message":…}`, because that is the one a
//! hand-written `#[derive(Serialize)]` struct writes without any serde attribute; every
//! hand-written row is checked to produce the same bytes as ours (see the tests below).

use error_contract::{ApiError, Body, Decode, DecodeError, Errors, Unknown};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::hint::black_box;

/// The 500-variant enums written by `build.rs`: `Big` (derived) and `BigHand` (hand-written).
#[allow(
    missing_docs,
    clippy::match_same_arms,
    clippy::too_many_lines,
    clippy::enum_variant_names,
    clippy::uninlined_format_args
)]
pub mod big {
    include!(concat!(env!("OUT_DIR"), "/big.rs"));
}

pub use big::{Big, BigHand, big_hand_values, big_values};

/// Ours: a unit variant and a variant with two run-time fields, one exposed string and one
/// exposed number, both interpolated into the message.
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
pub enum ShopError {
    /// The entity does not exist.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    /// The user has no such order.
    #[api_error(
        status = 404,
        code = 3002,
        message = "order {order} of {user} not found"
    )]
    OrderNotFound {
        /// Who asked.
        #[api_error(expose)]
        user: String,
        /// The order asked for.
        #[api_error(expose)]
        order: u64,
    },
}

/// The same enum as people write it by hand today.
#[derive(Debug)]
pub enum HandError {
    /// The entity does not exist.
    NotFound,
    /// The user has no such order.
    OrderNotFound {
        /// Who asked.
        user: String,
        /// The order asked for.
        order: u64,
    },
}

/// The hand-written body of a unit variant.
#[derive(Serialize)]
pub struct UnitBody {
    /// The stable code.
    pub code: u32,
    /// The public message.
    pub message: &'static str,
}

/// The hand-written body of the variant with fields.
#[derive(Serialize)]
pub struct OrderBody<'a> {
    /// The stable code.
    pub code: u32,
    /// The public message, formatted.
    pub message: &'a str,
    /// An exposed field.
    pub user: &'a str,
    /// An exposed field.
    pub order: u64,
}

/// The body of [`HandError::NotFound`], written out once: the floor of any body.
pub const NOT_FOUND_JSON: &str = r#"{"code":3001,"message":"entity not found"}"#;

impl HandError {
    /// The body through `serde_json::to_vec` of a `#[derive(Serialize)]` struct; an
    /// interpolated message is `format!`ed first.
    ///
    /// # Panics
    ///
    /// Never: these structs always serialize.
    pub fn body_serde(&self) -> Vec<u8> {
        match self {
            HandError::NotFound => serde_json::to_vec(&UnitBody {
                code: 3001,
                message: "entity not found",
            }),
            HandError::OrderNotFound { user, order } => {
                let message = format!("order {order} of {user} not found");
                serde_json::to_vec(&OrderBody {
                    code: 3002,
                    message: &message,
                    user,
                    order: *order,
                })
            }
        }
        .expect("a plain struct serializes")
    }

    /// The body through `serde_json::json!` (a `Value` tree), then `serde_json::to_vec`.
    ///
    /// # Panics
    ///
    /// Never: a `Value` always serializes.
    pub fn body_json_macro(&self) -> Vec<u8> {
        let value = match self {
            HandError::NotFound => serde_json::json!({"code": 3001, "message": "entity not found"}),
            HandError::OrderNotFound { user, order } => serde_json::json!({
                "code": 3002,
                "message": format!("order {order} of {user} not found"),
                "user": user,
                "order": order,
            }),
        };
        serde_json::to_vec(&value).expect("a Value serializes")
    }
}

/// Row: ours, `body()`.
pub fn body_ours(error: &ShopError) -> Body {
    error.body()
}

/// Row: hand-written `#[derive(Serialize)]` struct through `serde_json::to_vec`.
pub fn body_serde(error: &HandError) -> Vec<u8> {
    error.body_serde()
}

/// Row: `serde_json::json!` through `serde_json::to_vec`.
pub fn body_json_macro(error: &HandError) -> Vec<u8> {
    error.body_json_macro()
}

/// Row: copying a precomputed `&'static str`, the floor.
pub fn body_floor() -> &'static str {
    black_box(NOT_FOUND_JSON)
}

/// A custom style, `{"error":"...","error_description":"..."}` (OAuth 2.0's token errors).
pub struct OAuthStyle;

impl error_contract::Style for OAuthStyle {
    fn write_body(
        parts: &error_contract::Parts<'_>,
        out: &mut error_contract::json::JsonWriter<'_>,
    ) {
        out.raw(r#"{"error":"#);
        out.code(parts.code());
        out.raw(r#","error_description":"#);
        out.display(parts.message());
        out.fields(parts.fields());
        out.raw("}");
    }
}

/// Ours, in the custom style: a unit variant, whose body the style writes once and the derive
/// keeps.
#[derive(Debug, ApiError)]
#[api_error(style = OAuthStyle, rename_all = "snake_case")]
pub enum TokenError {
    /// The grant is invalid, expired or revoked.
    #[api_error(status = 400, message = "the grant is invalid")]
    InvalidGrant,
}

/// The hand-written body of [`TokenError::InvalidGrant`].
#[derive(Serialize)]
pub struct OAuthBody {
    /// The code.
    pub error: &'static str,
    /// The public message.
    pub error_description: &'static str,
}

/// Row: ours, `body()` of a custom-style unit variant after its first use.
pub fn custom_body_ours(error: &TokenError) -> Body {
    error.body()
}

/// Row: the same body through `serde_json::to_string` of a hand-written struct.
///
/// # Panics
///
/// Never: the struct always serializes.
pub fn custom_body_serde() -> String {
    serde_json::to_string(&OAuthBody {
        error: "invalid_grant",
        error_description: "the grant is invalid",
    })
    .expect("a plain struct serializes")
}

/// The hand-written body of several errors of one code, as the `flat` style writes a
/// collection: the first error's code and message, then each error's own body in `errors`.
#[derive(Serialize)]
pub struct ErrorsBody<'a> {
    /// The code they share.
    pub code: u32,
    /// The first error's message.
    pub message: &'a str,
    /// Each error's body.
    pub errors: Vec<OrderBody<'a>>,
}

/// Row: ours, `body()` of a collection.
pub fn errors_body_ours(errors: &Errors<ShopError>) -> Body {
    errors.body()
}

/// Row: the hand-written collection body: `format!` each message, a `Vec` of body structs, and
/// `serde_json::to_vec` of the whole (what a handler that collects its errors writes by hand).
///
/// # Panics
///
/// Never: these structs always serialize.
pub fn errors_body_serde(errors: &[HandError]) -> Vec<u8> {
    let items: Vec<(String, &str, u64)> = errors
        .iter()
        .filter_map(|error| match error {
            HandError::OrderNotFound { user, order } => Some((
                format!("order {order} of {user} not found"),
                user.as_str(),
                *order,
            )),
            HandError::NotFound => None,
        })
        .collect();
    let body = ErrorsBody {
        code: 3002,
        message: items.first().map_or("", |(message, _, _)| message),
        errors: items
            .iter()
            .map(|(message, user, order)| OrderBody {
                code: 3002,
                message,
                user,
                order: *order,
            })
            .collect(),
    };
    serde_json::to_vec(&body).expect("a plain struct serializes")
}

/// Row: ours, `status()` of each value.
pub fn statuses_ours(values: &[Big]) {
    for value in values {
        black_box(value.status());
    }
}

/// Row: hand-written `match`, status of each value.
pub fn statuses_hand(values: &[BigHand]) {
    for value in values {
        black_box(value.status());
    }
}

/// Row: ours, `code()` of each value.
pub fn codes_ours(values: &[Big]) {
    for value in values {
        black_box(value.code());
    }
}

/// Row: hand-written `match`, code of each value.
pub fn codes_hand(values: &[BigHand]) {
    for value in values {
        black_box(value.code());
    }
}

/// Row: ours, `message()` of each value.
pub fn messages_ours(values: &[Big]) {
    for value in values {
        black_box::<Cow<'_, str>>(value.message());
    }
}

/// Row: hand-written `match`, message of each value.
pub fn messages_hand(values: &[BigHand]) {
    for value in values {
        black_box::<Cow<'_, str>>(value.message());
    }
}

/// The `ErrorInfo` domain of [`ShopError`]'s statuses: its package's name, as the derive
/// gives it.
pub const GRPC_DOMAIN: &str = env!("CARGO_PKG_NAME");

/// Row: ours, the `tonic::Status` of an error (code, message, `google.rpc.Status` details with
/// an `ErrorInfo`).
pub fn grpc_ours(error: ShopError) -> tonic::Status {
    tonic::Status::from(error)
}

/// Row: the same status by hand with tonic-types: an `ErrorDetails` with an `ErrorInfo` (the
/// exposed fields as metadata, in a `HashMap`), through `Status::with_error_details`.
pub fn grpc_tonic_types(error: HandError) -> tonic::Status {
    use std::collections::HashMap;
    use tonic_types::{ErrorDetails, StatusExt};

    match error {
        HandError::NotFound => tonic::Status::with_error_details(
            tonic::Code::NotFound,
            "entity not found",
            ErrorDetails::with_error_info("3001", GRPC_DOMAIN, HashMap::new()),
        ),
        HandError::OrderNotFound { user, order } => {
            let message = format!("order {order} of {user} not found");
            let metadata = HashMap::from([
                ("user".to_owned(), user),
                ("order".to_owned(), order.to_string()),
            ]);
            tonic::Status::with_error_details(
                tonic::Code::NotFound,
                message,
                ErrorDetails::with_error_info("3002", GRPC_DOMAIN, metadata),
            )
        }
    }
}

/// Ours, for the decode rows: [`ShopError`] with `decode` and an `other` variant.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "flat", decode)]
pub enum ShopDecoded {
    /// The entity does not exist.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    /// The user has no such order.
    #[api_error(
        status = 404,
        code = 3002,
        message = "order {order} of {user} not found"
    )]
    OrderNotFound {
        /// Who asked.
        #[api_error(expose)]
        user: String,
        /// The order asked for.
        #[api_error(expose)]
        order: u64,
    },
    /// Saving failed.
    #[api_error(status = 500, code = 2006, message = "entity saving error")]
    Saving,
    /// Saving failed: not unique, a sub-code of `Saving`.
    #[api_error(status = 400, code = 200601, parent = 2006, message = "not unique")]
    NotUnique,
    /// A code this client does not know.
    #[api_error(other)]
    Other(Unknown),
}

/// Hand-written decoding: the variants, and what an unknown code keeps.
#[derive(Debug, PartialEq)]
pub enum HandDecoded {
    /// The entity does not exist.
    NotFound,
    /// The user has no such order.
    OrderNotFound {
        /// Who asked.
        user: String,
        /// The order asked for.
        order: u64,
    },
    /// Saving failed (2006, or a sub-code of it this client does not know).
    Saving,
    /// Not unique (200601).
    NotUnique,
    /// A code this client does not know, or a body that is not the API's JSON.
    Other {
        /// The response's status.
        status: u16,
        /// The code, if the body had one.
        code: Option<u32>,
        /// The message, if the body had one.
        message: Option<String>,
    },
}

/// The hand-written wire body: every key any variant writes.
#[derive(Deserialize)]
pub struct WireBody {
    /// The stable code.
    pub code: u32,
    /// The public message.
    pub message: String,
    /// Exposed by `OrderNotFound`.
    pub user: Option<String>,
    /// Exposed by `OrderNotFound`.
    pub order: Option<u64>,
}

/// A known body: `NotFound`'s.
pub const KNOWN_UNIT: &[u8] = NOT_FOUND_JSON.as_bytes();
/// A known body with fields: `OrderNotFound`'s.
pub const KNOWN_FIELDS: &[u8] =
    br#"{"code":3002,"message":"order 42 of alice not found","user":"alice","order":42}"#;
/// A sub-code no variant has, under a parent one has: `Saving`'s.
pub const SUB_CODE: &[u8] = br#"{"code":200699,"message":"entity saving error"}"#;
/// A body with a code no variant has.
pub const UNKNOWN: &[u8] = br#"{"code":9999,"message":"something new","retryable":true}"#;

/// Row: ours, `E::decode(status, body)`.
///
/// # Errors
///
/// What `Decode::decode` returns.
pub fn decode_ours(status: u16, body: &[u8]) -> Result<ShopDecoded, DecodeError> {
    ShopDecoded::decode(status, body)
}

/// Row: hand-written, `serde_json::from_slice` into a body struct and a `match` on the code.
pub fn decode_hand(status: u16, body: &[u8]) -> HandDecoded {
    let Ok(wire) = serde_json::from_slice::<WireBody>(body) else {
        return HandDecoded::Other {
            status,
            code: None,
            message: None,
        };
    };
    match wire.code {
        3001 => HandDecoded::NotFound,
        3002 => HandDecoded::OrderNotFound {
            user: wire.user.unwrap_or_default(),
            order: wire.order.unwrap_or_default(),
        },
        200_601 => HandDecoded::NotUnique,
        // The parent, and the sub-codes this client does not know.
        2006 | 200_600..=200_699 => HandDecoded::Saving,
        code => HandDecoded::Other {
            status,
            code: Some(code),
            message: Some(wire.message),
        },
    }
}

/// The values of the body rows.
pub mod values {
    use super::{HandError, ShopError};

    /// Ours, unit variant.
    pub fn unit_ours() -> ShopError {
        ShopError::NotFound
    }

    /// Hand-written, unit variant.
    pub fn unit_hand() -> HandError {
        HandError::NotFound
    }

    /// Ours, the custom-style unit variant, its body written once already (as after a
    /// service's first response of it).
    pub fn custom_unit_ours() -> super::TokenError {
        let error = super::TokenError::InvalidGrant;
        drop(error_contract::ApiError::body(&error));
        error
    }

    /// Ours, the variant with two run-time fields.
    pub fn fields_ours() -> ShopError {
        ShopError::OrderNotFound {
            user: "alice".to_owned(),
            order: 42,
        }
    }

    /// Hand-written, the variant with two run-time fields.
    pub fn fields_hand() -> HandError {
        HandError::OrderNotFound {
            user: "alice".to_owned(),
            order: 42,
        }
    }

    /// The three (user, order) pairs of the collection rows.
    const THREE: [(&str, u64); 3] = [("alice", 42), ("bob", 7), ("carol", 1_000_000)];

    /// Ours, a collection of three errors with run-time fields.
    ///
    /// # Panics
    ///
    /// Never: three is not none.
    pub fn three_ours() -> error_contract::Errors<ShopError> {
        error_contract::Errors::try_from_iter(THREE.map(|(user, order)| ShopError::OrderNotFound {
            user: user.to_owned(),
            order,
        }))
        .expect("three errors")
    }

    /// Hand-written, the same three errors.
    pub fn three_hand() -> Vec<HandError> {
        THREE
            .map(|(user, order)| HandError::OrderNotFound {
                user: user.to_owned(),
                order,
            })
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_writes_the_same_bytes() {
        let unit = body_ours(&values::unit_ours());
        assert!(unit.is_static());
        assert_eq!(&*unit, NOT_FOUND_JSON);
        assert_eq!(body_floor(), NOT_FOUND_JSON);
        assert_eq!(body_serde(&values::unit_hand()), NOT_FOUND_JSON.as_bytes());
        assert_eq!(
            body_json_macro(&values::unit_hand()),
            NOT_FOUND_JSON.as_bytes()
        );

        let custom = custom_body_ours(&values::custom_unit_ours());
        assert!(custom.is_static());
        assert_eq!(&*custom, custom_body_serde());

        let fields = body_ours(&values::fields_ours());
        let expected =
            r#"{"code":3002,"message":"order 42 of alice not found","user":"alice","order":42}"#;
        assert_eq!(&*fields, expected);
        assert_eq!(body_serde(&values::fields_hand()), expected.as_bytes());

        let three = errors_body_ours(&values::three_ours());
        let expected = r#"{"code":3002,"message":"order 42 of alice not found","errors":[{"code":3002,"message":"order 42 of alice not found","user":"alice","order":42},{"code":3002,"message":"order 7 of bob not found","user":"bob","order":7},{"code":3002,"message":"order 1000000 of carol not found","user":"carol","order":1000000}]}"#;
        assert_eq!(&*three, expected);
        assert_eq!(
            errors_body_serde(&values::three_hand()),
            expected.as_bytes()
        );
    }

    /// The same code, message and details; the unit variant's to the byte (the other's
    /// metadata is a `HashMap` by hand, in no fixed order).
    #[test]
    fn both_grpc_statuses_agree() {
        use tonic_types::StatusExt;

        let ours = grpc_ours(values::unit_ours());
        let hand = grpc_tonic_types(values::unit_hand());
        assert_eq!(ours.code(), tonic::Code::NotFound);
        assert_eq!(
            (ours.code(), ours.message(), ours.details()),
            (hand.code(), hand.message(), hand.details())
        );
        let info = ours.get_details_error_info().unwrap();
        assert_eq!(
            (info.reason.as_str(), info.domain.as_str()),
            ("3001", "error-contract-benches")
        );

        let ours = grpc_ours(values::fields_ours());
        let hand = grpc_tonic_types(values::fields_hand());
        assert_eq!(
            (ours.code(), ours.message()),
            (tonic::Code::NotFound, "order 42 of alice not found")
        );
        assert_eq!((ours.code(), ours.message()), (hand.code(), hand.message()));
        let info = ours.get_details_error_info().unwrap();
        assert_eq!(info.reason, "3002");
        assert_eq!(info.metadata.len(), 2);
        assert_eq!(
            (&info.metadata["user"], &info.metadata["order"]),
            (&"alice".to_owned(), &"42".to_owned())
        );
        let by_hand = hand.get_details_error_info().unwrap();
        assert_eq!(
            (info.reason, info.domain, info.metadata),
            (by_hand.reason, by_hand.domain, by_hand.metadata)
        );
        assert_eq!(ours.details().len(), hand.details().len());
    }

    #[test]
    fn both_decoders_agree() {
        assert_eq!(decode_ours(404, KNOWN_UNIT), Ok(ShopDecoded::NotFound));
        assert_eq!(decode_hand(404, KNOWN_UNIT), HandDecoded::NotFound);
        let ours = decode_ours(404, KNOWN_FIELDS);
        assert_eq!(
            ours,
            Ok(ShopDecoded::OrderNotFound {
                user: "alice".to_owned(),
                order: 42
            })
        );
        assert_eq!(
            decode_hand(404, KNOWN_FIELDS),
            HandDecoded::OrderNotFound {
                user: "alice".to_owned(),
                order: 42
            }
        );
        assert_eq!(decode_ours(500, SUB_CODE), Ok(ShopDecoded::Saving));
        assert_eq!(decode_hand(500, SUB_CODE), HandDecoded::Saving);
        let Ok(ShopDecoded::Other(unknown)) = decode_ours(409, UNKNOWN) else {
            panic!("an unknown code decodes to `other`");
        };
        assert_eq!(unknown.code(), 9999);
        assert_eq!(unknown.message(), "something new");
        assert_eq!(
            decode_hand(409, UNKNOWN),
            HandDecoded::Other {
                status: 409,
                code: Some(9999),
                message: Some("something new".to_owned())
            }
        );
    }

    #[test]
    fn the_big_enums_agree() {
        let ours = big_values();
        let hand = big_hand_values();
        assert_eq!(ours.len(), 500);
        assert_eq!(hand.len(), 500);
        for (ours, hand) in ours.iter().zip(&hand) {
            assert_eq!(ours.status().as_u16(), hand.status());
            assert_eq!(ours.code(), hand.code());
            assert_eq!(ours.message(), hand.message());
            assert_eq!(ours.to_string(), hand.to_string());
        }
    }
}
