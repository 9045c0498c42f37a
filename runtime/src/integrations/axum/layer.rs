//! `CatchLayer`: every error response that is not already in the contract, and every panic,
//! answered by a variant of the user's enum.

use crate::integrations::{ContractResponse, caught, panic_message};
use crate::{Fact, Failure, FailureKind, FromFailure, Status};
use ::axum_core::response::Response;
use ::http::header::{ALLOW, HeaderValue};
use ::http::{Method, Request, StatusCode, Uri};
use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::any::Any;
use std::error::Error;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A tower [`Layer`](tower_layer::Layer) that puts every error response of the services it
/// wraps into the contract of `E`, and answers their panics with it.
///
/// `Router::new().route(...).layer(CatchLayer::<E>::new())`, and then:
///
/// - a panic in a handler (or in any service below the layer, when called or polled) is caught
///   and answered by the variant of `E` for [`FailureKind::Panic`]; the panic message is logged
///   as one `ERROR` event "handler panicked" (feature `tracing`) and never sent (a panic while
///   a streamed body is being sent, after the status line went out, is not caught: there is
///   nothing left to answer; nor is any panic under `panic = "abort"`);
/// - a response of status 400 or above that `E` did not write (axum's own 404 for an unknown
///   route and 405 for a wrong method, the 400, 413, 415 and 422 of axum's own extractors, a
///   408 of a timeout layer, a handler's bare `StatusCode::UNAUTHORIZED`, ...) is replaced by
///   the variant of `E` for [`Failure::from_status`] of its status, with the facts `method`
///   and `path` of the request and `allow` of the response's `Allow` header; the replaced body
///   is dropped, its status logged at debug level;
/// - a 405 keeps the `Allow` header, as RFC 9110 requires: `E`'s when its variant sets one,
///   else the framework's;
/// - a response of status 400 or above to a request that announced a body over 8 KiB, or of
///   unknown length, says `Connection: close`: the handler may not have read it, and hyper then
///   closes the connection (see [the module](crate::axum#bodies-left-unread)).
///
/// Responses of status below 400, and responses that `E` (or any type with this crate's
/// `IntoResponse`) wrote, pass through untouched: a successful request costs two clones, of the
/// request's `Method` and `Uri`, which do not allocate for a standard method and a URI that
/// hyper parsed (it shares the request's buffer).
///
/// **Where it goes.** `Router::layer` wraps each route, so the layer sees everything the routes
/// and the fallback answer; axum adds the `Allow` header of a 405 *after* the route's layers
/// have run, so there the variant's `allow` fact is empty, and an empty `Allow` header it
/// would send is left out so that axum's is sent instead. To give the variant the list of
/// methods, wrap the whole router instead, in one line:
/// `axum::serve(listener, CatchLayer::<E>::make_service(router))` (see
/// [`CatchLayer::make_service`]).
///
/// ```
/// use axum::Router;
/// use axum::body::Body;
/// use axum::http::{Request, StatusCode};
/// use axum::routing::get;
/// use error_contract::ApiError;
/// use error_contract::axum::CatchLayer;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum ApiFailure {
///     #[api_error(status = 404, message = "no such route", catch = "unknown_route")]
///     NoSuchRoute {
///         #[api_error(expose, fact = "path")]
///         path: String,
///     },
///     #[api_error(status = 405, message = "method not allowed", catch = "method_not_allowed")]
///     MethodNotAllowed,
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused { #[api_error(status)] status: u16 },
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
///     Internal { #[api_error(status)] status: u16 },
/// }
///
/// async fn boom() -> &'static str {
///     panic!("the database password is hunter2")
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let mut app = Router::new()
///     .route("/boom", get(boom))
///     .layer(CatchLayer::<ApiFailure>::new());
/// let mut call = async |request| {
///     let response = tower_service::Service::<Request<Body>>::call(&mut app, request).await.unwrap();
///     let status = response.status();
///     let allow = response.headers().get("allow").cloned();
///     let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
///     (status, allow, body)
/// };
///
/// let (status, _, body) = call(Request::get("/nowhere").body(Body::empty()).unwrap()).await;
/// assert_eq!(status, StatusCode::NOT_FOUND);
/// assert_eq!(body, r#"{"code":"no_such_route","message":"no such route","path":"/nowhere"}"#);
///
/// let (status, allow, body) = call(Request::delete("/boom").body(Body::empty()).unwrap()).await;
/// assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
/// assert_eq!(allow.unwrap(), "GET,HEAD");
/// assert_eq!(body, r#"{"code":"method_not_allowed","message":"method not allowed"}"#);
///
/// let (status, _, body) = call(Request::get("/boom").body(Body::empty()).unwrap()).await;
/// assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
/// assert_eq!(body, r#"{"code":"internal","message":"internal error"}"#);
/// # });
/// ```
pub struct CatchLayer<E> {
    error: PhantomData<fn() -> E>,
}

#[cfg(feature = "openapi")]
crate::openapi::answers!(layer CatchLayer);

impl<E> CatchLayer<E> {
    /// The layer for `E`, which must say with `catch` which variants answer the framework's
    /// failures: put on a router without them, it is one compile error that says so.
    ///
    /// ```
    /// use error_contract::ApiError;
    /// use error_contract::axum::CatchLayer;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum ApiFailure {
    ///     #[api_error(status = 400, code = 9000, catch = "status")]
    ///     Refused { #[api_error(status)] status: u16 },
    ///     #[api_error(status = 500, code = 9001, catch("panic", "status"))]
    ///     Internal { #[api_error(status)] status: u16 },
    /// }
    ///
    /// let app: axum::Router = axum::Router::new().layer(CatchLayer::<ApiFailure>::new());
    /// ```
    #[must_use]
    pub fn new() -> CatchLayer<E> {
        crate::integrations::start_catching();
        CatchLayer { error: PhantomData }
    }

    /// `router` with the layer around the whole of it, ready for `axum::serve`: the one line
    /// that serves an app whose every error response is in the contract of `E`, axum's own 404
    /// and 405 (with the `Allow` list in the variant's `allow` fact) included.
    ///
    /// ```no_run
    /// use axum::Router;
    /// use axum::routing::get;
    /// use error_contract::ApiError;
    /// use error_contract::axum::CatchLayer;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "flat", rename_all = "snake_case")]
    /// enum ApiFailure {
    ///     #[api_error(status = 405, message = "method not allowed", catch = "method_not_allowed")]
    ///     MethodNotAllowed {
    ///         #[api_error(header = "Allow", fact = "allow")]
    ///         allow: String,
    ///     },
    ///     #[api_error(status = 400, message = "request refused", catch = "status")]
    ///     Refused { #[api_error(status)] status: u16 },
    ///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
    ///     Internal { #[api_error(status)] status: u16 },
    /// }
    ///
    /// # async fn run() -> std::io::Result<()> {
    /// let router = Router::new().route("/orders", get(|| async { "[]" }));
    /// let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    /// axum::serve(listener, CatchLayer::<ApiFailure>::make_service(router)).await
    /// # }
    /// ```
    #[must_use]
    pub fn make_service(
        router: ::axum::Router,
    ) -> ::axum::routing::IntoMakeService<CatchService<::axum::Router, E>>
    where
        E: FromFailure + std::error::Error + 'static,
    {
        let service = tower_layer::Layer::layer(&CatchLayer::<E>::new(), router);
        ::axum::ServiceExt::<::axum::extract::Request>::into_make_service(service)
    }
}

impl<E> Clone for CatchLayer<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for CatchLayer<E> {}

impl<E> Default for CatchLayer<E> {
    fn default() -> Self {
        CatchLayer::new()
    }
}

impl<E> fmt::Debug for CatchLayer<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatchLayer")
            .field("error", &core::any::type_name::<E>())
            .finish()
    }
}

impl<S, E> tower_layer::Layer<S> for CatchLayer<E> {
    type Service = CatchService<S, E>;

    fn layer(&self, inner: S) -> CatchService<S, E> {
        CatchService {
            inner,
            error: PhantomData,
        }
    }
}

/// The service of [`CatchLayer`]: `inner`, with its panics and its error responses answered
/// by `E`.
///
/// ```
/// use error_contract::ApiError;
/// use error_contract::axum::{CatchLayer, CatchService};
/// use tower_layer::Layer;
///
/// #[derive(Debug, ApiError)]
/// enum ApiFailure {
///     #[api_error(status = 400, code = 9000, catch = "status")]
///     Refused { #[api_error(status)] status: u16 },
///     #[api_error(status = 500, code = 9001, catch("panic", "status"))]
///     Internal { #[api_error(status)] status: u16 },
/// }
///
/// let router = axum::Router::new();
/// let service: CatchService<axum::Router, ApiFailure> = CatchLayer::new().layer(router);
/// ```
pub struct CatchService<S, E> {
    inner: S,
    error: PhantomData<fn() -> E>,
}

impl<S: Clone, E> Clone for CatchService<S, E> {
    fn clone(&self) -> Self {
        CatchService {
            inner: self.inner.clone(),
            error: PhantomData,
        }
    }
}

impl<S: fmt::Debug, E> fmt::Debug for CatchService<S, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatchService")
            .field("inner", &self.inner)
            .field("error", &core::any::type_name::<E>())
            .finish()
    }
}

impl<S, E, B> tower_service::Service<Request<B>> for CatchService<S, E>
where
    S: tower_service::Service<Request<B>, Response = Response>,
    E: FromFailure + Error,
{
    type Response = Response;
    type Error = S::Error;
    type Future = CatchFuture<S::Future, E>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> CatchFuture<S::Future, E> {
        // Kept for the facts of an error response. Neither clone allocates for a standard
        // method and a URI parsed by hyper (a reference count on the request's buffer).
        let line = RequestLine::of(&request);
        let inner = &mut self.inner;
        match catch_unwind(AssertUnwindSafe(move || inner.call(request))) {
            Ok(future) => CatchFuture {
                future: Some(future),
                answered: None,
                line,
                error: PhantomData,
            },
            Err(payload) => CatchFuture {
                future: None,
                answered: Some(panicked::<E>(&*payload, &line)),
                line,
                error: PhantomData,
            },
        }
    }
}

/// What the facts `method` and `path` are read from.
struct RequestLine {
    method: Method,
    uri: Uri,
    /// Whether the request announced a body larger than [`DRAINED`], or of unknown length: one
    /// that hyper may not read to its end when the handler did not, closing the connection.
    large_body: bool,
}

/// The body hyper reads to its end after a response when the handler did not (it is in the
/// buffer with the request's head, or arrives at once): a connection with such a body left
/// unread is kept.
const DRAINED: u64 = 8 * 1024;

impl RequestLine {
    fn of<B>(request: &Request<B>) -> RequestLine {
        let headers = request.headers();
        let length = headers
            .get(::http::header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
        let large_body = match length {
            Some(length) => length > DRAINED,
            None => headers.contains_key(::http::header::TRANSFER_ENCODING),
        };
        RequestLine {
            method: request.method().clone(),
            uri: request.uri().clone(),
            large_body,
        }
    }
}

pin_project_lite::pin_project! {
    /// The future of [`CatchService`]: the inner service's, with its panics and its error
    /// responses answered by `E`.
    ///
    /// ```
    /// use error_contract::ApiError;
    /// use error_contract::axum::{CatchFuture, CatchService};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum ApiFailure {
    ///     #[api_error(status = 400, code = 9000, catch = "status")]
    ///     Refused { #[api_error(status)] status: u16 },
    ///     #[api_error(status = 500, code = 9001, catch("panic", "status"))]
    ///     Internal { #[api_error(status)] status: u16 },
    /// }
    ///
    /// type RouterFuture =
    ///     <axum::Router as tower_service::Service<axum::extract::Request>>::Future;
    /// type Future = <CatchService<axum::Router, ApiFailure> as tower_service::Service<
    ///     axum::extract::Request,
    /// >>::Future;
    /// let _: Option<CatchFuture<RouterFuture, ApiFailure>> = None::<Future>;
    /// ```
    pub struct CatchFuture<F, E> {
        #[pin]
        future: Option<F>,
        // The answer to a panic in the inner service's `call`, when it panicked.
        answered: Option<Response>,
        line: RequestLine,
        error: PhantomData<fn() -> E>,
    }
}

impl<F, E> fmt::Debug for CatchFuture<F, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatchFuture")
            .field("method", &self.line.method)
            .field("uri", &self.line.uri)
            .finish_non_exhaustive()
    }
}

impl<F, E, Err> Future for CatchFuture<F, E>
where
    F: Future<Output = Result<Response, Err>>,
    E: FromFailure + Error,
{
    type Output = Result<Response, Err>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let Some(future) = this.future.as_mut().as_pin_mut() else {
            let answered = this.answered.take();
            return Poll::Ready(Ok(answered.expect("`CatchFuture` polled after completion")));
        };
        let result = match catch_unwind(AssertUnwindSafe(|| future.poll(cx))) {
            Ok(Poll::Pending) => return Poll::Pending,
            Ok(Poll::Ready(result)) => result,
            Err(payload) => {
                // A future that panicked is not polled again: dropped now, and a destructor
                // that panics too (its state is broken) must not unwind out of this poll.
                let dropped = catch_unwind(AssertUnwindSafe(|| this.future.set(None)));
                drop(dropped);
                return Poll::Ready(Ok(panicked::<E>(&*payload, this.line)));
            }
        };
        Poll::Ready(result.map(|response| {
            let mut response = if response.status().as_u16() < 400
                || response.extensions().get::<ContractResponse>().is_some()
            {
                response
            } else {
                replaced::<E>(response, this.line)
            };
            if this.line.large_body && response.status().as_u16() >= 400 {
                // The handler may not have read the body (an unknown route, a wrong method, a
                // handler that answers without it): hyper would then close the connection after
                // this response, which must say so.
                response.headers_mut().insert(
                    ::http::header::CONNECTION,
                    HeaderValue::from_static("close"),
                );
            }
            response
        }))
    }
}

/// The answer to a panic: `E`'s variant for [`FailureKind::Panic`], one `ERROR` event with the
/// message (and not also the event of a 5xx response).
fn panicked<E: FromFailure>(payload: &(dyn Any + Send), line: &RequestLine) -> Response {
    let message = panic_message(payload);
    let failure = Failure::new(FailureKind::Panic)
        .with(Fact::Method, line.method.as_str())
        .with(Fact::Path, line.uri.path())
        .with_cause(&message);
    let error = caught::<E>(&failure);
    #[cfg(feature = "tracing")]
    crate::integrations::tracing::panic(&error, message);
    super::response::response(&error)
}

/// The framework's description of a response it replaces, for the debug log.
struct Replaced(StatusCode);

impl fmt::Display for Replaced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} response without a contract body", self.0)
    }
}

/// The answer to an error response that `E` did not write: `E`'s variant for its status.
fn replaced<E: FromFailure + Error>(foreign: Response, line: &RequestLine) -> Response {
    let status = foreign.status();
    let allow = foreign.headers().get(ALLOW).cloned();
    drop(foreign);
    let cause = Replaced(status);
    let failure = Failure::from_status(Status::from(status))
        .with(Fact::Method, line.method.as_str())
        .with(Fact::Path, line.uri.path())
        .with_opt(Fact::Allow, allow.as_ref().and_then(|v| v.to_str().ok()))
        .with_cause(&cause);
    let mut response = super::response::into_response(&caught::<E>(&failure));
    if status == StatusCode::METHOD_NOT_ALLOWED {
        keep_allow(&mut response, allow);
    }
    response
}

/// A 405 must say which methods are allowed: `E`'s `Allow` header when it set one, else the
/// framework's. An empty one (the `allow` fact was not known) is left out, so that axum's
/// route, which adds its own after the route's layers have run, sends it.
fn keep_allow(response: &mut Response, framework: Option<HeaderValue>) {
    let headers = response.headers_mut();
    let set = headers.get(ALLOW).is_some_and(|value| !value.is_empty());
    if set {
        return;
    }
    headers.remove(ALLOW);
    if let Some(framework) = framework {
        headers.insert(ALLOW, framework);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_allow(value: Option<&'static str>) -> Response {
        let mut response = Response::default();
        if let Some(value) = value {
            response
                .headers_mut()
                .insert(ALLOW, HeaderValue::from_static(value));
        }
        response
    }

    fn allow(response: &Response) -> Vec<&str> {
        response
            .headers()
            .get_all(ALLOW)
            .iter()
            .map(|value| value.to_str().unwrap())
            .collect()
    }

    #[test]
    fn allow_of_a_405() {
        let framework = || Some(HeaderValue::from_static("GET,HEAD"));
        // The variant's own list wins.
        let mut response = with_allow(Some("GET"));
        keep_allow(&mut response, framework());
        assert_eq!(allow(&response), ["GET"]);
        // None, or an empty one (the fact was not known): the framework's.
        for own in [None, Some("")] {
            let mut response = with_allow(own);
            keep_allow(&mut response, framework());
            assert_eq!(allow(&response), ["GET,HEAD"], "{own:?}");
        }
        // Inside `Router::layer`: none known yet, so none, for axum to add its own.
        let mut response = with_allow(Some(""));
        keep_allow(&mut response, None);
        assert!(allow(&response).is_empty());
    }

    #[test]
    fn replaced_cause() {
        assert_eq!(
            Replaced(StatusCode::METHOD_NOT_ALLOWED).to_string(),
            "a 405 Method Not Allowed response without a contract body"
        );
    }
}
