//! Feature `axum`: every error response of an axum 0.8 app in the contract of one enum.

mod extract;
pub(crate) mod response;

pub use extract::{Json, Path, Query};
