//! Feature `axum`: every error response of an axum 0.8 app in the contract of one enum.

pub(crate) mod response;
