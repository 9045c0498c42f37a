//! gRPC (feature `tonic`): every derived type is a `tonic::Status` with its gRPC code, its
//! public message and Google's rich error model in the details, byte for byte what tonic-types
//! builds; an `Errors<E>` is one status with a `BadRequest`; and a status decodes back.

use error_contract::{ApiError, Errors, GrpcCode, Unknown};
use std::collections::HashMap;
use std::time::Duration;
use tonic::Code;
use tonic_types::{BadRequest, ErrorDetail, ErrorInfo, FieldViolation, Help, RetryInfo, StatusExt};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    style = "flat",
    rename_all = "snake_case",
    grpc_domain = "shop.example.com",
    constants(doc_url = "https://shop.example.com/errors/{code}"),
    decode
)]
enum ShopError {
    #[api_error(status = 404, message = "product not found")]
    ProductNotFound,
    #[api_error(status = 404, message = "order {id} not found")]
    OrderNotFound {
        #[api_error(expose)]
        id: u64,
    },
    #[api_error(status = 409, message = "order exists", grpc = "already_exists")]
    OrderExists,
    #[api_error(status = 422, message = "invalid quantity")]
    InvalidQuantity {
        #[api_error(expose)]
        quantity: i64,
        #[api_error(expose)]
        max: u32,
        #[api_error(expose)]
        pointer: Option<String>,
    },
    #[api_error(status = 422, message = "invalid product")]
    InvalidProduct {
        #[api_error(expose)]
        pointer: String,
    },
    #[api_error(status = 422, message = "invalid name")]
    InvalidName {
        #[api_error(expose)]
        name: String,
    },
    #[api_error(status = 429, message = "slow down")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: u32,
    },
    #[api_error(status = 401, message = "who are you?")]
    Unauthenticated,
    #[api_error(other)]
    Other(Unknown),
}

/// A numeric code is the reason in decimal; the domain defaults to the package's name.
#[derive(Debug, ApiError)]
#[api_error(style = "dto", decode)]
enum Numeric {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(status = 500, code = 9001, message = "unexpected system error")]
    Io(#[from] Option<std::io::Error>),
}

fn link(code: &str) -> ErrorDetail {
    Help::with_link("doc_url", format!("https://shop.example.com/errors/{code}")).into()
}

fn info(reason: &str, metadata: &[(&str, &str)]) -> ErrorDetail {
    let metadata: HashMap<String, String> = metadata
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    ErrorInfo::new(reason, "shop.example.com", metadata).into()
}

/// What tonic-types builds from the same code, message and details.
fn by_hand(code: Code, message: &str, details: Vec<ErrorDetail>) -> tonic::Status {
    tonic::Status::with_error_details_vec(code, message, details)
}

fn assert_status(status: &tonic::Status, expected: &tonic::Status) {
    assert_eq!(status.code(), expected.code());
    assert_eq!(status.message(), expected.message());
    assert_eq!(
        status.details(),
        expected.details(),
        "details of {status:?}"
    );
}

#[test]
fn a_unit_variant() {
    let status = tonic::Status::from(ShopError::ProductNotFound);
    let expected = by_hand(
        Code::NotFound,
        "product not found",
        vec![info("product_not_found", &[]), link("product_not_found")],
    );
    assert_status(&status, &expected);
    // The same at every call.
    assert_status(&tonic::Status::from(ShopError::ProductNotFound), &status);
    assert_eq!(status.metadata().len(), 0);
}

#[test]
fn exposed_fields_are_metadata() {
    let status = tonic::Status::from(ShopError::OrderNotFound { id: 7 });
    let expected = by_hand(
        Code::NotFound,
        "order 7 not found",
        vec![
            info("order_not_found", &[("id", "7")]),
            link("order_not_found"),
        ],
    );
    assert_status(&status, &expected);
    // A string as it is (not as JSON), a missing `Option` left out.
    let status = tonic::Status::from(ShopError::InvalidName {
        name: "a \"b\"".into(),
    });
    assert_status(
        &status,
        &by_hand(
            Code::InvalidArgument,
            "invalid name",
            vec![
                info("invalid_name", &[("name", "a \"b\"")]),
                link("invalid_name"),
            ],
        ),
    );
    let status = tonic::Status::from(ShopError::InvalidQuantity {
        quantity: 100,
        max: 99,
        pointer: None,
    });
    let info = status.get_details_error_info().unwrap();
    assert_eq!(info.metadata.len(), 2);
    assert_eq!(
        (
            info.metadata["quantity"].as_str(),
            info.metadata["max"].as_str()
        ),
        ("100", "99")
    );
}

#[test]
fn codes_follow_the_status_or_the_variant() {
    for (error, code) in [
        (ShopError::ProductNotFound, Code::NotFound),
        (ShopError::OrderExists, Code::AlreadyExists),
        (
            ShopError::RateLimited { retry_after: 1 },
            Code::ResourceExhausted,
        ),
        (ShopError::Unauthenticated, Code::Unauthenticated),
        (
            ShopError::InvalidProduct {
                pointer: String::new(),
            },
            Code::InvalidArgument,
        ),
    ] {
        assert_eq!(tonic::Status::from(error).code(), code);
    }
    let catalog = ShopError::catalog();
    let codes: Vec<GrpcCode> = catalog.entries().iter().map(|e| e.grpc_code()).collect();
    assert_eq!(
        codes,
        [
            GrpcCode::NotFound,
            GrpcCode::NotFound,
            GrpcCode::AlreadyExists,
            GrpcCode::InvalidArgument,
            GrpcCode::InvalidArgument,
            GrpcCode::InvalidArgument,
            GrpcCode::ResourceExhausted,
            GrpcCode::Unauthenticated,
        ]
    );
}

#[test]
fn retry_after_is_retry_info() {
    let status = tonic::Status::from(ShopError::RateLimited { retry_after: 30 });
    let expected = by_hand(
        Code::ResourceExhausted,
        "slow down",
        vec![
            info("rate_limited", &[]),
            RetryInfo::new(Some(Duration::from_secs(30))).into(),
            link("rate_limited"),
        ],
    );
    assert_status(&status, &expected);
}

#[test]
fn numeric_codes_and_sources() {
    let status = tonic::Status::from(Numeric::NotFound);
    let expected = by_hand(
        Code::NotFound,
        "entity not found",
        vec![ErrorInfo::new("3001", "error-contract-tests", HashMap::new()).into()],
    );
    assert_status(&status, &expected);
    // The source's text stays on the server.
    let error = Numeric::from(std::io::Error::other("disk full at /var/db"));
    let status = tonic::Status::from(error);
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(status.message(), "unexpected system error");
    assert!(!String::from_utf8_lossy(status.details()).contains("/var/db"));
}

fn several() -> Errors<ShopError> {
    let mut errors = Errors::new(ShopError::InvalidProduct {
        pointer: "/product".into(),
    });
    errors.push(ShopError::InvalidQuantity {
        quantity: 100,
        max: 99,
        pointer: Some("/quantity".into()),
    });
    errors
}

#[test]
fn several_errors_are_a_bad_request() {
    let status = tonic::Status::from(several());
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(status.message(), "Unprocessable Content");
    let details = status.check_error_details_vec().unwrap();
    assert_eq!(details.len(), 2, "{details:?}");
    let ErrorDetail::ErrorInfo(info) = &details[0] else {
        panic!("{details:?}")
    };
    assert_eq!(
        (info.reason.as_str(), info.domain.as_str()),
        ("422", "shop.example.com")
    );
    let mut metadata: Vec<(&str, &str)> = info
        .metadata
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    metadata.sort_unstable();
    assert_eq!(
        metadata,
        [
            ("max[1]", "99"),
            ("pointer[0]", "/product"),
            ("pointer[1]", "/quantity"),
            ("quantity[1]", "100"),
        ]
    );
    let ErrorDetail::BadRequest(request) = &details[1] else {
        panic!("{details:?}")
    };
    let violations: Vec<(&str, &str, &str)> = request
        .field_violations
        .iter()
        .map(|v| (v.field.as_str(), v.description.as_str(), v.reason.as_str()))
        .collect();
    assert_eq!(
        violations,
        [
            ("product", "invalid product", "invalid_product"),
            ("quantity", "invalid quantity", "invalid_quantity"),
        ]
    );
    // One code: its message, its reason.
    let mut errors = Errors::new(ShopError::InvalidProduct {
        pointer: "/items/2/product".into(),
    });
    errors.push(ShopError::InvalidProduct {
        pointer: "/other".into(),
    });
    let status = tonic::Status::from(errors);
    assert_eq!(status.message(), "invalid product");
    assert_eq!(
        status.get_details_error_info().unwrap().reason,
        "invalid_product"
    );
    let request = status.get_details_bad_request().unwrap();
    assert_eq!(request.field_violations[0].field, "items[2].product");
}

/// More nested messages than the writer keeps the lengths of (each field violation is one):
/// those past them are measured when written, and the bytes are still prost's. (tonic-types
/// leaves a violation's `reason` out when it writes one: prost's own messages are the
/// reference.)
#[test]
fn many_errors_are_written_as_prost_writes_them() {
    use prost::Message;
    use tonic_types::pb;

    let mut errors = Errors::new(ShopError::ProductNotFound);
    for _ in 1..40 {
        errors.push(ShopError::ProductNotFound);
    }
    let any = |type_url: &str, value: Vec<u8>| prost_types::Any {
        type_url: type_url.to_owned(),
        value,
    };
    let violation = pb::bad_request::FieldViolation {
        field: String::new(),
        description: "product not found".into(),
        reason: "product_not_found".into(),
        localized_message: None,
    };
    let expected = pb::Status {
        code: 5,
        message: "product not found".into(),
        details: vec![
            any(
                "type.googleapis.com/google.rpc.ErrorInfo",
                pb::ErrorInfo {
                    reason: "product_not_found".into(),
                    domain: "shop.example.com".into(),
                    metadata: HashMap::new(),
                }
                .encode_to_vec(),
            ),
            any(
                "type.googleapis.com/google.rpc.BadRequest",
                pb::BadRequest {
                    field_violations: vec![violation; 40],
                }
                .encode_to_vec(),
            ),
        ],
    };
    let status = tonic::Status::from(errors);
    assert_eq!(
        (status.code(), status.message()),
        (Code::NotFound, "product not found")
    );
    assert_eq!(status.details(), expected.encode_to_vec());
    let request = status.get_details_bad_request().unwrap();
    assert_eq!(request.field_violations.len(), 40);
}

#[test]
fn decoded_back() {
    let errors = [
        ShopError::ProductNotFound,
        ShopError::OrderNotFound { id: 7 },
        ShopError::OrderExists,
        ShopError::InvalidQuantity {
            quantity: -3,
            max: 99,
            pointer: Some("/q".into()),
        },
        ShopError::InvalidQuantity {
            quantity: 0,
            max: 99,
            pointer: None,
        },
        ShopError::InvalidName { name: "42".into() },
        ShopError::InvalidName {
            name: "\"quoted\" \\ é".into(),
        },
        ShopError::RateLimited { retry_after: 30 },
        ShopError::Unauthenticated,
    ];
    for error in errors {
        let status = tonic::Status::from(error);
        let decoded: ShopError = error_contract::tonic::decode(&status).unwrap();
        assert_eq!(tonic::Status::from(decoded).details(), status.details());
    }
    let decoded: ShopError =
        error_contract::tonic::decode(&tonic::Status::from(ShopError::InvalidName {
            name: "42".into(),
        }))
        .unwrap();
    assert_eq!(decoded, ShopError::InvalidName { name: "42".into() });
    let decoded: Numeric =
        error_contract::tonic::decode(&tonic::Status::from(Numeric::NotFound)).unwrap();
    assert!(matches!(decoded, Numeric::NotFound));
    let decoded: Numeric =
        error_contract::tonic::decode(&tonic::Status::from(Numeric::Io(None))).unwrap();
    assert!(matches!(decoded, Numeric::Io(None)));
}

#[test]
fn several_decoded_back() {
    let status = tonic::Status::from(several());
    let decoded: Errors<ShopError> = error_contract::tonic::decode(&status).unwrap();
    assert_eq!(decoded, several());
    // Asked for one error: the first.
    let first: ShopError = error_contract::tonic::decode(&status).unwrap();
    assert_eq!(
        first,
        ShopError::InvalidProduct {
            pointer: "/product".into()
        }
    );
    // A `BadRequest` from elsewhere: the path is the pointer.
    let status = by_hand(
        Code::InvalidArgument,
        "bad",
        vec![
            ErrorInfo::new("invalid_product", "shop.example.com", HashMap::new()).into(),
            BadRequest::new(vec![FieldViolation {
                reason: "invalid_product".into(),
                ..FieldViolation::new("items[1].product", "invalid product")
            }])
            .into(),
        ],
    );
    let decoded: Errors<ShopError> = error_contract::tonic::decode(&status).unwrap();
    assert_eq!(
        decoded.into_vec(),
        [ShopError::InvalidProduct {
            pointer: "/items/1/product".into()
        }]
    );
}

#[test]
fn unknown_reasons_and_bare_statuses() {
    // A reason the enum does not know: `other`, with the code.
    let status = by_hand(
        Code::FailedPrecondition,
        "quota",
        vec![ErrorInfo::new("quota_exceeded", "shop.example.com", HashMap::new()).into()],
    );
    let ShopError::Other(unknown) = error_contract::tonic::decode(&status).unwrap() else {
        panic!()
    };
    assert_eq!(
        (unknown.status().as_u16(), unknown.code().to_string()),
        (400, "quota_exceeded".into())
    );
    assert_eq!(unknown.message(), "quota");
    // No details: by the code, as an HTTP response without a body by its status.
    let status = tonic::Status::not_found("gone");
    let ShopError::Other(unknown) = error_contract::tonic::decode(&status).unwrap() else {
        panic!()
    };
    assert_eq!(unknown.status().as_u16(), 404);
    // Another domain's reason is not ours.
    let status = by_hand(
        Code::NotFound,
        "x",
        vec![ErrorInfo::new("product_not_found", "other.example.com", HashMap::new()).into()],
    );
    assert!(matches!(
        error_contract::tonic::decode::<ShopError>(&status),
        Ok(ShopError::Other(_))
    ));
    // OK is not an error.
    assert_eq!(
        error_contract::tonic::decode::<ShopError>(&tonic::Status::ok("")),
        Err(error_contract::DecodeError::NotAnError(200))
    );
    // Bytes that are not a status: by the code.
    let status = tonic::Status::with_details(Code::NotFound, "x", vec![0xff, 0x01, 0x0a].into());
    assert!(matches!(
        error_contract::tonic::decode::<ShopError>(&status),
        Ok(ShopError::Other(_))
    ));
}

mod loopback {
    //! The example server (`runtime/examples/grpc_server.rs`) over a real loopback connection,
    //! called by the example client (`grpc_client.rs`): each status as it arrives, and decoded.

    use crate::grpc_client::grpc_server::{
        self, CheckoutRequest, CheckoutResponse, GetProductRequest, PlaceOrderRequest, Product,
        ShopError,
    };
    use crate::grpc_client::{self, NotAGetProductRequest};
    use crate::support::Loopback;
    use error_contract::Errors;
    use std::time::Duration;
    use tonic::Code;
    use tonic::transport::Channel;
    use tonic_types::StatusExt;

    fn server() -> Loopback {
        Loopback::start(|listener, stopped| async move {
            grpc_server::serve(listener, async {
                let _ = stopped.await;
            })
            .await
            .map_err(std::io::Error::other)
        })
    }

    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(future)
    }

    async fn channel(server: &Loopback) -> Channel {
        Channel::from_shared(server.url(""))
            .unwrap()
            .connect()
            .await
            .unwrap()
    }

    /// The status of a call that fails, with its `ErrorInfo` as (reason, domain, metadata).
    fn info(status: &tonic::Status) -> (String, String, Vec<(String, String)>) {
        let info = status.get_details_error_info().expect("an ErrorInfo");
        let mut metadata: Vec<(String, String)> = info.metadata.into_iter().collect();
        metadata.sort_unstable();
        (info.reason, info.domain, metadata)
    }

    fn strings(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    #[allow(
        clippy::too_many_lines,
        reason = "every case of the example, in the order its page lists them"
    )]
    fn every_status_as_it_arrives() {
        let server = server();
        block_on(async {
            let channel = channel(&server).await;
            let call =
                |path, request| grpc_client::call::<_, Product>(channel.clone(), path, request);

            let product = call("/shop.v1.Shop/GetProduct", GetProductRequest { id: 1 }).await;
            assert_eq!(
                product.unwrap(),
                Product {
                    id: 1,
                    name: "teapot".into()
                }
            );

            let status = call("/shop.v1.Shop/GetProduct", GetProductRequest { id: 7 })
                .await
                .unwrap_err();
            assert_eq!(
                (status.code(), status.message()),
                (Code::NotFound, "product not found")
            );
            assert_eq!(
                info(&status),
                ("product_not_found".into(), "shop.example".into(), vec![])
            );
            let help = status.get_details_help().unwrap();
            assert_eq!(
                help.links[0].url,
                "https://shop.example/errors/product_not_found"
            );

            let order = PlaceOrderRequest {
                product: 0,
                quantity: 100,
            };
            let status = grpc_client::call::<_, grpc_server::Order>(
                channel.clone(),
                "/shop.v1.Shop/PlaceOrder",
                order,
            )
            .await
            .unwrap_err();
            assert_eq!(
                (status.code(), status.message()),
                (Code::InvalidArgument, "Unprocessable Content")
            );
            assert_eq!(
                info(&status),
                (
                    "422".into(),
                    "shop.example".into(),
                    strings(&[
                        ("max[1]", "99"),
                        ("pointer[0]", "/product"),
                        ("pointer[1]", "/quantity"),
                        ("quantity[1]", "100"),
                    ])
                )
            );
            let violations: Vec<(String, String, String)> = status
                .get_details_bad_request()
                .unwrap()
                .field_violations
                .into_iter()
                .map(|v| (v.field, v.description, v.reason))
                .collect();
            assert_eq!(
                violations,
                [
                    (
                        "product".into(),
                        "invalid product".into(),
                        "invalid_product".into()
                    ),
                    (
                        "quantity".into(),
                        "invalid quantity".into(),
                        "invalid_quantity".into()
                    ),
                ]
            );

            let status = grpc_client::call::<_, CheckoutResponse>(
                channel.clone(),
                "/shop.v1.Shop/Checkout",
                CheckoutRequest {},
            )
            .await
            .unwrap_err();
            assert_eq!(
                (status.code(), status.message()),
                (Code::ResourceExhausted, "too many checkouts")
            );
            assert_eq!(info(&status).0, "rate_limited");
            let retry = status.get_details_retry_info().unwrap();
            assert_eq!(retry.retry_delay, Some(Duration::from_secs(30)));

            let status = call("/shop.v1.Shop/Refund", GetProductRequest { id: 1 })
                .await
                .unwrap_err();
            assert_eq!(
                (status.code(), status.message()),
                (Code::Unimplemented, "no such route")
            );
            assert_eq!(
                info(&status),
                (
                    "no_such_route".into(),
                    "shop.example".into(),
                    strings(&[("instance", "/shop.v1.Shop/Refund")])
                )
            );
            // An unknown service: tonic's own answer, through the layer too.
            let status = call("/shop.v2.Shop/GetProduct", GetProductRequest { id: 1 })
                .await
                .unwrap_err();
            assert_eq!(status.code(), Code::Unimplemented);
            assert_eq!(info(&status).0, "no_such_route");

            let request = NotAGetProductRequest { id: "one".into() };
            let status = grpc_client::call::<_, Product>(
                channel.clone(),
                "/shop.v1.Shop/GetProduct",
                request,
            )
            .await
            .unwrap_err();
            // prost's text stays in the log.
            assert_eq!(
                (status.code(), status.message()),
                (Code::InvalidArgument, "invalid request message")
            );
            assert_eq!(
                info(&status),
                ("invalid_message".into(), "shop.example".into(), vec![])
            );
        });
    }

    #[test]
    fn every_status_decoded_by_the_client() {
        let server = server();
        let answers = block_on(async { grpc_client::ask(&channel(&server).await).await });
        assert_eq!(
            answers.product.unwrap(),
            Product {
                id: 1,
                name: "teapot".into()
            }
        );
        assert!(matches!(
            answers.missing,
            Err(Ok(ShopError::ProductNotFound))
        ));
        let Err(Ok(errors)) = answers.order else {
            panic!("{:?}", answers.order)
        };
        let errors: Vec<ShopError> = Errors::into_vec(errors);
        assert!(
            matches!(
                errors.as_slice(),
                [
                    ShopError::InvalidProduct { pointer },
                    ShopError::InvalidQuantity { quantity: 100, max: 99, pointer: Some(quantity) },
                ] if pointer == "/product" && quantity == "/quantity"
            ),
            "{errors:?}"
        );
        assert!(matches!(
            answers.checkout,
            Err(Ok(ShopError::RateLimited { retry_after: 30 }))
        ));
        assert!(
            matches!(&answers.unknown_method, Err(Ok(ShopError::NoSuchRoute { path })) if path == "/shop.v1.Shop/Refund"),
            "{:?}",
            answers.unknown_method
        );
        assert!(matches!(
            answers.undecodable,
            Err(Ok(ShopError::InvalidMessage))
        ));
    }
}

mod any_status {
    //! Any bytes in a status's details decode to a value or an error, never a panic: random
    //! bytes, and well-formed statuses whose details are our types with random contents.

    use super::ShopError;
    use error_contract::Errors;
    use proptest::prelude::*;
    use prost::Message as _;
    use tonic_types::pb;

    fn decode_both(status: &tonic::Status) {
        let _ = error_contract::tonic::decode::<ShopError>(status);
        let _ = error_contract::tonic::decode::<Errors<ShopError>>(status);
    }

    const URLS: [&str; 5] = [
        "type.googleapis.com/google.rpc.ErrorInfo",
        "type.googleapis.com/google.rpc.RetryInfo",
        "type.googleapis.com/google.rpc.BadRequest",
        "type.googleapis.com/google.rpc.Help",
        "type.googleapis.com/google.rpc.Other",
    ];

    fn reason() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("invalid_quantity".to_owned()),
            Just("rate_limited".to_owned()),
            Just("order_not_found".to_owned()),
            Just("422".to_owned()),
            ".{0,12}",
        ]
    }

    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("quantity".to_owned()),
            Just("max".to_owned()),
            Just("pointer".to_owned()),
            Just("id".to_owned()),
            Just("instance".to_owned()),
            Just("quantity[1]".to_owned()),
            Just("pointer[0]".to_owned()),
            ".{0,8}",
        ]
    }

    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("1".to_owned()),
            Just("-1".to_owned()),
            Just("[1,{}]".to_owned()),
            ".{0,10}"
        ]
    }

    fn info() -> impl Strategy<Value = pb::ErrorInfo> {
        (
            reason(),
            prop_oneof![
                Just("error-contract-tests".to_owned()),
                Just("shop.example.com".to_owned()),
                ".{0,6}"
            ],
            proptest::collection::hash_map(key(), value(), 0..6),
        )
            .prop_map(|(reason, domain, metadata)| pb::ErrorInfo {
                reason,
                domain,
                metadata,
            })
    }

    fn details() -> impl Strategy<Value = Vec<prost_types::Any>> {
        let random = (0..URLS.len(), proptest::collection::vec(any::<u8>(), 0..64)).prop_map(
            |(url, value)| prost_types::Any {
                type_url: URLS[url].to_owned(),
                value,
            },
        );
        let info = info().prop_map(|info| prost_types::Any {
            type_url: URLS[0].to_owned(),
            value: info.encode_to_vec(),
        });
        let violations = proptest::collection::vec((".{0,8}", ".{0,8}", reason()), 0..4).prop_map(
            |violations| prost_types::Any {
                type_url: URLS[2].to_owned(),
                value: pb::BadRequest {
                    field_violations: violations
                        .into_iter()
                        .map(
                            |(field, description, reason)| pb::bad_request::FieldViolation {
                                field,
                                description,
                                reason,
                                localized_message: None,
                            },
                        )
                        .collect(),
                }
                .encode_to_vec(),
            },
        );
        let retry = (any::<i64>(), any::<i32>()).prop_map(|(seconds, nanos)| prost_types::Any {
            type_url: URLS[1].to_owned(),
            value: pb::RetryInfo {
                retry_delay: Some(prost_types::Duration { seconds, nanos }),
            }
            .encode_to_vec(),
        });
        proptest::collection::vec(prop_oneof![random, info, violations, retry], 0..4)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

        #[test]
        fn random_bytes(code in 0i32..20, bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            decode_both(&tonic::Status::with_details(tonic::Code::from_i32(code), "m", bytes.into()));
        }

        #[test]
        fn our_details_with_any_contents(code in 0i32..20, details in details()) {
            let status = pb::Status { code, message: "m".to_owned(), details };
            let status = tonic::Status::with_details(
                tonic::Code::from_i32(code),
                "m",
                status.encode_to_vec().into(),
            );
            decode_both(&status);
        }
    }
}
