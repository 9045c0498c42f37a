//! A small shop API on axum whose errors are one enum, sent as RFC 9457 problem details.
//!
//! ```sh
//! cargo run -p error-contract --example axum_server --features axum,tracing       # port 3000
//! cargo run -p error-contract --example axum_server --features axum,tracing -- 8080
//! PORT=8080 cargo run -p error-contract --example axum_server --features axum,tracing
//! ```
//!
//! Then, from another terminal:
//!
//! ```sh
//! curl -i http://127.0.0.1:3000/products/1      # 200, a product
//! curl -i http://127.0.0.1:3000/products/7      # 404 product_not_found
//! curl -i http://127.0.0.1:3000/orders/42       # 404 order_not_found, the id in the body
//! curl -i -X POST http://127.0.0.1:3000/orders/500  # 422 invalid_quantity, quantity and max
//! curl -i -X POST http://127.0.0.1:3000/checkout    # 429 rate_limited, Retry-After: 30
//! curl -i http://127.0.0.1:3000/inventory       # 500 inventory_unavailable, cause in the log
//! ```
//!
//! The handlers return `Result<_, ShopError>`: with the `axum` feature every derived type is an
//! `IntoResponse`, with no attribute to add. With the `tracing` feature the 500's cause chain is
//! logged to the terminal, and the body has only the public message.

use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use core::fmt;
use error_contract::ApiError;
use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr};

/// The shop API's errors.
#[derive(Debug, ApiError)]
#[api_error(
    style = "problem",
    rename_all = "snake_case",
    type_base = "https://shop.example/errors/"
)]
pub enum ShopError {
    /// No product has this id.
    #[api_error(status = 404, message = "product not found")]
    ProductNotFound,
    /// The order does not exist, or belongs to another customer.
    #[api_error(status = 404, message = "order {id} not found")]
    OrderNotFound {
        /// The order's id.
        #[api_error(expose)]
        id: u64,
    },
    /// An order's quantity must be between 1 and `max`.
    #[api_error(status = 422, message = "invalid quantity")]
    InvalidQuantity {
        /// The quantity asked for.
        #[api_error(expose)]
        quantity: i64,
        /// The largest quantity allowed.
        #[api_error(expose)]
        max: u32,
    },
    /// Too many checkouts; try again after `Retry-After` seconds.
    #[api_error(status = 429, message = "too many checkouts")]
    RateLimited {
        /// Seconds to wait.
        #[api_error(header = "Retry-After")]
        retry_after: u32,
    },
    /// The inventory could not be read. The cause is logged, never sent.
    #[api_error(status = 500, message = "inventory unavailable")]
    InventoryUnavailable(#[from] InventoryError),
}

/// A storage failure with its own cause, as a database driver would report it.
#[derive(Debug)]
pub struct InventoryError {
    source: std::io::Error,
}

impl fmt::Display for InventoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("inventory query failed")
    }
}

impl std::error::Error for InventoryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// The largest quantity of one order.
const MAX_QUANTITY: u32 = 99;

async fn product(Path(id): Path<u64>) -> Result<impl IntoResponse, ShopError> {
    match id {
        1 => Ok((
            [(CONTENT_TYPE, "application/json")],
            r#"{"id":1,"name":"teapot"}"#,
        )),
        _ => Err(ShopError::ProductNotFound),
    }
}

async fn order(Path(id): Path<u64>) -> Result<&'static str, ShopError> {
    Err(ShopError::OrderNotFound { id })
}

async fn place_order(Path(quantity): Path<i64>) -> Result<impl IntoResponse, ShopError> {
    if (1..=i64::from(MAX_QUANTITY)).contains(&quantity) {
        let body = format!(r#"{{"order":1,"quantity":{quantity}}}"#);
        Ok((
            StatusCode::CREATED,
            [(CONTENT_TYPE, "application/json")],
            body,
        ))
    } else {
        Err(ShopError::InvalidQuantity {
            quantity,
            max: MAX_QUANTITY,
        })
    }
}

async fn checkout() -> Result<&'static str, ShopError> {
    Err(ShopError::RateLimited { retry_after: 30 })
}

async fn inventory() -> Result<&'static str, ShopError> {
    let io = std::io::Error::new(
        std::io::ErrorKind::ConnectionReset,
        "connection to inventory-db:5432 reset by peer",
    );
    Err(ShopError::from(InventoryError { source: io }))
}

/// The shop's routes.
pub fn app() -> Router {
    Router::new()
        .route("/products/{id}", get(product))
        .route("/orders/{id}", get(order).post(place_order))
        .route("/checkout", post(checkout))
        .route("/inventory", get(inventory))
}

/// Serves the shop on `listener` until `shutdown` completes.
///
/// # Errors
///
/// When accepting connections fails.
pub async fn serve(
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app())
        .with_graceful_shutdown(shutdown)
        .await
}

/// The port: the first argument, else `$PORT`, else 3000.
fn port() -> Result<u16, String> {
    match std::env::args()
        .nth(1)
        .or_else(|| std::env::var("PORT").ok())
    {
        Some(port) => port
            .parse()
            .map_err(|_| format!("`{port}` is not a port number")),
        None => Ok(3000),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt().init();
    let port = port()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener =
            tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
        println!(
            "shop API (axum) listening on http://{}",
            listener.local_addr()?
        );
        serve(listener, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
    })?;
    Ok(())
}
