//! A small shop API on actix-web whose errors are one enum, in seed 001's `dto` style:
//! `{"errors":[{"errorCode":3001,"message":"entity not found"}]}`: the handlers' errors, and
//! every failure of the framework too (unknown routes, wrong methods, bodies that are not JSON
//! or too large, parameters that do not parse, panics).
//!
//! ```sh
//! cargo run -p error-contract --example actix_server --features actix-web,tracing       # port 3000
//! cargo run -p error-contract --example actix_server --features actix-web,tracing -- 8080
//! PORT=8080 cargo run -p error-contract --example actix_server --features actix-web,tracing
//! ```
//!
//! Then, from another terminal:
//!
//! ```sh
//! curl -i http://127.0.0.1:3000/products/1      # 200, a product
//! curl -i http://127.0.0.1:3000/products/7      # 404, code 3001
//! curl -i 'http://127.0.0.1:3000/products?limit=1'  # 200, a list of one product
//! curl -i http://127.0.0.1:3000/orders/42       # 404, code 3002, the id in the message
//! curl -i -X POST http://127.0.0.1:3000/orders/500  # 400, code 5000, subject and subjectType
//! curl -i -X POST http://127.0.0.1:3000/checkout    # 429, code 4029, Retry-After: 30
//! curl -i http://127.0.0.1:3000/inventory       # 500, code 9001, cause in the log
//! curl http://127.0.0.1:3000/openapi.json       # the OpenAPI document of every route
//! curl -i -X POST http://127.0.0.1:3000/orders -H 'content-type: application/json' \
//!      -d '{"product":1,"quantity":2}'           # 201, the order
//! curl -i -X POST http://127.0.0.1:3000/orders -H 'content-type: application/json' \
//!      -d '{"product":0,"quantity":100}'         # 400, code 5000 twice: product and quantity
//! ```
//!
//! And the framework's own failures, each a variant of the same enum:
//!
//! ```sh
//! curl -i http://127.0.0.1:3000/no/such/route   # 404, code 9004, the path as subject
//! curl -i -X DELETE http://127.0.0.1:3000/checkout  # 405, code 9005, Allow: POST
//! curl -i -X POST http://127.0.0.1:3000/orders -d '{}'   # 415, code 9006
//! curl -i -X POST http://127.0.0.1:3000/orders -H 'content-type: application/json' \
//!      -d '{"product":1,'                        # 400, code 9002, serde's text in the log
//! curl -i -X POST http://127.0.0.1:3000/orders -H 'content-type: application/json' \
//!      -d '{"product":1,"quantity":"two"}'       # 400, code 9002, subject /quantity
//! curl -i http://127.0.0.1:3000/orders/abc      # 400, code 5001, subject id
//! curl -i 'http://127.0.0.1:3000/products?limit=ten' # 400, code 5001, subject limit
//! head -c 70000 /dev/zero | curl -i -X POST http://127.0.0.1:3000/orders \
//!      -H 'content-type: application/json' --data-binary @-   # 413, code 9007
//! ```
//!
//! The handlers return `Result<_, ShopError>`: with the `actix-web` feature every derived type
//! is a `ResponseError`, with no attribute to add. `POST /orders` checks its rules by hand and
//! answers every broken one at once, as an `Errors<ShopError>`: one `errors` array with an item
//! per broken rule, its `subject` the field. The extractors of `error_contract::actix`
//! fail with `ShopError`, and `CatchMiddleware::<ShopError>` answers the rest: actix-web's own
//! 404 and 405, and panics. With the `tracing` feature the 500's cause chain is logged to the
//! terminal, and the body has only the public message; the framework's own description of a
//! failure (serde's message, a panic's) is logged at debug level, which this example's subscriber
//! shows, and never sent.
//!
//! `GET /openapi.json` serves the API's `OpenAPI` document, written with utoipa: each route with
//! its success, its own errors and what its extractors and the middleware answer (a
//! `responses!` type per route, which names them), so that the document lists every response
//! the server sends.

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{App, HttpResponse, HttpServer, web};
use core::fmt;
use error_contract::actix::{CatchMiddleware, Json, Path, Query};
use error_contract::utoipa::ErrorSchemas;
use error_contract::{ApiError, Errors};
use serde::{Deserialize, Serialize};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::OnceLock;
use utoipa::{IntoParams, OpenApi, ToSchema};

/// The shop API's errors.
#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
pub enum ShopError {
    /// No product has this id.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    ProductNotFound,
    /// The order does not exist, or belongs to another customer.
    #[api_error(status = 404, code = 3002, message = "order {id} not found")]
    OrderNotFound {
        /// The order's id.
        id: u64,
    },
    /// A parameter of the request is invalid: `subject` names it, `subjectType` says where it
    /// is.
    #[api_error(status = 400, code = 5000, message = "validation error")]
    Validation {
        /// The invalid parameter.
        #[api_error(expose)]
        subject: &'static str,
        /// Where the parameter is: `parameter`, `body`, ...
        #[api_error(expose, rename = "subjectType")]
        subject_type: &'static str,
    },
    /// Too many checkouts; try again after `Retry-After` seconds.
    #[api_error(status = 429, code = 4029, message = "too many requests")]
    RateLimited {
        /// Seconds to wait.
        #[api_error(header = "Retry-After")]
        retry_after: u32,
    },
    /// Unexpected system error. The cause is logged, never sent.
    #[api_error(status = 500, code = 9001, message = "unexpected system error")]
    Storage(#[from] StorageError),
    /// A path or query parameter does not parse into its type: `subject` names it.
    #[api_error(
        status = 400,
        code = 5001,
        message = "illegal combination of method arguments",
        catch("invalid_path", "invalid_query")
    )]
    InvalidArgument {
        /// The parameter at fault.
        #[api_error(expose, rename = "subject", fact = "parameter")]
        parameter: Option<String>,
    },
    /// The body is not JSON, or JSON of another shape: `subject` is the JSON Pointer of the
    /// member at fault.
    #[api_error(
        status = 400,
        code = 9002,
        message = "HTTP message not readable",
        catch("json_syntax", "json_data")
    )]
    NotReadable {
        /// The member at fault (`/quantity`); absent for a syntax error.
        #[api_error(expose, rename = "subject", fact = "pointer")]
        pointer: Option<String>,
    },
    /// No route has this path.
    #[api_error(
        status = 404,
        code = 9004,
        message = "no such route",
        catch = "unknown_route"
    )]
    NoRoute {
        /// The request's path.
        #[api_error(expose, rename = "subject", fact = "path")]
        path: String,
    },
    /// The route does not take this method; `Allow` lists those it takes.
    #[api_error(
        status = 405,
        code = 9005,
        message = "Method not allowed",
        catch = "method_not_allowed"
    )]
    MethodNotAllowed {
        /// The methods the route takes.
        #[api_error(header = "Allow", fact = "allow")]
        allow: String,
    },
    /// The request's `Content-Type` is missing or not JSON (`application/json`).
    #[api_error(
        status = 415,
        code = 9006,
        message = "unsupported media type",
        catch = "unsupported_media_type"
    )]
    UnsupportedMediaType {
        /// The `Content-Type` sent, if any.
        #[api_error(expose, rename = "subject", fact = "content_type")]
        content_type: Option<String>,
    },
    /// The body is over 64 KiB.
    #[api_error(
        status = 413,
        code = 9007,
        message = "payload too large",
        catch = "payload_too_large"
    )]
    PayloadTooLarge,
    /// Another layer refused the request, with the status it chose.
    #[api_error(
        status = 400,
        code = 9008,
        message = "request cannot be served",
        catch = "status"
    )]
    Refused {
        /// The status of the refusal (4xx).
        #[api_error(status)]
        status: u16,
    },
    /// Unexpected system error of a handler (a panic) or of another layer: a sub-code of 9001,
    /// whose cause is logged, never sent.
    #[api_error(
        status = 500,
        code = 900101,
        parent = 9001,
        message = "unexpected system error",
        catch("panic", "status")
    )]
    Internal {
        /// The status of the failure (5xx).
        #[api_error(status)]
        status: u16,
    },
}

/// A storage failure with its own cause, as a database driver would report it.
#[derive(Debug)]
pub struct StorageError {
    source: std::io::Error,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("stock query failed")
    }
}

impl std::error::Error for StorageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// The largest quantity of one order.
const MAX_QUANTITY: i64 = 99;

/// The largest request body: actix-web answers a longer one with 413 (`PayloadTooLarge`).
pub const BODY_LIMIT: usize = 64 * 1024;

/// A product of the catalog.
#[derive(Clone, Copy, Serialize, ToSchema)]
pub struct Product {
    id: u64,
    #[schema(value_type = String)]
    name: &'static str,
}

/// The middleware around the app: it answers a wrong method and a panic.
type Catch = CatchMiddleware<ShopError>;

/// The catalog.
const PRODUCTS: [Product; 2] = [
    Product {
        id: 1,
        name: "teapot",
    },
    Product { id: 2, name: "cup" },
];

error_contract::responses! {
    /// The responses of `GET /products/{id}`.
    pub struct GetProduct: ShopError { ProductNotFound } with (Path<u64, ShopError>, Catch)
}

/// A product.
#[utoipa::path(
    get,
    path = "/products/{id}",
    params(("id" = u64, Path, description = "The product's id")),
    responses((status = 200, description = "The product", body = Product), GetProduct)
)]
async fn product(id: Path<u64, ShopError>) -> Result<HttpResponse, ShopError> {
    match id.into_inner() {
        1 => Ok(HttpResponse::Ok()
            .insert_header((CONTENT_TYPE, "application/json"))
            .body(r#"{"id":1,"name":"teapot"}"#)),
        _ => Err(ShopError::ProductNotFound),
    }
}

/// `?limit=`: at most this many products (all of them without it).
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct Page {
    // A `u32`: utoipa would say `int32`, whose bound is lower.
    #[param(format = Int64, minimum = 0, maximum = 4_294_967_295.0)]
    limit: Option<u32>,
}

error_contract::responses! {
    /// The responses of `GET /products`.
    pub struct ListProducts: ShopError {} with (Query<Page, ShopError>, Catch)
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
    Json::new(PRODUCTS.iter().copied().take(limit).collect())
}

error_contract::responses! {
    /// The responses of `GET /orders/{id}`.
    pub struct GetOrder: ShopError { OrderNotFound } with (Path<u64, ShopError>, Catch)
}

/// An order: this shop has none.
#[utoipa::path(
    get,
    path = "/orders/{id}",
    params(("id" = u64, Path, description = "The order's id")),
    responses((status = 200, description = "The order (this shop has none)"), GetOrder)
)]
async fn order(id: Path<u64, ShopError>) -> Result<HttpResponse, ShopError> {
    Err(ShopError::OrderNotFound {
        id: id.into_inner(),
    })
}

/// An order of teapots, as `POST /orders/{quantity}` answers it.
#[derive(ToSchema)]
#[allow(dead_code, reason = "the handler writes its JSON; this is its schema")]
pub struct PlacedOrder {
    order: u64,
    quantity: i64,
}

error_contract::responses! {
    /// The responses of `POST /orders/{quantity}`.
    pub struct PlaceOrder: ShopError { Validation } with (Path<i64, ShopError>, Catch)
}

/// `POST /orders/{quantity}`: an order of the teapot.
#[utoipa::path(
    post,
    path = "/orders/{id}",
    params(("id" = i64, Path, description = "The quantity of teapots, 1 to 99")),
    responses((status = 201, description = "The order", body = PlacedOrder), PlaceOrder)
)]
async fn place_order(quantity: Path<i64, ShopError>) -> Result<HttpResponse, ShopError> {
    let quantity = quantity.into_inner();
    if (1..=MAX_QUANTITY).contains(&quantity) {
        Ok(HttpResponse::Created()
            .insert_header((CONTENT_TYPE, "application/json"))
            .body(format!(r#"{{"order":1,"quantity":{quantity}}}"#)))
    } else {
        Err(ShopError::Validation {
            subject: "quantity",
            subject_type: "parameter",
        })
    }
}

/// The body of `POST /orders`.
#[derive(Deserialize, ToSchema)]
struct NewOrder {
    product: u64,
    quantity: i64,
}

/// An order, as `POST /orders` answers it.
#[derive(Serialize, ToSchema)]
struct Order {
    #[serde(rename = "order")]
    id: u64,
    product: u64,
    quantity: i64,
}

/// The rules of a new order, each broken one an error of the response, its `subject` the field:
/// the product is 1 or more, the quantity 1 to [`MAX_QUANTITY`].
fn validate(order: &NewOrder) -> Result<(), Errors<ShopError>> {
    let invalid = |subject| ShopError::Validation {
        subject,
        subject_type: "body",
    };
    let mut errors = Vec::new();
    if order.product < 1 {
        errors.push(invalid("product"));
    }
    if !(1..=MAX_QUANTITY).contains(&order.quantity) {
        errors.push(invalid("quantity"));
    }
    // No error, no collection: `try_from` refuses an empty list.
    Errors::try_from(errors).map_or(Ok(()), Err)
}

error_contract::responses! {
    /// The responses of `POST /orders`: each broken rule, several in one body, and the
    /// failures of its JSON body.
    pub struct CreateOrder: Errors<ShopError> { Validation, ProductNotFound }
        with (Json<NewOrder, ShopError>, Catch)
}

/// Places an order.
#[utoipa::path(
    post,
    path = "/orders",
    request_body = NewOrder,
    responses((status = 201, description = "The order", body = Order), CreateOrder)
)]
async fn create_order(
    new: Json<NewOrder, ShopError>,
) -> Result<(Json<Order, ShopError>, StatusCode), Errors<ShopError>> {
    validate(&new)?;
    let NewOrder { product, quantity } = new.into_inner();
    if !PRODUCTS.iter().any(|p| p.id == product) {
        return Err(ShopError::ProductNotFound.into());
    }
    let order = Order {
        id: 1,
        product,
        quantity,
    };
    Ok((Json::new(order), StatusCode::CREATED))
}

error_contract::responses! {
    /// The responses of `POST /checkout`.
    pub struct Checkout: ShopError { RateLimited } with (Catch)
}

/// Checks out: always too many.
#[utoipa::path(
    post,
    path = "/checkout",
    responses((status = 200, description = "Checked out (never: too many checkouts)"), Checkout)
)]
async fn checkout() -> Result<HttpResponse, ShopError> {
    Err(ShopError::RateLimited { retry_after: 30 })
}

error_contract::responses! {
    /// The responses of `GET /inventory`.
    pub struct Inventory: ShopError { Storage } with (Catch)
}

/// The stock: its database is down.
#[utoipa::path(
    get,
    path = "/inventory",
    responses((status = 200, description = "The stock (never: its database is down)"), Inventory)
)]
async fn inventory() -> Result<HttpResponse, ShopError> {
    let io = std::io::Error::new(
        std::io::ErrorKind::ConnectionReset,
        "connection to stock-db:5432 reset by peer",
    );
    Err(ShopError::from(StorageError { source: io }))
}

/// The schemas of `ShopError`'s responses.
const ERRORS: ErrorSchemas = ErrorSchemas::new(&[ShopError::catalog]);

/// The shop's `OpenAPI` document.
#[derive(OpenApi)]
#[openapi(
    info(title = "shop (actix-web)", description = "A small shop whose errors are one enum."),
    paths(products, product, create_order, order, place_order, checkout, inventory),
    modifiers(&ERRORS)
)]
pub struct ApiDoc;

/// `GET /openapi.json`: the document, written once.
async fn openapi() -> HttpResponse {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    let document = DOCUMENT.get_or_init(|| {
        ApiDoc::openapi()
            .to_json()
            .expect("an OpenAPI document serializes")
    });
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/json"))
        .body(document.as_str())
}

/// The shop's routes: each path once, with all its methods, so that actix-web answers another
/// method with 405 and `Allow` (which `CatchMiddleware` turns into `MethodNotAllowed`).
pub fn routes(config: &mut web::ServiceConfig) {
    config
        .service(web::resource("/openapi.json").route(web::get().to(openapi)))
        .service(web::resource("/products").route(web::get().to(products)))
        .service(web::resource("/products/{id}").route(web::get().to(product)))
        .service(web::resource("/orders").route(web::post().to(create_order)))
        .service(
            // `GET /orders/{id}`, `POST /orders/{quantity}`: one path, so one name.
            web::resource("/orders/{id}")
                .route(web::get().to(order))
                .route(web::post().to(place_order)),
        )
        .service(web::resource("/checkout").route(web::post().to(checkout)))
        .service(web::resource("/inventory").route(web::get().to(inventory)));
}

/// The shop's app: the routes, the body limit, and the middleware that answers everything the
/// handlers do not through `ShopError`.
pub fn app() -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(web::PayloadConfig::new(BODY_LIMIT))
        .configure(routes)
        .wrap(CatchMiddleware::<ShopError>::new())
}

/// The shop's server on `listener`, one worker; it runs when awaited, on an actix system.
///
/// # Errors
///
/// When actix-web cannot take over the listener.
pub fn server(listener: TcpListener) -> std::io::Result<Server> {
    Ok(HttpServer::new(app).workers(1).listen(listener)?.run())
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
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .init();
    let port = port()?;
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))?;
    println!(
        "shop API (actix-web) listening on http://{}",
        listener.local_addr()?
    );
    actix_web::rt::System::new().block_on(server(listener)?)?;
    Ok(())
}
