//! The axum rows, shared by both bench targets (axum is a dev-dependency, so these live beside
//! the benches rather than in the library): the response for an error, ours (`IntoResponse`,
//! feature `axum`) against a hand-written `(StatusCode, Json(body))`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use error_contract_benches::{HandError, OrderBody, ShopError, UnitBody};

/// Row: ours, `error.into_response()`.
pub(crate) fn ours(error: ShopError) -> Response {
    error.into_response()
}

/// Row: hand-written `(StatusCode, Json(body)).into_response()`, the message `format!`ed.
pub(crate) fn hand(error: HandError) -> Response {
    match error {
        HandError::NotFound => (
            StatusCode::NOT_FOUND,
            Json(UnitBody {
                code: 3001,
                message: "entity not found",
            }),
        )
            .into_response(),
        HandError::OrderNotFound { user, order } => {
            let message = format!("order {order} of {user} not found");
            (
                StatusCode::NOT_FOUND,
                Json(OrderBody {
                    code: 3002,
                    message: &message,
                    user: &user,
                    order,
                }),
            )
                .into_response()
        }
    }
}

/// The router rows: one successful request through an axum `Router`, without a layer, with
/// `tower_layer::Identity` (what `Router::layer` costs with any layer: axum boxes each layered
/// route), with `CatchLayer` through `Router::layer`, and with `CatchLayer` around the whole
/// router. The handler extracts a `Path<u64>` and answers a static JSON body.
pub(crate) mod router {
    use axum::Router;
    use axum::body::Body;
    use axum::extract::{Path, Request};
    use axum::http::{Method, Uri};
    use axum::response::Response;
    use axum::routing::get;
    use bytes::BytesMut;
    use core::pin::pin;
    use core::task::{Context, Poll, Waker};
    use error_contract::ApiError;
    use error_contract::axum::{CatchLayer, CatchService};
    use std::convert::Infallible;
    use std::future::Future;
    use tower_layer::Layer;
    use tower_service::Service;

    /// The errors of the router rows: the framework's failures only (none happens in a row).
    #[derive(Debug, ApiError)]
    #[api_error(style = "flat")]
    pub(crate) enum RouterError {
        /// No route has this path.
        #[api_error(
            status = 404,
            code = 9004,
            message = "no such route",
            catch = "unknown_route"
        )]
        NoRoute,
        /// Another layer's 4xx.
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
        /// Any other failure.
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

    async fn product(Path(id): Path<u64>) -> ([(&'static str, &'static str); 1], &'static str) {
        assert_eq!(id, 1);
        (
            [("content-type", "application/json")],
            r#"{"id":1,"name":"teapot"}"#,
        )
    }

    fn routes() -> Router {
        Router::new().route("/products/{id}", get(product))
    }

    /// Row: no layer.
    pub(crate) fn bare() -> Router {
        routes()
    }

    /// Row: `.layer(tower_layer::Identity::new())`, the cost of any layer in axum.
    pub(crate) fn identity() -> Router {
        routes().layer(tower_layer::Identity::new())
    }

    /// Row: `.layer(CatchLayer::<RouterError>::new())`.
    pub(crate) fn catch_layer() -> Router {
        routes().layer(CatchLayer::<RouterError>::new())
    }

    /// Row: `CatchLayer::<RouterError>::new().layer(router)`.
    pub(crate) fn catch_around() -> CatchService<Router, RouterError> {
        CatchLayer::new().layer(routes())
    }

    /// `GET /products/1`, its URI in a shared buffer as hyper parses it (cloning it is a
    /// reference count, as for a request hyper read).
    pub(crate) fn request() -> Request {
        let mut buffer = BytesMut::with_capacity(64);
        buffer.extend_from_slice(b"/products/1");
        let line = buffer.split_to(buffer.len()).freeze();
        let uri = Uri::from_maybe_shared(line).expect("a valid URI");
        let mut request = Request::new(Body::empty());
        *request.method_mut() = Method::GET;
        *request.uri_mut() = uri;
        request
    }

    /// Calls `service` with `request` and polls the future once: the handler is ready at once.
    pub(crate) fn call<S>(service: &mut S, request: Request) -> Response
    where
        S: Service<Request, Response = Response, Error = Infallible>,
    {
        let future = pin!(service.call(request));
        match future.poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(Ok(response)) => {
                debug_assert_eq!(response.status(), 200);
                response
            }
            Poll::Ready(Err(never)) => match never {},
            Poll::Pending => panic!("the handler is ready at once"),
        }
    }
}
