//! Instruction counts under valgrind (gungraun, formerly iai-callgrind) of the same rows as
//! `benches/runtime.rs`: on a shared machine wall-clock medians drift between runs, instruction
//! counts repeat.
//!
//! This compiles anywhere (so CI builds it), but running it needs valgrind and the runner of
//! the same version as the `gungraun` crate:
//!
//! ```sh
//! cargo install gungraun-runner --version 0.20.0
//! cargo bench -p error-contract-benches --bench instructions
//! ```
//!
//! Each benchmark function's argument is built (and leaked) outside the measurement; what is
//! counted is the call and the drop of what it returns, as in the criterion bench.

// gungraun's macros emit undocumented `pub` items.
#![allow(missing_docs)]

#[path = "common/axum_rows.rs"]
mod axum_rows;

use axum_rows::router;
use error_contract::axum::CatchService;
use error_contract_benches::{self as rows, Big, BigHand, HandError, ShopError, values};
use gungraun::{library_benchmark, library_benchmark_group, main};
use std::hint::black_box;

/// A `'static` borrow of `value`, so dropping the input is not measured.
fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

#[library_benchmark]
#[bench::unit(leak(values::unit_ours()))]
#[bench::fields(leak(values::fields_ours()))]
fn body_ours(error: &'static ShopError) {
    black_box(rows::body_ours(black_box(error)));
}

#[library_benchmark]
#[bench::unit(leak(values::unit_hand()))]
#[bench::fields(leak(values::fields_hand()))]
fn body_serde_struct(error: &'static HandError) {
    black_box(rows::body_serde(black_box(error)));
}

#[library_benchmark]
#[bench::unit(leak(values::unit_hand()))]
fn body_json_macro(error: &'static HandError) {
    black_box(rows::body_json_macro(black_box(error)));
}

#[library_benchmark]
fn body_static_str() {
    black_box(rows::body_floor());
}

#[library_benchmark]
#[bench::unit(leak(values::custom_unit_ours()))]
fn custom_body_ours(error: &'static rows::TokenError) {
    black_box(rows::custom_body_ours(black_box(error)));
}

#[library_benchmark]
fn custom_body_serde_struct() {
    black_box(rows::custom_body_serde());
}

#[library_benchmark]
#[bench::three(leak(values::three_ours()))]
fn errors_body_ours(errors: &'static error_contract::Errors<ShopError>) {
    black_box(rows::errors_body_ours(black_box(errors)));
}

#[library_benchmark]
#[bench::three(&*Box::leak(values::three_hand().into_boxed_slice()))]
fn errors_body_serde_struct(errors: &'static [HandError]) {
    black_box(rows::errors_body_serde(black_box(errors)));
}

library_benchmark_group!(
    name = body,
    benchmarks = [
        body_ours,
        body_serde_struct,
        body_json_macro,
        body_static_str,
        custom_body_ours,
        custom_body_serde_struct,
        errors_body_ours,
        errors_body_serde_struct
    ]
);

#[library_benchmark]
#[bench::status(rows::big_values().leak(), rows::statuses_ours)]
#[bench::code(rows::big_values().leak(), rows::codes_ours)]
#[bench::message(rows::big_values().leak(), rows::messages_ours)]
fn big_ours(values: &'static [Big], routine: fn(&[Big])) {
    routine(black_box(values));
}

#[library_benchmark]
#[bench::status(rows::big_hand_values().leak(), rows::statuses_hand)]
#[bench::code(rows::big_hand_values().leak(), rows::codes_hand)]
#[bench::message(rows::big_hand_values().leak(), rows::messages_hand)]
fn big_hand_match(values: &'static [BigHand], routine: fn(&[BigHand])) {
    routine(black_box(values));
}

library_benchmark_group!(name = big, benchmarks = [big_ours, big_hand_match]);

#[library_benchmark]
#[bench::known_unit(rows::KNOWN_UNIT)]
#[bench::known_fields(rows::KNOWN_FIELDS)]
#[bench::sub_code(rows::SUB_CODE)]
#[bench::unknown(rows::UNKNOWN)]
fn decode_ours(body: &'static [u8]) {
    black_box(rows::decode_ours(black_box(404), black_box(body))).ok();
}

#[library_benchmark]
#[bench::known_unit(rows::KNOWN_UNIT)]
#[bench::known_fields(rows::KNOWN_FIELDS)]
#[bench::sub_code(rows::SUB_CODE)]
#[bench::unknown(rows::UNKNOWN)]
fn decode_serde_match(body: &'static [u8]) {
    black_box(rows::decode_hand(black_box(404), black_box(body)));
}

library_benchmark_group!(
    name = decode,
    benchmarks = [decode_ours, decode_serde_match]
);

#[library_benchmark]
#[bench::unit(values::unit_ours())]
#[bench::fields(values::fields_ours())]
fn axum_ours(error: ShopError) {
    black_box(axum_rows::ours(black_box(error)));
}

#[library_benchmark]
#[bench::unit(values::unit_hand())]
#[bench::fields(values::fields_hand())]
fn axum_status_json(error: HandError) {
    black_box(axum_rows::hand(black_box(error)));
}

library_benchmark_group!(name = axum, benchmarks = [axum_ours, axum_status_json]);

#[library_benchmark]
#[bench::unit(values::unit_ours())]
#[bench::fields(values::fields_ours())]
fn grpc_ours(error: ShopError) {
    black_box(rows::grpc_ours(black_box(error)));
}

#[library_benchmark]
#[bench::unit(values::unit_hand())]
#[bench::fields(values::fields_hand())]
fn grpc_tonic_types(error: HandError) {
    black_box(rows::grpc_tonic_types(black_box(error)));
}

library_benchmark_group!(name = grpc, benchmarks = [grpc_ours, grpc_tonic_types]);

/// A `'static` mutable borrow of `service`, built outside the measurement.
fn leak_mut<T>(value: T) -> &'static mut T {
    Box::leak(Box::new(value))
}

#[library_benchmark]
#[bench::bare(leak_mut(router::bare()), router::request())]
#[bench::identity_layer(leak_mut(router::identity()), router::request())]
#[bench::catch_layer(leak_mut(router::catch_layer()), router::request())]
fn axum_router(service: &'static mut ::axum::Router, request: ::axum::extract::Request) {
    black_box(router::call(service, black_box(request)));
}

#[library_benchmark]
#[bench::catch_around(leak_mut(router::catch_around()), router::request())]
fn axum_router_around(
    service: &'static mut CatchService<::axum::Router, router::RouterError>,
    request: ::axum::extract::Request,
) {
    black_box(router::call(service, black_box(request)));
}

library_benchmark_group!(
    name = axum_routers,
    benchmarks = [axum_router, axum_router_around]
);

main!(
    library_benchmark_groups = body,
    big,
    decode,
    axum,
    axum_routers,
    grpc
);
