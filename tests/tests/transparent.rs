//! `transparent` variants delegate everything to the error they wrap: status, code, message,
//! Display, body, headers, source and catalog.

use error_contract::{ApiError, Code};
use std::error::Error as _;

#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
enum AuthError {
    /// The token has expired.
    #[api_error(status = 401, message = "token expired")]
    TokenExpired,
    /// Too many attempts.
    #[api_error(status = 429, message = "retry in {retry_after}s")]
    Throttled {
        #[api_error(header = "Retry-After")]
        retry_after: u32,
        #[source]
        cause: std::io::Error,
    },
}

#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
enum ShopError {
    /// No such order.
    #[api_error(status = 404, message = "order not found")]
    OrderNotFound,
    #[api_error(transparent)]
    Auth(#[from] AuthError),
    /// Out of stock.
    #[api_error(status = 409, message = "out of stock")]
    OutOfStock,
}

#[test]
fn unit_inner_delegates_everything() {
    let err = ShopError::from(AuthError::TokenExpired);
    assert_eq!(err.status().as_u16(), 401);
    assert_eq!(err.code(), Code::Str("token_expired"));
    assert_eq!(err.message(), "token expired");
    assert_eq!(err.to_string(), "token expired");
    let body = err.body();
    assert_eq!(
        &*body,
        r#"{"error":{"code":"token_expired","message":"token expired"}}"#
    );
    assert!(body.is_static());
    assert!(err.headers().is_empty());
    assert!(err.source().is_none());
    assert_eq!(
        serde_json::to_string(&err).unwrap(),
        r#"{"error":{"code":"token_expired","message":"token expired"}}"#
    );
}

#[test]
fn inner_with_fields_headers_and_source() {
    let err = ShopError::Auth(AuthError::Throttled {
        retry_after: 30,
        cause: std::io::Error::other("redis: too many connections"),
    });
    assert_eq!(err.status().as_u16(), 429);
    assert_eq!(err.code(), "throttled");
    assert_eq!(err.message(), "retry in 30s");
    assert_eq!(
        &*err.body(),
        r#"{"error":{"code":"throttled","message":"retry in 30s"}}"#
    );
    let headers: Vec<(&str, String)> = err.headers().into_iter().collect();
    assert_eq!(headers, [("Retry-After", "30".to_owned())]);
    // Transparent: the source is the inner error's source, not the inner error itself.
    assert_eq!(
        err.source().unwrap().to_string(),
        "redis: too many connections"
    );
}

#[test]
fn own_variants_still_work() {
    assert_eq!(ShopError::OutOfStock.status().as_u16(), 409);
    assert_eq!(
        &*ShopError::OrderNotFound.body(),
        r#"{"error":{"code":"order_not_found","message":"order not found"}}"#
    );
}

#[test]
fn catalog_flattens_nested_in_declaration_order() {
    let catalog = ShopError::catalog();
    let rows: Vec<(&str, u16, String, &str)> = catalog
        .iter()
        .map(|e| {
            (
                e.name(),
                e.status().as_u16(),
                e.code().to_string(),
                e.description(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "OrderNotFound",
                404,
                "order_not_found".to_owned(),
                "No such order."
            ),
            (
                "TokenExpired",
                401,
                "token_expired".to_owned(),
                "The token has expired."
            ),
            (
                "Throttled",
                429,
                "throttled".to_owned(),
                "Too many attempts."
            ),
            (
                "OutOfStock",
                409,
                "out_of_stock".to_owned(),
                "Out of stock."
            ),
        ]
    );
    assert_eq!(catalog.entries()[2].message(), "retry in {retry_after}s");
    assert!(catalog.entries()[2].is_interpolated());
}

/// Two levels deep.
#[derive(Debug, ApiError)]
#[api_error(style = "nested")]
enum Gateway {
    #[api_error(transparent)]
    Shop(ShopError),
    #[api_error(status = 502, code = "upstream")]
    Upstream,
}

#[test]
fn two_levels() {
    let err = Gateway::Shop(ShopError::Auth(AuthError::TokenExpired));
    assert_eq!(err.status().as_u16(), 401);
    assert_eq!(err.code(), "token_expired");
    assert_eq!(Gateway::catalog().len(), 5);
    assert_eq!(
        &*Gateway::Upstream.body(),
        r#"{"error":{"code":"upstream","message":"Bad Gateway"}}"#
    );
}

/// A boxed inner error works too (`Box<E>` is an `ApiError` when `E` is).
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum Boxed {
    #[api_error(transparent)]
    Auth(Box<AuthError>),
}

#[test]
fn boxed_inner() {
    let err = Boxed::Auth(Box::new(AuthError::TokenExpired));
    assert_eq!(err.status().as_u16(), 401);
    assert_eq!(
        &*err.body(),
        r#"{"error":{"code":"token_expired","message":"token expired"}}"#
    );
}
