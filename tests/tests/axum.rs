//! Feature `axum`: the shop server of `runtime/examples/axum_server.rs`, started on a loopback
//! port, answers real HTTP requests; status, every header and the exact body of each error are
//! checked, and the 500's cause chain is in the log, not in the body.

#[path = "../../runtime/examples/axum_server.rs"]
#[allow(
    dead_code,
    unreachable_pub,
    reason = "the example's `main` and its port parsing are not used here"
)]
mod axum_server;
mod support;

use axum::response::IntoResponse;
use axum_server::ShopError;
use error_contract::{ApiError, Code};
use std::net::{Ipv4Addr, SocketAddr};
use std::thread::JoinHandle;
use support::{LogBuffer, assert_reply, client, get, join_bounded, post};

/// The example's server on `127.0.0.1:<free port>`, in a thread of its own; stopped on drop.
struct Server {
    base: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<std::io::Result<()>>>,
}

impl Server {
    fn start() -> Server {
        let listener = std::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .expect("no free loopback port");
        listener.set_nonblocking(true).unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)?;
                axum_server::serve(listener, async move {
                    let _ = stopped.await;
                })
                .await
            })
        });
        Server {
            base,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let result = join_bounded(thread);
            if !std::thread::panicking() {
                result.expect("the server failed");
            }
        }
    }
}

#[test]
fn success_is_untouched() {
    let server = Server::start();
    let reply = get(&client(), &server.url("/products/1"));
    assert_reply(
        &reply,
        200,
        &[
            ("content-length", "24"),
            ("content-type", "application/json"),
        ],
        r#"{"id":1,"name":"teapot"}"#,
    );
}

#[test]
fn unit_variant_404() {
    let server = Server::start();
    let reply = get(&client(), &server.url("/products/7"));
    assert_reply(
        &reply,
        404,
        &[
            ("content-length", "145"),
            ("content-type", "application/problem+json"),
        ],
        r#"{"type":"https://shop.example/errors/product_not_found","title":"Not Found","status":404,"detail":"product not found","code":"product_not_found"}"#,
    );
}

#[test]
fn variant_with_an_interpolated_message_and_an_exposed_field_404() {
    let server = Server::start();
    let reply = get(&client(), &server.url("/orders/42"));
    assert_reply(
        &reply,
        404,
        &[
            ("content-length", "150"),
            ("content-type", "application/problem+json"),
        ],
        r#"{"type":"https://shop.example/errors/order_not_found","title":"Not Found","status":404,"detail":"order 42 not found","code":"order_not_found","id":42}"#,
    );
}

#[test]
fn variant_with_exposed_fields_422() {
    let server = Server::start();
    let client = client();
    let reply = post(&client, &server.url("/orders/500"));
    assert_reply(
        &reply,
        422,
        &[
            ("content-length", "178"),
            ("content-type", "application/problem+json"),
        ],
        r#"{"type":"https://shop.example/errors/invalid_quantity","title":"Unprocessable Content","status":422,"detail":"invalid quantity","code":"invalid_quantity","quantity":500,"max":99}"#,
    );
    let reply = post(&client, &server.url("/orders/-1"));
    assert_reply(
        &reply,
        422,
        &[
            ("content-length", "177"),
            ("content-type", "application/problem+json"),
        ],
        r#"{"type":"https://shop.example/errors/invalid_quantity","title":"Unprocessable Content","status":422,"detail":"invalid quantity","code":"invalid_quantity","quantity":-1,"max":99}"#,
    );
    let reply = post(&client, &server.url("/orders/3"));
    assert_reply(
        &reply,
        201,
        &[
            ("content-length", "24"),
            ("content-type", "application/json"),
        ],
        r#"{"order":1,"quantity":3}"#,
    );
}

#[test]
fn header_field_is_sent_429() {
    let server = Server::start();
    let reply = post(&client(), &server.url("/checkout"));
    assert_reply(
        &reply,
        429,
        &[
            ("content-length", "144"),
            ("content-type", "application/problem+json"),
            ("retry-after", "30"),
        ],
        r#"{"type":"https://shop.example/errors/rate_limited","title":"Too Many Requests","status":429,"detail":"too many checkouts","code":"rate_limited"}"#,
    );
}

/// The only test of this binary that answers a 5xx, so the log has exactly its one line.
#[test]
fn server_error_500_keeps_its_sources_in_the_log() {
    let log = LogBuffer::global();
    let server = Server::start();
    let reply = get(&client(), &server.url("/inventory"));
    assert_reply(
        &reply,
        500,
        &[
            ("content-length", "169"),
            ("content-type", "application/problem+json"),
        ],
        r#"{"type":"https://shop.example/errors/inventory_unavailable","title":"Internal Server Error","status":500,"detail":"inventory unavailable","code":"inventory_unavailable"}"#,
    );
    drop(server);
    assert_eq!(
        log.error_contract_lines(),
        [
            r#"ERROR error_contract: server error response status=500 code=inventory_unavailable error=inventory unavailable sources=["inventory query failed", "connection to inventory-db:5432 reset by peer"]"#
        ]
    );
}

/// A static body goes out from where the derive put it: the response's bytes are the static
/// body's bytes, not a copy.
#[test]
fn static_body_is_not_copied() {
    let response = ShopError::ProductNotFound.into_response();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let bytes = runtime
        .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
        .unwrap();
    let catalog = ShopError::catalog();
    let body = catalog
        .get(Code::Str("product_not_found"))
        .and_then(error_contract::CatalogEntry::static_body)
        .unwrap();
    assert_eq!(bytes, body.as_bytes());
    assert_eq!(bytes.as_ptr(), body.as_ptr());
}

/// `IntoResponse` without a server: the same status, headers and body.
#[test]
fn into_response_directly() {
    let response = ShopError::RateLimited { retry_after: 5 }.into_response();
    assert_eq!(response.status(), http::StatusCode::TOO_MANY_REQUESTS);
    let headers: Vec<(&str, &str)> = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str(), value.to_str().unwrap()))
        .collect();
    assert_eq!(
        headers,
        [
            ("content-type", "application/problem+json"),
            ("retry-after", "5")
        ]
    );
}

#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case", decode)]
enum Upstream {
    #[api_error(status = 404, message = "not found")]
    NotFound,
}

/// A gateway passes an upstream error it does not know through unchanged: the decoded
/// `Unknown` is an `IntoResponse` too, with the upstream status and body.
#[test]
fn decoded_unknown_passes_through() {
    use error_contract::{Decode, DecodeError};

    let upstream = br#"{"error":{"code":"quota_exceeded","message":"Quota exceeded","limit":10}}"#;
    let Err(DecodeError::Unrecognized(unknown)) = Upstream::decode(429, upstream) else {
        panic!("the code is not one of Upstream's");
    };
    let response = unknown.into_response();
    assert_eq!(response.status().as_u16(), 429);
    let headers: Vec<(&str, &str)> = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str(), value.to_str().unwrap()))
        .collect();
    assert_eq!(headers, [("content-type", "application/json")]);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let bytes = runtime
        .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
        .unwrap();
    assert_eq!(bytes, &upstream[..]);
}
