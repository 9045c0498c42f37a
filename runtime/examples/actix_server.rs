//! A small shop API on actix-web whose errors are one enum, in seed 001's `dto` style:
//! `{"errors":[{"errorCode":3001,"message":"entity not found"}]}`.
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
//! curl -i http://127.0.0.1:3000/orders/42       # 404, code 3002, the id in the message
//! curl -i -X POST http://127.0.0.1:3000/orders/500  # 400, code 5000, subject and subjectType
//! curl -i -X POST http://127.0.0.1:3000/checkout    # 429, code 4029, Retry-After: 30
//! curl -i http://127.0.0.1:3000/inventory       # 500, code 9001, cause in the log
//! ```
//!
//! The handlers return `Result<_, ShopError>`: with the `actix-web` feature every derived type
//! is a `ResponseError`, with no attribute to add. With the `tracing` feature the 500's cause
//! chain is logged to the terminal, and the body has only the public message.

use actix_web::dev::Server;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{App, HttpResponse, HttpServer, web};
use core::fmt;
use error_contract::ApiError;
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

async fn product(id: web::Path<u64>) -> Result<HttpResponse, ShopError> {
    match id.into_inner() {
        1 => Ok(HttpResponse::Ok()
            .insert_header((CONTENT_TYPE, "application/json"))
            .body(r#"{"id":1,"name":"teapot"}"#)),
        _ => Err(ShopError::ProductNotFound),
    }
}

async fn order(id: web::Path<u64>) -> Result<HttpResponse, ShopError> {
    Err(ShopError::OrderNotFound {
        id: id.into_inner(),
    })
}

async fn place_order(quantity: web::Path<i64>) -> Result<HttpResponse, ShopError> {
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

/// The shop's routes.
pub fn routes(config: &mut web::ServiceConfig) {
    config
        .route("/products/{id}", web::get().to(product))
        .route("/orders/{id}", web::get().to(order))
        .route("/orders/{quantity}", web::post().to(place_order))
        .route("/checkout", web::post().to(checkout))
        .route("/inventory", web::get().to(inventory));
}

/// The shop's server on `listener`, one worker; it runs when awaited, on an actix system.
///
/// # Errors
///
/// When actix-web cannot take over the listener.
pub fn server(listener: TcpListener) -> std::io::Result<Server> {
    Ok(HttpServer::new(|| App::new().configure(routes))
        .workers(1)
        .listen(listener)?
        .run())
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
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))?;
    println!(
        "shop API (actix-web) listening on http://{}",
        listener.local_addr()?
    );
    actix_web::rt::System::new().block_on(server(listener)?)?;
    Ok(())
}
