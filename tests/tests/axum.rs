//! Feature `axum`: the shop server of `runtime/examples/axum_server.rs`, started on a loopback
//! port, answers real HTTP requests; status, every header and the exact body of each error are
//! checked, and the 500's cause chain is in the log, not in the body. The framework's own
//! failures (unknown routes, wrong methods, bodies and parameters it cannot read, panics) are
//! answered by the same enum, with the framework's text in the log only.

use crate::axum_server;
use crate::support;

use axum::response::IntoResponse;
use axum_server::ShopError;
use error_contract::{ApiError, Code};
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use support::{LogBuffer, Loopback, Reply, assert_reply, client, get, post, send, send_all};

/// A server on `127.0.0.1:<free port>`, in a thread of its own; stopped on drop.
struct Server {
    loopback: Loopback,
    /// The server thread's own log (every level from debug up), when it has one.
    log: Option<LogBuffer>,
    /// Connections accepted so far, when counted.
    connections: Arc<AtomicUsize>,
}

impl Server {
    /// The example's server, through its own `serve`.
    fn start() -> Server {
        Server::example(None)
    }

    /// The example's server, its events from `INFO` up in a buffer of its own (the server's
    /// thread's default subscriber: the binary's other tests log elsewhere).
    fn example_logged() -> Server {
        Server::example(Some((LogBuffer::default(), tracing::Level::INFO)))
    }

    fn example(log: Option<(LogBuffer, tracing::Level)>) -> Server {
        Server::spawn(log, |listener, _, stopped| {
            axum_server::serve(listener, async move {
                let _ = stopped.await;
            })
        })
    }

    /// `app` served by `axum::serve`, logging into a buffer of its own at debug level and
    /// counting the connections it accepts.
    fn logged(app: axum::Router) -> Server {
        Server::spawn(
            Some((LogBuffer::default(), tracing::Level::DEBUG)),
            move |listener, connections, stopped| {
                use axum::serve::ListenerExt;
                let listener = listener.tap_io(move |_| {
                    connections.fetch_add(1, Ordering::SeqCst);
                });
                async move {
                    axum::serve(listener, app)
                        .with_graceful_shutdown(async move {
                            let _ = stopped.await;
                        })
                        .await
                }
            },
        )
    }

    fn spawn<F, Fut>(log: Option<(LogBuffer, tracing::Level)>, serve: F) -> Server
    where
        F: FnOnce(
                tokio::net::TcpListener,
                Arc<AtomicUsize>,
                tokio::sync::oneshot::Receiver<()>,
            ) -> Fut
            + Send
            + 'static,
        Fut: Future<Output = std::io::Result<()>>,
    {
        let connections = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&connections);
        let thread_log = log.clone();
        // Every task of a current-thread runtime runs on the server's thread, so this default
        // receives every event of the server.
        let setup = move || {
            thread_log.map(|(log, level)| tracing::subscriber::set_default(log.subscriber(level)))
        };
        let loopback = Loopback::start_with(setup, move |listener, stopped| {
            serve(listener, counter, stopped)
        });
        Server {
            loopback,
            log: log.map(|(log, _)| log),
            connections,
        }
    }

    fn url(&self, path: &str) -> String {
        self.loopback.url(path)
    }

    /// The lines of error-contract in the server's own log, once it has stopped.
    fn stop_and_read_log(mut self) -> Vec<String> {
        let log = self.log.take().expect("a server with a log of its own");
        drop(self);
        log.error_contract_lines()
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

/// The server's log has exactly the one line of its one 5xx.
#[test]
fn server_error_500_keeps_its_sources_in_the_log() {
    let server = Server::example_logged();
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
    assert_eq!(
        server.stop_and_read_log(),
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

// The framework's own failures, on the example's server: each answered by a variant of
// `ShopError` with `catch`.

const PROBLEM: &str = "application/problem+json";

/// Asserts a problem-details reply: the status, `Content-Type`, `Content-Length` and `extra`
/// headers, and the whole body.
#[track_caller]
fn assert_problem(reply: &Reply, status: u16, extra: &[(&str, &str)], body: &str) {
    let length = body.len().to_string();
    let mut headers = vec![
        ("content-length", length.as_str()),
        ("content-type", PROBLEM),
    ];
    headers.extend_from_slice(extra);
    assert_reply(reply, status, &headers, body);
}

/// `POST path` with `body`, and a `Content-Type` unless `None`.
fn post_body(
    client: &reqwest::Client,
    url: &str,
    content_type: Option<&str>,
    body: impl Into<reqwest::Body>,
) -> reqwest::RequestBuilder {
    let request = client.post(url).body(body);
    match content_type {
        Some(content_type) => request.header("content-type", content_type),
        None => request,
    }
}

const JSON: Option<&str> = Some("application/json");

const INVALID_JSON: &str = r#"{"type":"https://shop.example/errors/invalid_json","title":"Bad Request","status":400,"detail":"invalid JSON","code":"invalid_json"}"#;

#[test]
fn unknown_route_404() {
    let server = Server::start();
    let reply = get(&client(), &server.url("/no/such/route"));
    assert_problem(
        &reply,
        404,
        &[],
        r#"{"type":"https://shop.example/errors/no_such_route","title":"Not Found","status":404,"detail":"no such route","instance":"/no/such/route","code":"no_such_route"}"#,
    );
}

/// axum adds `Allow` after the route's layers ran: the layer leaves it to axum, and the body is
/// the contract's.
#[test]
fn wrong_method_405_keeps_allow() {
    let server = Server::start();
    let client = client();
    let reply = send(client.delete(server.url("/checkout")));
    assert_problem(
        &reply,
        405,
        &[("allow", "POST")],
        r#"{"type":"https://shop.example/errors/method_not_allowed","title":"Method Not Allowed","status":405,"detail":"method DELETE not allowed","code":"method_not_allowed","method":"DELETE"}"#,
    );
    let reply = send(client.put(server.url("/orders/42")));
    assert_problem(
        &reply,
        405,
        &[("allow", "GET,HEAD,POST")],
        r#"{"type":"https://shop.example/errors/method_not_allowed","title":"Method Not Allowed","status":405,"detail":"method PUT not allowed","code":"method_not_allowed","method":"PUT"}"#,
    );
}

#[test]
fn missing_content_type_415() {
    let server = Server::start();
    let client = client();
    let reply = send(post_body(
        &client,
        &server.url("/orders"),
        None,
        r#"{"product":1,"quantity":2}"#,
    ));
    assert_problem(
        &reply,
        415,
        &[("connection", "close")],
        r#"{"type":"https://shop.example/errors/unsupported_media_type","title":"Unsupported Media Type","status":415,"detail":"the body must be JSON","code":"unsupported_media_type"}"#,
    );
}

#[test]
fn text_plain_content_type_415() {
    let server = Server::start();
    let client = client();
    let url = server.url("/orders");
    let reply = send(post_body(
        &client,
        &url,
        Some("text/plain"),
        r#"{"product":1,"quantity":2}"#,
    ));
    assert_problem(
        &reply,
        415,
        &[("connection", "close")],
        r#"{"type":"https://shop.example/errors/unsupported_media_type","title":"Unsupported Media Type","status":415,"detail":"the body must be JSON","code":"unsupported_media_type","contentType":"text/plain"}"#,
    );
}

#[test]
fn json_content_types_with_parameters_and_suffixes_are_accepted() {
    let server = Server::start();
    let client = client();
    let url = server.url("/orders");
    for content_type in [
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON",
        "application/merge-patch+json",
    ] {
        let reply = send(post_body(
            &client,
            &url,
            Some(content_type),
            r#"{"product":2,"quantity":3}"#,
        ));
        assert_reply(
            &reply,
            201,
            &[
                ("content-length", "33"),
                ("content-type", "application/json"),
            ],
            r#"{"id":1,"product":2,"quantity":3}"#,
        );
    }
}

/// The handler's own errors still come through an extracted body.
#[test]
fn handler_errors_after_a_json_body() {
    let server = Server::start();
    let client = client();
    let url = server.url("/orders");
    let reply = send(post_body(
        &client,
        &url,
        JSON,
        r#"{"product":7,"quantity":3}"#,
    ));
    assert_problem(
        &reply,
        404,
        &[],
        r#"{"type":"https://shop.example/errors/product_not_found","title":"Not Found","status":404,"detail":"product not found","code":"product_not_found"}"#,
    );
    let reply = send(post_body(
        &client,
        &url,
        JSON,
        r#"{"product":1,"quantity":0}"#,
    ));
    // A quantity that came in a body also names its member: the example validates `POST
    // /orders` into a collection of errors, each with its field path; one broken rule is that
    // error's own body.
    assert_problem(
        &reply,
        422,
        &[],
        r#"{"type":"https://shop.example/errors/invalid_quantity","title":"Unprocessable Content","status":422,"detail":"invalid quantity","code":"invalid_quantity","quantity":0,"max":99,"pointer":"/quantity"}"#,
    );
}

/// An order that breaks both rules gets one problem listing both errors, each with its
/// `pointer` (RFC 9457, section 3); one rule broken is that error's own problem.
#[test]
fn an_order_breaking_both_rules_lists_both_errors() {
    let server = Server::start();
    let client = client();
    let url = server.url("/orders");
    let reply = send(post_body(
        &client,
        &url,
        JSON,
        r#"{"product":0,"quantity":100}"#,
    ));
    assert_problem(
        &reply,
        422,
        &[],
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Unprocessable Content","errors":[{"detail":"invalid product","code":"invalid_product","pointer":"/product"},{"detail":"invalid quantity","code":"invalid_quantity","quantity":100,"max":99,"pointer":"/quantity"}]}"#,
    );
    // The client side reads the collection back, each error with its field.
    let decoded = <error_contract::Errors<ShopError> as error_contract::Decode>::decode(
        reply.status,
        &reply.body,
    )
    .expect("both errors decode");
    assert!(
        matches!(
            decoded.as_slice(),
            [
                ShopError::InvalidProduct { pointer },
                ShopError::InvalidQuantity { quantity: 100, max: 99, pointer: Some(quantity) },
            ] if pointer == "/product" && quantity == "/quantity"
        ),
        "{decoded:?}"
    );
    let reply = send(post_body(
        &client,
        &url,
        JSON,
        r#"{"product":0,"quantity":5}"#,
    ));
    assert_problem(
        &reply,
        422,
        &[],
        r#"{"type":"https://shop.example/errors/invalid_product","title":"Unprocessable Content","status":422,"detail":"invalid product","code":"invalid_product","pointer":"/product"}"#,
    );
}

/// serde's message is in the server's debug log, not in the body.
#[test]
fn json_syntax_error_400() {
    let server = Server::logged(axum_server::app());
    let client = client();
    let reply = send(post_body(
        &client,
        &server.url("/orders"),
        JSON,
        r#"{"product":1,"#,
    ));
    assert_problem(&reply, 400, &[], INVALID_JSON);
    drop(client);
    assert_eq!(
        server.stop_and_read_log(),
        [
            r#"DEBUG error_contract: framework failure kind="json_syntax" status=400 facts={} cause=EOF while parsing a value at line 1 column 13"#
        ]
    );
}

#[test]
fn body_not_utf8_400() {
    let server = Server::start();
    let client = client();
    let body = b"{\"product\":1,\"quantity\":\"\xff\xfe\"}".to_vec();
    let reply = send(post_body(&client, &server.url("/orders"), JSON, body));
    assert_problem(&reply, 400, &[], INVALID_JSON);
}

#[test]
fn missing_field_422_points_at_it() {
    let server = Server::start();
    let client = client();
    let reply = send(post_body(
        &client,
        &server.url("/orders"),
        JSON,
        r#"{"quantity":2}"#,
    ));
    assert_problem(
        &reply,
        422,
        &[],
        r#"{"type":"https://shop.example/errors/invalid_body","title":"Unprocessable Content","status":422,"detail":"invalid request body","code":"invalid_body","pointer":"/product"}"#,
    );
}

/// serde's "invalid type: string \"two\", expected i64" is in the log, not in the body.
#[test]
fn wrong_type_422_points_at_it() {
    let server = Server::logged(axum_server::app());
    let client = client();
    let url = server.url("/orders");
    let reply = send(post_body(
        &client,
        &url,
        JSON,
        r#"{"product":1,"quantity":"two"}"#,
    ));
    assert_problem(
        &reply,
        422,
        &[],
        r#"{"type":"https://shop.example/errors/invalid_body","title":"Unprocessable Content","status":422,"detail":"invalid request body","code":"invalid_body","pointer":"/quantity"}"#,
    );
    drop(client);
    assert_eq!(
        server.stop_and_read_log(),
        [
            r#"DEBUG error_contract: framework failure kind="json_data" status=422 facts={pointer: "/quantity"} cause=invalid type: string "two", expected i64 at line 1 column 29"#
        ]
    );
}

/// A 1 MiB JSON string against the example's 64 KiB limit.
#[test]
fn body_over_the_limit_413() {
    let server = Server::start();
    let client = client();
    let body = format!("\"{}\"", "a".repeat(1024 * 1024));
    let reply = send(post_body(&client, &server.url("/orders"), JSON, body));
    assert_problem(
        &reply,
        413,
        &[("connection", "close")],
        r#"{"type":"https://shop.example/errors/payload_too_large","title":"Content Too Large","status":413,"detail":"request body too large","code":"payload_too_large"}"#,
    );
}

/// 10,000 nested arrays: no stack overflow, an answer in the contract: nesting past 128 is a
/// syntax error wherever it is (the test server's `/echo` below takes any JSON and meets the
/// same limit).
#[test]
fn deep_nesting_is_answered() {
    let server = Server::start();
    let client = client();
    let body = "[".repeat(10_000);
    let reply = send(post_body(&client, &server.url("/orders"), JSON, body));
    assert_problem(
        &reply,
        400,
        &[("connection", "close")],
        r#"{"type":"https://shop.example/errors/invalid_json","title":"Bad Request","status":400,"detail":"invalid JSON","code":"invalid_json"}"#,
    );
}

#[test]
fn path_parameter_not_a_number_400() {
    let server = Server::logged(axum_server::app());
    let client = client();
    let reply = get(&client, &server.url("/orders/abc"));
    assert_problem(
        &reply,
        400,
        &[],
        r#"{"type":"https://shop.example/errors/invalid_parameter","title":"Bad Request","status":400,"detail":"invalid parameter","code":"invalid_parameter","parameter":"id"}"#,
    );
    drop(client);
    assert_eq!(
        server.stop_and_read_log(),
        [
            r#"DEBUG error_contract: framework failure kind="invalid_path" status=400 facts={parameter: "id"} cause=Cannot parse `abc` to a `u64`"#
        ]
    );
}

#[test]
fn query_not_a_number_400() {
    let server = Server::start();
    let client = client();
    for query in ["limit=ten", "limit=-1", "limit=99999999999"] {
        let reply = get(&client, &server.url(&format!("/products?{query}")));
        assert_problem(
            &reply,
            400,
            &[],
            r#"{"type":"https://shop.example/errors/invalid_parameter","title":"Bad Request","status":400,"detail":"invalid parameter","code":"invalid_parameter","parameter":"limit"}"#,
        );
    }
    let reply = get(&client, &server.url("/products?limit=2"));
    assert_reply(
        &reply,
        200,
        &[
            ("content-length", "51"),
            ("content-type", "application/json"),
        ],
        r#"[{"id":1,"name":"teapot"},{"id":2,"name":"kettle"}]"#,
    );
    let reply = get(&client, &server.url("/products"));
    assert_reply(
        &reply,
        200,
        &[
            ("content-length", "73"),
            ("content-type", "application/json"),
        ],
        r#"[{"id":1,"name":"teapot"},{"id":2,"name":"kettle"},{"id":3,"name":"cup"}]"#,
    );
}

/// The unknown route never reads the body; the connection still serves the next request.
#[test]
fn post_with_a_body_to_an_unknown_route_keeps_the_connection() {
    let server = Server::logged(axum_server::app());
    let client = client();
    let replies = send_all(vec![
        post_body(
            &client,
            &server.url("/no/such/route"),
            JSON,
            r#"{"product":1,"quantity":2}"#,
        ),
        client.get(server.url("/products/1")),
    ]);
    assert_problem(
        &replies[0],
        404,
        &[],
        r#"{"type":"https://shop.example/errors/no_such_route","title":"Not Found","status":404,"detail":"no such route","instance":"/no/such/route","code":"no_such_route"}"#,
    );
    assert_reply(
        &replies[1],
        200,
        &[
            ("content-length", "24"),
            ("content-type", "application/json"),
        ],
        r#"{"id":1,"name":"teapot"}"#,
    );
    assert_eq!(
        server.connections.load(Ordering::SeqCst),
        1,
        "one connection for both"
    );
}

/// Text of the framework (serde, axum's rejections, Rust's type names) that must never reach a
/// body.
const FRAMEWORK_TEXT: [&str; 12] = [
    "line 1",
    "column",
    "expected",
    "u64",
    "i64",
    "u32",
    "Cannot parse",
    "Failed to",
    "invalid type",
    "EOF",
    "missing field",
    "Invalid URL",
];

/// Every bad request the example can get, by name.
fn bad_requests(
    client: &reqwest::Client,
    url: impl Fn(&str) -> String,
) -> Vec<(&'static str, reqwest::RequestBuilder)> {
    vec![
        ("unknown route", client.get(url("/no/such/route"))),
        (
            "unknown route, POST",
            post_body(client, &url("/nowhere"), JSON, "{}"),
        ),
        ("wrong method", client.delete(url("/products/1"))),
        ("wrong method, HEAD", client.head(url("/checkout"))),
        (
            "no Content-Type",
            post_body(client, &url("/orders"), None, "{}"),
        ),
        (
            "text/plain",
            post_body(client, &url("/orders"), Some("text/plain"), "{}"),
        ),
        (
            "form",
            post_body(
                client,
                &url("/orders"),
                Some("application/x-www-form-urlencoded"),
                "a=1",
            ),
        ),
        ("syntax", post_body(client, &url("/orders"), JSON, "{")),
        (
            "trailing bytes",
            post_body(
                client,
                &url("/orders"),
                JSON,
                r#"{"product":1,"quantity":2} x"#,
            ),
        ),
        ("empty body", post_body(client, &url("/orders"), JSON, "")),
        (
            "not UTF-8",
            post_body(client, &url("/orders"), JSON, b"\"\xff\"".to_vec()),
        ),
        (
            "missing field",
            post_body(client, &url("/orders"), JSON, r#"{"product":1}"#),
        ),
        (
            "wrong type",
            post_body(
                client,
                &url("/orders"),
                JSON,
                r#"{"product":"one","quantity":1}"#,
            ),
        ),
        (
            "out of range",
            post_body(
                client,
                &url("/orders"),
                JSON,
                r#"{"product":-1,"quantity":1}"#,
            ),
        ),
        (
            "1 MiB",
            post_body(
                client,
                &url("/orders"),
                JSON,
                format!("\"{}\"", "a".repeat(1 << 20)),
            ),
        ),
        (
            "deep nesting",
            post_body(client, &url("/orders"), JSON, "[".repeat(10_000)),
        ),
        ("path not a number", client.get(url("/orders/abc"))),
        (
            "path overflow",
            client.get(url("/orders/99999999999999999999999")),
        ),
        ("path not UTF-8", client.get(url("/orders/%FF"))),
        ("query not a number", client.get(url("/products?limit=ten"))),
        ("handler: not found", client.get(url("/products/7"))),
        ("handler: invalid quantity", client.post(url("/orders/500"))),
        ("handler: rate limited", client.post(url("/checkout"))),
    ]
}

/// Asserts that `reply` is a problem-details body of the contract, with the HTTP status in
/// `status`, `type` built from `code`, and nothing of the framework's text.
#[track_caller]
fn assert_in_the_contract(name: &str, reply: &Reply) {
    let context = format!("{name}: {reply:?}");
    assert!(reply.status >= 400, "{context}");
    let header = |wanted: &str| {
        let values: Vec<&str> = reply
            .headers
            .iter()
            .filter(|(name, _)| name == wanted)
            .map(|(_, value)| value.as_str())
            .collect();
        values
    };
    assert_eq!(header("content-type"), [PROBLEM], "{context}");
    if name == "wrong method, HEAD" {
        // A response to HEAD has the headers and no body.
        assert!(reply.body.is_empty(), "{context}");
        return;
    }
    assert_eq!(
        header("content-length"),
        [reply.body.len().to_string()],
        "{context}"
    );
    if reply.status == 405 {
        assert_eq!(header("allow").len(), 1, "{context}");
    }
    let body: serde_json::Value = serde_json::from_slice(&reply.body).expect(&context);
    let code = body["code"].as_str().expect(&context);
    assert_eq!(
        body["type"],
        format!("https://shop.example/errors/{code}"),
        "{context}"
    );
    assert_eq!(body["status"], reply.status, "{context}");
    assert!(
        body["title"].is_string() && body["detail"].is_string(),
        "{context}"
    );
    let text = String::from_utf8(reply.body.clone()).expect(&context);
    for framework in FRAMEWORK_TEXT {
        assert!(!text.contains(framework), "`{framework}` in {context}");
    }
}

/// Every bad request the example can get: each answer is in the contract.
#[test]
fn every_bad_request_is_answered_in_the_contract() {
    let server = Server::logged(axum_server::app());
    let client = client();
    for (name, request) in bad_requests(&client, |path| server.url(path)) {
        assert_in_the_contract(name, &send(request));
    }
    drop(client);
    let log = server.stop_and_read_log();
    assert!(
        log.iter().all(|line| line.starts_with("DEBUG ")),
        "{log:#?}"
    );
}

/// The test server: the enum of the design's example, in the `dto` style, and handlers that
/// panic or answer without the contract.
mod test_server {
    use axum::Router;
    use axum::http::StatusCode;
    use axum::routing::get;
    use error_contract::ApiError;
    use error_contract::axum::{CatchLayer, Json, Path};

    #[derive(Debug, ApiError)]
    #[api_error(style = "dto")]
    pub(crate) enum TestError {
        #[api_error(
            status = 404,
            code = 9004,
            message = "no such route",
            catch = "unknown_route"
        )]
        NoRoute,
        #[api_error(
            status = 405,
            code = 9005,
            message = "method not allowed",
            catch = "method_not_allowed"
        )]
        MethodNotAllowed {
            #[api_error(header = "Allow", fact = "allow")]
            allow: String,
        },
        #[api_error(
            status = 400,
            code = 9002,
            message = "HTTP message not readable",
            catch("json_syntax", "json_data")
        )]
        NotReadable {
            #[api_error(expose, rename = "subject", fact = "pointer")]
            pointer: Option<String>,
        },
        #[api_error(
            status = 400,
            code = 9000,
            message = "request refused",
            catch = "status"
        )]
        Refused {
            #[api_error(status)]
            status: u16,
        },
        #[api_error(
            status = 500,
            code = 9001,
            message = "unexpected system error",
            catch("panic", "status")
        )]
        Internal {
            #[api_error(status)]
            status: u16,
        },
    }

    async fn panics_with_a_string() -> &'static str {
        let secret = "hunter2";
        panic!("the database password is {secret}")
    }

    async fn panics_with_a_str() -> &'static str {
        panic!("static secret")
    }

    async fn panics_with_a_number() -> &'static str {
        std::panic::panic_any(42_u8)
    }

    async fn unavailable() -> (StatusCode, &'static str) {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "down for maintenance until 14:00",
        )
    }

    async fn echo(value: Json<serde_json::Value, TestError>) -> Json<serde_json::Value, TestError> {
        value
    }

    /// A map whose keys are not strings: JSON cannot hold it.
    async fn unserializable() -> Json<std::collections::BTreeMap<(u8, u8), u8>, TestError> {
        Json::new(std::collections::BTreeMap::from([((1, 2), 3)]))
    }

    #[derive(serde::Deserialize)]
    pub(crate) struct Named {
        #[allow(dead_code, reason = "only deserialized")]
        id: u64,
    }

    async fn pair(_: Path<(u64, u64), TestError>) -> &'static str {
        "pair"
    }

    async fn named(_: Path<Named, TestError>) -> &'static str {
        "named"
    }

    async fn one_of_two(_: Path<u64, TestError>) -> &'static str {
        "unreachable: two parameters do not fit a `u64`"
    }

    /// A service that panics in `call`, before it has a future.
    #[derive(Clone)]
    struct PanicsInCall;

    impl tower_service::Service<axum::extract::Request> for PanicsInCall {
        type Response = axum::response::Response;
        type Error = std::convert::Infallible;
        type Future =
            std::future::Ready<Result<axum::response::Response, std::convert::Infallible>>;

        fn poll_ready(
            &mut self,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Result<(), std::convert::Infallible>> {
            std::task::Poll::Ready(Ok(()))
        }

        fn call(&mut self, _: axum::extract::Request) -> Self::Future {
            panic!("panicked in call")
        }
    }

    /// The routes, without the layer.
    pub(crate) fn routes() -> Router {
        Router::new()
            .route("/panic", get(panics_with_a_string))
            .route("/panic/str", get(panics_with_a_str))
            .route("/panic/number", get(panics_with_a_number))
            .route_service("/panic/call", PanicsInCall)
            .route("/maintenance", get(unavailable))
            .route("/echo", axum::routing::post(echo))
            .route("/pair/{first}/{second}", get(pair))
            .route("/named/{id}", get(named))
            .route("/unserializable", get(unserializable))
            .route("/two/{a}/{b}", get(one_of_two))
    }

    /// The routes with `.layer(CatchLayer)`.
    pub(crate) fn app() -> Router {
        routes().layer(CatchLayer::<TestError>::new())
    }
}

const INTERNAL: &str = r#"{"errors":[{"errorCode":9001,"message":"unexpected system error"}]}"#;

/// A panic is a 500 of the contract; its message is in the log (one ERROR event, and the debug
/// event of the failure), never in the body; the server goes on serving.
#[test]
fn panicking_handler_500_message_only_in_the_log() {
    let server = Server::logged(test_server::app());
    let client = client();
    let replies = send_all(vec![
        client.get(server.url("/panic")),
        client.get(server.url("/panic/str")),
        client.get(server.url("/panic/number")),
        client.get(server.url("/panic/call")),
    ]);
    for reply in &replies {
        assert_reply(
            reply,
            500,
            &[
                ("content-length", "67"),
                ("content-type", "application/json"),
            ],
            INTERNAL,
        );
    }
    let reply = post_body(&client, &server.url("/echo"), JSON, "[1]");
    assert_reply(
        &send(reply),
        200,
        &[
            ("content-length", "3"),
            ("content-type", "application/json"),
        ],
        "[1]",
    );
    drop(client);
    let debug = |path: &str, message: &str| {
        format!(
            r#"DEBUG error_contract: framework failure kind="panic" status=500 facts={{method: "GET", path: "{path}"}} cause={message}"#
        )
    };
    let error = |message: &str| {
        format!(r#"ERROR error_contract: handler panicked status=500 code=9001 panic="{message}""#)
    };
    assert_eq!(
        server.stop_and_read_log(),
        [
            debug("/panic", "the database password is hunter2"),
            error("the database password is hunter2"),
            debug("/panic/str", "static secret"),
            error("static secret"),
            debug(
                "/panic/number",
                "a panic with a payload that is not a string"
            ),
            error("a panic with a payload that is not a string"),
            debug("/panic/call", "panicked in call"),
            error("panicked in call"),
        ]
    );
}

/// Another layer's (here: a handler's) bare 503 is replaced by the contract's 5xx variant,
/// with its status; its text is dropped, and the 5xx is logged as any server error response.
#[test]
fn foreign_server_error_is_replaced() {
    let server = Server::logged(test_server::app());
    let client = client();
    let reply = get(&client, &server.url("/maintenance"));
    assert_reply(
        &reply,
        503,
        &[
            ("content-length", "67"),
            ("content-type", "application/json"),
        ],
        INTERNAL,
    );
    drop(client);
    assert_eq!(
        server.stop_and_read_log(),
        [
            r#"DEBUG error_contract: framework failure kind="status" status=503 facts={method: "GET", path: "/maintenance"} cause=a 503 Service Unavailable response without a contract body"#,
            "ERROR error_contract: server error response status=503 code=9001 error=unexpected system error sources=[]",
        ]
    );
}

/// Other layers' responses that no variant claims (a handler's bare 409, 418 and 503, axum's own
/// 405 for a method the route does not take) keep their status, answered by the variant of
/// `catch::Layered` that takes every status of their class; the 405 keeps its `Allow`.
#[test]
fn foreign_statuses_nobody_claims_keep_their_status() {
    use crate::catch::{Layered, PROBLEM, REFUSED};
    use axum::http::StatusCode;
    use axum::routing::get;
    let router = axum::Router::new()
        .route(
            "/conflict",
            get(|| async { (StatusCode::CONFLICT, "version clash") }),
        )
        .route(
            "/teapot",
            get(|| async { (StatusCode::IM_A_TEAPOT, "short and stout") }),
        )
        .route(
            "/unavailable",
            get(|| async { (StatusCode::SERVICE_UNAVAILABLE, "down") }),
        )
        .route("/only-get", get(|| async { "got" }));
    let server = Server::spawn(
        Some((LogBuffer::default(), tracing::Level::DEBUG)),
        move |listener, _, stopped| async move {
            axum::serve(
                listener,
                error_contract::axum::CatchLayer::<Layered>::make_service(router),
            )
            .with_graceful_shutdown(async move {
                let _ = stopped.await;
            })
            .await
        },
    );
    let client = client();
    let replies = send_all(vec![
        client.get(server.url("/conflict")),
        client.get(server.url("/teapot")),
        client.delete(server.url("/only-get")),
        client.get(server.url("/unavailable")),
    ]);
    let json = |length| {
        [
            ("content-length", length),
            ("content-type", "application/json"),
        ]
    };
    assert_reply(&replies[0], 409, &json("73"), REFUSED);
    assert_reply(&replies[1], 418, &json("73"), REFUSED);
    assert_reply(
        &replies[2],
        405,
        &[
            ("allow", "GET,HEAD"),
            ("content-length", "73"),
            ("content-type", "application/json"),
        ],
        REFUSED,
    );
    assert_reply(&replies[3], 503, &json("86"), PROBLEM);
    drop(client);
    let log = server.stop_and_read_log();
    assert!(
        log.contains(
            &"ERROR error_contract: server error response status=503 code=internal_server_error error=There was a problem on our end. sources=[]"
                .to_owned()
        ),
        "{log:#?}"
    );
}

/// `serde_json`'s recursion limit (128) on any JSON value: a syntax failure, no stack overflow.
#[test]
fn deep_nesting_meets_the_recursion_limit() {
    let server = Server::logged(test_server::app());
    let client = client();
    let reply = send(post_body(
        &client,
        &server.url("/echo"),
        JSON,
        "[".repeat(10_000),
    ));
    assert_reply(
        &reply,
        400,
        &[
            ("connection", "close"),
            ("content-length", "69"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable"}]}"#,
    );
    let reply = send(post_body(&client, &server.url("/echo"), JSON, "[1"));
    assert_reply(
        &reply,
        400,
        &[
            ("content-length", "69"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable"}]}"#,
    );
}

/// A variant whose `Allow` header takes the `allow` fact: with `Router::layer` the detail is
/// not known yet (axum adds `Allow` after the route's layers), so the variant's empty header is
/// left out and axum's is sent.
#[test]
fn allow_detail_with_router_layer() {
    let server = Server::logged(test_server::app());
    let client = client();
    let reply = send(client.delete(server.url("/panic")));
    assert_reply(
        &reply,
        405,
        &[
            ("allow", "GET,HEAD"),
            ("content-length", "62"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":9005,"message":"method not allowed"}]}"#,
    );
}

/// Around the whole router the layer sees axum's `Allow`, and the variant gets it as its
/// `allow` fact; everything else is answered the same. Served in the one line the docs give.
#[test]
fn catch_layer_around_the_whole_router() {
    let router = test_server::routes();
    let server = Server::spawn(
        Some((LogBuffer::default(), tracing::Level::DEBUG)),
        move |listener, _, stopped| async move {
            axum::serve(
                listener,
                error_contract::axum::CatchLayer::<test_server::TestError>::make_service(router),
            )
            .with_graceful_shutdown(async move {
                let _ = stopped.await;
            })
            .await
        },
    );
    let client = client();
    let replies = send_all(vec![
        client.delete(server.url("/panic")),
        client.get(server.url("/nowhere")),
        client.get(server.url("/panic/str")),
    ]);
    assert_reply(
        &replies[0],
        405,
        &[
            ("allow", "GET,HEAD"),
            ("content-length", "62"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":9005,"message":"method not allowed"}]}"#,
    );
    assert_reply(
        &replies[1],
        404,
        &[
            ("content-length", "57"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":9004,"message":"no such route"}]}"#,
    );
    assert_reply(
        &replies[2],
        500,
        &[
            ("content-length", "67"),
            ("content-type", "application/json"),
        ],
        INTERNAL,
    );
    drop(client);
    let log = server.stop_and_read_log();
    assert_eq!(
        log[0],
        r#"DEBUG error_contract: framework failure kind="method_not_allowed" status=405 facts={method: "DELETE", path: "/panic", allow: "GET,HEAD"} cause=a 405 Method Not Allowed response without a contract body"#
    );
    assert_eq!(log.len(), 4, "{log:#?}");
}

/// `invalid_path` names the parameter by its key in the route, for a tuple (axum reports a
/// position) and a struct; a route whose parameters do not fit the type at all is axum's 500,
/// a programming error. (`TestError` does not claim `invalid_path`: its 400 goes to the variant
/// with `catch = "status"` of that status, and the log shows the parameter.)
#[test]
fn path_parameters_are_named_by_their_key() {
    let server = Server::logged(test_server::app());
    let client = client();
    let refused = r#"{"errors":[{"errorCode":9000,"message":"request refused"}]}"#;
    let replies = send_all(vec![
        client.get(server.url("/pair/1/x")),
        client.get(server.url("/named/x")),
        client.get(server.url("/pair/1/2")),
        client.get(server.url("/two/1/2")),
    ]);
    for reply in &replies[..2] {
        assert_reply(
            reply,
            400,
            &[
                ("content-length", "59"),
                ("content-type", "application/json"),
            ],
            refused,
        );
    }
    assert_reply(
        &replies[2],
        200,
        &[
            ("content-length", "4"),
            ("content-type", "text/plain; charset=utf-8"),
        ],
        "pair",
    );
    assert_reply(
        &replies[3],
        500,
        &[
            ("content-length", "67"),
            ("content-type", "application/json"),
        ],
        INTERNAL,
    );
    drop(client);
    assert_eq!(
        server.stop_and_read_log(),
        [
            r#"DEBUG error_contract: framework failure kind="invalid_path" status=400 facts={parameter: "second"} cause=Cannot parse value at index 1 with value `x` to a `u64`"#,
            r#"DEBUG error_contract: framework failure kind="invalid_path" status=400 facts={parameter: "id"} cause=Cannot parse `id` with value `x` to a `u64`"#,
            r#"DEBUG error_contract: framework failure kind="status" status=500 facts={} cause=Wrong number of path arguments for `Path`. Expected 1 but got 2. Note that multiple parameters must be extracted with a tuple `Path<(_, _)>` or a struct `Path<YourParams>`"#,
            "ERROR error_contract: server error response status=500 code=9001 error=unexpected system error sources=[]",
        ]
    );
}

/// A `Json` response whose value does not serialize is the contract's 500; serde's message is
/// in the log only.
#[test]
fn json_response_that_does_not_serialize_500() {
    let server = Server::logged(test_server::app());
    let client = client();
    let reply = get(&client, &server.url("/unserializable"));
    assert_reply(
        &reply,
        500,
        &[
            ("content-length", "67"),
            ("content-type", "application/json"),
        ],
        INTERNAL,
    );
    drop(client);
    assert_eq!(
        server.stop_and_read_log(),
        [
            r#"DEBUG error_contract: framework failure kind="status" status=500 facts={} cause=key must be a string"#,
            "ERROR error_contract: server error response status=500 code=9001 error=unexpected system error sources=[]",
        ]
    );
}

/// A request whose large body the server does not read (a 415 before reading, a 413 past the
/// limit, a route that does not exist): the server may close the connection after answering,
/// and then it must say so (`Connection: close`), or a client that reuses the connection loses
/// its next request. Checked on a raw connection, request after request.
#[test]
fn an_unread_large_body_closes_the_connection_and_says_so() {
    use std::io::{Read, Write};

    let server = Server::start();
    let address = server.url("").trim_start_matches("http://").to_owned();
    let large = |content_type: &str, path: &str, size: usize| {
        let mut request = format!(
            "POST {path} HTTP/1.1\r\nhost: {address}\r\ncontent-type: {content_type}\r\ncontent-length: {size}\r\n\r\n"
        )
        .into_bytes();
        request.extend(std::iter::repeat_n(b' ', size));
        request
    };
    let next = format!("GET /products/1 HTTP/1.1\r\nhost: {address}\r\n\r\n");
    let cases = [
        ("415", large("text/plain", "/orders", 200 * 1024)),
        ("413", large("application/json", "/orders", 1024 * 1024)),
        (
            "404",
            large("application/json", "/no/such/route", 200 * 1024),
        ),
    ];
    for (expected, request) in &cases {
        for round in 0..10 {
            let mut stream = std::net::TcpStream::connect(&address).unwrap();
            stream
                .set_read_timeout(Some(std::time::Duration::from_secs(10)))
                .unwrap();
            // The server may answer before it has the whole body: what it does not read is
            // its to drop.
            let _ = stream.write_all(request);
            let mut head = Vec::new();
            let mut byte = [0u8];
            while !head.ends_with(b"\r\n\r\n") {
                match stream.read(&mut byte) {
                    Ok(1) => head.push(byte[0]),
                    _ => panic!("{expected} round {round}: no response head"),
                }
            }
            let head = String::from_utf8_lossy(&head).to_lowercase();
            assert!(
                head.starts_with(&format!("http/1.1 {expected} ")),
                "{expected} round {round}: {head}"
            );
            if head.contains("\r\nconnection: close\r\n") {
                continue;
            }
            // Kept open, as the response says: the next request must be answered on it.
            let length: usize = head
                .split("\r\ncontent-length: ")
                .nth(1)
                .and_then(|rest| rest.split("\r\n").next())
                .and_then(|n| n.parse().ok())
                .unwrap();
            let mut body = vec![0u8; length];
            stream.read_exact(&mut body).unwrap();
            let _ = stream.write_all(next.as_bytes());
            let mut answer = [0u8; 12];
            assert!(
                stream.read_exact(&mut answer).is_ok(),
                "{expected} round {round}: the connection was closed without `Connection: close`"
            );
            assert_eq!(&answer, b"HTTP/1.1 200", "{expected} round {round}");
        }
    }
}

/// Bounded load of mixed bad requests on kept-alive connections: every request is answered.
#[test]
fn no_request_is_lost_under_mixed_load() {
    let server = Server::start();
    support::assert_no_request_lost(&server.url(""));
}

/// `GET /openapi.json` serves the document of every route: its success, its own errors and what
/// its extractors and the layer answer; valid, each example against its schema.
#[test]
fn openapi_json_documents_every_route() {
    use utoipa::OpenApi;
    let server = Server::start();
    let document = crate::openapi_check::assert_served(
        &server.url("/openapi.json"),
        &serde_json::to_value(axum_server::ApiDoc::openapi()).expect("serializes"),
    );
    assert_eq!(
        crate::openapi_check::operations(&document),
        [
            "post /checkout: 200 405 429 500",
            "get /inventory: 200 405 500",
            "post /orders: 201 400 404 405 413 415 422 500",
            "get /orders/{id}: 200 400 404 405 500",
            "post /orders/{id}: 201 400 404 405 422 500",
            "get /products: 200 400 405 500",
            "get /products/{id}: 200 400 404 405 500",
        ]
    );
}
