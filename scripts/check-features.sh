#!/usr/bin/env bash
# Every feature of `error-contract` compiles alone: `cargo check` with no features, with the
# defaults, and with each feature of runtime/Cargo.toml's [features] on its own (what
# `cargo hack --each-feature check` does, without installing it). CI runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

features=$(awk '
    /^\[features\]/ { in_features = 1; next }
    /^\[/ { in_features = 0 }
    in_features && /^[a-z][a-z0-9-]* *=/ { sub(/ *=.*/, ""); print }
' runtime/Cargo.toml)

# Warnings in error-contract itself are errors (code that only some features use is gated by
# them); the dependencies keep their flags, so their builds are shared with the other checks.
check() {
    echo "== cargo check -p error-contract $*"
    cargo rustc -q -p error-contract --lib --profile check "$@" -- -D warnings
}

check --no-default-features
check
for feature in $features; do
    check --no-default-features --features "$feature"
done
echo "every feature compiles alone: $(echo $features | wc -w) features"
