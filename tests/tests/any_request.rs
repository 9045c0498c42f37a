//! Any request gets a contract response or a success: arbitrary methods, paths, content types
//! and body bytes sent through the axum example's router (in process, with `CatchLayer` on), and
//! through the actix-web example's app. Every error response must be a body of the example's
//! style, with a code of its enum, and nothing the framework wrote.

use crate::actix_server;
use crate::axum_server;

use error_contract::ApiError;
use proptest::prelude::*;
use serde_json::Value;

/// Methods: the routes' own, others, and an extension method.
fn method() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "PURGE",
    ])
}

/// Paths: the routes, with good and bad parameters and queries, and unknown ones.
fn path() -> impl Strategy<Value = String> {
    let known = prop::sample::select(vec![
        "/products/1",
        "/products/7",
        "/products/abc",
        "/products/18446744073709551616",
        "/products?limit=2",
        "/products?limit=ten",
        "/products?limit=-1",
        "/products",
        "/orders",
        "/orders/42",
        "/orders/x",
        "/checkout",
        "/inventory",
        "/",
        "/no/such/route",
        "/products/%FF",
    ])
    .prop_map(str::to_owned);
    let random = "/[a-z0-9%/?=&]{0,24}".prop_map(|p| p);
    prop_oneof![3 => known, 1 => random]
}

/// Content types: JSON in its forms, others, none, and bytes that are not a header value.
fn content_type() -> impl Strategy<Value = Option<&'static str>> {
    prop::sample::select(vec![
        None,
        Some("application/json"),
        Some("application/json; charset=utf-8"),
        Some("application/merge-patch+json"),
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some(""),
    ])
}

/// Bodies: valid orders, near misses, and arbitrary bytes.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let orders = prop::sample::select(vec![
        r#"{"product":1,"quantity":2}"#,
        r#"{"product":1,"quantity":"two"}"#,
        r#"{"product":1}"#,
        r#"{"product":1,"#,
        "[]",
        "",
    ])
    .prop_map(|b| b.as_bytes().to_vec());
    prop_oneof![2 => orders, 1 => prop::collection::vec(any::<u8>(), 0..64)]
}

/// What every error response must be: a JSON body of the enum's style whose code is one of the
/// enum's, with the style's content type (a response to HEAD may have no body).
fn assert_contract(
    method: &str,
    status: u16,
    content_type: Option<&str>,
    body: &[u8],
    style_type: &str,
    codes: &[String],
    code_of: impl Fn(&Value) -> Option<String>,
) {
    assert_eq!(content_type, Some(style_type), "status {status}");
    if method == "HEAD" && body.is_empty() {
        // A response to HEAD has the GET's headers and no body (RFC 9110 9.3.2): axum's method
        // router drops it for a route's GET handler. Another response to HEAD may still carry
        // one in process (the fallback's); the servers (hyper, actix-http) never send it.
        return;
    }
    let value: Value = serde_json::from_slice(body).expect("an error body is JSON");
    let code = code_of(&value).expect("an error body has a code");
    assert!(codes.contains(&code), "code {code} is not in the enum");
}

fn codes<E: ApiError>() -> Vec<String> {
    E::catalog().iter().map(|e| e.code().to_string()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn axum_answers_every_request_in_the_contract(
        method in method(),
        path in path(),
        content_type in content_type(),
        body in body(),
    ) {
        use tower_service::Service as _;
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let mut request = axum::http::Request::builder().method(method).uri(&path);
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let Ok(request) = request.body(axum::body::Body::from(body)) else {
            // A path that is not a URI never reaches a server.
            return Ok(());
        };
        let (status, content_type, body) = runtime.block_on(async {
            let response = axum_server::app().call(request).await.unwrap();
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned());
            let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
            (status, content_type, body)
        });
        if status >= 400 {
            assert_contract(
                method,
                status,
                content_type.as_deref(),
                &body,
                "application/problem+json",
                &codes::<axum_server::ShopError>(),
                |v| v["code"].as_str().map(str::to_owned),
            );
        }
    }

    #[test]
    fn actix_answers_every_request_in_the_contract(
        method in method(),
        path in path(),
        content_type in content_type(),
        body in body(),
    ) {
        use actix_web::test;
        let Ok(uri) = path.parse::<actix_web::http::Uri>() else {
            return Ok(());
        };
        let (status, content_type, body) = actix_web::rt::System::new().block_on(async {
            let app = test::init_service(actix_server::app()).await;
            let mut request = test::TestRequest::default()
                .method(actix_web::http::Method::from_bytes(method.as_bytes()).unwrap())
                .uri(&uri.to_string())
                .set_payload(body);
            if let Some(content_type) = content_type {
                request = request.insert_header(("content-type", content_type));
            }
            let response = test::call_service(&app, request.to_request()).await;
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned());
            let body = test::read_body(response).await;
            (status, content_type, body)
        });
        if status >= 400 {
            assert_contract(
                method,
                status,
                content_type.as_deref(),
                &body,
                "application/json",
                &codes::<actix_server::ShopError>(),
                |v| v["errors"][0]["errorCode"].as_u64().map(|c| c.to_string()),
            );
        }
    }
}
