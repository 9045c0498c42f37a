//! Feature `axum`: every error response of an axum 0.8 app in the contract of one enum.
//!
//! Every derived type is an `axum_core::response::IntoResponse` (status, the body's
//! `Content-Type`, the headers, the body). This module adds what answers the framework's own
//! failures with that enum, once it has variants with `catch` (it implements
//! [`FromFailure`](crate::FromFailure)):
//!
//! - the extractors [`Json`], [`Path`] and [`Query`], whose rejection is the enum; with the
//!   features `validator` and `garde`, `ValidJson` and `GardeJson`, which also validate the body
//!   and answer every broken rule at once, as an [`Errors`](crate::Errors) of the enum;
//! - [`CatchLayer`], which answers panics and every error response the enum did not write
//!   (unknown routes, wrong methods, the rejections of other extractors, other layers' 4xx
//!   and 5xx).
//!
//! ```
//! use axum::Router;
//! use axum::extract::DefaultBodyLimit;
//! use axum::routing::post;
//! use error_contract::ApiError;
//! use error_contract::axum::{CatchLayer, Json};
//! use serde::Deserialize;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(style = "problem", rename_all = "snake_case")]
//! enum ShopError {
//!     #[api_error(status = 404, message = "no such route", catch = "unknown_route")]
//!     NoSuchRoute,
//!     #[api_error(status = 400, message = "invalid body", catch("json_syntax", "json_data"))]
//!     InvalidBody {
//!         #[api_error(expose, fact = "pointer")]
//!         pointer: Option<String>,
//!     },
//!     #[api_error(status = 400, message = "request refused", catch = "status")]
//!     Refused { #[api_error(status)] status: u16 },
//!     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
//!     Internal { #[api_error(status)] status: u16 },
//! }
//!
//! #[derive(Deserialize)]
//! struct Order {
//!     product: u64,
//! }
//!
//! async fn place(order: Json<Order, ShopError>) -> String {
//!     format!("ordered {}", order.product)
//! }
//!
//! let app: Router = Router::new()
//!     .route("/orders", post(place))
//!     .layer(DefaultBodyLimit::max(64 * 1024))
//!     .layer(CatchLayer::<ShopError>::new());
//! ```
//!
//! # Bodies left unread
//!
//! hyper reads a request's body to its end after the response when it is small (up to the
//! 8 KiB or so that arrive with the head); a larger body left unread makes it close the
//! connection, without saying so in the response, and a client that sends its next request on
//! that connection sees it fail. So a response of status 413 or 415 (the body over the limit,
//! or not JSON: not read) says `Connection: close`, and [`CatchLayer`] says it on any response
//! of status 400 or more to a request that announced a body over 8 KiB, or of unknown length
//! (an unknown route, a wrong method, a handler that answers without the body). A success
//! answered without reading a large body leaves the connection to hyper as before.

mod extract;
mod layer;
pub(crate) mod response;

#[cfg(feature = "garde")]
pub use extract::GardeJson;
#[cfg(feature = "validator")]
pub use extract::ValidJson;
pub use extract::{Json, Path, Query};
pub use layer::{CatchFuture, CatchLayer, CatchService};

/// `axum_core::response::IntoResponse` (feature `axum`).
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_axum {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::hooks::axum_core::response::IntoResponse
            for $($ty)*
        where
            $($where)*
        {
            #[inline]
            fn into_response(self) -> $crate::__private::hooks::axum_core::response::Response {
                $crate::__private::hooks::axum_response(&self)
            }
        }
    };
}
