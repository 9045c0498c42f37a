//! The typed call, end to end: a response becomes `Result<T, ClientError<E>>`, through reqwest
//! (async and blocking) and a bare hyper client (`decode::http`), against the shop server of
//! `runtime/examples/axum_server.rs` (decoded with its own enum) and a raw TCP server that
//! resets, closes or stalls halfway through a body. Every case with exact values.

use crate::axum_server;
use crate::support;

use axum_server::ShopError;
use error_contract::decode::{
    BodyLimits, ClientError, Decode, RawBody, SuccessBody, TransportKind,
};
use error_contract::{ApiError, RetryAfter, Status, Unknown};
use serde::Deserialize;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::time::{Duration, UNIX_EPOCH};
use support::Loopback;

/// How long a client waits for a stalled server.
const TIMEOUT: Duration = Duration::from_millis(700);

/// A product as the client reads it.
#[derive(Debug, PartialEq, Deserialize)]
struct Product {
    id: u64,
    name: String,
}

/// An order as the client reads it.
#[derive(Debug, PartialEq, Deserialize)]
struct Order {
    id: u64,
    product: u64,
    quantity: i64,
}

/// A request: method, URL, and a JSON body.
struct Request {
    method: &'static str,
    url: String,
    json: Option<&'static str>,
}

fn get(url: String) -> Request {
    Request {
        method: "GET",
        url,
        json: None,
    }
}

fn request(method: &'static str, url: String) -> Request {
    Request {
        method,
        url,
        json: None,
    }
}

/// One of the HTTP clients the typed call reads.
trait Client {
    /// The client's name, for failure messages.
    fn name(&self) -> &'static str;

    /// Whether the client has a timeout of its own (a bare hyper connection has none).
    fn times_out(&self) -> bool;

    /// The client's own text of a body that broke off, and of a connection refused to `url`.
    fn texts(&self, url: &str) -> (&'static str, String);

    fn call<T: SuccessBody + Send + 'static, E: Decode + Send + 'static>(
        &self,
        request: Request,
        limits: BodyLimits,
    ) -> Result<T, ClientError<E>>;
}

/// `decode::reqwest::send` / `read_limited`, on a runtime of its own.
struct Async;

impl Client for Async {
    fn name(&self) -> &'static str {
        "reqwest"
    }

    fn texts(&self, url: &str) -> (&'static str, String) {
        (
            "error decoding response body",
            format!("error sending request for url ({url})"),
        )
    }

    fn times_out(&self) -> bool {
        true
    }

    fn call<T: SuccessBody + Send + 'static, E: Decode + Send + 'static>(
        &self,
        request: Request,
        limits: BodyLimits,
    ) -> Result<T, ClientError<E>> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let client = reqwest::Client::builder().timeout(TIMEOUT).build().unwrap();
            let method = reqwest::Method::from_bytes(request.method.as_bytes()).unwrap();
            let mut builder = client.request(method, &request.url);
            if let Some(json) = request.json {
                builder = builder
                    .header("content-type", "application/json")
                    .body(json);
            }
            if limits == BodyLimits::default() {
                return error_contract::decode::reqwest::send(builder).await;
            }
            let response = builder.send().await?;
            error_contract::decode::reqwest::read_limited(response, limits).await
        })
    }
}

/// `decode::reqwest::blocking::send` / `read_limited`.
struct Blocking;

impl Client for Blocking {
    fn name(&self) -> &'static str {
        "reqwest::blocking"
    }

    fn texts(&self, url: &str) -> (&'static str, String) {
        (
            "request or response body error",
            format!("error sending request for url ({url})"),
        )
    }

    fn times_out(&self) -> bool {
        true
    }

    fn call<T: SuccessBody + Send + 'static, E: Decode + Send + 'static>(
        &self,
        request: Request,
        limits: BodyLimits,
    ) -> Result<T, ClientError<E>> {
        let client = reqwest::blocking::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .unwrap();
        let method = reqwest::Method::from_bytes(request.method.as_bytes()).unwrap();
        let mut builder = client.request(method, &request.url);
        if let Some(json) = request.json {
            builder = builder
                .header("content-type", "application/json")
                .body(json);
        }
        if limits == BodyLimits::default() {
            return error_contract::decode::reqwest::blocking::send(builder);
        }
        let response = builder.send()?;
        error_contract::decode::reqwest::blocking::read_limited(response, limits)
    }
}

/// `decode::http::read_limited` of a bare hyper HTTP/1 connection's `Response<Incoming>`.
struct Hyper;

impl Client for Hyper {
    fn name(&self) -> &'static str {
        "hyper"
    }

    fn texts(&self, _: &str) -> (&'static str, String) {
        (
            "error reading a body from connection",
            "Connection refused (os error 111)".to_owned(),
        )
    }

    fn times_out(&self) -> bool {
        false
    }

    fn call<T: SuccessBody + Send + 'static, E: Decode + Send + 'static>(
        &self,
        request: Request,
        limits: BodyLimits,
    ) -> Result<T, ClientError<E>> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let uri: http::Uri = request.url.parse().unwrap();
            let address = format!("{}:{}", uri.host().unwrap(), uri.port_u16().unwrap());
            let stream = tokio::net::TcpStream::connect(address).await.map_err(|e| {
                ClientError::Transport(error_contract::decode::TransportError::new(
                    TransportKind::Connect,
                    e,
                ))
            })?;
            let (mut sender, connection) =
                hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
                    .await
                    .unwrap();
            tokio::spawn(connection);
            let mut builder = http::Request::builder()
                .method(request.method)
                .uri(uri.path_and_query().unwrap().as_str())
                .header("host", uri.authority().unwrap().as_str());
            if request.json.is_some() {
                builder = builder.header("content-type", "application/json");
            }
            let http_request = builder
                .body(request.json.unwrap_or_default().to_owned())
                .unwrap();
            let response = sender.send_request(http_request).await.unwrap();
            error_contract::decode::http::read_limited(response, limits).await
        })
    }
}

/// The shop server of the axum example, on a free loopback port, until dropped.
fn shop() -> Loopback {
    Loopback::start(|listener, stopped| {
        axum_server::serve(listener, async move {
            let _ = stopped.await;
        })
    })
}

/// A loopback port with nothing listening.
fn closed_port() -> String {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{address}")
}

/// Every kind of result against the shop, through `client`.
fn every_case_against_the_shop(client: &impl Client) {
    let shop = shop();
    let name = client.name();
    let default = BodyLimits::default();

    // Success bodies: a struct, a list, a body after a JSON request, and the bytes as they are.
    let product: Result<Product, ClientError<ShopError>> =
        client.call(get(shop.url("/products/1")), default);
    assert_eq!(
        product.unwrap(),
        Product {
            id: 1,
            name: "teapot".into()
        },
        "{name}"
    );
    let products: Vec<Product> = client
        .call::<_, ShopError>(get(shop.url("/products?limit=2")), default)
        .unwrap();
    assert_eq!(
        products,
        [
            Product {
                id: 1,
                name: "teapot".into()
            },
            Product {
                id: 2,
                name: "kettle".into()
            }
        ],
        "{name}"
    );
    let order: Order = client
        .call::<_, ShopError>(
            Request {
                method: "POST",
                url: shop.url("/orders"),
                json: Some(r#"{"product":1,"quantity":2}"#),
            },
            default,
        )
        .unwrap();
    assert_eq!(
        order,
        Order {
            id: 1,
            product: 1,
            quantity: 2
        },
        "{name}"
    );
    let raw: RawBody = client
        .call::<_, ShopError>(get(shop.url("/products/3")), default)
        .unwrap();
    assert_eq!(raw.as_bytes(), br#"{"id":3,"name":"cup"}"#, "{name}");

    api_errors(client, &shop);
    framework_failures(client, &shop);
    failures(client, shop);
}

/// The API's errors, decoded by the server's own enum: header fields from the headers, the
/// source (which never travels) as `None`.
fn api_errors(client: &impl Client, shop: &Loopback) {
    let name = client.name();
    let default = BodyLimits::default();
    let call = |request: Request| -> ClientError<ShopError> {
        client
            .call::<RawBody, ShopError>(request, default)
            .unwrap_err()
    };
    let err = call(get(shop.url("/products/7")));
    assert!(
        matches!(
            err,
            ClientError::Api {
                error: ShopError::ProductNotFound,
                ..
            }
        ),
        "{name}: {err:?}"
    );
    assert_eq!(
        err.to_string(),
        "the API answered 404 product_not_found: product not found"
    );
    assert_eq!(err.status(), Some(Status::NOT_FOUND));
    let err = call(get(shop.url("/orders/42")));
    assert!(
        matches!(
            err,
            ClientError::Api {
                error: ShopError::OrderNotFound { id: 42 },
                ..
            }
        ),
        "{name}: {err:?}"
    );
    let err = call(request("POST", shop.url("/orders/500")));
    assert!(
        matches!(
            err,
            ClientError::Api {
                error: ShopError::InvalidQuantity {
                    quantity: 500,
                    max: 99,
                    pointer: None,
                },
                ..
            }
        ),
        "{name}: {err:?}"
    );
    let err = call(request("POST", shop.url("/checkout")));
    assert!(
        matches!(
            err,
            ClientError::Api {
                error: ShopError::RateLimited { retry_after: 30 },
                ..
            }
        ),
        "{name}: {err:?}"
    );
    let err = call(get(shop.url("/inventory")));
    assert!(
        matches!(
            err,
            ClientError::Api {
                error: ShopError::InventoryUnavailable(None),
                ..
            }
        ),
        "{name}: {err:?}"
    );
}

/// The framework's own failures, decoded by the server's own enum.
fn framework_failures(client: &impl Client, shop: &Loopback) {
    let name = client.name();
    let default = BodyLimits::default();
    let call = |request: Request| -> ClientError<ShopError> {
        client
            .call::<RawBody, ShopError>(request, default)
            .unwrap_err()
    };
    let ClientError::Api {
        error: ShopError::NoSuchRoute { path },
        ..
    } = call(get(shop.url("/no/such/route")))
    else {
        panic!("{name}: unknown route");
    };
    assert_eq!(path, "/no/such/route");
    let ClientError::Api {
        error: ShopError::MethodNotAllowed { method },
        ..
    } = call(request("DELETE", shop.url("/checkout")))
    else {
        panic!("{name}: method not allowed");
    };
    assert_eq!(method, "DELETE");
    let ClientError::Api {
        error: ShopError::InvalidParameter { parameter },
        ..
    } = call(get(shop.url("/orders/abc")))
    else {
        panic!("{name}: invalid parameter");
    };
    assert_eq!(parameter.as_deref(), Some("id"));
    let ClientError::Api {
        error: ShopError::UnsupportedMediaType { content_type },
        ..
    } = call(Request {
        method: "POST",
        url: shop.url("/orders"),
        json: None,
    })
    else {
        panic!("{name}: unsupported media type");
    };
    assert_eq!(content_type, None);
}

/// A success body that is not a `T`, bodies over the limits, and the server not running.
fn failures(client: &impl Client, shop: Loopback) {
    let name = client.name();
    let default = BodyLimits::default();
    let err = client
        .call::<Vec<Product>, ShopError>(get(shop.url("/products/1")), default)
        .unwrap_err();
    let ClientError::InvalidBody(invalid) = &err else {
        panic!("{name}: {err:?}");
    };
    assert_eq!(invalid.status(), Status::new(200).unwrap());
    assert_eq!(invalid.body(), br#"{"id":1,"name":"teapot"}"#);
    assert_eq!(
        err.to_string(),
        "the success body (status 200) is not of the expected type: invalid type: map, expected a sequence at line 1 column 0"
    );
    assert_eq!(err.status(), Some(Status::new(200).unwrap()));

    // A success body over the limit.
    let limits = BodyLimits {
        success: 10,
        ..BodyLimits::default()
    };
    let err = client
        .call::<Vec<Product>, ShopError>(get(shop.url("/products")), limits)
        .unwrap_err();
    let ClientError::TooLarge(too_large) = &err else {
        panic!("{name}: {err:?}");
    };
    assert_eq!(too_large.limit(), 10);
    assert_eq!(too_large.status(), Status::new(200).unwrap());
    assert_eq!(
        err.to_string(),
        "the success body (status 200) is over the limit of 10 bytes"
    );

    // An error body over its limit: decoded by the status alone, here `Unrecognized` (the
    // server's enum has no `other` variant).
    let limits = BodyLimits {
        error: 10,
        ..BodyLimits::default()
    };
    let err = client
        .call::<RawBody, ShopError>(get(shop.url("/products/7")), limits)
        .unwrap_err();
    let ClientError::Unrecognized(unknown) = &err else {
        panic!("{name}: {err:?}");
    };
    assert_eq!(unknown.status(), Status::NOT_FOUND);
    assert_eq!(unknown.received_code(), None);
    assert_eq!(err.to_string(), "unrecognized error response (status 404)");

    // The server not running.
    drop(shop);
    let url = format!("{}/products/1", closed_port());
    let err = client
        .call::<RawBody, ShopError>(get(url.clone()), default)
        .unwrap_err();
    let ClientError::Transport(transport) = &err else {
        panic!("{name}: {err:?}");
    };
    assert_eq!(transport.kind(), TransportKind::Connect, "{name}");
    assert_eq!(
        err.to_string(),
        format!("the connection failed: {}", client.texts(&url).1),
        "{name}"
    );
    assert_eq!(err.status(), None);
}

#[test]
fn reqwest_every_case_against_the_shop() {
    every_case_against_the_shop(&Async);
}

#[test]
fn reqwest_blocking_every_case_against_the_shop() {
    every_case_against_the_shop(&Blocking);
}

#[test]
fn hyper_every_case_against_the_shop() {
    every_case_against_the_shop(&Hyper);
}

/// A raw HTTP/1.1 server: each connection's request is read, then `answer` writes what it
/// wants and may reset, close or stall. Returns the base URL.
fn raw(answer: impl Fn(TcpStream) + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).unwrap();
    let address = listener.local_addr().unwrap();
    let answer = std::sync::Arc::new(answer);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let answer = std::sync::Arc::clone(&answer);
            std::thread::spawn(move || {
                stream
                    .set_read_timeout(Some(Duration::from_secs(5)))
                    .unwrap();
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                answer(stream);
            });
        }
    });
    format!("http://{address}")
}

/// Writes the status line and headers of a response whose body is `length` bytes.
fn head(stream: &mut TcpStream, status: &str, length: usize, extra: &str) {
    let head = format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {length}\r\n{extra}\r\n"
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.flush().unwrap();
}

/// Sends a TCP reset (`SO_LINGER` 0, then close), after the client has read what was written.
fn reset(stream: TcpStream) {
    std::thread::sleep(Duration::from_millis(200));
    socket2::SockRef::from(&stream)
        .set_linger(Some(Duration::ZERO))
        .unwrap();
    drop(stream);
}

/// The client's decoding type for the raw server.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case", decode)]
enum Api {
    #[api_error(status = 404, message = "not found")]
    NotFound,
    #[api_error(status = 429, message = "slow down")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: Option<RetryAfter>,
    },
    #[api_error(status = 401, message = "sign in")]
    Unauthorized {
        #[api_error(header = "WWW-Authenticate")]
        challenge: String,
    },
    #[api_error(other)]
    Other(Unknown),
}

fn transport_kind(result: Result<RawBody, ClientError<Api>>) -> (TransportKind, String) {
    match result {
        Err(ClientError::Transport(transport)) => (transport.kind(), transport.to_string()),
        other => panic!("not a transport error: {other:?}"),
    }
}

/// A reset or an early close halfway through a body is a transport failure of the body, for a
/// success and for an error alike.
fn body_breaks_off(client: &impl Client) {
    let name = client.name();
    let success_reset = raw(|mut stream| {
        head(&mut stream, "200 OK", 100, "");
        stream.write_all(&[b' '; 40]).unwrap();
        reset(stream);
    });
    let error_reset = raw(|mut stream| {
        head(&mut stream, "404 Not Found", 100, "");
        stream.write_all(br#"{"code":"not_found","#).unwrap();
        reset(stream);
    });
    let success_closed = raw(|mut stream| {
        head(&mut stream, "200 OK", 100, "");
        stream.write_all(b"[1,2,").unwrap();
        std::thread::sleep(Duration::from_millis(100));
        drop(stream);
    });
    for url in [success_reset, error_reset, success_closed] {
        let result = client.call::<RawBody, Api>(get(format!("{url}/")), BodyLimits::default());
        let (kind, message) = transport_kind(result);
        assert_eq!(kind, TransportKind::Body, "{name}: {message}");
        assert_eq!(
            message,
            format!("the response body broke off: {}", client.texts(&url).0),
            "{name}"
        );
    }
}

#[test]
fn reqwest_body_breaks_off() {
    body_breaks_off(&Async);
}

#[test]
fn reqwest_blocking_body_breaks_off() {
    body_breaks_off(&Blocking);
}

#[test]
fn hyper_body_breaks_off() {
    body_breaks_off(&Hyper);
}

/// A server that stalls, before its headers or halfway through a body: the client's timeout.
/// (A bare hyper connection has no timeout of its own, so this is for reqwest.)
fn stalls(client: &impl Client) {
    assert!(client.times_out());
    let name = client.name();
    let before_headers = raw(|stream| {
        std::thread::sleep(TIMEOUT * 4);
        drop(stream);
    });
    let halfway = raw(|mut stream| {
        head(&mut stream, "200 OK", 100, "");
        stream.write_all(b"[1,2,").unwrap();
        std::thread::sleep(TIMEOUT * 4);
        drop(stream);
    });
    let error_halfway = raw(|mut stream| {
        head(&mut stream, "503 Service Unavailable", 100, "");
        stream.write_all(b"{").unwrap();
        std::thread::sleep(TIMEOUT * 4);
        drop(stream);
    });
    let cases = [
        (
            before_headers.clone(),
            format!("error sending request for url ({before_headers}/)"),
        ),
        (halfway, "error decoding response body".to_owned()),
        (error_halfway, "error decoding response body".to_owned()),
    ];
    for (url, text) in cases {
        let result = client.call::<RawBody, Api>(get(format!("{url}/")), BodyLimits::default());
        let (kind, message) = transport_kind(result);
        assert_eq!(kind, TransportKind::Timeout, "{name}: {message}");
        assert_eq!(message, format!("the request timed out: {text}"), "{name}");
    }
}

#[test]
fn reqwest_stalls_time_out() {
    stalls(&Async);
}

#[test]
fn reqwest_blocking_stalls_time_out() {
    stalls(&Blocking);
}

/// The status comes first: a `Content-Length` over the limit is refused before a byte of the
/// body is read (this server never sends one, and never closes), a 204 reads as `()`.
fn status_first(client: &impl Client) {
    let name = client.name();
    let huge_success = raw(|mut stream| {
        head(&mut stream, "200 OK", 1 << 30, "");
        std::thread::sleep(TIMEOUT * 4);
    });
    let huge_error = raw(|mut stream| {
        head(&mut stream, "502 Bad Gateway", 1 << 30, "");
        std::thread::sleep(TIMEOUT * 4);
    });
    let no_content = raw(|mut stream| {
        stream
            .write_all(b"HTTP/1.1 204 No Content\r\n\r\n")
            .unwrap();
        std::thread::sleep(Duration::from_millis(100));
    });
    let err = client
        .call::<RawBody, Api>(get(format!("{huge_success}/")), BodyLimits::default())
        .unwrap_err();
    let ClientError::TooLarge(too_large) = err else {
        panic!("{name}: {err:?}");
    };
    assert_eq!(too_large.limit(), 16 * 1024 * 1024);
    let err = client
        .call::<RawBody, Api>(get(format!("{huge_error}/")), BodyLimits::default())
        .unwrap_err();
    let ClientError::Api {
        error: Api::Other(unknown),
        ..
    } = err
    else {
        panic!("{name}: {err:?}");
    };
    assert_eq!(unknown.status(), Status::BAD_GATEWAY);
    assert_eq!(unknown.received_code(), None);
    assert_eq!(&*unknown.body(), r#"{"code":502,"message":"Bad Gateway"}"#);
    let nothing: Result<(), ClientError<Api>> =
        client.call(get(format!("{no_content}/")), BodyLimits::default());
    assert!(nothing.is_ok(), "{name}");
    let nothing: Result<Option<Product>, ClientError<Api>> =
        client.call(get(format!("{no_content}/")), BodyLimits::default());
    assert_eq!(nothing.unwrap(), None, "{name}");
}

#[test]
fn reqwest_status_first() {
    status_first(&Async);
}

#[test]
fn reqwest_blocking_status_first() {
    status_first(&Blocking);
}

#[test]
fn hyper_status_first() {
    status_first(&Hyper);
}

/// A known code that arrives with another status than its variant declares: the variant, and
/// the status as it arrived.
fn status_as_arrived(client: &impl Client) {
    let name = client.name();
    let gone = raw(|mut stream| {
        let body = r#"{"code":"not_found","message":"not found"}"#;
        head(&mut stream, "410 Gone", body.len(), "");
        stream.write_all(body.as_bytes()).unwrap();
    });
    let err = client
        .call::<RawBody, Api>(get(format!("{gone}/")), BodyLimits::default())
        .unwrap_err();
    assert_eq!(err.status(), Some(Status::GONE), "{name}");
    assert_eq!(
        err.to_string(),
        "the API answered 410 not_found: not found",
        "{name}"
    );
    let ClientError::Api {
        error: Api::NotFound,
        status,
    } = err
    else {
        panic!("{name}: {err:?}");
    };
    assert_eq!(status, Status::GONE, "{name}");
}

#[test]
fn reqwest_status_as_arrived() {
    status_as_arrived(&Async);
}

#[test]
fn reqwest_blocking_status_as_arrived() {
    status_as_arrived(&Blocking);
}

#[test]
fn hyper_status_as_arrived() {
    status_as_arrived(&Hyper);
}

/// Header fields and `Retry-After` from real responses, in both forms and broken.
fn headers(client: &impl Client) {
    let name = client.name();
    let answer = |status: &'static str, extra: &'static str, body: &'static str| {
        raw(move |mut stream| {
            head(&mut stream, status, body.len(), extra);
            stream.write_all(body.as_bytes()).unwrap();
            std::thread::sleep(Duration::from_millis(100));
        })
    };
    let limited = r#"{"code":"rate_limited","message":"slow down"}"#;
    let call = |url: String| {
        client
            .call::<RawBody, Api>(get(format!("{url}/")), BodyLimits::default())
            .unwrap_err()
    };
    let cases = [
        ("retry-after: 30\r\n", Some(RetryAfter::Seconds(30))),
        (
            "retry-after: Wed, 21 Oct 2015 07:28:07 GMT\r\n",
            Some(RetryAfter::Date(
                UNIX_EPOCH + Duration::from_secs(1_445_412_487),
            )),
        ),
        ("retry-after: -1\r\n", None),
        (
            "retry-after: 99999999999999999999\r\n",
            Some(RetryAfter::Seconds(u64::MAX)),
        ),
        ("retry-after: Wed, 32 Oct 2015 07:28:07 GMT\r\n", None),
        ("", None),
    ];
    for (header, expected) in cases {
        let err = call(answer("429 Too Many Requests", header, limited));
        let ClientError::Api {
            error: Api::RateLimited { retry_after },
            ..
        } = err
        else {
            panic!("{name}: {header:?}: {err:?}");
        };
        assert_eq!(retry_after, expected, "{name}: {header:?}");
    }
    // A required header field: there, and missing (the response goes to `other`, code kept).
    let unauthorized = r#"{"code":"unauthorized","message":"sign in"}"#;
    let err = call(answer(
        "401 Unauthorized",
        "www-authenticate: Bearer realm=\"shop\"\r\n",
        unauthorized,
    ));
    let ClientError::Api {
        error: Api::Unauthorized { challenge },
        ..
    } = err
    else {
        panic!("{name}: {err:?}");
    };
    assert_eq!(challenge, "Bearer realm=\"shop\"");
    let err = call(answer("401 Unauthorized", "", unauthorized));
    let ClientError::Api {
        error: Api::Other(unknown),
        ..
    } = err
    else {
        panic!("{name}: {err:?}");
    };
    assert_eq!(unknown.code(), "unauthorized");
    // An unknown 503 keeps its `Retry-After`; an unknown 500 does not say when to retry.
    let err = call(answer(
        "503 Service Unavailable",
        "retry-after: 120\r\n",
        "{}",
    ));
    let ClientError::Api {
        error: Api::Other(unknown),
        ..
    } = err
    else {
        panic!("{name}: {err:?}");
    };
    assert_eq!(unknown.retry_after(), Some(RetryAfter::Seconds(120)));
    let err = call(answer(
        "500 Internal Server Error",
        "retry-after: 120\r\n",
        "{}",
    ));
    let ClientError::Api {
        error: Api::Other(unknown),
        ..
    } = err
    else {
        panic!("{name}: {err:?}");
    };
    assert_eq!(unknown.retry_after(), None);
}

#[test]
fn reqwest_headers() {
    headers(&Async);
}

#[test]
fn reqwest_blocking_headers() {
    headers(&Blocking);
}

#[test]
fn hyper_headers() {
    headers(&Hyper);
}
