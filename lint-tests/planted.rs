// Planted violations, for `tests/lints_can_fail.rs` of the edition-2024 crate: code in the shape
// of the derive's output (a `const _: () = { ... }` block reaching the runtime through
// `__private`) that the crate's lints must reject. It is compiled only with `--cfg lint_proof=...`:
// `lint_proof = "planted"` as it is, and `lint_proof = "allowed"` under the blanket allow the
// derive used to put on all its output, which hid both.

/// A type whose impl is planted by hand.
#[cfg(any(lint_proof = "planted", lint_proof = "allowed"))]
#[derive(Debug)]
pub struct Planted(pub Option<StoreError>);

#[cfg(any(lint_proof = "planted", lint_proof = "allowed"))]
#[cfg_attr(
    lint_proof = "allowed",
    allow(
        non_upper_case_globals,
        unused_qualifications,
        clippy::all,
        clippy::pedantic
    )
)]
const _: () = {
    use ::error_contract::__private as __ec;

    impl Planted {
        /// The catalog of a wrapped type, as the derive wrote it with the field's span:
        /// `__ec::ApiError` is an unused qualification where `ApiError` is imported.
        #[must_use]
        pub fn wrapped_catalog_len() -> usize {
            <Shop as __ec::ApiError>::catalog().len()
        }

        /// An optional source, as the derive wrote it: a redundant closure
        /// (`clippy::redundant_closure_for_method_calls`, pedantic).
        #[must_use]
        pub fn optional_source(&self) -> Option<&(dyn Error + 'static)> {
            use __ec::AsDynError as _;
            self.0.as_ref().map(|source| source.as_dyn_error())
        }
    }
};
