//! The integration tests, one binary: each capability is a module (its file beside this one),
//! so that the frameworks and clients they use are linked once. `allocations.rs` is a binary of
//! its own: it counts allocations with a global allocator, and a layer made by another test in
//! the same process would change what it counts.

#[path = "../../runtime/examples/actix_server.rs"]
#[allow(
    dead_code,
    unreachable_pub,
    reason = "the example's `main` and its port parsing are not used by every test"
)]
mod actix_server;
#[path = "../../runtime/examples/axum_server.rs"]
#[allow(
    dead_code,
    unreachable_pub,
    reason = "the example's `main` and its port parsing are not used by every test"
)]
mod axum_server;
mod common;
#[path = "../../runtime/examples/grpc_client.rs"]
#[allow(
    clippy::duplicate_mod,
    reason = "the gRPC example's binaries include the axum example's enum themselves"
)]
#[allow(
    dead_code,
    unreachable_pub,
    reason = "the example's `main` and its port parsing are not used by every test"
)]
mod grpc_client;
mod openapi_check;
mod support;

mod actix;
mod any_request;
mod axum;
mod bad_input;
mod catalog;
mod catch;
mod client;
mod crate_path;
mod decode;
mod dto_style_parent_codes;
mod flat_style_name_codes;
mod format_aws_json;
mod format_github;
mod format_google_aip193;
mod format_json_api;
mod format_microsoft_graph;
mod format_oauth2;
mod format_rfc9457;
mod format_stripe;
mod format_twilio;
mod grpc;
mod headers;
mod member_names;
mod message_field;
mod message_style_esscert;
mod messages;
mod module_graph;
mod nested_style_certifier;
mod openapi;
mod openapi_documents;
mod problem_style_platform_of_trust;
mod reqwest;
mod several_errors;
mod status;
mod structs_and_generics;
mod styles;
mod tracing;
mod transparent;
mod validation;
