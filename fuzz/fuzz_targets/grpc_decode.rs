//! Any gRPC code and any bytes as a status's details (`grpc-status-details-bin`, a
//! `google.rpc.Status`): `error_contract::tonic::decode` returns a value or an error, never
//! panics, for an enum with an `other` variant, one without, and an `Errors` of each; `OK` is
//! `NotAnError`; and a decoded variant is a status that decodes back to itself.

#![no_main]

use error_contract::{ApiError, DecodeError, Errors, RetryAfter, Unknown};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    style = "flat",
    rename_all = "snake_case",
    grpc_domain = "shop.example.com",
    constants(doc_url = "https://shop.example.com/errors/{code}"),
    decode
)]
enum Shop {
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
        pointer: Option<String>,
    },
    #[api_error(status = 422, message = "invalid name")]
    InvalidName {
        #[api_error(expose)]
        name: String,
    },
    #[api_error(status = 429, message = "slow down")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: Option<RetryAfter>,
    },
    #[api_error(other)]
    Other(Unknown),
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "dto", grpc_domain = "numeric.example.com", decode)]
enum Numeric {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(status = 400, code = 200601, parent = 2006, message = "not unique")]
    NotUnique,
    #[api_error(status = 500, code = 2006, message = "entity saving error")]
    Saving,
}

fuzz_target!(|input: &[u8]| {
    // One byte of code (0 to 255: the 17 codes and numbers no code has), then the details.
    let Some((&code, details)) = input.split_first() else {
        return;
    };
    let code = tonic::Code::from_i32(i32::from(code));
    let status = tonic::Status::with_details(code, "message", details.to_vec().into());

    match error_contract::tonic::decode::<Shop>(&status) {
        Err(DecodeError::NotAnError(s)) => assert_eq!((code, s), (tonic::Code::Ok, 200)),
        Err(DecodeError::Unrecognized(_)) => unreachable!("Shop has an `other` variant"),
        Ok(Shop::Other(unknown)) => {
            assert_ne!(code, tonic::Code::Ok);
            let _ = unknown.fields();
            let _ = unknown.retry_after();
        }
        Ok(known) => {
            // A decoded variant is a status that decodes back to itself.
            let message = known.message().into_owned();
            let again = tonic::Status::from(known);
            assert_eq!(again.message(), message);
            let decoded = error_contract::tonic::decode::<Shop>(&again);
            assert!(
                !matches!(decoded, Ok(Shop::Other(_)) | Err(_)),
                "{again:?} decoded as {decoded:?}"
            );
            let decoded = decoded.unwrap();
            assert_eq!(tonic::Status::from(decoded).details(), again.details());
        }
    }
    if let Err(DecodeError::NotAnError(_)) = error_contract::tonic::decode::<Numeric>(&status) {
        assert_eq!(code, tonic::Code::Ok);
    }
    let _ = error_contract::tonic::decode::<Errors<Shop>>(&status);
    let _ = error_contract::tonic::decode::<Errors<Numeric>>(&status);
});
