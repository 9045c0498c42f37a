//! The derive's output, warning-free in edition 2024 under the strictest lints users set.

#![deny(warnings, unused_qualifications, clippy::pedantic)]

include!("../../cases.rs");

// Empty unless built with `--cfg lint_proof=...` (by `tests/lints_can_fail.rs`).
include!("../../planted.rs");

#[cfg(test)]
mod tests {
    #[test]
    fn exercise_runs() {
        assert!(super::exercise().unwrap() > 0);
    }
}
