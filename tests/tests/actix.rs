//! Feature `actix-web`: the shop server of `runtime/examples/actix_server.rs`, started on a
//! loopback port, answers real HTTP requests; status, every header and the exact body of each
//! error are checked, and the 500's cause chain is in the log, not in the body.
//!
//! Every failure of the framework is answered by a variant of `ShopError`: unknown routes, wrong
//! methods, bodies that are not JSON (or too large), parameters that do not parse, and, on a
//! server of this file's own, panics and other layers' error responses. The framework's own
//! text (serde's, actix-web's, the panic's) is in the log and never in a body.

use crate::actix_server;
use crate::support;

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
        Server::start_with(actix_server::server)
    }

    /// The server that `build` makes of a free loopback port.
    fn start_with<F>(build: F) -> Server
    where
        F: FnOnce(TcpListener) -> std::io::Result<actix_web::dev::Server> + Send + 'static,
    {
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .expect("no free loopback port");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (handle_tx, handle_rx) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = build(listener)?;
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

/// The server's log has exactly the one line of its one 5xx.
#[test]
fn server_error_500_keeps_its_sources_in_the_log() {
    let (server, log) = shop();
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

// ---------------------------------------------------------------------------------------------
// The framework's own failures, through `ShopError`.
// ---------------------------------------------------------------------------------------------

thread_local! {
    /// The subscriber of a server's worker thread, while the thread lives.
    static THREAD_LOG: std::cell::RefCell<Option<tracing::subscriber::DefaultGuard>> =
        const { std::cell::RefCell::new(None) };
}

/// Sends this thread's events, at debug level and above, to `log`: a server's worker thread,
/// so that a test sees what its own server logged and nothing of the others running beside it
/// (which log to the global buffer, or to theirs).
fn log_this_thread(log: &LogBuffer) {
    let subscriber = log.debug_subscriber();
    THREAD_LOG.with(|slot| {
        // The previous guard goes first: dropping it restores what was set before it.
        drop(slot.borrow_mut().take());
        *slot.borrow_mut() = Some(tracing::subscriber::set_default(subscriber));
    });
}

/// A server of the app `$app` (an expression run on the worker thread), whose worker logs
/// into a buffer of its own: `(Server, LogBuffer)`.
macro_rules! logged_server {
    ($app:expr) => {{
        let log = LogBuffer::default();
        let worker_log = log.clone();
        let server = Server::start_with(move |listener| {
            Ok(actix_web::HttpServer::new(move || {
                log_this_thread(&worker_log);
                $app
            })
            .workers(1)
            .listen(listener)?
            .run())
        });
        (server, log)
    }};
}

/// The example's app, logging into a buffer of its own.
fn shop() -> (Server, LogBuffer) {
    logged_server!(actix_server::app())
}

fn send(request: reqwest::RequestBuilder) -> support::Reply {
    support::send(request)
}

/// `POST` of `body` with `content_type` (none for `None`).
fn post_body(
    client: &reqwest::Client,
    url: &str,
    content_type: Option<&str>,
    body: impl Into<reqwest::Body>,
) -> support::Reply {
    let mut request = client.post(url).body(body);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    send(request)
}

fn post_json(
    client: &reqwest::Client,
    url: &str,
    body: impl Into<reqwest::Body>,
) -> support::Reply {
    post_body(client, url, Some("application/json"), body)
}

/// The headers of a `dto` body of `length` bytes.
fn json_headers(length: &str) -> [(&str, &str); 2] {
    [
        ("content-length", length),
        ("content-type", "application/json"),
    ]
}

#[test]
fn list_with_a_query_200() {
    let (server, _log) = shop();
    let client = client();
    let reply = get(&client, &server.url("/products?limit=1"));
    assert_reply(
        &reply,
        200,
        &json_headers("26"),
        r#"[{"id":1,"name":"teapot"}]"#,
    );
    let reply = get(&client, &server.url("/products"));
    assert_reply(
        &reply,
        200,
        &json_headers("48"),
        r#"[{"id":1,"name":"teapot"},{"id":2,"name":"cup"}]"#,
    );
}

#[test]
fn json_body_201() {
    let (server, _log) = shop();
    let reply = post_json(
        &client(),
        &server.url("/orders"),
        r#"{"product":1,"quantity":2}"#,
    );
    assert_reply(
        &reply,
        201,
        &json_headers("36"),
        r#"{"order":1,"product":1,"quantity":2}"#,
    );
}

/// An order that breaks both rules gets one response listing both errors, each with its field
/// as `subject`; one rule broken is that error's own body.
#[test]
fn an_order_breaking_both_rules_lists_both_errors() {
    let (server, _log) = shop();
    let client = client();
    let both = r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"product","subjectType":"body"},{"errorCode":5000,"message":"validation error","subject":"quantity","subjectType":"body"}]}"#;
    let reply = post_json(
        &client,
        &server.url("/orders"),
        r#"{"product":0,"quantity":100}"#,
    );
    assert_reply(&reply, 400, &json_headers(&both.len().to_string()), both);
    let one = r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"quantity","subjectType":"body"}]}"#;
    let reply = post_json(
        &client,
        &server.url("/orders"),
        r#"{"product":1,"quantity":0}"#,
    );
    assert_reply(&reply, 400, &json_headers(&one.len().to_string()), one);
}

#[test]
fn json_content_types_with_parameters_and_suffixes_are_json() {
    let (server, _log) = shop();
    let client = client();
    for content_type in [
        "application/json; charset=utf-8",
        "Application/JSON;charset=UTF-8",
        "application/merge-patch+json",
    ] {
        let reply = post_body(
            &client,
            &server.url("/orders"),
            Some(content_type),
            r#"{"product":2,"quantity":3}"#,
        );
        assert_reply(
            &reply,
            201,
            &json_headers("36"),
            r#"{"order":1,"product":2,"quantity":3}"#,
        );
    }
}

#[test]
fn unknown_route_404() {
    let (server, log) = shop();
    let reply = get(&client(), &server.url("/no/such/route"));
    assert_reply(
        &reply,
        404,
        &json_headers("84"),
        r#"{"errors":[{"errorCode":9004,"message":"no such route","subject":"/no/such/route"}]}"#,
    );
    drop(server);
    assert_eq!(
        log.error_contract_lines(),
        [concat!(
            r#"DEBUG error_contract: framework failure kind="unknown_route" status=404 "#,
            r#"facts={method: "GET", path: "/no/such/route"} "#,
            "cause=an error response without a contract body"
        )]
    );
}

#[test]
fn wrong_method_405_keeps_allow() {
    let (server, _log) = shop();
    let client = client();
    let reply = send(client.delete(server.url("/checkout")));
    assert_reply(
        &reply,
        405,
        &[
            ("allow", "POST"),
            ("content-length", "62"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":9005,"message":"Method not allowed"}]}"#,
    );
    // A path with two methods lists both.
    let reply = send(client.delete(server.url("/orders/42")));
    assert_eq!(reply.status, 405);
    let allow: Vec<&str> = reply
        .headers
        .iter()
        .filter(|(name, _)| name == "allow")
        .map(|(_, value)| value.as_str())
        .collect();
    assert_eq!(allow, ["GET, POST"]);
}

#[test]
fn missing_content_type_415() {
    let (server, _log) = shop();
    let reply = post_body(
        &client(),
        &server.url("/orders"),
        None,
        r#"{"product":1,"quantity":2}"#,
    );
    // The body is left unread: the connection is not kept, and the response says so.
    assert_reply(
        &reply,
        415,
        &[
            ("connection", "close"),
            ("content-length", "66"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":9006,"message":"unsupported media type"}]}"#,
    );
}

#[test]
fn text_plain_content_type_415() {
    let (server, _log) = shop();
    let reply = post_body(
        &client(),
        &server.url("/orders"),
        Some("text/plain"),
        r#"{"product":1,"quantity":2}"#,
    );
    assert_reply(
        &reply,
        415,
        &[
            ("connection", "close"),
            ("content-length", "89"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":9006,"message":"unsupported media type","subject":"text/plain"}]}"#,
    );
}

#[test]
fn json_syntax_error_400_and_serde_text_in_the_log() {
    let (server, log) = shop();
    let reply = post_json(&client(), &server.url("/orders"), r#"{"product":1,"#);
    assert_reply(
        &reply,
        400,
        &json_headers("69"),
        r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable"}]}"#,
    );
    drop(server);
    let lines = log.error_contract_lines();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].contains("cause=EOF while parsing a value at line 1 column 13"),
        "{lines:#?}"
    );
}

#[test]
fn body_not_utf8_400() {
    let (server, _log) = shop();
    let reply = post_json(
        &client(),
        &server.url("/orders"),
        b"{\"product\":\"\xff\",\"quantity\":1}".to_vec(),
    );
    assert_reply(
        &reply,
        400,
        &json_headers("69"),
        r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable"}]}"#,
    );
}

#[test]
fn wrong_shape_400_names_the_member() {
    let (server, log) = shop();
    let client = client();
    let reply = post_json(&client, &server.url("/orders"), r#"{"quantity":2}"#);
    assert_reply(
        &reply,
        400,
        &json_headers("90"),
        r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable","subject":"/product"}]}"#,
    );
    let reply = post_json(
        &client,
        &server.url("/orders"),
        r#"{"product":1,"quantity":"two"}"#,
    );
    assert_reply(
        &reply,
        400,
        &json_headers("91"),
        r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable","subject":"/quantity"}]}"#,
    );
    drop(server);
    let lines = log.error_contract_lines();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0].contains("cause=missing field `product`"),
        "{lines:#?}"
    );
    assert!(
        lines[1].contains(r#"cause=invalid type: string "two", expected i64 at line 1 column 29"#),
        "{lines:#?}"
    );
}

#[test]
fn body_over_the_limit_413() {
    let (server, _log) = shop();
    // A JSON string of 1 MiB: 16 times the limit.
    let body = format!(r#""{}""#, "a".repeat(1024 * 1024));
    let reply = post_json(&client(), &server.url("/orders"), body);
    // The body is left unread: the connection is not kept, and the response says so.
    assert_reply(
        &reply,
        413,
        &[
            ("connection", "close"),
            ("content-length", "61"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":9007,"message":"payload too large"}]}"#,
    );
}

#[test]
fn deep_nesting_400() {
    let (server, log) = shop();
    let client = client();
    let nested = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    // Nesting past 128 is a syntax error wherever it is, where a number is expected too: no
    // member is named.
    let body = format!(r#"{{"product":{nested},"quantity":1}}"#);
    let reply = post_json(&client, &server.url("/orders"), body);
    assert_reply(
        &reply,
        400,
        &json_headers("69"),
        r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable"}]}"#,
    );
    // The whole body, and never closed.
    let reply = post_json(&client, &server.url("/orders"), "[".repeat(10_000));
    assert_reply(
        &reply,
        400,
        &json_headers("69"),
        r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable"}]}"#,
    );
    drop(server);
    let lines = log.error_contract_lines();
    assert_eq!(lines.len(), 2, "{lines:#?}");
}

#[test]
fn path_parameter_not_a_number_400_and_actix_text_in_the_log() {
    let (server, log) = shop();
    let reply = get(&client(), &server.url("/products/abc"));
    assert_reply(
        &reply,
        400,
        &json_headers("98"),
        r#"{"errors":[{"errorCode":5001,"message":"illegal combination of method arguments","subject":"id"}]}"#,
    );
    drop(server);
    assert_eq!(
        log.error_contract_lines(),
        [concat!(
            r#"DEBUG error_contract: framework failure kind="invalid_path" status=400 "#,
            r#"facts={parameter: "id"} cause=can not parse "abc" to a u64"#
        )]
    );
}

#[test]
fn query_not_a_number_400() {
    let (server, _log) = shop();
    let reply = get(&client(), &server.url("/products?limit=ten"));
    assert_reply(
        &reply,
        400,
        &json_headers("101"),
        r#"{"errors":[{"errorCode":5001,"message":"illegal combination of method arguments","subject":"limit"}]}"#,
    );
}

/// Bad requests of every kind to the shop, each with what it is.
fn bad_requests(
    server: &Server,
    client: &reqwest::Client,
) -> Vec<(&'static str, reqwest::RequestBuilder)> {
    let url = |path: &str| server.url(path);
    let json = |path: &str, body: &'static [u8]| {
        client
            .post(url(path))
            .header("content-type", "application/json")
            .body(body)
    };
    vec![
        ("unknown route", client.get(url("/no/such/route"))),
        (
            "unknown route, POST",
            client.post(url("/nowhere")).body("x"),
        ),
        ("root", client.get(url("/"))),
        ("wrong method", client.put(url("/products/1"))),
        ("wrong method, HEAD", client.patch(url("/inventory"))),
        ("no content type", client.post(url("/orders")).body("{}")),
        (
            "form",
            client
                .post(url("/orders"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body("product=1"),
        ),
        (
            "bad content type",
            client
                .post(url("/orders"))
                .header("content-type", "application/json-seq")
                .body("{}"),
        ),
        ("empty body", json("/orders", b"")),
        ("syntax", json("/orders", b"{")),
        (
            "trailing",
            json("/orders", br#"{"product":1,"quantity":1} x"#),
        ),
        ("not utf-8", json("/orders", b"\"\xc3\x28\"")),
        ("short array", json("/orders", b"[1]")),
        (
            "nested",
            json(
                "/orders",
                b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
            ),
        ),
        ("missing", json("/orders", br#"{"product":1}"#)),
        (
            "negative",
            json("/orders", br#"{"product":-1,"quantity":1}"#),
        ),
        ("float", json("/orders", br#"{"product":1.5,"quantity":1}"#)),
        (
            "no product",
            json("/orders", br#"{"product":9,"quantity":1}"#),
        ),
        (
            "quantity",
            json("/orders", br#"{"product":1,"quantity":0}"#),
        ),
        ("path", client.get(url("/products/abc"))),
        (
            "path overflow",
            client.get(url("/orders/99999999999999999999999")),
        ),
        ("path negative", client.get(url("/products/-1"))),
        ("path post", client.post(url("/orders/many"))),
        ("query", client.get(url("/products?limit=ten"))),
        ("query negative", client.get(url("/products?limit=-1"))),
        ("query empty", client.get(url("/products?limit="))),
        ("handler 404", client.get(url("/products/7"))),
        ("handler 400", client.post(url("/orders/500"))),
        ("handler 429", client.post(url("/checkout"))),
        ("handler 500", client.get(url("/inventory"))),
    ]
}

/// Asserts that `reply` is an error of the `dto` shape, `{"errors":[{"errorCode":<integer>,
/// "message":<string>, ...}]}`, as `application/json`, with nothing of the framework's own text.
#[track_caller]
fn assert_dto_error(what: &str, reply: &support::Reply) {
    assert!(reply.status >= 400, "{what}: {reply:?}");
    let content_type: Vec<&str> = reply
        .headers
        .iter()
        .filter(|(name, _)| name == "content-type")
        .map(|(_, value)| value.as_str())
        .collect();
    assert_eq!(content_type, ["application/json"], "{what}: {reply:?}");
    let body: serde_json::Value = serde_json::from_slice(&reply.body)
        .unwrap_or_else(|e| panic!("{what}: a body that is not JSON ({e}): {reply:?}"));
    let object = body.as_object().expect("an object");
    assert_eq!(object.len(), 1, "{what}: {body}");
    let errors = object["errors"].as_array().expect("`errors`, an array");
    assert_eq!(errors.len(), 1, "{what}: {body}");
    let error = errors[0].as_object().expect("an object in `errors`");
    assert!(error["errorCode"].is_u64(), "{what}: {body}");
    assert!(error["message"].is_string(), "{what}: {body}");
    for (key, value) in error {
        assert!(
            ["errorCode", "message", "subject", "subjectType"].contains(&key.as_str()),
            "{what}: {body}"
        );
        assert!(value.is_string() || key == "errorCode", "{what}: {body}");
    }
    let text = String::from_utf8_lossy(&reply.body);
    for framework in [
        "invalid type",
        "line 1",
        "column",
        "u64",
        "parse",
        "EOF",
        "Payload",
        "Json",
        "Content-Type",
    ] {
        assert!(!text.contains(framework), "{what}: {text}");
    }
}

/// Every bad request of the list gets an error in the `dto` shape.
#[test]
fn every_bad_request_is_in_the_contract() {
    let (server, _log) = shop();
    let client = client();
    for (what, request) in bad_requests(&server, &client) {
        assert_dto_error(what, &send(request));
    }
}

/// A request whose body no one read (the router answered 404 before any handler ran), then a
/// second request on the same client: the second one succeeds, whether or not the first
/// connection could be kept.
#[test]
fn a_body_left_unread_does_not_break_the_next_request() {
    let (server, _log) = shop();
    let client = client();
    for size in [10, 100 * 1024, 1024 * 1024] {
        let reply = post_json(&client, &server.url("/no/such/route"), vec![b'x'; size]);
        assert_eq!(reply.status, 404, "{size}: {reply:?}");
        let reply = get(&client, &server.url("/products/1"));
        assert_eq!(reply.status, 200, "{size}: {reply:?}");
        // The same after a 415 (the extractor did not read the body either).
        let reply = post_body(
            &client,
            &server.url("/orders"),
            Some("text/plain"),
            vec![b'x'; size],
        );
        assert_eq!(reply.status, 415, "{size}: {reply:?}");
        let reply = get(&client, &server.url("/products/1"));
        assert_eq!(reply.status, 200, "{size}: {reply:?}");
    }
}

/// One response read from a raw connection: its head (lowercased) and body; `None` when the
/// server closed the connection first.
fn read_response(stream: &mut std::net::TcpStream) -> Option<(String, Vec<u8>)> {
    use std::io::Read;
    let mut data = Vec::new();
    let mut chunk = [0; 4096];
    let head_end = loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return None,
            Ok(n) => data.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&data[..head_end]).to_lowercase();
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length: "))
        .map_or(0, |length| length.trim().parse().unwrap());
    while data.len() < head_end + length {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return None,
            Ok(n) => data.extend_from_slice(&chunk[..n]),
        }
    }
    Some((head, data[head_end..head_end + length].to_vec()))
}

/// The PRIOR-ART case, on a raw connection: a request whose body arrives after a pause (the
/// router, or the extractor, answers before it is read), then a second request on the same
/// connection. actix-http drops such a connection once the response is out; the response must
/// then say `Connection: close`, or else the second request must be answered.
#[test]
fn a_connection_that_will_be_dropped_says_connection_close() {
    use std::io::Write;
    let (server, _log) = shop();
    let address = server.base.trim_start_matches("http://").to_owned();
    let cases: [(&str, &str, usize, u16); 4] = [
        ("POST /no/such/route", "application/json", 20, 404),
        ("POST /orders", "text/plain", 20, 415),
        ("POST /orders", "application/json", 100 * 1024, 413),
        ("DELETE /checkout", "application/json", 20, 405),
    ];
    for (request_line, content_type, length, status) in cases {
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        stream
            .set_read_timeout(Some(support::REQUEST_TIMEOUT))
            .unwrap();
        let head = format!(
            "{request_line} HTTP/1.1\r\nhost: x\r\ncontent-type: {content_type}\r\ncontent-length: {length}\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(100));
        // The server may have closed already: a failed write is what the client would see.
        let _ = stream.write_all(&vec![b'x'; length]);
        let (head, _) = read_response(&mut stream).expect("no response");
        assert!(
            head.starts_with(&format!("http/1.1 {status} ")),
            "{request_line}: {head}"
        );
        if head.contains("\r\nconnection: close\r\n") {
            continue;
        }
        let second = stream
            .write_all(b"GET /products/1 HTTP/1.1\r\nhost: x\r\n\r\n")
            .ok()
            .and_then(|()| read_response(&mut stream));
        assert!(
            second.is_some_and(|(head, _)| head.starts_with("http/1.1 200 ")),
            "{request_line}: the connection was dropped after a response without `Connection: close`: {head}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Panics and other layers' responses: a server of this file's own, with the example's enum.
// ---------------------------------------------------------------------------------------------

/// What the panicking handler says: text that must stay in the log.
const PANIC_MESSAGE: &str = "stock cache poisoned: token=s3cr3t";

async fn panics() -> actix_web::HttpResponse {
    panic!("{}", PANIC_MESSAGE)
}

async fn panics_with_a_str() -> actix_web::HttpResponse {
    std::panic::panic_any("a static message")
}

async fn unauthorized() -> actix_web::HttpResponse {
    actix_web::HttpResponse::Unauthorized()
        .insert_header(("www-authenticate", "Bearer"))
        .body("who are you?")
}

async fn unavailable() -> actix_web::HttpResponse {
    actix_web::HttpResponse::ServiceUnavailable().body("busy, come back later")
}

async fn framework_json(_: actix_web::web::Json<serde_json::Value>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::NoContent().finish()
}

/// A middleware of the app that refuses `/forbidden` with an error (not a response), and
/// panics in its `call` for `/panic/call`.
async fn gate(
    request: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    if request.path() == "/forbidden" {
        return Err(actix_web::error::ErrorForbidden("token expired at 12:00"));
    }
    if request.path() == "/contract" {
        return Err(ShopError::RateLimited { retry_after: 7 }.into());
    }
    next.call(request).await
}

/// A server whose handlers panic or answer without a contract body, logging into a buffer of
/// its own.
fn crashing() -> (Server, LogBuffer) {
    use actix_web::dev::Service as _;
    use actix_web::{App, web};
    logged_server!(
        App::new()
            .route("/panic", web::get().to(panics))
            .route("/panic/str", web::get().to(panics_with_a_str))
            .route("/unauthorized", web::get().to(unauthorized))
            .route("/unavailable", web::get().to(unavailable))
            .route("/framework", web::post().to(framework_json))
            .route("/products/1", web::get().to(|| async { "a teapot" }))
            .wrap(actix_web::middleware::from_fn(gate))
            .wrap_fn(|request, service| {
                assert_ne!(request.path(), "/panic/call", "{PANIC_MESSAGE}");
                service.call(request)
            })
            .wrap(error_contract::actix::CatchMiddleware::<ShopError>::new())
    )
}

/// The body of `ShopError::Internal`, whatever its status.
const INTERNAL: &str = r#"{"errors":[{"errorCode":900101,"message":"unexpected system error"}]}"#;

#[test]
fn panic_500_message_in_the_log_never_in_the_body() {
    let (server, log) = crashing();
    let client = client();
    let reply = get(&client, &server.url("/panic"));
    assert_reply(&reply, 500, &json_headers("69"), INTERNAL);
    // The connection is still good, and so is the worker.
    let reply = get(&client, &server.url("/products/1"));
    assert_reply(
        &reply,
        200,
        &[
            ("content-length", "8"),
            ("content-type", "text/plain; charset=utf-8"),
        ],
        "a teapot",
    );
    drop(server);
    assert_eq!(
        log.error_contract_lines(),
        [
            concat!(
                r#"DEBUG error_contract: framework failure kind="panic" status=500 "#,
                r#"facts={method: "GET", path: "/panic"} "#,
                "cause=stock cache poisoned: token=s3cr3t"
            ),
            concat!(
                "ERROR error_contract: handler panicked status=500 code=900101 ",
                r#"panic="stock cache poisoned: token=s3cr3t""#
            ),
        ]
    );
}

#[test]
fn panic_in_a_middleware_call_and_with_a_str_payload_500() {
    let (server, log) = crashing();
    let client = client();
    let reply = get(&client, &server.url("/panic/call"));
    assert_reply(&reply, 500, &json_headers("69"), INTERNAL);
    let reply = get(&client, &server.url("/panic/str"));
    assert_reply(&reply, 500, &json_headers("69"), INTERNAL);
    drop(server);
    let errors: Vec<String> = log
        .error_contract_lines()
        .into_iter()
        .filter(|line| line.starts_with("ERROR"))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].contains(r#"panic="assertion `left != right` failed: stock cache poisoned"#),
        "{errors:#?}"
    );
    assert_eq!(
        errors[1],
        r#"ERROR error_contract: handler panicked status=500 code=900101 panic="a static message""#
    );
}

#[test]
fn other_layers_error_responses_take_the_variant_of_their_status() {
    let (server, log) = crashing();
    let client = client();
    // A handler's bare 401: the variant with `catch = "status"` and a run-time status.
    let reply = get(&client, &server.url("/unauthorized"));
    assert_reply(
        &reply,
        401,
        &json_headers("68"),
        r#"{"errors":[{"errorCode":9008,"message":"request cannot be served"}]}"#,
    );
    // A bare 503: the 5xx variant, with its status.
    let reply = get(&client, &server.url("/unavailable"));
    assert_reply(&reply, 503, &json_headers("69"), INTERNAL);
    // actix-web's own `web::Json`: its text/plain 400. Whether whoever wrote a foreign response
    // read the body is not known: the connection is not kept.
    let reply = post_json(&client, &server.url("/framework"), "{");
    assert_reply(
        &reply,
        400,
        &[
            ("connection", "close"),
            ("content-length", "68"),
            ("content-type", "application/json"),
        ],
        r#"{"errors":[{"errorCode":9008,"message":"request cannot be served"}]}"#,
    );
    // A middleware's error: a 403.
    let reply = get(&client, &server.url("/forbidden"));
    assert_reply(
        &reply,
        403,
        &json_headers("68"),
        r#"{"errors":[{"errorCode":9008,"message":"request cannot be served"}]}"#,
    );
    // A middleware's error that is a contract error: as it is.
    let reply = get(&client, &server.url("/contract"));
    assert_reply(
        &reply,
        429,
        &[
            ("content-length", "61"),
            ("content-type", "application/json"),
            ("retry-after", "7"),
        ],
        r#"{"errors":[{"errorCode":4029,"message":"too many requests"}]}"#,
    );
    drop(server);
    let lines = log.error_contract_lines();
    // The foreign texts are in the log only.
    for text in [
        "Json deserialize error: EOF while parsing an object at line 1 column 1",
        "token expired at 12:00",
    ] {
        assert!(
            lines.iter().any(|line| line.contains(text)),
            "{text}: {lines:#?}"
        );
    }
    // The 503 is a server error response, logged as such.
    assert!(
        lines.contains(
            &"ERROR error_contract: server error response status=503 code=900101 error=unexpected system error sources=[]"
                .to_owned()
        ),
        "{lines:#?}"
    );
}

/// Other layers' responses that no variant claims (a handler's bare 409, 418 and 503,
/// actix-web's own 405 for a method the resource does not take) keep their status, answered by
/// the variant of `catch::Layered` that takes every status of their class; the 405 keeps its
/// `Allow`.
#[test]
fn foreign_statuses_nobody_claims_keep_their_status() {
    use crate::catch::{Layered, PROBLEM, REFUSED};
    use actix_web::{App, HttpResponse, web};
    let (server, log) = logged_server!(
        App::new()
            .route(
                "/conflict",
                web::get().to(|| async { HttpResponse::Conflict().body("version clash") })
            )
            .route(
                "/teapot",
                web::get().to(|| async { HttpResponse::ImATeapot().body("short and stout") })
            )
            .route(
                "/unavailable",
                web::get().to(|| async { HttpResponse::ServiceUnavailable().body("down") })
            )
            .service(web::resource("/only-get").get(|| async { "got" }))
            .wrap(error_contract::actix::CatchMiddleware::<Layered>::new())
    );
    let client = client();
    let reply = get(&client, &server.url("/conflict"));
    assert_reply(&reply, 409, &json_headers("73"), REFUSED);
    let reply = get(&client, &server.url("/teapot"));
    assert_reply(&reply, 418, &json_headers("73"), REFUSED);
    let reply = send(client.delete(server.url("/only-get")));
    assert_reply(
        &reply,
        405,
        &[
            ("allow", "GET"),
            ("content-length", "73"),
            ("content-type", "application/json"),
        ],
        REFUSED,
    );
    let reply = get(&client, &server.url("/unavailable"));
    assert_reply(&reply, 503, &json_headers("86"), PROBLEM);
    drop(server);
    let lines = log.error_contract_lines();
    assert!(
        lines.contains(
            &"ERROR error_contract: server error response status=503 code=internal_server_error error=There was a problem on our end. sources=[]"
                .to_owned()
        ),
        "{lines:#?}"
    );
}

/// The table walk on the server whose handlers panic or answer without a contract body.
#[test]
fn every_failure_of_other_layers_is_in_the_contract() {
    let (server, _log) = crashing();
    let client = client();
    for path in [
        "/panic",
        "/panic/str",
        "/panic/call",
        "/unauthorized",
        "/unavailable",
        "/forbidden",
        "/contract",
        "/framework",
        "/nowhere",
    ] {
        assert_dto_error(path, &get(&client, &server.url(path)));
    }
    let reply = post_json(&client, &server.url("/framework"), r#"{"a":"#);
    assert_dto_error("actix-web's own Json", &reply);
}

/// A chunked body (no `Content-Length`) that goes over the limit as it arrives: 413, and the
/// connection is not kept.
#[test]
fn chunked_body_over_the_limit_413() {
    use std::io::Write;
    let (server, _log) = shop();
    let address = server.base.trim_start_matches("http://").to_owned();
    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    stream
        .set_read_timeout(Some(support::REQUEST_TIMEOUT))
        .unwrap();
    let head = "POST /orders HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
    stream.write_all(head.as_bytes()).unwrap();
    let chunk = format!("4000\r\n{}\r\n", " ".repeat(0x4000));
    for _ in 0..5 {
        // The server may answer (and close) before the last chunk.
        if stream.write_all(chunk.as_bytes()).is_err() {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    let (head, body) = read_response(&mut stream).expect("no response");
    assert!(head.starts_with("http/1.1 413 "), "{head}");
    assert!(head.contains("\r\nconnection: close\r\n"), "{head}");
    assert_eq!(
        String::from_utf8_lossy(&body),
        r#"{"errors":[{"errorCode":9007,"message":"payload too large"}]}"#
    );
}

/// `web::PayloadConfig::mimetype` narrows what `Json` reads: another JSON type is refused as
/// an unsupported media type, with what was sent.
#[test]
fn a_payload_config_mimetype_refuses_as_unsupported_media_type() {
    use actix_web::{App, test, web};
    async fn create(order: error_contract::actix::Json<serde_json::Value, ShopError>) -> String {
        order.to_string()
    }
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(
            App::new()
                .app_data(
                    web::PayloadConfig::default()
                        .mimetype("application/json".parse().unwrap()),
                )
                .route("/orders", web::post().to(create))
                .wrap(error_contract::actix::CatchMiddleware::<ShopError>::new()),
        )
        .await;
        let request = |content_type: &str| {
            test::TestRequest::post()
                .uri("/orders")
                .insert_header(("content-type", content_type))
                .set_payload(r#"{"product":1}"#)
                .to_request()
        };
        let body = test::call_and_read_body(&app, request("application/json")).await;
        assert_eq!(body, r#"{"product":1}"#);
        let response = test::call_service(&app, request("application/merge-patch+json")).await;
        assert_eq!(response.status().as_u16(), 415);
        assert_eq!(
            test::read_body(response).await,
            r#"{"errors":[{"errorCode":9006,"message":"unsupported media type","subject":"application/merge-patch+json"}]}"#
        );
    });
}

/// Bounded load of mixed bad requests on kept-alive connections: every request is answered.
#[test]
fn no_request_is_lost_under_mixed_load() {
    let (server, _log) = shop();
    support::assert_no_request_lost(&server.url(""));
}

/// `GET /openapi.json` serves the document of every route: its success, its own errors and what
/// its extractors and the middleware answer; valid, each example against its schema.
#[test]
fn openapi_json_documents_every_route() {
    use utoipa::OpenApi;
    let server = Server::start();
    let document = crate::openapi_check::assert_served(
        &server.url("/openapi.json"),
        &serde_json::to_value(actix_server::ApiDoc::openapi()).expect("serializes"),
    );
    assert_eq!(
        crate::openapi_check::operations(&document),
        [
            "post /checkout: 200 405 429 500",
            "get /inventory: 200 405 500",
            "post /orders: 201 400 404 405 413 415 500",
            "get /orders/{id}: 200 400 404 405 500",
            "post /orders/{id}: 201 400 404 405 500",
            "get /products: 200 400 405 500",
            "get /products/{id}: 200 400 404 405 500",
        ]
    );
}
