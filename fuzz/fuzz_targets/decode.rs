//! Any status, any headers and any bytes: `decode` and `decode_with_headers` return a value or an
//! error, never panic, and what they return keeps the contract (statuses below 400 are
//! `NotAnError`; an `Unknown`'s body is JSON), bodies of several errors included, and
//! `Retry-After` parses or not without a panic.

#![no_main]

use error_contract::{ApiError, Decode, DecodeError, Errors, RetryAfter, Unknown};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "dto", decode)]
enum Dto {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(status = 400, code = 5000, message = "validation error")]
    Validation {
        #[api_error(expose)]
        subject: String,
        #[api_error(expose, rename = "subjectType")]
        subject_type: Option<String>,
    },
    #[api_error(status = 500, code = 2006, message = "entity saving error")]
    Saving,
    #[api_error(status = 400, code = 200601, parent = 2006, message = "not unique")]
    NotUnique,
    #[api_error(status = 429, code = 4029, message = "slow down")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: Option<RetryAfter>,
    },
    #[api_error(other)]
    Other(Unknown),
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "problem", rename_all = "snake_case", decode)]
enum Problem {
    #[api_error(status = 404)]
    NotFound,
    #[api_error(status = 503, message = "retry later")]
    Unavailable {
        #[api_error(status)]
        status: u16,
        #[api_error(header = "Retry-After")]
        retry_after: RetryAfter,
    },
}

fuzz_target!(|input: &[u8]| {
    // Two bytes of status, one of header length, the header, then the body.
    let Some((status, rest)) = input.split_first_chunk::<2>() else {
        return;
    };
    let status = u16::from_le_bytes(*status);
    let Some((&length, rest)) = rest.split_first() else {
        return;
    };
    let (header, body) = rest.split_at(usize::from(length).min(rest.len()));
    let header = String::from_utf8_lossy(header);

    // `Retry-After` parses or not; what parses is written back as a value that parses the same.
    if let Ok(parsed) = header.parse::<RetryAfter>() {
        assert_eq!(parsed.to_string().parse::<RetryAfter>(), Ok(parsed));
    }

    let headers = [("Retry-After", &*header)];
    for result in [Dto::decode(status, body), Dto::decode_with_headers(status, &headers, body)] {
        match result {
            Err(DecodeError::NotAnError(s)) => assert!(s < 400),
            Err(DecodeError::Unrecognized(_)) => unreachable!("Dto has an `other` variant"),
            Ok(Dto::Other(unknown)) => {
                assert!(status >= 400);
                // JSON by RFC 8259's grammar (numbers of any size pass through as they came).
                let body = unknown.body();
                assert!(serde_json::from_str::<serde::de::IgnoredAny>(&body).is_ok());
                let _ = unknown.fields();
                let _ = unknown.retry_after();
            }
            Ok(other) => {
                // A decoded variant writes a body (and headers) that decode back to itself.
                let again = Dto::decode_with_headers(
                    other.status().as_u16(),
                    &other.headers(),
                    other.body().as_bytes(),
                );
                assert_eq!(again.as_ref(), Ok(&other));
            }
        }
    }
    let _ = Problem::decode(status, body);
    let _ = Problem::decode_with_headers(status, &headers, body);
    // A body of several errors: each item, or the whole as one error.
    let _ = Errors::<Dto>::decode_with_headers(status, &headers, body);
    let _ = Errors::<Problem>::decode(status, body);
});
