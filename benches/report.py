#!/usr/bin/env python3
"""Runs the runtime benches and prints BENCHMARKS.md's runtime tables.

    python3 benches/report.py              # runs both benches (about 2 minutes), then the tables
    python3 benches/report.py --from-logs  # only the tables, from the last run's logs

It runs, from the repository root:

    cargo bench -p error-contract-benches --bench runtime       # criterion + allocation counts
    cargo bench -p error-contract-benches --bench instructions  # gungraun (needs gungraun-runner)

and reads criterion's target/criterion/GROUP/ROW/new/{estimates,sample}.json, the
`allocations: GROUP/ROW: N` lines of the first and the `Instructions:` lines of the second (both
logs are kept in target/bench-logs/).
"""

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOGS = REPO / "target" / "bench-logs"
CRITERION = REPO / "target" / "criterion"

# (group, title, per, [(row, gungraun function, gungraun id or None, description)], and the
# name of the first row in the ratio columns when it is not "ours")
GROUPS = [
    ("unit_body", "Body of a unit variant", "per call", [
        ("ours", "body_ours", "unit", "ours: `e.body()`"),
        ("serde_struct", "body_serde_struct", "unit", "`serde_json::to_vec` of a `#[derive(Serialize)]` struct"),
        ("json_macro", "body_json_macro", "unit", "`serde_json::to_vec(&json!({..}))`"),
        ("static_str", "body_static_str", None, "copying a precomputed `&'static str` (floor)"),
    ]),
    ("fields_body", "Body of a variant with two run-time fields (string + number, exposed, interpolated)", "per call", [
        ("ours", "body_ours", "fields", "ours: `e.body()`"),
        ("serde_struct", "body_serde_struct", "fields", "`format!` the message + `serde_json::to_vec` of a `#[derive(Serialize)]` struct"),
    ]),
    ("big_status", "`status()`, 500-variant enum", "per 500 calls (one per variant)", [
        ("ours", "big_ours", "status", "ours: `e.status()`"),
        ("hand_match", "big_hand_match", "status", "hand-written `match`"),
    ]),
    ("big_code", "`code()`, 500-variant enum", "per 500 calls (one per variant)", [
        ("ours", "big_ours", "code", "ours: `e.code()`"),
        ("hand_match", "big_hand_match", "code", "hand-written `match`"),
    ]),
    ("big_message", "`message()`, 500-variant enum (250 variants interpolate)", "per 500 calls (one per variant)", [
        ("ours", "big_ours", "message", "ours: `e.message()`"),
        ("hand_match", "big_hand_match", "message", "hand-written `match` (`Cow::Borrowed`, or `to_string()` of the thiserror-style `Display`)"),
    ]),
    ("decode_known_unit", "Decode a known body (unit variant)", "per call", [
        ("ours", "decode_ours", "known_unit", "ours: `E::decode(404, body)`"),
        ("serde_match", "decode_serde_match", "known_unit", "`serde_json::from_slice` into a `#[derive(Deserialize)]` struct + `match` on the code"),
    ]),
    ("decode_known_fields", "Decode a known body with two fields", "per call", [
        ("ours", "decode_ours", "known_fields", "ours: `E::decode(404, body)`"),
        ("serde_match", "decode_serde_match", "known_fields", "`serde_json::from_slice` into a `#[derive(Deserialize)]` struct + `match` on the code"),
    ]),
    ("decode_sub_code", "Decode a sub-code that falls back to its parent", "per call", [
        ("ours", "decode_ours", "sub_code", "ours: `E::decode(404, body)` (200699 to `Saving`, 2006)"),
        ("serde_match", "decode_serde_match", "sub_code", "`serde_json::from_slice` + `match` with a range arm for the parent's sub-codes"),
    ]),
    ("decode_unknown", "Decode a body with an unknown code", "per call", [
        ("ours", "decode_ours", "unknown", "ours: `E::decode(404, body)` (to the `other` variant: status, code, message, other members, raw body)"),
        ("serde_match", "decode_serde_match", "unknown", "`serde_json::from_slice` + `match`, keeping status, code and message"),
    ]),
    ("axum_unit", "axum response, unit variant", "per call; times exclude dropping the `Response` (criterion's `iter_batched`), instructions include it", [
        ("ours", "axum_ours", "unit", "ours: `e.into_response()` (feature `axum`)"),
        ("status_json", "axum_status_json", "unit", "`(StatusCode, Json(body)).into_response()`"),
    ]),
    ("axum_fields", "axum response, variant with two run-time fields", "per call; times exclude dropping the `Response`, instructions include it", [
        ("ours", "axum_ours", "fields", "ours: `e.into_response()` (feature `axum`)"),
        ("status_json", "axum_status_json", "fields", "`format!` the message + `(StatusCode, Json(body)).into_response()`"),
    ]),
    ("axum_router", "axum router, one successful request, without and with `CatchLayer`", "per request (`GET /products/1`, a `Path<u64>` handler answering a static body); times exclude building the request and dropping the `Response`, instructions include dropping it", [
        ("bare", "axum_router", "bare", "the router, no layer"),
        ("identity_layer", "axum_router", "identity_layer", "`.layer(tower_layer::Identity::new())`: what axum's `Router::layer` costs with any layer"),
        ("catch_layer", "axum_router", "catch_layer", "ours: `.layer(CatchLayer::<E>::new())`"),
        ("catch_around", "axum_router_around", "catch_around", "ours: `CatchLayer::<E>::new().layer(router)` (around the whole router)"),
    ], "no layer"),
]


def run(bench):
    LOGS.mkdir(parents=True, exist_ok=True)
    log = LOGS / f"{bench}.txt"
    cmd = ["cargo", "bench", "-p", "error-contract-benches", "--bench", bench]
    print("$ " + " ".join(cmd), file=sys.stderr)
    with open(log, "w") as f:
        subprocess.run(cmd, cwd=REPO, stdout=f, check=True)
    return log


def allocations(log):
    out = {}
    for line in log.read_text().splitlines():
        m = re.match(r"allocations: (\S+)/(\S+): (\S+)", line)
        if m:
            out[(m.group(1), m.group(2))] = m.group(3)
    return out


def instructions(log):
    out = {}
    current = None
    for line in log.read_text().splitlines():
        m = re.match(r"instructions::\w+::(\w+)(?: (\w+):)?", line)
        if m:
            current = (m.group(1), m.group(2))
            continue
        m = re.match(r"\s+Instructions:\s+(\d+)", line)
        if m and current:
            out[current] = int(m.group(1))
            current = None
    return out


def times(group, row):
    d = CRITERION / group / row / "new"
    est = json.loads((d / "estimates.json").read_text())
    sample = json.loads((d / "sample.json").read_text())
    per_iter = [t / i for t, i in zip(sample["times"], sample["iters"])]
    return est["median"]["point_estimate"], est["median_abs_dev"]["point_estimate"], min(per_iter), max(per_iter)


def ns(x):
    if x >= 10_000:
        return f"{x / 1000:.1f} µs"
    if x >= 100:
        return f"{x:.0f} ns"
    if x >= 10:
        return f"{x:.1f} ns"
    return f"{x:.2f} ns"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from-logs", action="store_true")
    args = ap.parse_args()
    if args.from_logs:
        rt, ins = LOGS / "runtime.txt", LOGS / "instructions.txt"
    else:
        rt, ins = run("runtime"), run("instructions")
    allocs = allocations(rt)
    counts = instructions(ins)

    for group, title, per, rows, *base in GROUPS:
        # The ratios are to the group's first row: ours, unless the group names it otherwise.
        base_name = base[0] if base else "ours"
        print(f"### {title}\n")
        print(f"Criterion group `{group}`, {per}. Reproduce: "
              f"`cargo bench -p error-contract-benches --bench runtime -- {group}` (times, allocations), "
              f"`cargo bench -p error-contract-benches --bench instructions` (instructions).\n")
        print(f"| row | median | spread: MAD (min-max of samples) | time / {base_name} | allocations | instructions | instructions / {base_name} |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        base_t = times(group, rows[0][0])[0]
        base_i = counts.get((rows[0][1], rows[0][2]))
        for row, func, gid, desc in rows:
            med, mad, lo, hi = times(group, row)
            n_ins = counts.get((func, gid))
            shown_i = f"{n_ins:,}" if n_ins is not None else "?"
            ratio_i = f"{n_ins / base_i:.2f}x" if n_ins and base_i else "n/a"
            print(
                f"| {desc} | {ns(med)} | ±{ns(mad)} ({ns(lo)}-{ns(hi)}) | {med / base_t:.2f}x "
                f"| {allocs.get((group, row), '?')} | {shown_i} | {ratio_i} |"
            )
        print()


if __name__ == "__main__":
    main()
