//! The shop's gRPC service on tonic, whose errors are the same enum as the axum example's
//! (`ShopError` of `axum_server.rs`), with the same codes: each error is a status with its gRPC
//! code, its public message and Google's rich error model (`ErrorInfo`, `BadRequest`,
//! `RetryInfo`), and tonic's own failures go through the enum too.
//!
//! ```sh
//! cargo run -p error-contract --example grpc_server --features tonic,tracing          # port 50051
//! cargo run -p error-contract --example grpc_server --features tonic,tracing -- 8080
//! ```
//!
//! The service, in package `shop.v1` (its messages are written by hand below, with prost's
//! derive: no `protoc`):
//!
//! ```proto
//! service Shop {
//!   rpc GetProduct(GetProductRequest) returns (Product);
//!   rpc PlaceOrder(PlaceOrderRequest) returns (Order);
//!   rpc Checkout(CheckoutRequest) returns (CheckoutResponse);
//! }
//! message GetProductRequest { uint64 id = 1; }
//! message Product { uint64 id = 1; string name = 2; }
//! message PlaceOrderRequest { uint64 product = 1; int64 quantity = 2; }
//! message Order { uint64 id = 1; uint64 product = 2; int64 quantity = 3; }
//! message CheckoutRequest {}
//! message CheckoutResponse {}
//! ```
//!
//! - `GetProduct` of 1 is a product; of 7, `NOT_FOUND` with the reason `product_not_found`;
//! - `PlaceOrder` checks the rules of the HTTP example (a product of 1 or more, a quantity of 1
//!   to 99) and answers every broken one at once: `INVALID_ARGUMENT` with a `BadRequest` naming
//!   `product` and `quantity`;
//! - `Checkout` is rate limited: `RESOURCE_EXHAUSTED` with a `RetryInfo` of 30 s;
//! - an unknown method is `UNIMPLEMENTED`, and a request message that does not decode
//!   `INVALID_ARGUMENT`, each through the enum's `catch` variants with an `ErrorInfo`
//!   (`CatchLayer`); prost's text of the decoding failure is logged, never sent.
//!
//! `grpc_client.rs` decodes each of these back into the enum; `scripts/grpc-check.sh` checks
//! them with Google's own Python client.

#[path = "axum_server.rs"]
#[allow(
    dead_code,
    unreachable_pub,
    reason = "only the enum of the HTTP example is used here"
)]
mod axum_server;

pub use axum_server::ShopError;
use core::convert::Infallible;
use core::future::{Future, Ready, ready};
use core::pin::Pin;
use core::task::{Context, Poll};
use error_contract::Errors;
use error_contract::tonic::CatchLayer;
use std::net::{Ipv4Addr, SocketAddr};
use tonic::body::Body;
use tonic::server::NamedService;

/// `shop.v1.GetProductRequest`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct GetProductRequest {
    /// The product's id.
    #[prost(uint64, tag = "1")]
    pub id: u64,
}

/// `shop.v1.Product`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Product {
    /// Its id.
    #[prost(uint64, tag = "1")]
    pub id: u64,
    /// Its name.
    #[prost(string, tag = "2")]
    pub name: String,
}

/// `shop.v1.PlaceOrderRequest`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct PlaceOrderRequest {
    /// The product's id, 1 or more.
    #[prost(uint64, tag = "1")]
    pub product: u64,
    /// How many, 1 to 99.
    #[prost(int64, tag = "2")]
    pub quantity: i64,
}

/// `shop.v1.Order`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Order {
    /// Its id.
    #[prost(uint64, tag = "1")]
    pub id: u64,
    /// The product's id.
    #[prost(uint64, tag = "2")]
    pub product: u64,
    /// How many.
    #[prost(int64, tag = "3")]
    pub quantity: i64,
}

/// `shop.v1.CheckoutRequest`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct CheckoutRequest {}

/// `shop.v1.CheckoutResponse`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct CheckoutResponse {}

/// The largest quantity of one order.
const MAX_QUANTITY: u32 = 99;

/// The products: the HTTP example's.
const PRODUCTS: [(u64, &str); 3] = [(1, "teapot"), (2, "kettle"), (3, "cup")];

#[allow(
    clippy::needless_pass_by_value,
    reason = "a method of the service takes its request message"
)]
fn get_product(request: GetProductRequest) -> Result<Product, tonic::Status> {
    let (id, name) = PRODUCTS
        .into_iter()
        .find(|(id, _)| *id == request.id)
        .ok_or(ShopError::ProductNotFound)?;
    Ok(Product {
        id,
        name: name.to_owned(),
    })
}

/// The rules of a new order, as the HTTP example checks them: each broken one is an error.
#[allow(
    clippy::needless_pass_by_value,
    reason = "a method of the service takes its request message"
)]
fn place_order(request: PlaceOrderRequest) -> Result<Order, tonic::Status> {
    let mut errors = Vec::new();
    if request.product < 1 {
        errors.push(ShopError::InvalidProduct {
            pointer: "/product".to_owned(),
        });
    }
    if !(1..=i64::from(MAX_QUANTITY)).contains(&request.quantity) {
        errors.push(ShopError::InvalidQuantity {
            quantity: request.quantity,
            max: MAX_QUANTITY,
            pointer: Some("/quantity".to_owned()),
        });
    }
    if let Ok(errors) = Errors::<ShopError>::try_from(errors) {
        return Err(errors.into());
    }
    if !PRODUCTS.iter().any(|(id, _)| *id == request.product) {
        return Err(ShopError::ProductNotFound.into());
    }
    Ok(Order {
        id: 1,
        product: request.product,
        quantity: request.quantity,
    })
}

fn checkout(_: CheckoutRequest) -> Result<CheckoutResponse, tonic::Status> {
    Err(ShopError::RateLimited { retry_after: 30 })?
}

/// A unary method of the service: a function from its request message to its response.
struct Unary<Req, Res>(fn(Req) -> Result<Res, tonic::Status>);

impl<Req, Res> tower_service::Service<tonic::Request<Req>> for Unary<Req, Res> {
    type Response = tonic::Response<Res>;
    type Error = tonic::Status;
    type Future = Ready<Result<tonic::Response<Res>, tonic::Status>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), tonic::Status>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: tonic::Request<Req>) -> Self::Future {
        ready((self.0)(request.into_inner()).map(tonic::Response::new))
    }
}

/// `method` called with `request`, its messages read and written with prost.
async fn unary<Req, Res>(
    method: fn(Req) -> Result<Res, tonic::Status>,
    request: http::Request<Body>,
) -> http::Response<Body>
where
    Req: prost::Message + Default + Send + 'static,
    Res: prost::Message + Send + 'static,
{
    let mut grpc = tonic::server::Grpc::new(tonic_prost::ProstCodec::<Res, Req>::default());
    grpc.unary(Unary(method), request).await
}

/// The `shop.v1.Shop` service, as `tonic-build` would generate it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Shop;

impl NamedService for Shop {
    const NAME: &'static str = "shop.v1.Shop";
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = Result<T, Infallible>> + Send>>;

impl tower_service::Service<http::Request<Body>> for Shop {
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future = BoxFuture<http::Response<Body>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        match request.uri().path() {
            "/shop.v1.Shop/GetProduct" => Box::pin(async { Ok(unary(get_product, request).await) }),
            "/shop.v1.Shop/PlaceOrder" => Box::pin(async { Ok(unary(place_order, request).await) }),
            "/shop.v1.Shop/Checkout" => Box::pin(async { Ok(unary(checkout, request).await) }),
            // As tonic's generated services answer: a bare status, which the layer puts into
            // the contract.
            _ => Box::pin(async { Ok(tonic::Status::unimplemented("").into_http()) }),
        }
    }
}

/// Serves the shop on `listener` until `shutdown` completes.
///
/// # Errors
///
/// When accepting connections fails.
pub async fn serve(
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), tonic::transport::Error> {
    let mut server = tonic::transport::Server::builder().layer(CatchLayer::<ShopError>::new());
    server
        .add_service(Shop)
        .serve_with_incoming_shutdown(
            tonic::transport::server::TcpIncoming::from(listener),
            shutdown,
        )
        .await
}

/// The port: the first argument, else `$PORT`, else 50051.
fn port() -> Result<u16, String> {
    match std::env::args()
        .nth(1)
        .or_else(|| std::env::var("PORT").ok())
    {
        Some(port) => port
            .parse()
            .map_err(|_| format!("`{port}` is not a port number")),
        None => Ok(50051),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Debug level, to show the framework's own text of each failure (never in a status).
    tracing_subscriber::fmt()
        .with_max_level(tracing_subscriber::filter::LevelFilter::DEBUG)
        .init();
    let port = port()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener =
            tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
        println!("shop API (gRPC) listening on {}", listener.local_addr()?);
        serve(listener, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
        Ok(())
    })
}
