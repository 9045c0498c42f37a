//! `CatchMiddleware`: every error response in the contract, panics included.

use super::BodyUnread;
use super::response::{error_response, is_contract, unlogged};
use crate::integrations::{caught, panic_message};
use crate::{ApiError, Fact, Failure, FailureKind, FromFailure, Status};
use ::actix_web::body::{BoxBody, EitherBody, MessageBody};
use ::actix_web::dev::{
    Payload, Service, ServiceRequest, ServiceResponse, Transform, forward_ready,
};
use ::actix_web::http::header::{ALLOW, CONTENT_LENGTH, HeaderValue};
use ::actix_web::http::{ConnectionType, Method, StatusCode, Uri};
use ::actix_web::{HttpMessage, HttpResponse, ResponseError};
use core::fmt;
use core::future::{Future, Ready, ready};
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The actix-web middleware that puts every error response in the contract: wrap it around the
/// `App` with `.wrap(CatchMiddleware::<E>::new())`, as the last `wrap` (the outermost), so that
/// it sees what every other middleware answers.
///
/// - A handler (or an inner middleware) that panics answers with the variant of `E` that
///   catches [`FailureKind::Panic`]; the panic message is logged in one `ERROR` event (feature
///   `tracing`) and never reaches the body. The connection stays up for the next request.
/// - An error response (status 400 or more) that no contract error wrote is replaced by the
///   variant of `E` that [`FromFailure`] picks for its status: actix-web's own 404 for an unknown
///   route ([`FailureKind::UnknownRoute`]), its 405 for a known path with another method
///   ([`FailureKind::MethodNotAllowed`], with the fact `allow` from its `Allow` header, which
///   the new response keeps when `E`'s response sets none), a 413, the `text/plain` 400 of
///   actix-web's own extractors, any other middleware's 4xx or 5xx
///   ([`FailureKind::Status`]). The failure has the facts `method` and `path` of the request;
///   the replaced body is dropped, and its status (with actix-web's error, when the response
///   has one) logged at debug level.
/// - A response that a contract error wrote (any type deriving `ApiError`: its
///   `ResponseError::error_response` marks it), and every response below 400, passes unchanged,
///   without an allocation.
/// - An error response that leaves the request's body unread says `Connection: close` (see
///   [the module](super#bodies-left-unread)).
///
/// ```
/// use actix_web::http::StatusCode;
/// use actix_web::{App, HttpResponse, test, web};
/// use error_contract::ApiError;
/// use error_contract::actix::CatchMiddleware;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum ApiFailure {
///     #[api_error(status = 404, message = "no such route", catch = "unknown_route")]
///     NoRoute,
///     #[api_error(status = 405, message = "method not allowed", catch = "method_not_allowed")]
///     WrongMethod,
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused { #[api_error(status)] status: u16 },
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
///     Internal { #[api_error(status)] status: u16 },
/// }
///
/// async fn hello() -> HttpResponse {
///     HttpResponse::Ok().body("hello")
/// }
///
/// async fn broken() -> HttpResponse {
///     panic!("index out of bounds: the len is 0 but the index is 0")
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = App::new()
///     // One resource per path, with all its methods: a wrong method is a 405 with `Allow`.
///     .service(web::resource("/hello").route(web::get().to(hello)))
///     .route("/broken", web::get().to(broken))
///     .wrap(CatchMiddleware::<ApiFailure>::new());
/// let app = test::init_service(app).await;
///
/// let request = test::TestRequest::get().uri("/nowhere").to_request();
/// let response = test::call_service(&app, request).await;
/// assert_eq!(response.status(), StatusCode::NOT_FOUND);
/// let body = test::read_body(response).await;
/// assert_eq!(body, r#"{"code":"no_route","message":"no such route"}"#);
///
/// let request = test::TestRequest::delete().uri("/hello").to_request();
/// let response = test::call_service(&app, request).await;
/// assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
/// assert_eq!(response.headers().get("allow").unwrap(), "GET");
/// let body = test::read_body(response).await;
/// assert_eq!(body, r#"{"code":"wrong_method","message":"method not allowed"}"#);
///
/// // A panic is an error of the middleware's future, which actix-web answers with its response.
/// let request = test::TestRequest::get().uri("/broken").to_request();
/// let error = test::try_call_service(&app, request).await.unwrap_err();
/// let response = error.error_response();
/// assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
/// let body = actix_web::body::to_bytes(response.into_body()).await.unwrap();
/// assert_eq!(body, r#"{"code":"internal","message":"internal error"}"#);
/// # });
/// ```
pub struct CatchMiddleware<E> {
    error: PhantomData<fn() -> E>,
}

impl<E> CatchMiddleware<E> {
    /// The middleware answering through `E`.
    ///
    /// ```
    /// use error_contract::ApiError;
    /// use error_contract::actix::CatchMiddleware;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "problem")]
    /// enum ApiFailure {
    ///     #[api_error(status = 400, catch = "status")]
    ///     Refused { #[api_error(status)] status: u16 },
    ///     #[api_error(status = 500, code = "internal", catch("panic", "status"))]
    ///     Internal { #[api_error(status)] status: u16 },
    /// }
    ///
    /// let app = actix_web::App::new().wrap(CatchMiddleware::<ApiFailure>::new());
    /// # drop(app);
    /// ```
    #[must_use]
    pub fn new() -> CatchMiddleware<E> {
        crate::integrations::start_catching();
        CatchMiddleware { error: PhantomData }
    }
}

#[cfg(feature = "openapi")]
crate::openapi::answers!(layer CatchMiddleware);

impl<E> Clone for CatchMiddleware<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for CatchMiddleware<E> {}

impl<E> Default for CatchMiddleware<E> {
    fn default() -> Self {
        CatchMiddleware::new()
    }
}

impl<E> fmt::Debug for CatchMiddleware<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatchMiddleware")
            .field("error", &core::any::type_name::<E>())
            .finish()
    }
}

impl<S, B, E> Transform<S, ServiceRequest> for CatchMiddleware<E>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = ::actix_web::Error>,
    B: MessageBody,
    E: FromFailure + std::error::Error + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = ::actix_web::Error;
    type Transform = CatchService<S, E>;
    type InitError = ();
    type Future = Ready<Result<CatchService<S, E>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(CatchService {
            service,
            error: PhantomData,
        }))
    }
}

/// The service that [`CatchMiddleware`] wraps around the `App`'s: what actix-web calls for each
/// request. Built by actix-web; nothing to do with it by hand.
///
/// ```
/// use actix_web::dev::{Service, ServiceRequest, Transform};
/// use actix_web::{HttpResponse, test};
/// use error_contract::ApiError;
/// use error_contract::actix::{CatchMiddleware, CatchService};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum ApiFailure {
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused { #[api_error(status)] status: u16 },
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
///     Internal { #[api_error(status)] status: u16 },
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// // A service that answers every request with an empty 503.
/// let inner = actix_web::dev::fn_service(|request: ServiceRequest| async {
///     Ok::<_, actix_web::Error>(request.into_response(HttpResponse::ServiceUnavailable().finish()))
/// });
/// let service: CatchService<_, ApiFailure> =
///     CatchMiddleware::new().new_transform(inner).await.unwrap();
/// let response = service.call(test::TestRequest::default().to_srv_request()).await.unwrap();
/// // `Internal`, with the status it answers.
/// assert_eq!(response.status().as_u16(), 503);
/// # });
/// ```
pub struct CatchService<S, E> {
    service: S,
    error: PhantomData<fn() -> E>,
}

impl<S: fmt::Debug, E> fmt::Debug for CatchService<S, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatchService")
            .field("service", &self.service)
            .field("error", &core::any::type_name::<E>())
            .finish()
    }
}

impl<S, B, E> Service<ServiceRequest> for CatchService<S, E>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = ::actix_web::Error>,
    B: MessageBody,
    E: FromFailure + std::error::Error + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = ::actix_web::Error;
    type Future = CatchFuture<S::Future, E>;

    forward_ready!(service);

    fn call(&self, mut request: ServiceRequest) -> Self::Future {
        // The request moves into the inner service, and actix-web's router needs it unshared
        // (it cannot be cloned and kept here): what a failure without a response needs of it
        // is copied first, without an allocation (tests/allocations.rs counts): a standard
        // method, or an extension name shorter than 15 bytes, is copied inline; the `Uri`'s
        // bytes are shared already (actix-web cloned the `Uri` for its router's `Url`), so
        // cloning it only counts a reference.
        let request_line = RequestLine {
            method: request.method().clone(),
            uri: request.uri().clone(),
            body_sent: body_sent(&mut request),
        };
        let state = match catch_unwind(AssertUnwindSafe(|| self.service.call(request))) {
            Ok(future) => State::Running { future },
            Err(panic) => State::Panicked { panic: Some(panic) },
        };
        CatchFuture {
            state,
            request_line,
            error: PhantomData,
        }
    }
}

/// What a failure needs of the request once the inner service has it.
struct RequestLine {
    method: Method,
    uri: Uri,
    /// Whether the request announced a body (which may be left unread).
    body_sent: bool,
}

/// Whether the request has a body: a payload (which actix-http gives only to a request with a
/// `Content-Length` or a `Transfer-Encoding`), whose `Content-Length` is not 0. A request
/// without one (most of them) costs no header lookup.
fn body_sent(request: &mut ServiceRequest) -> bool {
    let (request, payload) = request.parts_mut();
    !matches!(payload, Payload::None)
        && request
            .headers()
            .get(CONTENT_LENGTH)
            .is_none_or(|length| length.as_bytes() != b"0")
}

/// Makes `response` close the connection (`Connection: close`). actix-http closes a connection
/// whose request body was not read to its end once the response is sent, without saying so; a
/// client that sent its next request on it would see that request fail.
fn close<B>(response: &mut HttpResponse<B>) {
    response
        .head_mut()
        .set_connection_type(ConnectionType::Close);
}

pin_project_lite::pin_project! {
    /// The future of [`CatchService`]: the inner service's, with its panics caught and its
    /// error responses put in the contract.
    ///
    /// It is what `CatchService::call` returns; nothing names it but actix-web.
    ///
    /// ```
    /// use actix_web::dev::{Service, ServiceRequest, Transform};
    /// use actix_web::{HttpResponse, test};
    /// use error_contract::ApiError;
    /// use error_contract::actix::{CatchFuture, CatchMiddleware};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "flat", rename_all = "snake_case")]
    /// enum ApiFailure {
    ///     #[api_error(status = 400, message = "request refused", catch = "status")]
    ///     Refused { #[api_error(status)] status: u16 },
    ///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
    ///     Internal { #[api_error(status)] status: u16 },
    /// }
    ///
    /// # actix_web::rt::System::new().block_on(async {
    /// let inner = actix_web::dev::fn_service(|request: ServiceRequest| async {
    ///     Ok::<_, actix_web::Error>(request.into_response(HttpResponse::NoContent().finish()))
    /// });
    /// let service = CatchMiddleware::<ApiFailure>::new().new_transform(inner).await.unwrap();
    /// let future: CatchFuture<_, ApiFailure> = service.call(test::TestRequest::default().to_srv_request());
    /// assert_eq!(future.await.unwrap().status().as_u16(), 204);
    /// # });
    /// ```
    #[must_use = "futures do nothing unless polled"]
    pub struct CatchFuture<F, E> {
        #[pin]
        state: State<F>,
        request_line: RequestLine,
        error: PhantomData<fn() -> E>,
    }
}

pin_project_lite::pin_project! {
    #[project = StateProj]
    enum State<F> {
        Running { #[pin] future: F },
        // The inner service's `call` panicked, or its future did (and is dropped).
        Panicked { panic: Option<Box<dyn Any + Send>> },
    }
}

impl<F, E> fmt::Debug for CatchFuture<F, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatchFuture")
            .field("method", &self.request_line.method)
            .field("uri", &self.request_line.uri)
            .finish_non_exhaustive()
    }
}

impl<F, B, E> Future for CatchFuture<F, E>
where
    F: Future<Output = Result<ServiceResponse<B>, ::actix_web::Error>>,
    B: MessageBody,
    E: FromFailure + std::error::Error + 'static,
{
    type Output = Result<ServiceResponse<EitherBody<B>>, ::actix_web::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let output = match this.state.as_mut().project() {
            StateProj::Running { future } => {
                match catch_unwind(AssertUnwindSafe(|| future.poll(cx))) {
                    Ok(Poll::Pending) => return Poll::Pending,
                    Ok(Poll::Ready(Ok(response))) => {
                        return Poll::Ready(Ok(answer::<B, E>(response, this.request_line)));
                    }
                    Ok(Poll::Ready(Err(error))) => {
                        return Poll::Ready(Err(answer_error::<E>(error, this.request_line)));
                    }
                    Err(panic) => panic,
                }
            }
            StateProj::Panicked { panic } => panic
                .take()
                .expect("`CatchFuture` polled after it completed"),
        };
        // A future that panicked is never polled again; its drop may panic too, and is then
        // only logged by the panic hook.
        let mut state = this.state;
        let _ = catch_unwind(AssertUnwindSafe(move || {
            state.set(State::Panicked { panic: None });
        }));
        Poll::Ready(Err(panicked::<E>(&*output, this.request_line)))
    }
}

/// The inner service's response, in the contract: unchanged when it is below 400 or a
/// contract error wrote it, else replaced by the variant of `E` that catches its status.
fn answer<B, E>(
    mut response: ServiceResponse<B>,
    request_line: &RequestLine,
) -> ServiceResponse<EitherBody<B>>
where
    B: MessageBody,
    E: FromFailure + std::error::Error + 'static,
{
    let status = response.status();
    if status.as_u16() < 400 {
        return response.map_into_left_body();
    }
    if is_contract(response.response()) {
        if request_line.body_sent && response.request().extensions().contains::<BodyUnread>() {
            close(response.response_mut());
        }
        return response.map_into_left_body();
    }
    let (request, foreign) = response.into_parts();
    let allow = foreign.headers().get(ALLOW);
    // actix-web's own error, when the response has one: its text goes to the log.
    let cause: &dyn fmt::Display = match foreign.error() {
        Some(error) => error,
        None => &NO_CONTRACT_BODY,
    };
    let failure = foreign_failure(status, allow)
        .with(Fact::Method, request.method().as_str())
        .with(Fact::Path, request.path())
        .with_cause(cause);
    let mut replaced = replace::<E>(&failure, allow);
    // Whoever wrote the foreign response (the router's 404 and 405 above all) did not read the
    // body.
    if request_line.body_sent {
        close(&mut replaced);
    }
    ServiceResponse::new(request, replaced).map_into_right_body()
}

/// The cause logged for a foreign error response that carries no actix-web error.
const NO_CONTRACT_BODY: &str = "an error response without a contract body";

/// The failure of a foreign error response of `status`.
fn foreign_failure(status: StatusCode, allow: Option<&HeaderValue>) -> Failure<'_> {
    // `StatusCode` holds 100..=999, as `Status` does.
    let status = Status::new(status.as_u16()).unwrap_or(Status::INTERNAL_SERVER_ERROR);
    Failure::from_status(status).with_opt(Fact::Allow, allow.and_then(|v| v.to_str().ok()))
}

/// The response of the variant of `E` that answers `failure`, keeping the foreign `Allow` on
/// a 405 (RFC 9110 requires it there) when `E`'s response sets none.
fn replace<E: FromFailure + std::error::Error>(
    failure: &Failure<'_>,
    allow: Option<&HeaderValue>,
) -> HttpResponse<BoxBody> {
    let mut response = error_response(&caught::<E>(failure));
    if let Some(allow) = allow {
        if response.status() == StatusCode::METHOD_NOT_ALLOWED
            && !response.headers().contains_key(ALLOW)
        {
            response.headers_mut().insert(ALLOW, allow.clone());
        }
    }
    response
}

/// An error of the inner service (a middleware that returned `Err`): its response unchanged when
/// a contract error wrote it, else the variant of `E` that catches its status. It stays an
/// error (there is no request here to answer with), which actix-web turns into the response.
fn answer_error<E>(error: ::actix_web::Error, request_line: &RequestLine) -> ::actix_web::Error
where
    E: FromFailure + std::error::Error + 'static,
{
    let mut foreign = error.error_response();
    if is_contract(&foreign) {
        // Built once (and logged once, if a 5xx): handed over as it is. Whether the body was
        // read is not known here: the connection is not kept if there was one.
        if request_line.body_sent {
            close(&mut foreign);
        }
        return ::actix_web::error::InternalError::from_response(error, foreign).into();
    }
    let failure = foreign_failure(foreign.status(), foreign.headers().get(ALLOW))
        .with(Fact::Method, request_line.method.as_str())
        .with(Fact::Path, request_line.uri.path())
        .with_cause(&error);
    let mut response = replace::<E>(&failure, foreign.headers().get(ALLOW));
    if request_line.body_sent {
        close(&mut response);
    }
    ::actix_web::error::InternalError::from_response(error, response).into()
}

/// The error that answers a panic: the variant of `E` that catches it, logged once with the
/// panic message, which never reaches the body.
fn panicked<E>(panic: &(dyn Any + Send), request_line: &RequestLine) -> ::actix_web::Error
where
    E: FromFailure + std::error::Error + 'static,
{
    let message = panic_message(panic);
    let failure = Failure::new(FailureKind::Panic)
        .with(Fact::Method, request_line.method.as_str())
        .with(Fact::Path, request_line.uri.path())
        .with_cause(&message);
    let error = caught::<E>(&failure);
    #[cfg(feature = "tracing")]
    crate::integrations::tracing::panic(&error, message);
    Panicked {
        error,
        close: request_line.body_sent,
    }
    .into()
}

/// A panic's answer as an actix-web error: `E`'s response without the generic 5xx log (the
/// panic was logged with its message instead), as often as actix-web asks for it.
struct Panicked<E> {
    error: E,
    /// The request had a body, which the handler may not have read to its end.
    close: bool,
}

impl<E: ApiError> fmt::Debug for Panicked<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Panicked").field(&self.error).finish()
    }
}

impl<E: ApiError> fmt::Display for Panicked<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl<E: ApiError> ResponseError for Panicked<E> {
    fn status_code(&self) -> StatusCode {
        super::response::status_code(&self.error)
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        let mut response = unlogged(&self.error);
        if self.close {
            close(&mut response);
        }
        response
    }
}
