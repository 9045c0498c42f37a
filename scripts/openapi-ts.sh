#!/usr/bin/env bash
# A real client generator on the example catalog's OpenAPI: writes
# runtime/examples/errors.openapi.json (what `cargo run --example catalog -- openapi` renders),
# generates runtime/examples/errors.d.ts from it with openapi-typescript (version pinned in
# scripts/openapi-ts/package-lock.json), and type-checks scripts/openapi-ts/codes.ts against it:
# each response's codes are typed, and a code of another status is a type error.
#
# Needs cargo, node and npm (and the npm registry, on the first run). CI does not run it: the
# example's test (`cargo test -p error-contract --example catalog`) fails when the checked-in
# OpenAPI document is no longer what the crate renders, so that this script is run again and
# both files are committed.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo run -q -p error-contract --example catalog -- openapi > runtime/examples/errors.openapi.json

cd scripts/openapi-ts
npm ci --no-audit --no-fund --loglevel=error
npx --no-install openapi-typescript ../../runtime/examples/errors.openapi.json \
    -o ../../runtime/examples/errors.d.ts
npx --no-install tsc --noEmit --strict codes.ts
echo "openapi-ts: runtime/examples/errors.d.ts is current, and codes.ts type-checks against it"
