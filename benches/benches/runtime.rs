//! Wall-clock times (criterion) and allocation counts (a counting global allocator), ours beside
//! the hand-written way, one criterion group per comparison so the rows of a group run side by
//! side in one process.
//!
//! Each row first runs its routine `ALLOC_RUNS` times under the counting allocator and prints
//! `allocations: GROUP/ROW: N` (allocations and reallocations per call); `benches/report.py`
//! reads those lines and criterion's `estimates.json` files.
//!
//! ```sh
//! cargo bench -p error-contract-benches --bench runtime
//! ```

#[path = "common/axum_rows.rs"]
mod axum_rows;

use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup, Criterion, criterion_group, criterion_main};
use error_contract_benches as rows;
use error_contract_benches::values;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;
use std::time::Duration;

struct Counting;

thread_local! {
    // `const` and destructor-free, so reading it never allocates.
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

// SAFETY: every method forwards to `System` unchanged; the counter is a thread-local `Cell`.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded with the caller's pointer, layout and size.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Calls per allocation count; the count printed is the total divided by this.
const ALLOC_RUNS: u64 = 1000;

/// Prints the allocations per call of `routine`, then benches it as `group/name`.
fn row<O>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    group_name: &str,
    name: &str,
    mut routine: impl FnMut() -> O,
) {
    let before = ALLOCATIONS.with(Cell::get);
    for _ in 0..ALLOC_RUNS {
        black_box(routine());
    }
    let after = ALLOCATIONS.with(Cell::get);
    print_allocations(group_name, name, after - before);
    group.bench_function(name, |b| b.iter(&mut routine));
}

/// Like [`row`], for a routine that takes its input by value: `setup` builds the inputs outside
/// the count and the timing (criterion's `iter_batched`, which also drops the outputs outside
/// the timing).
fn row_by_value<I, O>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    group_name: &str,
    name: &str,
    mut setup: impl FnMut() -> I,
    mut routine: impl FnMut(I) -> O,
) {
    let inputs: Vec<I> = (0..ALLOC_RUNS).map(|_| setup()).collect();
    let before = ALLOCATIONS.with(Cell::get);
    for input in inputs {
        black_box(routine(input));
    }
    let after = ALLOCATIONS.with(Cell::get);
    print_allocations(group_name, name, after - before);
    group.bench_function(name, |b| {
        b.iter_batched(&mut setup, &mut routine, BatchSize::SmallInput);
    });
}

fn print_allocations(group_name: &str, name: &str, total: u64) {
    if total.is_multiple_of(ALLOC_RUNS) {
        println!("allocations: {group_name}/{name}: {}", total / ALLOC_RUNS);
    } else {
        println!(
            "allocations: {group_name}/{name}: {}.{:03}",
            total / ALLOC_RUNS,
            total % ALLOC_RUNS
        );
    }
}

fn unit_body(c: &mut Criterion) {
    let name = "unit_body";
    let mut group = c.benchmark_group(name);
    let ours = values::unit_ours();
    let hand = values::unit_hand();
    row(&mut group, name, "ours", || {
        rows::body_ours(black_box(&ours))
    });
    row(&mut group, name, "serde_struct", || {
        rows::body_serde(black_box(&hand))
    });
    row(&mut group, name, "json_macro", || {
        rows::body_json_macro(black_box(&hand))
    });
    row(&mut group, name, "static_str", rows::body_floor);
    group.finish();
}

/// A custom style's unit body after its first use: ours against `serde_json::to_string` of a
/// hand-written struct.
fn custom_unit_body(c: &mut Criterion) {
    let name = "custom_unit_body";
    let mut group = c.benchmark_group(name);
    let ours = values::custom_unit_ours();
    row(&mut group, name, "ours", || {
        rows::custom_body_ours(black_box(&ours))
    });
    row(&mut group, name, "serde_struct", rows::custom_body_serde);
    group.finish();
}

fn fields_body(c: &mut Criterion) {
    let name = "fields_body";
    let mut group = c.benchmark_group(name);
    let ours = values::fields_ours();
    let hand = values::fields_hand();
    row(&mut group, name, "ours", || {
        rows::body_ours(black_box(&ours))
    });
    row(&mut group, name, "serde_struct", || {
        rows::body_serde(black_box(&hand))
    });
    group.finish();
}

/// A collection of three errors with run-time fields, one body: ours against the hand-written
/// `Vec` of serde structs.
fn three_errors_body(c: &mut Criterion) {
    let name = "three_errors_body";
    let mut group = c.benchmark_group(name);
    let ours = values::three_ours();
    let hand = values::three_hand();
    row(&mut group, name, "ours", || {
        rows::errors_body_ours(black_box(&ours))
    });
    row(&mut group, name, "serde_struct", || {
        rows::errors_body_serde(black_box(&hand))
    });
    group.finish();
}

/// A group name, our routine and the hand-written one.
type Pair<'a> = (&'a str, fn(&[rows::Big]), fn(&[rows::BigHand]));

/// `status()`, `code()` and `message()` of each of the 500 variants, one per call.
fn big_enum(c: &mut Criterion) {
    let ours = rows::big_values();
    let hand = rows::big_hand_values();
    let pairs: [Pair<'_>; 3] = [
        ("big_status", rows::statuses_ours, rows::statuses_hand),
        ("big_code", rows::codes_ours, rows::codes_hand),
        ("big_message", rows::messages_ours, rows::messages_hand),
    ];
    for (name, ours_fn, hand_fn) in pairs {
        let mut group = c.benchmark_group(name);
        row(&mut group, name, "ours", || ours_fn(black_box(&ours)));
        row(&mut group, name, "hand_match", || hand_fn(black_box(&hand)));
        group.finish();
    }
}

/// `E::decode(status, body)` of a known unit body, a known body with fields, a sub-code that
/// falls back to its parent, and a body whose code no variant has.
fn decode(c: &mut Criterion) {
    for (name, body) in [
        ("decode_known_unit", rows::KNOWN_UNIT),
        ("decode_known_fields", rows::KNOWN_FIELDS),
        ("decode_sub_code", rows::SUB_CODE),
        ("decode_unknown", rows::UNKNOWN),
    ] {
        let mut group = c.benchmark_group(name);
        row(&mut group, name, "ours", || {
            rows::decode_ours(black_box(404), black_box(body))
        });
        row(&mut group, name, "serde_match", || {
            rows::decode_hand(black_box(404), black_box(body))
        });
        group.finish();
    }
}

/// The axum response for the unit variant and for the variant with fields.
fn axum_response(c: &mut Criterion) {
    let name = "axum_unit";
    let mut group = c.benchmark_group(name);
    row_by_value(&mut group, name, "ours", values::unit_ours, axum_rows::ours);
    row_by_value(
        &mut group,
        name,
        "status_json",
        values::unit_hand,
        axum_rows::hand,
    );
    group.finish();

    let name = "axum_fields";
    let mut group = c.benchmark_group(name);
    row_by_value(
        &mut group,
        name,
        "ours",
        values::fields_ours,
        axum_rows::ours,
    );
    row_by_value(
        &mut group,
        name,
        "status_json",
        values::fields_hand,
        axum_rows::hand,
    );
    group.finish();
}

/// The `tonic::Status` with details of the unit variant and of the variant with fields: ours
/// against tonic-types' `ErrorDetails` and `Status::with_error_details`.
fn grpc_status(c: &mut Criterion) {
    for (name, ours, hand) in [
        (
            "grpc_unit",
            values::unit_ours as fn() -> rows::ShopError,
            values::unit_hand as fn() -> rows::HandError,
        ),
        ("grpc_fields", values::fields_ours, values::fields_hand),
    ] {
        let mut group = c.benchmark_group(name);
        row_by_value(&mut group, name, "ours", ours, rows::grpc_ours);
        row_by_value(
            &mut group,
            name,
            "tonic_types",
            hand,
            rows::grpc_tonic_types,
        );
        group.finish();
    }
}

/// One successful `GET /products/1` through an axum `Router`: without a layer, with
/// `tower_layer::Identity` (axum's own cost of any layer), with `CatchLayer` through
/// `Router::layer`, and with `CatchLayer` around the whole router. Times exclude building the
/// request and dropping the response.
fn axum_router(c: &mut Criterion) {
    use axum_rows::router;

    let name = "axum_router";
    let mut group = c.benchmark_group(name);
    let mut bare = router::bare();
    row_by_value(&mut group, name, "bare", router::request, |request| {
        router::call(&mut bare, request)
    });
    let mut identity = router::identity();
    row_by_value(
        &mut group,
        name,
        "identity_layer",
        router::request,
        |request| router::call(&mut identity, request),
    );
    let mut catch_layer = router::catch_layer();
    row_by_value(
        &mut group,
        name,
        "catch_layer",
        router::request,
        |request| router::call(&mut catch_layer, request),
    );
    let mut catch_around = router::catch_around();
    row_by_value(
        &mut group,
        name,
        "catch_around",
        router::request,
        |request| router::call(&mut catch_around, request),
    );
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = unit_body, custom_unit_body, fields_body, three_errors_body, big_enum, decode, axum_response, axum_router, grpc_status
}
criterion_main!(benches);
