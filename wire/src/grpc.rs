//! The gRPC status codes (`google/rpc/code.proto`), and how an HTTP status maps to one and back.
//!
//! The one table of the codes: the derive checks a variant's `grpc = "..."` against it, the
//! runtime's `GrpcCode` is generated from it.
//!
//! ```
//! use error_contract_wire::grpc;
//!
//! assert_eq!(grpc::from_http(404), 5);
//! assert_eq!(grpc::name(5), Some("NOT_FOUND"));
//! assert_eq!(grpc::from_key("already_exists"), Some(6));
//! assert_eq!(grpc::to_http(8), 429);
//! ```

/// Calls `$callback! { 1 Cancelled CANCELLED cancelled 499; ... }` with every gRPC error code
/// (every code of `google/rpc/code.proto` but `OK`): the number, a Rust variant name, the name
/// in `code.proto`, the key `grpc = "..."` takes, and the HTTP status `code.proto` maps it to.
///
/// ```
/// macro_rules! count {
///     ($($n:literal $variant:ident $name:ident $key:ident $http:literal;)*) => { [$($n),*].len() };
/// }
/// assert_eq!(error_contract_wire::grpc_codes!(count), 16);
/// ```
#[macro_export]
macro_rules! grpc_codes {
    ($callback:ident) => {
        $callback! {
            1 Cancelled CANCELLED cancelled 499;
            2 Unknown UNKNOWN unknown 500;
            3 InvalidArgument INVALID_ARGUMENT invalid_argument 400;
            4 DeadlineExceeded DEADLINE_EXCEEDED deadline_exceeded 504;
            5 NotFound NOT_FOUND not_found 404;
            6 AlreadyExists ALREADY_EXISTS already_exists 409;
            7 PermissionDenied PERMISSION_DENIED permission_denied 403;
            8 ResourceExhausted RESOURCE_EXHAUSTED resource_exhausted 429;
            9 FailedPrecondition FAILED_PRECONDITION failed_precondition 400;
            10 Aborted ABORTED aborted 409;
            11 OutOfRange OUT_OF_RANGE out_of_range 400;
            12 Unimplemented UNIMPLEMENTED unimplemented 501;
            13 Internal INTERNAL internal 500;
            14 Unavailable UNAVAILABLE unavailable 503;
            15 DataLoss DATA_LOSS data_loss 500;
            16 Unauthenticated UNAUTHENTICATED unauthenticated 401;
        }
    };
}

macro_rules! tables {
    ($($n:literal $variant:ident $name:ident $key:ident $http:literal;)*) => {
        /// Each error code's number, its name in `code.proto` and the key `grpc = "..."` takes.
        pub const CODES: &[(u8, &str, &str)] = &[$(($n, stringify!($name), stringify!($key))),*];

        /// The HTTP status `code.proto` gives `code` (200 for `OK`, 500 for a number it does not
        /// define).
        #[must_use]
        pub const fn to_http(code: u8) -> u16 {
            match code {
                0 => 200,
                $($n => $http,)*
                _ => 500,
            }
        }
    };
}

grpc_codes!(tables);

/// The gRPC code of an error of HTTP status `status`: `code.proto`'s mapping read backwards,
/// one code per status, and a code for every other status of its class.
///
/// | HTTP | gRPC |
/// | --- | --- |
/// | 400, 422 | `INVALID_ARGUMENT` |
/// | 401 | `UNAUTHENTICATED` |
/// | 403 | `PERMISSION_DENIED` |
/// | 404, 410 | `NOT_FOUND` |
/// | 405, 501 | `UNIMPLEMENTED` |
/// | 408, 504 | `DEADLINE_EXCEEDED` |
/// | 409 | `ABORTED` |
/// | 412, 428 | `FAILED_PRECONDITION` |
/// | 413, 429 | `RESOURCE_EXHAUSTED` |
/// | 416 | `OUT_OF_RANGE` |
/// | 499 | `CANCELLED` |
/// | 500 | `INTERNAL` |
/// | 502, 503 | `UNAVAILABLE` |
/// | any other 4xx | `FAILED_PRECONDITION` |
/// | any other 5xx | `INTERNAL` |
/// | below 400 | `UNKNOWN` (not an error status) |
#[must_use]
pub const fn from_http(status: u16) -> u8 {
    match status {
        400 | 422 => 3,
        401 => 16,
        403 => 7,
        404 | 410 => 5,
        405 | 501 => 12,
        408 | 504 => 4,
        409 => 10,
        413 | 429 => 8,
        416 => 11,
        499 => 1,
        502 | 503 => 14,
        // 412, 428, and every other client error: the request cannot be served as things are.
        _ if status >= 400 && status < 500 => 9,
        _ if status >= 500 && status < 600 => 13,
        _ => 2,
    }
}

/// The name of `code` in `code.proto` (`NOT_FOUND`), `None` for `OK` and unknown numbers.
#[must_use]
pub fn name(code: u8) -> Option<&'static str> {
    CODES
        .iter()
        .find(|(n, _, _)| *n == code)
        .map(|(_, name, _)| *name)
}

/// The code of a key of `grpc = "..."` (`not_found`); `None` for `ok` and unknown keys.
#[must_use]
pub fn from_key(key: &str) -> Option<u8> {
    CODES.iter().find(|(_, _, k)| *k == key).map(|(n, _, _)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_maps_back_to_its_status_class() {
        for (code, _, _) in CODES {
            let http = to_http(*code);
            assert!((400..=599).contains(&http), "{code}");
        }
        // The one-to-one part of `code.proto`'s table is kept both ways.
        for code in [3, 4, 5, 7, 8, 12, 13, 14, 16, 1] {
            assert_eq!(from_http(to_http(code)), code, "{code}");
        }
        assert_eq!(from_http(422), 3);
        assert_eq!(from_http(418), 9);
        assert_eq!(from_http(599), 13);
        assert_eq!(from_http(200), 2);
    }
}
