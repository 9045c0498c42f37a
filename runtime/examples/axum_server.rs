//! A small shop API on axum whose errors are one enum, sent as RFC 9457 problem details: the
//! handlers' errors, and every failure of the framework too (unknown routes, wrong methods,
//! bodies that are not JSON or too large, parameters that do not parse, panics).
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
//! curl -i 'http://127.0.0.1:3000/products?limit=2'   # 200, a list of two products
//! curl -i http://127.0.0.1:3000/orders/42       # 404 order_not_found, the id in the body
//! curl -i -X POST http://127.0.0.1:3000/orders/500  # 422 invalid_quantity, quantity and max
//! curl -i -X POST http://127.0.0.1:3000/checkout    # 429 rate_limited, Retry-After: 30
//! curl -i http://127.0.0.1:3000/inventory       # 500 inventory_unavailable, cause in the log
//! curl http://127.0.0.1:3000/openapi.json       # the OpenAPI document of every route
//! curl -i -X POST http://127.0.0.1:3000/orders -H 'content-type: application/json' \
//!      -d '{"product":1,"quantity":2}'           # 201, the order
//! curl -i -X POST http://127.0.0.1:3000/orders -H 'content-type: application/json' \
//!      -d '{"product":0,"quantity":100}'         # 422, one problem listing both errors
//! ```
//!
//! And the framework's own failures, each a variant of the same enum:
//!
//! ```sh
//! curl -i http://127.0.0.1:3000/no/such/route   # 404 no_such_route
//! curl -i -X DELETE http://127.0.0.1:3000/checkout  # 405 method_not_allowed, Allow: POST
//! curl -i -X POST http://127.0.0.1:3000/orders -d '{}'   # 415 unsupported_media_type
//! curl -i -X POST http://127.0.0.1:3000/orders -H 'content-type: application/json' \
//!      -d '{"product":1,'                        # 400 invalid_json, serde's text in the log
//! curl -i -X POST http://127.0.0.1:3000/orders -H 'content-type: application/json' \
//!      -d '{"product":1,"quantity":"two"}'       # 422 invalid_body, pointer /quantity
//! curl -i http://127.0.0.1:3000/orders/abc      # 400 invalid_parameter, parameter id
//! curl -i 'http://127.0.0.1:3000/products?limit=ten' # 400 invalid_parameter, parameter limit
//! head -c 70000 /dev/zero | curl -i -X POST http://127.0.0.1:3000/orders \
//!      -H 'content-type: application/json' --data-binary @-   # 413 payload_too_large
//! ```
//!
//! The handlers return `Result<_, ShopError>`: with the `axum` feature every derived type is an
//! `IntoResponse`, with no attribute to add. `POST /orders` checks its rules by hand and answers
//! every broken one at once, as an `Errors<ShopError>`: one problem whose `errors` member lists
//! each error with its `pointer`. The extractors of `error_contract::axum` reject
//! with `ShopError`, and `CatchLayer::<ShopError>` answers the rest: axum's own 404 and 405,
//! and panics. With the `tracing` feature the 500's cause chain is logged to the terminal, and
//! the body has only the public message; the framework's own description of a failure (serde's
//! message, a panic's) is logged at debug level, never sent.
//!
//! `GET /openapi.json` serves the API's `OpenAPI` document, written with utoipa: each route with
//! its success, its own errors and what its extractors and the layer answer (a `responses!`
//! type per route, which names them), so that the document lists every response the server
//! sends.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use core::fmt;
use error_contract::axum::{CatchLayer, Json, Path, Query};
use error_contract::utoipa::ErrorSchemas;
use error_contract::{ApiError, Errors};
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::OnceLock;
use utoipa::{IntoParams, OpenApi, ToSchema};

/// The shop API's errors. With `decode`, the same enum decodes them on the client side (the
/// source of `InventoryUnavailable` is an `Option`: it never travels, and decodes as `None`).
/// The gRPC server of `grpc_server.rs` answers with the same enum, its `ErrorInfo`s in the
/// domain `shop.example`.
#[derive(Debug, ApiError)]
#[api_error(
    style = "problem",
    rename_all = "snake_case",
    type_base = "https://shop.example/errors/",
    grpc_domain = "shop.example",
    decode
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
        /// The JSON Pointer of the quantity, when it came in a body.
        #[api_error(expose)]
        pointer: Option<String>,
    },
    /// An order's product must be a product id, 1 or more.
    #[api_error(status = 422, message = "invalid product")]
    InvalidProduct {
        /// The JSON Pointer of the product.
        #[api_error(expose)]
        pointer: String,
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
    InventoryUnavailable(#[from] Option<InventoryError>),

    // The framework's own failures: `catch` names the kinds each variant answers.
    /// No route has this path (on gRPC: no such service or method, `UNIMPLEMENTED`).
    #[api_error(
        status = 404,
        message = "no such route",
        catch = "unknown_route",
        grpc = "unimplemented"
    )]
    NoSuchRoute {
        /// The path asked for.
        #[api_error(instance, fact = "path")]
        path: String,
    },
    /// The route does not take this method; the `Allow` header lists those it takes.
    #[api_error(
        status = 405,
        message = "method {method} not allowed",
        catch = "method_not_allowed"
    )]
    MethodNotAllowed {
        /// The method of the request.
        #[api_error(expose, fact = "method")]
        method: String,
    },
    /// The body must be JSON, sent with `Content-Type: application/json`.
    #[api_error(
        status = 415,
        message = "the body must be JSON",
        catch = "unsupported_media_type"
    )]
    UnsupportedMediaType {
        /// The `Content-Type` the request sent, if any.
        #[api_error(expose, rename = "contentType", fact = "content_type")]
        content_type: Option<String>,
    },
    /// The body is not valid JSON.
    #[api_error(status = 400, message = "invalid JSON", catch = "json_syntax")]
    InvalidJson,
    /// The body is JSON, not of the expected shape: `pointer` names the member at fault.
    #[api_error(status = 422, message = "invalid request body", catch = "json_data")]
    InvalidBody {
        /// The JSON Pointer of the member at fault.
        #[api_error(expose, fact = "pointer")]
        pointer: String,
    },
    /// A path or query parameter does not parse.
    #[api_error(
        status = 400,
        message = "invalid parameter",
        catch("invalid_path", "invalid_query")
    )]
    InvalidParameter {
        /// The parameter at fault, when one is.
        #[api_error(expose, fact = "parameter")]
        parameter: Option<String>,
    },
    /// A gRPC request message does not decode as the method's message.
    #[api_error(
        status = 400,
        message = "invalid request message",
        catch = "invalid_message"
    )]
    InvalidMessage,
    /// The body is over 64 KiB.
    #[api_error(
        status = 413,
        message = "request body too large",
        catch = "payload_too_large"
    )]
    PayloadTooLarge,
    /// Another layer refused the request (a 400, a 401, a 408, ...).
    #[api_error(status = 400, message = "request refused", catch = "status")]
    RequestRefused {
        /// The status the other layer answered.
        #[api_error(status)]
        status: u16,
    },
    /// An unexpected failure: a panic, or a 5xx another layer answered. Logged, never described.
    #[api_error(
        status = 500,
        message = "internal server error",
        catch("panic", "status")
    )]
    Internal {
        /// The status of the failure (500 for a panic).
        #[api_error(status)]
        status: u16,
    },
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

/// The largest request body.
const BODY_LIMIT: usize = 64 * 1024;

/// A product of the catalog.
#[derive(Clone, Copy, Serialize, ToSchema)]
pub struct Product {
    id: u64,
    #[schema(value_type = String)]
    name: &'static str,
}

/// The whole catalog.
const PRODUCTS: [Product; 3] = [
    Product {
        id: 1,
        name: "teapot",
    },
    Product {
        id: 2,
        name: "kettle",
    },
    Product { id: 3, name: "cup" },
];

/// The layer around the router: it answers a wrong method and a panic.
type Layer = CatchLayer<ShopError>;

error_contract::responses! {
    /// The responses of `GET /products/{id}`.
    pub struct GetProduct: ShopError { ProductNotFound } with (Path<u64, ShopError>, Layer)
}

/// A product.
#[utoipa::path(
    get,
    path = "/products/{id}",
    params(("id" = u64, Path, description = "The product's id")),
    responses((status = 200, description = "The product", body = Product), GetProduct)
)]
async fn product(id: Path<u64, ShopError>) -> Result<Json<Product, ShopError>, ShopError> {
    PRODUCTS
        .into_iter()
        .find(|product| product.id == *id)
        .map(Json::new)
        .ok_or(ShopError::ProductNotFound)
}

/// The query of `GET /products`.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// At most this many products (default: all).
    // A `u32`: utoipa would say `int32`, whose bound is lower.
    #[param(format = Int64, minimum = 0, maximum = 4_294_967_295.0)]
    limit: Option<u32>,
}

error_contract::responses! {
    /// The responses of `GET /products`.
    pub struct ListProducts: ShopError {} with (Query<Page, ShopError>, Layer)
}

/// The products, at most `limit` of them.
#[utoipa::path(
    get,
    path = "/products",
    params(Page),
    responses((status = 200, description = "The products", body = [Product]), ListProducts)
)]
async fn products(page: Query<Page, ShopError>) -> Json<Vec<Product>, ShopError> {
    let limit = page.limit.map_or(usize::MAX, |limit| limit as usize);
    Json::new(PRODUCTS.into_iter().take(limit).collect())
}

error_contract::responses! {
    /// The responses of `GET /orders/{id}`.
    pub struct GetOrder: ShopError { OrderNotFound } with (Path<u64, ShopError>, Layer)
}

/// An order: this shop has none.
#[utoipa::path(
    get,
    path = "/orders/{id}",
    params(("id" = u64, Path, description = "The order's id")),
    responses((status = 200, description = "The order (this shop has none)"), GetOrder)
)]
async fn order(id: Path<u64, ShopError>) -> Result<&'static str, ShopError> {
    Err(ShopError::OrderNotFound { id: *id })
}

/// The quantity of an order, checked against [`MAX_QUANTITY`]; `pointer` names it in a body.
fn checked(quantity: i64, pointer: Option<&str>) -> Result<i64, ShopError> {
    if (1..=i64::from(MAX_QUANTITY)).contains(&quantity) {
        Ok(quantity)
    } else {
        Err(ShopError::InvalidQuantity {
            quantity,
            max: MAX_QUANTITY,
            pointer: pointer.map(str::to_owned),
        })
    }
}

/// An order of teapots, as `POST /orders/{quantity}` answers it.
#[derive(Serialize, ToSchema)]
pub struct PlacedOrder {
    order: u64,
    quantity: i64,
}

error_contract::responses! {
    /// The responses of `POST /orders/{quantity}`.
    pub struct PlaceOrder: ShopError { InvalidQuantity } with (Path<i64, ShopError>, Layer)
}

/// Orders this many teapots.
#[utoipa::path(
    post,
    path = "/orders/{id}",
    params(("id" = i64, Path, description = "The quantity of teapots, 1 to 99")),
    responses((status = 201, description = "The order", body = PlacedOrder), PlaceOrder)
)]
async fn place_order(quantity: Path<i64, ShopError>) -> Result<impl IntoResponse, ShopError> {
    let quantity = checked(*quantity, None)?;
    let body = format!(r#"{{"order":1,"quantity":{quantity}}}"#);
    Ok((
        StatusCode::CREATED,
        [(CONTENT_TYPE, "application/json")],
        body,
    ))
}

/// The body of `POST /orders`.
#[derive(Deserialize, ToSchema)]
pub struct NewOrder {
    product: u64,
    quantity: i64,
}

/// An order as the API returns it.
#[derive(Serialize, ToSchema)]
pub struct Order {
    id: u64,
    product: u64,
    quantity: i64,
}

/// The rules of a new order, each broken one an error of the response: the product is 1 or more,
/// the quantity 1 to [`MAX_QUANTITY`].
fn validate(order: &NewOrder) -> Result<(), Errors<ShopError>> {
    let mut errors = Vec::new();
    if order.product < 1 {
        errors.push(ShopError::InvalidProduct {
            pointer: "/product".to_owned(),
        });
    }
    if let Err(error) = checked(order.quantity, Some("/quantity")) {
        errors.push(error);
    }
    // No error, no collection: `try_from` refuses an empty list.
    Errors::try_from(errors).map_or(Ok(()), Err)
}

error_contract::responses! {
    /// The responses of `POST /orders`: each broken rule, several in one body, and the
    /// failures of its JSON body.
    pub struct CreateOrder: Errors<ShopError> { InvalidProduct, InvalidQuantity, ProductNotFound }
        with (Json<NewOrder, ShopError>, Layer)
}

/// Places an order.
#[utoipa::path(
    post,
    path = "/orders",
    request_body = NewOrder,
    responses((status = 201, description = "The order", body = Order), CreateOrder)
)]
async fn create_order(
    order: Json<NewOrder, ShopError>,
) -> Result<(StatusCode, Json<Order, ShopError>), Errors<ShopError>> {
    validate(&order)?;
    let NewOrder { product, quantity } = order.into_inner();
    if !PRODUCTS.iter().any(|known| known.id == product) {
        return Err(ShopError::ProductNotFound.into());
    }
    let order = Order {
        id: 1,
        product,
        quantity,
    };
    Ok((StatusCode::CREATED, Json::new(order)))
}

error_contract::responses! {
    /// The responses of `POST /checkout`.
    pub struct Checkout: ShopError { RateLimited } with (Layer)
}

/// Checks out: always too many.
#[utoipa::path(
    post,
    path = "/checkout",
    responses((status = 200, description = "Checked out (never: too many checkouts)"), Checkout)
)]
async fn checkout() -> Result<&'static str, ShopError> {
    Err(ShopError::RateLimited { retry_after: 30 })
}

error_contract::responses! {
    /// The responses of `GET /inventory`.
    pub struct Inventory: ShopError { InventoryUnavailable } with (Layer)
}

/// The inventory: its database is down.
#[utoipa::path(
    get,
    path = "/inventory",
    responses((status = 200, description = "The inventory (never: its database is down)"), Inventory)
)]
async fn inventory() -> Result<&'static str, ShopError> {
    let io = std::io::Error::new(
        std::io::ErrorKind::ConnectionReset,
        "connection to inventory-db:5432 reset by peer",
    );
    Err(ShopError::from(InventoryError { source: io }))
}

/// The schemas of `ShopError`'s responses.
const ERRORS: ErrorSchemas = ErrorSchemas::new(&[ShopError::catalog]);

/// The shop's `OpenAPI` document.
#[derive(OpenApi)]
#[openapi(
    info(title = "shop (axum)", description = "A small shop whose errors are one enum."),
    paths(products, product, create_order, order, place_order, checkout, inventory),
    modifiers(&ERRORS)
)]
pub struct ApiDoc;

/// `GET /openapi.json`: the document, written once.
async fn openapi() -> impl IntoResponse {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    let document = DOCUMENT.get_or_init(|| {
        ApiDoc::openapi()
            .to_json()
            .expect("an OpenAPI document serializes")
    });
    ([(CONTENT_TYPE, "application/json")], document.as_str())
}

/// The shop's routes, with the body limit and the layer that answers every other failure.
pub fn app() -> Router {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/products", get(products))
        .route("/products/{id}", get(product))
        .route("/orders", post(create_order))
        .route("/orders/{id}", get(order).post(place_order))
        .route("/checkout", post(checkout))
        .route("/inventory", get(inventory))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(CatchLayer::<ShopError>::new())
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
    // Debug level, to show the framework's own text of each failure (never in a body).
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
