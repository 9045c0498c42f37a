#!/usr/bin/env bash
# schemathesis (4.x, from PyPI) against each example server: its OpenAPI document
# (`GET /openapi.json`) must describe every response it sends. For each of
# runtime/examples/{axum,actix}_server.rs: build it, start it on a free port, run schemathesis
# with the checks below for $SCHEMATHESIS_SECONDS (default 90) seconds, stop it. Exits non-zero
# when schemathesis finds a failure on either server.
#
#   bash scripts/schemathesis.sh            # both servers
#   bash scripts/schemathesis.sh axum       # one
#
# schemathesis is installed with pip into a virtual environment under target/ (once).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${SCHEMATHESIS_SECONDS:-90}
venv=target/schemathesis-venv
checks=status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection,unsupported_method,allow_header_conformance,missing_required_header
servers=("${@:-axum actix}")
read -r -a servers <<< "${servers[*]}"

if [ ! -x "$venv/bin/schemathesis" ]; then
    echo "== installing schemathesis into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'schemathesis>=4,<5'
fi
"$venv/bin/schemathesis" --version

# A port nobody listens on now.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

status=0
for server in "${servers[@]}"; do
    case "$server" in
        axum) features=axum,tracing ;;
        actix) features=actix-web,tracing ;;
        *) echo "unknown server $server (axum or actix)" >&2; exit 2 ;;
    esac
    example=${server}_server
    echo "== $example: cargo build --example $example --features $features"
    cargo build --quiet -p error-contract --example "$example" --features "$features"
    port=$(free_port)
    log=target/schemathesis-$server.log
    "target/debug/examples/$example" "$port" > "$log" 2>&1 &
    pid=$!
    # Stop the server however this script ends.
    trap 'kill "$pid" 2> /dev/null || true' EXIT
    echo "== $example on port $port (pid $pid, log $log): schemathesis for ${seconds}s"
    if ! "$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.json" \
        --wait-for-schema 60 \
        --checks "$checks" \
        --max-time "$seconds" \
        --seed 1 \
        --report junit --report-dir "target/schemathesis-report-$server"; then
        status=1
    fi
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
    trap - EXIT
done
exit "$status"
