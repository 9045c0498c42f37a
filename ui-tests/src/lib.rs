//! Compile-fail tests of the derive; see `tests/ui`.
