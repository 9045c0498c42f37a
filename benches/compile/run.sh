#!/usr/bin/env bash
# Compile-time benchmark: `#[derive(ApiError)]` against thiserror + a serde body struct +
# hand-written matches, for enums of 50, 500 and 2000 variants. See bench.py for what it does.
#
#   benches/compile/run.sh                       # N = 50,500,2000; 5 runs; callgrind
#   benches/compile/run.sh --sizes 500 --runs 3 --no-callgrind
#   benches/compile/run.sh --analyze             # plus -Zunpretty=expanded size, -Ztime-passes
#
# Needs cargo, python3, and valgrind for the instruction counts. Writes its crates under
# target/compile-bench/ and a Markdown table on stdout.
set -euo pipefail
exec python3 "$(dirname "$0")/bench.py" "$@"
