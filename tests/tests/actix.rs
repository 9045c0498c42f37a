//! Feature `actix-web`: the shop server of `runtime/examples/actix_server.rs`, started on a
//! loopback port, answers real HTTP requests; status, every header and the exact body of each
//! error are checked, and the 500's cause chain is in the log, not in the body.

#[path = "../../runtime/examples/actix_server.rs"]
#[allow(
    dead_code,
    unreachable_pub,
    reason = "the example's `main` and its port parsing are not used here"
)]
mod actix_server;
mod support;

use actix_server::ShopError;
use actix_web::ResponseError;
use actix_web::body::MessageBody;
use error_contract::{ApiError, Code};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::thread::JoinHandle;
use support::{LogBuffer, assert_reply, client, get, join_bounded, post};

/// The example's server on `127.0.0.1:<free port>`, on an actix system in a thread of its own;
/// stopped on drop.
struct Server {
    base: String,
    handle: actix_web::dev::ServerHandle,
    thread: Option<JoinHandle<std::io::Result<()>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .expect("no free loopback port");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (handle_tx, handle_rx) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = actix_server::server(listener)?;
                let _ = handle_tx.send(server.handle());
                server.await
            })
        });
        let handle = handle_rx
            .recv_timeout(support::STOP_TIMEOUT)
            .expect("the server did not start");
        Server {
            base,
            handle,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // The command is sent at once; the returned future only waits for it to be done.
        drop(self.handle.stop(false));
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
            ("content-length", "60"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":3001,"message":"entity not found"}]}"#,
    );
}

#[test]
fn variant_with_an_interpolated_message_404() {
    let server = Server::start();
    let reply = get(&client(), &server.url("/orders/42"));
    assert_reply(
        &reply,
        404,
        &[
            ("content-length", "62"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":3002,"message":"order 42 not found"}]}"#,
    );
}

#[test]
fn variant_with_exposed_fields_400() {
    let server = Server::start();
    let client = client();
    let reply = post(&client, &server.url("/orders/500"));
    assert_reply(
        &reply,
        400,
        &[
            ("content-length", "107"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"quantity","subjectType":"parameter"}]}"#,
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
            ("content-length", "61"),
            ("content-type", "application/json"),
            ("retry-after", "30"),
        ],
        r#"{"errors":[{"errorCode":4029,"message":"too many requests"}]}"#,
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
            ("content-length", "67"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":9001,"message":"unexpected system error"}]}"#,
    );
    drop(server);
    assert_eq!(
        log.error_contract_lines(),
        [
            r#"ERROR error_contract: server error response status=500 code=9001 error=unexpected system error sources=["stock query failed", "connection to stock-db:5432 reset by peer"]"#
        ]
    );
}

/// A static body goes out from where the derive put it: the response's bytes are the static
/// body's bytes, not a copy.
#[test]
fn static_body_is_not_copied() {
    let response = ShopError::ProductNotFound.error_response();
    // The body's own bytes, as actix-web writes them out (`to_bytes` would collect a copy).
    let bytes =
        MessageBody::try_into_bytes(response.into_body()).expect("the body is not in one piece");
    let catalog = ShopError::catalog();
    let body = catalog
        .get(Code::Num(3001))
        .and_then(error_contract::CatalogEntry::static_body)
        .unwrap();
    assert_eq!(bytes, body.as_bytes());
    assert_eq!(bytes.as_ptr(), body.as_ptr());
}

/// `ResponseError` without a server: the same status, headers and body.
#[test]
fn response_error_directly() {
    let error = ShopError::RateLimited { retry_after: 5 };
    assert_eq!(error.status_code().as_u16(), 429);
    let response = error.error_response();
    assert_eq!(response.status().as_u16(), 429);
    let mut headers: Vec<(&str, &str)> = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str(), value.to_str().unwrap()))
        .collect();
    headers.sort_unstable();
    assert_eq!(
        headers,
        [("content-type", "application/json"), ("retry-after", "5")]
    );
    let body = actix_web::rt::System::new()
        .block_on(actix_web::body::to_bytes(response.into_body()))
        .unwrap();
    assert_eq!(
        body,
        r#"{"errors":[{"errorCode":4029,"message":"too many requests"}]}"#
    );
}
