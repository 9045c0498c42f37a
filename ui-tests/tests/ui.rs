//! Every diagnostic of the derive, one compile-fail case each.
#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}

/// Cases about the impls of the runtime's features (`axum`, `reqwest`), which this crate's
/// dev-dependency enables.
#[test]
fn ui_features() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui-features/*.rs");
}
