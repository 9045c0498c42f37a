//! `CatchLayer` for tonic servers: tonic's own failures, other layers' bare statuses and panics,
//! answered by the enum's `catch` variants.

use crate::{Fact, Failure, FailureKind, FromFailure};
use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The text prost's decoder starts its errors with, which tonic sends as an `INTERNAL` status
/// when a request message does not decode.
const DECODE_FAILED: &str = "failed to decode Protobuf message";

/// A tower [`Layer`](tower_layer::Layer) for tonic servers, the gRPC sibling of the axum
/// `CatchLayer`: `Server::builder().layer(CatchLayer::<E>::new())`, and then
///
/// - an unknown service or method (tonic's bare `UNIMPLEMENTED`) is answered by the variant of
///   `E` for [`FailureKind::UnknownRoute`], with the fact `path` (`/shop.v1.Shop/Nope`);
/// - a request message that does not decode (tonic's bare `INTERNAL` "failed to decode
///   Protobuf message ...") by the variant for [`FailureKind::InvalidMessage`];
/// - a panic in a handler (in a service below the layer, when called or polled) by the variant
///   for [`FailureKind::Panic`];
/// - any other status without details that a service or layer below wrote (a bare
///   `Status::unauthenticated` of an interceptor, say) by the variant for
///   [`Failure::from_status`] of the HTTP status of its code;
///
/// each as a status with the variant's gRPC code, its message and an `ErrorInfo` (see
/// [the module](crate::tonic)). The decoder's text, the panic message and a replaced status's
/// message are logged at debug level (a panic at error level, feature `tracing`), never sent.
///
/// A status with details passes untouched (it is already in a contract), and so does a status
/// sent in the trailers after a streamed body (the response went out already).
///
/// ```
/// use error_contract::ApiError;
/// use error_contract::tonic::CatchLayer;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(rename_all = "snake_case")]
/// enum ShopError {
///     #[api_error(status = 404, message = "no such method", catch = "unknown_route", grpc = "unimplemented")]
///     NoSuchMethod,
///     #[api_error(status = 400, message = "invalid request message", catch = "invalid_message")]
///     InvalidMessage,
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused {
///         #[api_error(status)]
///         status: u16,
///     },
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
///     Internal {
///         #[api_error(status)]
///         status: u16,
///     },
/// }
///
/// let server = tonic::transport::Server::builder().layer(CatchLayer::<ShopError>::new());
/// # drop(server);
/// ```
pub struct CatchLayer<E> {
    error: PhantomData<fn() -> E>,
}

impl<E> CatchLayer<E> {
    /// The layer for `E`, which says with `catch` which variants answer the failures.
    ///
    /// See [`CatchLayer`] for an example.
    #[must_use]
    pub fn new() -> CatchLayer<E> {
        CatchLayer { error: PhantomData }
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

/// The service of [`CatchLayer`]: `inner`, its failures answered by `E`.
///
/// ```
/// use error_contract::ApiError;
/// use error_contract::tonic::{CatchLayer, CatchService};
/// use tower_layer::Layer;
///
/// #[derive(Debug, ApiError)]
/// enum ApiFailure {
///     #[api_error(status = 400, code = 9000, catch = "status")]
///     Refused {
///         #[api_error(status)]
///         status: u16,
///     },
///     #[api_error(status = 500, code = 9001, catch("panic", "status"))]
///     Internal {
///         #[api_error(status)]
///         status: u16,
///     },
/// }
///
/// let routes = tonic::service::Routes::default();
/// let _: CatchService<tonic::service::Routes, ApiFailure> = CatchLayer::new().layer(routes);
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

impl<S, E, ReqBody, ResBody> tower_service::Service<http::Request<ReqBody>> for CatchService<S, E>
where
    S: tower_service::Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    E: FromFailure + std::error::Error,
    ResBody: Default,
{
    type Response = http::Response<ResBody>;
    type Error = S::Error;
    type Future = CatchFuture<S::Future, E>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> CatchFuture<S::Future, E> {
        let path = request.uri().clone();
        let inner = &mut self.inner;
        match catch_unwind(AssertUnwindSafe(move || inner.call(request))) {
            Ok(future) => CatchFuture {
                future: Some(future),
                panicked: None,
                path,
                error: PhantomData,
            },
            Err(payload) => CatchFuture {
                future: None,
                panicked: Some(panicked::<E>(&*payload, &path)),
                path,
                error: PhantomData,
            },
        }
    }
}

pin_project_lite::pin_project! {
    /// The future of [`CatchService`].
    ///
    /// ```
    /// use error_contract::ApiError;
    /// use error_contract::tonic::{CatchFuture, CatchService};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum ApiFailure {
    ///     #[api_error(status = 400, code = 9000, catch = "status")]
    ///     Refused {
    ///         #[api_error(status)]
    ///         status: u16,
    ///     },
    ///     #[api_error(status = 500, code = 9001, catch("panic", "status"))]
    ///     Internal {
    ///         #[api_error(status)]
    ///         status: u16,
    ///     },
    /// }
    ///
    /// type Routes = tonic::service::Routes;
    /// type Request = http::Request<tonic::body::Body>;
    /// type Inner = <Routes as tower_service::Service<Request>>::Future;
    /// type Future = <CatchService<Routes, ApiFailure> as tower_service::Service<Request>>::Future;
    /// let _: Option<CatchFuture<Inner, ApiFailure>> = None::<Future>;
    /// ```
    pub struct CatchFuture<F, E> {
        #[pin]
        future: Option<F>,
        // The answer to a panic in the inner service's `call`.
        panicked: Option<tonic::Status>,
        path: http::Uri,
        error: PhantomData<fn() -> E>,
    }
}

impl<F, E> fmt::Debug for CatchFuture<F, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatchFuture")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl<F, E, ResBody, Err> Future for CatchFuture<F, E>
where
    F: Future<Output = Result<http::Response<ResBody>, Err>>,
    E: FromFailure + std::error::Error,
    ResBody: Default,
{
    type Output = Result<http::Response<ResBody>, Err>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let Some(future) = this.future.as_mut().as_pin_mut() else {
            let status = this.panicked.take();
            let status = status.unwrap_or_else(|| tonic::Status::internal(""));
            return Poll::Ready(Ok(status.into_http()));
        };
        let result = match catch_unwind(AssertUnwindSafe(|| future.poll(cx))) {
            Ok(Poll::Pending) => return Poll::Pending,
            Ok(Poll::Ready(result)) => result,
            Err(payload) => {
                let dropped = catch_unwind(AssertUnwindSafe(|| this.future.set(None)));
                drop(dropped);
                return Poll::Ready(Ok(panicked::<E>(&*payload, this.path).into_http()));
            }
        };
        Poll::Ready(result.map(|response| match bare_status(&response) {
            Some(status) => replaced::<E>(&status, this.path).into_http(),
            None => response,
        }))
    }
}

/// The status of a trailers-only response without details, if it is one and not `OK`.
fn bare_status<B>(response: &http::Response<B>) -> Option<tonic::Status> {
    let headers = response.headers();
    if headers.contains_key("grpc-status-details-bin") {
        return None;
    }
    tonic::Status::from_header_map(headers).filter(|status| status.code() != tonic::Code::Ok)
}

/// The answer to a bare status: the variant of `E` for its failure.
fn replaced<E: FromFailure + std::error::Error>(
    status: &tonic::Status,
    path: &http::Uri,
) -> tonic::Status {
    let code = crate::GrpcCode::from_i32(status.code() as i32).unwrap_or(crate::GrpcCode::Unknown);
    let failure = match status.code() {
        tonic::Code::Unimplemented => Failure::new(FailureKind::UnknownRoute),
        tonic::Code::Internal if status.message().starts_with(DECODE_FAILED) => {
            Failure::new(FailureKind::InvalidMessage)
        }
        _ => Failure::from_status(code.http_status()),
    };
    let cause = Replaced(status);
    let failure = failure.with(Fact::Path, path.path()).with_cause(&cause);
    #[cfg(feature = "tracing")]
    crate::integrations::tracing::failure(&failure);
    super::status::status(&E::from_failure(&failure))
}

/// A replaced status, for the log.
struct Replaced<'a>(&'a tonic::Status);

impl fmt::Display for Replaced<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a bare {:?} status: {}", self.0.code(), self.0.message())
    }
}

/// The answer to a panic: the variant of `E` for [`FailureKind::Panic`]; the message is logged.
fn panicked<E: FromFailure + std::error::Error>(
    payload: &(dyn Any + Send),
    path: &http::Uri,
) -> tonic::Status {
    let message = if let Some(message) = payload.downcast_ref::<&'static str>() {
        message
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.as_str()
    } else {
        "a panic with a payload that is not a string"
    };
    let failure = Failure::new(FailureKind::Panic)
        .with(Fact::Path, path.path())
        .with_cause(&message);
    let error = E::from_failure(&failure);
    #[cfg(feature = "tracing")]
    crate::integrations::tracing::panic(&error, message);
    #[cfg(not(feature = "tracing"))]
    let _ = message;
    super::status::status_unlogged(&error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_statuses() {
        let bare = tonic::Status::unimplemented("").into_http::<()>();
        assert_eq!(
            bare_status(&bare).map(|s| s.code()),
            Some(tonic::Code::Unimplemented)
        );
        let ok = tonic::Status::ok("").into_http::<()>();
        assert!(bare_status(&ok).is_none());
        let detailed = tonic::Status::with_details(tonic::Code::NotFound, "x", vec![1, 2].into())
            .into_http::<()>();
        assert!(bare_status(&detailed).is_none());
        assert!(bare_status(&http::Response::new(())).is_none());
    }
}
