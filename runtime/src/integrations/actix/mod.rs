//! Feature `actix-web`: actix-web 4 answers its own failures through your enum.
//!
//! - Every derived type is an `actix_web::ResponseError` (no attribute to add): a handler
//!   returns `Result<_, YourError>`. [`error_response`] and [`status_code`] are what its methods
//!   return.
//! - [`Json`], [`Path`] and [`Query`] are actix-web's extractors with your enum as their error:
//!   a body that is not JSON, a path parameter or a query that does not parse is answered by
//!   the variant that claims it with `catch`, with the JSON Pointer or the parameter's name as
//!   a fact and none of serde's or actix-web's text.
//! - [`CatchMiddleware`] answers the rest: actix-web's own 404 and 405, any other layer's error
//!   response without a contract body, and panics.
//!
//! The enum says which variant answers which failure with `catch` (see
//! [`FromFailure`](crate::FromFailure) for the rule when no variant claims a kind):
//!
//! ```
//! use actix_web::http::StatusCode;
//! use actix_web::{App, test, web};
//! use error_contract::ApiError;
//! use error_contract::actix::{CatchMiddleware, Json, Path};
//! use serde::Deserialize;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(style = "dto")]
//! enum ShopError {
//!     #[api_error(status = 404, code = 3001, message = "entity not found")]
//!     NotFound,
//!     #[api_error(status = 404, code = 9004, message = "no such route", catch = "unknown_route")]
//!     NoRoute,
//!     #[api_error(status = 405, code = 9005, message = "method not allowed", catch = "method_not_allowed")]
//!     MethodNotAllowed {
//!         #[api_error(header = "Allow", fact = "allow")]
//!         allow: String,
//!     },
//!     #[api_error(status = 415, code = 9006, message = "unsupported media type", catch = "unsupported_media_type")]
//!     UnsupportedMediaType,
//!     #[api_error(status = 413, code = 9007, message = "payload too large", catch = "payload_too_large")]
//!     PayloadTooLarge,
//!     #[api_error(status = 400, code = 9002, message = "HTTP message not readable", catch("json_syntax", "json_data"))]
//!     NotReadable {
//!         #[api_error(expose, rename = "subject", fact = "pointer")]
//!         pointer: Option<String>,
//!     },
//!     #[api_error(status = 400, code = 5000, message = "validation error", catch("invalid_path", "invalid_query"))]
//!     Validation {
//!         #[api_error(expose, rename = "subject", fact = "parameter")]
//!         parameter: Option<String>,
//!     },
//!     #[api_error(status = 400, code = 9000, message = "request refused", catch = "status")]
//!     Refused { #[api_error(status)] status: u16 },
//!     #[api_error(status = 500, code = 9001, message = "unexpected system error", catch("panic", "status"))]
//!     Internal { #[api_error(status)] status: u16 },
//! }
//!
//! #[derive(Deserialize)]
//! struct NewOrder {
//!     product: u64,
//!     quantity: i64,
//! }
//!
//! async fn order(_id: Path<u64, ShopError>) -> Result<String, ShopError> {
//!     Err(ShopError::NotFound)
//! }
//!
//! async fn place(order: Json<NewOrder, ShopError>) -> String {
//!     format!("{} x {}", order.quantity, order.product)
//! }
//!
//! # actix_web::rt::System::new().block_on(async {
//! let app = App::new()
//!     // actix-web's own limit for a body (256 KiB unless set): over it, `payload_too_large`.
//!     .app_data(web::PayloadConfig::new(64 * 1024))
//!     // Each path once, with all its methods: another method is a 405 with `Allow`.
//!     .service(web::resource("/orders").route(web::post().to(place)))
//!     .service(web::resource("/orders/{id}").route(web::get().to(order)))
//!     // The outermost: it sees every response.
//!     .wrap(CatchMiddleware::<ShopError>::new());
//! let app = test::init_service(app).await;
//!
//! let request = test::TestRequest::get().uri("/orders/abc").to_request();
//! let body = test::call_and_read_body(&app, request).await;
//! assert_eq!(body, r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"id"}]}"#);
//!
//! let request = test::TestRequest::delete().uri("/orders").to_request();
//! let response = test::call_service(&app, request).await;
//! assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
//! assert_eq!(response.headers().get("allow").unwrap(), "POST");
//! let body = test::read_body(response).await;
//! assert_eq!(body, r#"{"errors":[{"errorCode":9005,"message":"method not allowed"}]}"#);
//!
//! let request = test::TestRequest::post()
//!     .uri("/orders")
//!     .insert_header(("content-type", "application/json"))
//!     .set_payload(r#"{"product":1}"#)
//!     .to_request();
//! let body = test::call_and_read_body(&app, request).await;
//! assert_eq!(body, r#"{"errors":[{"errorCode":9002,"message":"HTTP message not readable","subject":"/quantity"}]}"#);
//! # });
//! ```
//!
//! # Routes, 404 and 405
//!
//! actix-web answers 405 with an `Allow` header only when a *resource* matches the path and none
//! of its routes matches the method. Register each path once, with all its methods, on one
//! `web::resource(path)`:
//!
//! ```
//! # use actix_web::{App, HttpResponse, web};
//! # async fn list() -> HttpResponse { HttpResponse::Ok().finish() }
//! # async fn create() -> HttpResponse { HttpResponse::Created().finish() }
//! let app = App::new().service(
//!     web::resource("/orders")
//!         .route(web::get().to(list))
//!         .route(web::post().to(create)),
//! );
//! # drop(app);
//! ```
//!
//! `App::route(path, web::get().to(list))` instead puts the method on the resource itself, so a
//! `DELETE /orders` matches no resource at all and is answered as an unknown route (404), and
//! two `App::route` calls for the same path make two resources, the first of which answers a
//! method that only the second takes. Leave `App::default_service` unset (or let it answer with
//! your enum): the empty 404 actix-web answers with is replaced by the `unknown_route` variant.
//!
//! # Bodies left unread
//!
//! actix-http closes a connection once it has answered a request whose body was not read to
//! its end, without saying so in the response: a client that sends its next request on that
//! connection sees it fail. [`CatchMiddleware`] says it (`Connection: close`) on the error
//! responses that leave a body unread: those it replaces (the router's 404 and 405 before all),
//! those of [`Json`] that did not read the body (a `Content-Type` that is not JSON, a body over
//! the limit), and panics. A handler that answers without reading a body it was sent (with a
//! success or with an error) leaves the connection to actix-http as before.
//!
//! # What stays actix-web's
//!
//! actix-web's own `web::Json`, `web::Path`, `web::Query` and `web::Form` still answer with their
//! `text/plain` errors (`web::Path` with a 404): [`CatchMiddleware`] replaces those by the
//! variant that catches their status, without the facts these extractors give. A request
//! whose head does not parse (a 400 or 431 from actix-http, before any service runs) is
//! answered by actix-http alone.

mod extract;
mod middleware;
mod response;

/// Marks a request (in its extensions) whose body an extractor left unread, or read only in
/// part: a body over the limit, or with a `Content-Type` that is not JSON. actix-http closes
/// such a connection once the response is sent, so [`CatchMiddleware`] says so in the
/// response (`Connection: close`) for the client not to send its next request on it.
#[derive(Clone, Copy, Debug)]
struct BodyUnread;

#[cfg(feature = "garde")]
pub use extract::GardeJson;
#[cfg(feature = "validator")]
pub use extract::ValidJson;
pub use extract::{Json, JsonFuture, Path, Query};
pub use middleware::{CatchFuture, CatchMiddleware, CatchService};
pub use response::{error_response, status_code};

/// `actix_web::ResponseError` (feature `actix-web`).
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_actix_web {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::hooks::actix_web::ResponseError for $($ty)*
        where
            $($where)*
        {
            #[inline]
            fn status_code(&self) -> $crate::__private::hooks::actix_web::http::StatusCode {
                $crate::__private::hooks::actix_status(self)
            }

            fn error_response(
                &self,
            ) -> $crate::__private::hooks::actix_web::HttpResponse<
                $crate::__private::hooks::actix_web::body::BoxBody,
            > {
                $crate::__private::hooks::actix_error_response(self)
            }
        }
    };
}
