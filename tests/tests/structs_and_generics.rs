//! The derive on structs, and on generic types (bounds only where a field uses a parameter).

use error_contract::{ApiError, Code};
use std::fmt;
use std::marker::PhantomData;

/// A unit struct.
#[derive(Debug, ApiError)]
#[api_error(
    style = "flat",
    status = 404,
    code = 3001,
    message = "entity not found"
)]
struct NotFound;

/// A struct with fields.
#[derive(Debug, ApiError)]
#[api_error(
    style = "nested",
    status = 400,
    code = "invalid",
    message = "invalid {field}: {reason}"
)]
struct Invalid {
    #[api_error(expose)]
    field: String,
    reason: String,
}

/// A tuple struct.
#[derive(Debug, ApiError)]
#[api_error(style = "message", status = 429, message = "retry after {0}s")]
struct Throttled(#[api_error(header = "Retry-After")] u64);

/// A transparent struct.
#[derive(Debug, ApiError)]
#[api_error(transparent)]
struct Wrapper(Invalid);

#[test]
fn unit_struct() {
    let err = NotFound;
    assert_eq!(err.status().as_u16(), 404);
    assert_eq!(err.code(), 3001);
    assert_eq!(err.to_string(), "entity not found");
    assert_eq!(
        &*err.body(),
        r#"{"code":3001,"message":"entity not found"}"#
    );
    assert_eq!(NotFound::catalog().entries()[0].name(), "NotFound");
    assert_eq!(
        NotFound::catalog().entries()[0].description(),
        "A unit struct."
    );
}

#[test]
fn struct_with_fields() {
    let err = Invalid {
        field: "email".into(),
        reason: "no @".into(),
    };
    assert_eq!(err.to_string(), "invalid email: no @");
    assert_eq!(
        &*err.body(),
        r#"{"error":{"code":"invalid","message":"invalid email: no @","field":"email"}}"#
    );
}

#[test]
fn tuple_struct() {
    let err = Throttled(12);
    assert_eq!(err.message(), "retry after 12s");
    assert_eq!(&*err.body(), r#"{"errorMessage":"retry after 12s"}"#);
    assert_eq!(err.headers().get("retry-after"), Some("12"));
    assert_eq!(err.code(), Code::Str("Throttled"));
}

#[test]
fn transparent_struct() {
    let err = Wrapper(Invalid {
        field: "sku".into(),
        reason: "empty".into(),
    });
    assert_eq!(err.status().as_u16(), 400);
    assert_eq!(err.to_string(), "invalid sku: empty");
    assert_eq!(Wrapper::catalog().entries()[0].name(), "Invalid");
}

/// A type that implements nothing but `Debug`: a parameter used only in unexposed,
/// uninterpolated fields must not be required to implement anything.
#[derive(Debug)]
struct Opaque;

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum Generic<T, U, S> {
    #[api_error(status = 400, code = 1, message = "bad value {value}")]
    Bad {
        #[api_error(expose)]
        value: T,
        // Only ever read through `Debug`, like a real context field.
        #[allow(dead_code)]
        context: U,
    },
    #[api_error(status = 500, code = 2, message = "storage failed")]
    Storage(#[source] S),
    #[api_error(status = 404, code = 3, message = "missing")]
    Missing(PhantomData<U>),
}

#[derive(Debug)]
struct DiskFull;

impl fmt::Display for DiskFull {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("disk full")
    }
}

impl std::error::Error for DiskFull {}

#[test]
fn generics_bound_only_where_used() {
    // U = Opaque implements neither Display nor Serialize nor Error.
    let err: Generic<u32, Opaque, DiskFull> = Generic::Bad {
        value: 7,
        context: Opaque,
    };
    assert_eq!(err.to_string(), "bad value 7");
    assert_eq!(
        &*err.body(),
        r#"{"code":1,"message":"bad value 7","value":7}"#
    );

    let err: Generic<u32, Opaque, DiskFull> = Generic::Storage(DiskFull);
    assert_eq!(
        std::error::Error::source(&err).unwrap().to_string(),
        "disk full"
    );
    assert_eq!(&*err.body(), r#"{"code":2,"message":"storage failed"}"#);

    let err: Generic<u32, Opaque, DiskFull> = Generic::Missing(PhantomData);
    assert_eq!(err.status().as_u16(), 404);
    assert_eq!(Generic::<u32, Opaque, DiskFull>::catalog().len(), 3);
}

/// Lifetimes and where clauses are carried over.
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum Borrowed<'a, T>
where
    T: fmt::Display + serde::Serialize,
{
    #[api_error(status = 400, code = 1, message = "bad {name}")]
    Bad {
        #[api_error(expose)]
        name: &'a str,
        #[api_error(expose)]
        value: T,
    },
}

#[test]
fn lifetimes_and_where_clauses() {
    let name = String::from("qty");
    let err = Borrowed::Bad {
        name: &name,
        value: 2.5,
    };
    assert_eq!(
        &*err.body(),
        r#"{"code":1,"message":"bad qty","name":"qty","value":2.5}"#
    );
}

/// The derive works in generic code that only knows `E: ApiError`.
fn describe<E: ApiError>(err: &E) -> String {
    format!("{} {} {}", err.status().as_u16(), err.code(), err.message())
}

#[test]
fn used_through_the_trait() {
    assert_eq!(describe(&NotFound), "404 3001 entity not found");
    let boxed: Box<dyn ApiError> = Box::new(Throttled(1));
    assert_eq!(boxed.status().as_u16(), 429);
    assert_eq!(describe(&boxed), "429 Throttled retry after 1s");
}
