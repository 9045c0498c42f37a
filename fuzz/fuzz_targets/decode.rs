//! Any status and any bytes: `decode` returns a value or an error, never panics, and what it
//! returns keeps the contract (statuses below 400 are `NotAnError`; an `Unknown`'s body is JSON).

#![no_main]

use error_contract::{ApiError, Decode, DecodeError, Unknown};
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
    },
}

fuzz_target!(|input: &[u8]| {
    let Some((status, body)) = input.split_first_chunk::<2>() else {
        return;
    };
    let status = u16::from_le_bytes(*status);
    match Dto::decode(status, body) {
        Err(DecodeError::NotAnError(s)) => assert!(s < 400),
        Err(DecodeError::Unrecognized(_)) => unreachable!("Dto has an `other` variant"),
        Ok(Dto::Other(unknown)) => {
            assert!(status >= 400);
            let body = unknown.body();
            assert!(serde_json::from_str::<serde_json::Value>(&body).is_ok());
        }
        Ok(other) => {
            // A decoded variant writes a body that decodes back to itself.
            let again = Dto::decode(other.status().as_u16(), other.body().as_bytes());
            assert_eq!(again.as_ref(), Ok(&other));
        }
    }
    let _ = Problem::decode(status, body);
});
