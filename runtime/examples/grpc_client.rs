//! A client of the shop's gRPC service (`grpc_server.rs`) that decodes every error status back
//! into the same enum, `ShopError`, or an `Errors<ShopError>`.
//!
//! ```sh
//! cargo run -p error-contract --example grpc_server --features axum,tonic,tracing -- 50051 &
//! cargo run -p error-contract --example grpc_client --features axum,tonic,tracing -- 50051
//! ```

#[path = "grpc_server.rs"]
#[allow(
    dead_code,
    unreachable_pub,
    reason = "only the messages and the enum of the server are used here"
)]
pub mod grpc_server;

use error_contract::{Decode, DecodeError, Errors, Styled};
use grpc_server::{
    CheckoutRequest, CheckoutResponse, GetProductRequest, Order, PlaceOrderRequest, Product,
    ShopError,
};
use tonic::transport::Channel;

/// A `GetProductRequest` whose `id` is a string: a message the server cannot decode.
#[derive(Clone, PartialEq, prost::Message)]
pub struct NotAGetProductRequest {
    /// Not a `uint64`.
    #[prost(string, tag = "1")]
    pub id: String,
}

/// Calls the unary method at `path` with `request`.
///
/// # Errors
///
/// The status the server answered.
pub async fn call<Req, Res>(
    channel: Channel,
    path: &'static str,
    request: Req,
) -> Result<Res, tonic::Status>
where
    Req: prost::Message + Send + Sync + 'static,
    Res: prost::Message + Default + Send + Sync + 'static,
{
    let mut client = tonic::client::Grpc::new(channel);
    client
        .ready()
        .await
        .map_err(|error| tonic::Status::unavailable(error.to_string()))?;
    let codec = tonic_prost::ProstCodec::<Req, Res>::default();
    let path = http::uri::PathAndQuery::from_static(path);
    Ok(client
        .unary(tonic::Request::new(request), path, codec)
        .await?
        .into_inner())
}

/// A call's answer: its response, or its error decoded (or why it did not decode).
pub type Answer<T, E> = Result<T, Result<E, DecodeError>>;

/// What each call of the shop returns, its errors decoded.
#[derive(Debug)]
pub struct Answers {
    /// `GetProduct` of 1.
    pub product: Answer<Product, ShopError>,
    /// `GetProduct` of 7.
    pub missing: Answer<Product, ShopError>,
    /// `PlaceOrder` of product 0, quantity 100.
    pub order: Answer<Order, Errors<ShopError>>,
    /// `Checkout`.
    pub checkout: Answer<CheckoutResponse, ShopError>,
    /// `shop.v1.Shop/Refund`, which does not exist.
    pub unknown_method: Answer<CheckoutResponse, ShopError>,
    /// `GetProduct` with a message that does not decode.
    pub undecodable: Answer<Product, ShopError>,
}

fn decoded<T, E: Decode + Styled>(result: Result<T, tonic::Status>) -> Answer<T, E> {
    result.map_err(|status| error_contract::tonic::decode(&status))
}

/// Makes each call on `channel`.
pub async fn ask(channel: &Channel) -> Answers {
    let get = |id| {
        call(
            channel.clone(),
            "/shop.v1.Shop/GetProduct",
            GetProductRequest { id },
        )
    };
    let order = PlaceOrderRequest {
        product: 0,
        quantity: 100,
    };
    let not_a_request = NotAGetProductRequest { id: "one".into() };
    Answers {
        product: decoded(get(1).await),
        missing: decoded(get(7).await),
        order: decoded(call(channel.clone(), "/shop.v1.Shop/PlaceOrder", order).await),
        checkout: decoded(
            call(
                channel.clone(),
                "/shop.v1.Shop/Checkout",
                CheckoutRequest {},
            )
            .await,
        ),
        unknown_method: decoded(
            call(channel.clone(), "/shop.v1.Shop/Refund", CheckoutRequest {}).await,
        ),
        undecodable: decoded(
            call(channel.clone(), "/shop.v1.Shop/GetProduct", not_a_request).await,
        ),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port = std::env::args().nth(1).unwrap_or_else(|| "50051".into());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let channel = Channel::from_shared(format!("http://127.0.0.1:{port}"))?
            .connect()
            .await?;
        let answers = ask(&channel).await;
        println!("{answers:#?}");
        Ok(())
    })
}
