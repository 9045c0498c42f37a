#!/usr/bin/env bash
# Google's own gRPC client on the example server: builds and starts
# `cargo run --example grpc_server` on a free port, and checks every case of its page from Python
# (grpcio, grpcio-status's rpc_status.from_call, googleapis-common-protos' error details; the
# versions pinned in scripts/grpc-check/requirements.txt, in a venv under target/): a product,
# NOT_FOUND with an ErrorInfo, INVALID_ARGUMENT with a BadRequest naming both fields,
# RESOURCE_EXHAUSTED with a RetryInfo of 30 s, UNIMPLEMENTED for an unknown method or service,
# and INVALID_ARGUMENT for request bytes that are not the method's message. Prints each check;
# exits non-zero on any mismatch.
#
# Needs cargo and python3 with venv (and PyPI, on the first run). CI runs it (.ci/run); the same
# cases are also tested in Rust over a loopback connection (tests/tests/grpc.rs).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/grpc-check-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check -r scripts/grpc-check/requirements.txt

features=axum,tonic,tracing
cargo build -q -p error-contract --example grpc_server --features "$features"

port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
cargo run -q -p error-contract --example grpc_server --features "$features" -- "$port" >"$log" 2>&1 &
server=$!
stop() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -f "$log"
}
trap stop EXIT

echo "grpc-check: server on 127.0.0.1:$port (pid $server)"
if ! "$venv/bin/python" scripts/grpc-check/check.py "$port"; then
    echo "--- server log"
    cat "$log"
    exit 1
fi
