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

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{App, HttpResponse, HttpServer, web};
use core::fmt;
use error_contract::actix::{CatchMiddleware, Json, Path, Query};
use error_contract::{ApiError, Errors};
use serde::{Deserialize, Serialize};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};

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
#[derive(Clone, Copy, Serialize)]
pub struct Product {
    id: u64,
    name: &'static str,
}

/// The catalog.
const PRODUCTS: [Product; 2] = [
    Product {
        id: 1,
        name: "teapot",
    },
    Product { id: 2, name: "cup" },
];

async fn product(id: Path<u64, ShopError>) -> Result<HttpResponse, ShopError> {
    match id.into_inner() {
        1 => Ok(HttpResponse::Ok()
            .insert_header((CONTENT_TYPE, "application/json"))
            .body(r#"{"id":1,"name":"teapot"}"#)),
        _ => Err(ShopError::ProductNotFound),
    }
}

/// `?limit=`: at most this many products (all of them without it).
#[derive(Deserialize)]
struct Page {
    limit: Option<u32>,
}

async fn products(page: Query<Page, ShopError>) -> Json<Vec<Product>, ShopError> {
    let limit = page.limit.map_or(usize::MAX, |limit| limit as usize);
    Json::new(PRODUCTS.iter().copied().take(limit).collect())
}

async fn order(id: Path<u64, ShopError>) -> Result<HttpResponse, ShopError> {
    Err(ShopError::OrderNotFound {
        id: id.into_inner(),
    })
}

/// `POST /orders/{quantity}`: an order of the teapot.
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
#[derive(Deserialize)]
struct NewOrder {
    product: u64,
    quantity: i64,
}

/// An order, as `POST /orders` answers it.
#[derive(Serialize)]
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

async fn checkout() -> Result<HttpResponse, ShopError> {
    Err(ShopError::RateLimited { retry_after: 30 })
}

async fn inventory() -> Result<HttpResponse, ShopError> {
    let io = std::io::Error::new(
        std::io::ErrorKind::ConnectionReset,
        "connection to stock-db:5432 reset by peer",
    );
    Err(ShopError::from(StorageError { source: io }))
}

/// The shop's routes: each path once, with all its methods, so that actix-web answers another
/// method with 405 and `Allow` (which `CatchMiddleware` turns into `MethodNotAllowed`).
pub fn routes(config: &mut web::ServiceConfig) {
    config
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
