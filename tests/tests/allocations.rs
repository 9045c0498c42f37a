//! Allocation counts, with a counting global allocator: unit variants allocate nothing for
//! `body()`, `status()`, `code()`, `message()`, `Display` and `headers()` (fixed headers
//! included); a body with run-time
//! parts is one allocation; axum's `CatchLayer` adds none to a successful request, and
//! actix-web's `CatchMiddleware` none to a response.

use error_contract::ApiError;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;
use std::hint::black_box;

struct Counting;

thread_local! {
    // `const` and destructor-free, so reading it never allocates.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every method forwards to `System` unchanged; the counter is a thread-local `Cell`.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded with the caller's pointer, layout and size.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The allocations (including reallocations) `f` makes on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    let value = black_box(f());
    let after = ALLOCATIONS.with(Cell::get);
    drop(value);
    after - before
}

/// A `fmt::Write` into a fixed buffer, so `Display` can be measured without a `String`.
struct Fixed {
    buf: [u8; 256],
    len: usize,
}

impl std::fmt::Write for Fixed {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        self.buf
            .get_mut(self.len..end)
            .ok_or(std::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
enum Shop {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(status = 400, code = 5000, message = "validation error: {subject}")]
    Validation {
        #[api_error(expose)]
        subject: String,
        #[api_error(expose, rename = "attempt")]
        attempt: u64,
    },
    #[api_error(status = 400, code = 5001, message = "static message, exposed fields")]
    Exposed {
        #[api_error(expose)]
        id: u64,
    },
    #[api_error(transparent)]
    Auth(Auth),
}

#[derive(Debug, ApiError)]
#[api_error(style = "problem")]
enum Auth {
    #[api_error(status = 401, code = 4003, message = "authentication token is invalid")]
    InvalidToken,
    #[api_error(status = 500, code = 9001, message = "unexpected system error")]
    Upstream {
        #[api_error(status)]
        status: u16,
    },
}

fn assert_free(err: &impl ApiError, what: &str) {
    assert_eq!(allocations(|| err.body()), 0, "body() of {what}");
    assert_eq!(allocations(|| err.status()), 0, "status() of {what}");
    assert_eq!(allocations(|| err.code()), 0, "code() of {what}");
    assert_eq!(allocations(|| err.message()), 0, "message() of {what}");
    assert_eq!(allocations(|| err.headers()), 0, "headers() of {what}");
    let mut out = Fixed {
        buf: [0; 256],
        len: 0,
    };
    assert_eq!(allocations(|| write!(out, "{err}")), 0, "Display of {what}");
    assert!(out.len > 0);
}

#[test]
fn unit_variants_allocate_nothing() {
    assert_free(&Shop::NotFound, "a unit variant");
    assert_free(
        &Shop::Auth(Auth::InvalidToken),
        "a transparent unit variant",
    );
    assert_free(&Auth::InvalidToken, "a problem-style unit variant");
}

/// Fixed headers, the enum's and a variant's: a static list.
#[derive(Debug, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case")]
#[api_error(headers("Cache-Control" = "no-store", "Pragma" = "no-cache"))]
enum FixedHeaders {
    #[api_error(status = 400, message = "the request is missing a parameter")]
    InvalidRequest,
    #[api_error(status = 401, message = "the client is unknown")]
    #[api_error(headers("WWW-Authenticate" = "Basic realm=\"token\"", "pragma" = "no-transform"))]
    InvalidClient,
}

#[test]
fn fixed_headers_allocate_nothing() {
    assert_free(
        &FixedHeaders::InvalidRequest,
        "a unit variant with the enum's headers",
    );
    assert_free(
        &FixedHeaders::InvalidClient,
        "a unit variant with headers of its own",
    );
    let headers = FixedHeaders::InvalidClient.headers();
    assert_eq!(
        allocations(|| headers.iter().count() + usize::from(headers.get("PRAGMA").is_some())),
        0
    );
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            ("Cache-Control", "no-store"),
            ("WWW-Authenticate", "Basic realm=\"token\""),
            ("pragma", "no-transform"),
        ]
    );
}
/// Templated headers: `{code}` and a static `{message}` are written out by the derive; a field's
/// value is written once, into one allocation of its length.
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[api_error(headers("Link" = "<https://docs.example.com/errors/{code}>; rel=\"help\""))]
enum TemplatedHeaders {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    #[api_error(headers("X-Error" = "{code}: {message}"))]
    NotFound,
    #[api_error(status = 409, code = 3009, message = "order {order} conflicts")]
    #[api_error(headers("X-Order" = "{order}", "X-Error" = "{message}"))]
    Conflict { order: String },
    #[api_error(status = 429, code = 4029, message = "slow down")]
    #[api_error(headers("X-Code" = "{code:>8}"))]
    Padded,
}

#[test]
fn templated_headers_are_sized_once() {
    assert_free(
        &TemplatedHeaders::NotFound,
        "a unit variant with templates of its code and message",
    );
    assert_eq!(
        TemplatedHeaders::NotFound
            .headers()
            .iter()
            .collect::<Vec<_>>(),
        [
            (
                "Link",
                "<https://docs.example.com/errors/3001>; rel=\"help\""
            ),
            ("X-Error", "3001: entity not found"),
        ]
    );
    // A format spec is applied at run time: the list and the value, one allocation each.
    assert_eq!(allocations(|| TemplatedHeaders::Padded.headers()), 2);
    assert_eq!(
        TemplatedHeaders::Padded.headers().get("x-code"),
        Some("    4029")
    );
    // Run-time values: one allocation for the list and one per written value, whatever their
    // length (a `String` written to directly grew two to four times).
    for len in [1, 100, 127, 128, 129, 1000, 100_000] {
        let err = TemplatedHeaders::Conflict {
            order: "7".repeat(len),
        };
        assert_eq!(allocations(|| err.headers()), 3, "an order of {len} bytes");
        let headers = err.headers();
        assert_eq!(headers.get("x-order").map(str::len), Some(len));
        assert_eq!(
            headers.get("x-error"),
            Some(format!("order {} conflicts", "7".repeat(len)).as_str())
        );
        assert_eq!(headers.len(), 3);
    }
}

#[test]
fn a_body_with_runtime_parts_is_one_allocation() {
    let err = Shop::Validation {
        subject: "firstName \"quoted\" \n and long enough to need growth in a naive writer"
            .to_owned(),
        attempt: 18_446_744_073_709_551_615,
    };
    assert_eq!(allocations(|| err.body()), 1);
    assert_eq!(
        &*err.body(),
        r#"{"errors":[{"errorCode":5000,"message":"validation error: firstName \"quoted\" \n and long enough to need growth in a naive writer","subject":"firstName \"quoted\" \n and long enough to need growth in a naive writer","attempt":18446744073709551615}]}"#
    );

    let err = Shop::Exposed { id: 7 };
    assert_eq!(allocations(|| err.body()), 1);

    // Problem style with a run-time status: the status is part of the body.
    let err = Auth::Upstream { status: 503 };
    assert_eq!(allocations(|| err.body()), 1);
    assert_eq!(
        &*err.body(),
        r#"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"unexpected system error","code":9001}"#
    );
    // Its status, code and message do not allocate.
    assert_eq!(allocations(|| err.status()), 0);
    assert_eq!(allocations(|| err.code()), 0);
    assert_eq!(allocations(|| err.message()), 0);
}

/// `{"error":"...","error_description":"..."}`: a custom style.
struct OAuth;

impl error_contract::Style for OAuth {
    fn write_body(
        parts: &error_contract::Parts<'_>,
        out: &mut error_contract::json::JsonWriter<'_>,
    ) {
        out.raw(r#"{"error":"#);
        out.code(parts.code());
        out.raw(r#","error_description":"#);
        out.display(parts.message());
        out.fields(parts.fields());
        out.raw("}");
    }
}

// OAuth's own codes all start with `invalid_`.
#[allow(clippy::enum_variant_names)]
#[derive(Debug, ApiError)]
#[api_error(style = OAuth, rename_all = "snake_case")]
enum Token {
    #[api_error(status = 400, message = "the grant is invalid")]
    InvalidGrant,
    #[api_error(status = 401, message = "the client is unknown")]
    InvalidClient,
    #[api_error(status = 400, message = "scope {scope} is not allowed")]
    InvalidScope { scope: String },
    #[api_error(status = 400, message = "the request is malformed")]
    InvalidRequest {
        #[api_error(message)]
        detail: Option<String>,
    },
}

/// A custom style's body with no run-time part is written at its first use and borrowed after:
/// one allocation once, none per call.
#[test]
fn a_custom_style_unit_body_is_written_once() {
    assert_eq!(
        allocations(|| Token::InvalidGrant.body()),
        1,
        "the first body()"
    );
    assert_free(&Token::InvalidGrant, "a custom-style unit variant");
    assert_eq!(
        &*Token::InvalidGrant.body(),
        r#"{"error":"invalid_grant","error_description":"the grant is invalid"}"#
    );
    assert!(Token::InvalidGrant.body().is_static());
    // Each variant has its own.
    let _ = Token::InvalidClient.body();
    assert_free(&Token::InvalidClient, "another custom-style unit variant");
    assert_eq!(
        &*Token::InvalidClient.body(),
        r#"{"error":"invalid_client","error_description":"the client is unknown"}"#
    );
    assert_eq!(
        Token::InvalidClient.body().content_type(),
        "application/json"
    );
    // A body with a run-time part is written each time, in one allocation.
    let scope = Token::InvalidScope {
        scope: "admin".to_owned(),
    };
    assert_eq!(allocations(|| scope.body()), 1);
    assert_eq!(
        &*scope.body(),
        r#"{"error":"invalid_scope","error_description":"scope admin is not allowed"}"#
    );
    let request = Token::InvalidRequest { detail: None };
    assert_eq!(allocations(|| request.body()), 1);
    assert!(!request.body().is_static());
}

/// A `message` field of a string type: `message()` borrows it, `Display` writes it, and the body
/// is one allocation.
#[test]
fn a_message_field_is_borrowed() {
    let request = Token::InvalidRequest {
        detail: Some("the redirect_uri is missing".to_owned()),
    };
    assert_eq!(allocations(|| request.message()), 0);
    assert_eq!(allocations(|| request.body()), 1);
    assert_eq!(
        &*request.body(),
        r#"{"error":"invalid_request","error_description":"the redirect_uri is missing"}"#
    );
    let mut out = Fixed {
        buf: [0; 256],
        len: 0,
    };
    assert_eq!(allocations(|| write!(out, "{request}")), 0);
    assert_eq!(&out.buf[..out.len], b"the redirect_uri is missing");
    let none = Token::InvalidRequest { detail: None };
    assert_eq!(allocations(|| none.message()), 0);
    assert_eq!(none.message(), "the request is malformed");
}

/// A body larger than the writer's stack buffer is measured, then written into its one
/// allocation; the bytes are the same as through the short path.
#[test]
fn a_long_body_is_still_one_allocation() {
    let long = "x\"y".repeat(200);
    let err = Shop::Validation {
        subject: long.clone(),
        attempt: 1,
    };
    assert_eq!(allocations(|| err.body()), 1);
    let expected = format!(
        r#"{{"errors":[{{"errorCode":5000,"message":"validation error: {0}","subject":"{0}","attempt":1}}]}}"#,
        long.replace('"', "\\\"")
    );
    assert!(expected.len() > 1000);
    assert_eq!(&*err.body(), expected);
}

/// A collection of errors is written in one allocation, however many: 10,000 errors with
/// interpolated messages and exposed fields, a transparent one and a problem-style one among
/// them; and its status, code and headers allocate nothing.
#[test]
fn ten_thousand_errors_are_one_allocation() {
    let mut errors = error_contract::Errors::new(Shop::NotFound);
    errors.push(Shop::Auth(Auth::Upstream { status: 503 }));
    errors.extend((0..9_998).map(|i| Shop::Validation {
        subject: format!("field{i}"),
        attempt: i,
    }));
    assert_eq!(errors.len(), 10_000);
    assert_eq!(allocations(|| errors.body()), 1);
    assert_eq!(allocations(|| errors.status()), 0);
    assert_eq!(allocations(|| errors.code()), 0);
    assert_eq!(allocations(|| errors.headers()), 0);
    let body = errors.body();
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["errors"].as_array().map(Vec::len), Some(10_000));
    assert_eq!(json["errors"][9_999]["subject"], "field9997");

    // Three errors of one code: still one.
    let mut three = error_contract::Errors::new(Shop::Exposed { id: 1 });
    three.extend([Shop::Exposed { id: 2 }, Shop::Exposed { id: 3 }]);
    assert_eq!(allocations(|| three.body()), 1);
}

/// `CatchLayer` adds no allocation to a successful request: around a whole router, as many as
/// the bare router; through `Router::layer`, as many as any other layer there (axum boxes each
/// layered route, whatever the layer). The URI is static here; one hyper parsed shares the
/// request's buffer, and cloning either is no allocation (see the `axum_router` bench rows).
#[test]
fn catch_layer_adds_no_allocation_to_a_success() {
    use axum::Router;
    use axum::body::Body;
    use axum::extract::{Path, Request};
    use axum::http::Uri;
    use axum::response::Response;
    use core::task::{Context, Poll, Waker};
    use error_contract::axum::CatchLayer;
    use std::convert::Infallible;
    use std::future::Future;
    use tower_layer::Layer;
    use tower_service::Service;

    #[derive(Debug, ApiError)]
    #[api_error(style = "flat")]
    enum Failure {
        #[api_error(status = 400, code = 9000, catch = "status")]
        Refused {
            #[api_error(status)]
            status: u16,
        },
        #[api_error(status = 500, code = 9001, catch("panic", "status"))]
        Internal {
            #[api_error(status)]
            status: u16,
        },
    }

    async fn product(Path(id): Path<u64>) -> &'static str {
        assert_eq!(id, 1);
        r#"{"id":1,"name":"teapot"}"#
    }

    fn call<S>(service: &mut S) -> Response
    where
        S: Service<Request, Response = Response, Error = Infallible>,
    {
        let mut request = Request::new(Body::empty());
        *request.uri_mut() = Uri::from_static("/products/1");
        let future = std::pin::pin!(service.call(request));
        match future.poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(Ok(response)) => {
                assert_eq!(response.status(), 200);
                response
            }
            Poll::Ready(Err(never)) => match never {},
            Poll::Pending => panic!("the handler is ready at once"),
        }
    }

    /// The allocations of one request, after a first one (lazy initialisations).
    fn per_request<S>(mut service: S) -> usize
    where
        S: Service<Request, Response = Response, Error = Infallible>,
    {
        drop(call(&mut service));
        allocations(|| call(&mut service))
    }

    let routes = || Router::new().route("/products/{id}", axum::routing::get(product));
    let bare = per_request(routes());
    let around = per_request(CatchLayer::<Failure>::new().layer(routes()));
    assert_eq!(around, bare, "around the router");
    let identity = per_request(routes().layer(tower_layer::Identity::new()));
    let inside = per_request(routes().layer(CatchLayer::<Failure>::new()));
    assert_eq!(inside, identity, "through Router::layer");
}

/// actix-web: what one call of `app` allocates, once its pools are warm (requests and response
/// heads are reused from the second request on).
async fn allocations_of_a_call<S, R, B>(app: &S, request: impl Fn() -> R) -> usize
where
    S: actix_web::dev::Service<
            R,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
{
    for _ in 0..16 {
        drop(app.call(request()).await);
    }
    let request = request();
    let before = ALLOCATIONS.with(Cell::get);
    let response = black_box(app.call(request).await);
    let after = ALLOCATIONS.with(Cell::get);
    drop(response);
    after - before
}

#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
enum Caught {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(
        status = 404,
        code = 9004,
        message = "no such route",
        catch = "unknown_route"
    )]
    NoRoute,
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
}

async fn product(id: actix_web::web::Path<u64>) -> Result<actix_web::HttpResponse, Caught> {
    match id.into_inner() {
        1 => Ok(actix_web::HttpResponse::Ok().body(r#"{"id":1,"name":"teapot"}"#)),
        _ => Err(Caught::NotFound),
    }
}

/// `CatchMiddleware` adds no allocation to a successful response (nor to a handler's contract
/// error): the same count with and without it, for a standard method and for an extension
/// method (whose name, shorter than 15 bytes, is copied inline).
#[test]
fn the_actix_middleware_adds_no_allocation() {
    use actix_web::http::Method;
    use actix_web::{App, test, web};
    actix_web::rt::System::new().block_on(async {
        let plain = test::init_service(App::new().route("/products/{id}", web::to(product))).await;
        let caught = test::init_service(
            App::new()
                .route("/products/{id}", web::to(product))
                .wrap(error_contract::actix::CatchMiddleware::<Caught>::new()),
        )
        .await;
        let purge = Method::from_bytes(b"PURGE").unwrap();
        for (method, uri) in [
            (Method::GET, "/products/1"),
            (Method::GET, "/products/7"),
            (purge.clone(), "/products/1"),
            (
                Method::GET,
                "/products/1?with=a&long=query&string=to&copy=if&it=were&copied=.",
            ),
        ] {
            let request = || {
                test::TestRequest::default()
                    .method(method.clone())
                    .uri(uri)
                    .to_request()
            };
            assert_eq!(
                allocations_of_a_call(&caught, request).await,
                allocations_of_a_call(&plain, request).await,
                "{method} {uri}"
            );
        }
    });
}
