//! Feature `tonic`: the same enum is the contract of a gRPC service's errors (tonic 0.14), with
//! Google's rich error model (`google.rpc.Status` details, through tonic-types).
//!
//! Every derived type converts into a `tonic::Status`, so a handler returns
//! `Result<Response<T>, Status>` and uses `?` on the enum:
//!
//! - **the code** is the variant's gRPC code: the one it names with `grpc = "..."`, else the one
//!   of its HTTP status, by `code.proto`'s mapping ([`GrpcCode::of_status`](crate::GrpcCode::of_status):
//!   404 is `NOT_FOUND`, 429 `RESOURCE_EXHAUSTED`, 401 `UNAUTHENTICATED`, 422
//!   `INVALID_ARGUMENT`);
//! - **the message** is the variant's public message; a source's text never reaches the status;
//! - **the details** are a `google.rpc.Status` with an `ErrorInfo` (its `reason` the code as the
//!   HTTP body writes it, a number in decimal; its `domain` the enum's `grpc_domain`, else the
//!   package's name; its `metadata` the exposed fields as text: a string as it is, any other
//!   value as its JSON), a `RetryInfo` when the error sends `Retry-After`, and a `Help` with the
//!   links to the code (constant members with `{code}`, and a problem `type_base`).
//!
//! An [`Errors`](crate::Errors) is one status: the code its errors share (else the one of its
//! status), its message, a `BadRequest` with a field violation per error (`field`: the error's
//! `pointer` field as a protobuf field path, `items[2].quantity`, else its `parameter`;
//! `description`: its message; `reason`: its code), and one `ErrorInfo` (`reason`: the
//! collection's code) whose metadata holds each error's fields as `key[index]`.
//!
//! The client side is [`decode`]: a status back into the enum or an `Errors` of it.
//!
//! ```
//! use error_contract::ApiError;
//! use tonic_types::StatusExt;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(rename_all = "snake_case", grpc_domain = "shop.example.com")]
//! enum ShopError {
//!     #[api_error(status = 404, message = "product not found")]
//!     ProductNotFound,
//!     #[api_error(status = 409, message = "order {id} exists", grpc = "already_exists")]
//!     OrderExists {
//!         #[api_error(expose)]
//!         id: u64,
//!     },
//! }
//!
//! fn get_product(id: u64) -> Result<tonic::Response<String>, tonic::Status> {
//!     Err(ShopError::ProductNotFound)?
//! }
//!
//! let status = get_product(7).unwrap_err();
//! assert_eq!(status.code(), tonic::Code::NotFound);
//! assert_eq!(status.message(), "product not found");
//! let info = status.get_details_error_info().unwrap();
//! assert_eq!((info.reason.as_str(), info.domain.as_str()), ("product_not_found", "shop.example.com"));
//!
//! let status = tonic::Status::from(ShopError::OrderExists { id: 42 });
//! assert_eq!(status.code(), tonic::Code::AlreadyExists);
//! let info = status.get_details_error_info().unwrap();
//! assert_eq!(info.metadata["id"], "42");
//! ```
//!
//! tonic 0.14 builds on Rust 1.75 up to 0.14.5; later 0.14 releases need Rust 1.88, and Cargo's
//! MSRV-aware resolver picks 0.14.5 for older toolchains.

mod decode;
mod layer;
mod proto;
pub(crate) mod status;

pub use decode::decode;
pub use layer::{CatchFuture, CatchLayer, CatchService};

/// `From<E> for tonic::Status` (feature `tonic`).
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_tonic {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*>
            for $crate::__private::hooks::tonic::Status
        where
            $($where)*
        {
            #[inline]
            fn from(error: $($ty)*) -> $crate::__private::hooks::tonic::Status {
                $crate::__private::hooks::tonic_status(&error)
            }
        }
    };
}
