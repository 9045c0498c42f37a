#!/usr/bin/env python3
"""Compile-time benchmark: the derive against the hand-written equivalent.

For each N it writes two library crates with the same N-variant error enum (unit variants and
variants with fields, interpolated messages, exposed fields):

* `ours`: `#[derive(ApiError)]`, `style = "flat"`, depending on this repository's runtime by a
  relative path;
* `hand`: `thiserror::Error` for `Display` and `Error`, one `#[derive(Serialize)]` body struct,
  and hand-written `match`es for status, code and the body's fields: what people write today.
  It writes the same bodies as `ours` (same keys, same order).

Then, with dependencies prebuilt and `CARGO_INCREMENTAL=0`, it times `cargo check` and
`cargo build --release` of each crate after touching its `src/lib.rs` (several runs, ours and
hand-written interleaved; wall-clock median and min-max, and the median CPU time of cargo and
rustc, user + system, which a busy shared machine disturbs less), and runs the crate's own rustc invocation (the command line `cargo -v` prints) under
`valgrind --tool=callgrind` for its instruction count. With `--analyze` it also reports the size
of `-Zunpretty=expanded` and the top `-Ztime-passes` entries of each crate (nightly flags through
`RUSTC_BOOTSTRAP=1`, used for analysis only).

Usage: benches/compile/run.sh [--sizes 50,500,2000] [--runs 5] [--no-callgrind] [--analyze]
Output: a Markdown report on stdout; the crates are under target/compile-bench/.
"""

import argparse
import os
import re
import resource
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
STATUSES = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503]


def kind(i):
    """0: unit, 1: one exposed field, 2: two exposed fields (a quarter each, unit the rest)."""
    return {1: 1, 3: 2}.get(i % 4, 0)


def status(i):
    return STATUSES[i % len(STATUSES)]


def code(i):
    return 10_000 + i


def message(i):
    return [
        f"resource {i} is not available",
        f"item {{id}} not found (case {i})",
        f"{{name}} #{{id}} was rejected (case {i})",
    ][kind(i)]


def ours_crate(n):
    out = [
        "//! The derive: one enum, everything generated.",
        "",
        "use error_contract::ApiError;",
        "",
        "/// The API's errors.",
        "#[derive(Debug, ApiError)]",
        '#[api_error(style = "flat")]',
        "pub enum AppError {",
    ]
    for i in range(n):
        out.append(f"    /// Variant {i}.")
        out.append(
            f'    #[api_error(status = {status(i)}, code = {code(i)}, message = "{message(i)}")]'
        )
        k = kind(i)
        if k == 0:
            out.append(f"    V{i},")
        elif k == 1:
            out += [f"    V{i} {{", "        #[api_error(expose)]", "        id: u64,", "    },"]
        else:
            out += [
                f"    V{i} {{",
                "        #[api_error(expose)]",
                "        name: String,",
                "        #[api_error(expose)]",
                "        id: u64,",
                "    },",
            ]
    out.append("}")
    return "\n".join(out) + "\n"


def hand_crate(n):
    out = [
        "//! The hand-written way: thiserror, a serde body struct, matches.",
        "",
        "use serde::Serialize;",
        "",
        "/// The API's errors.",
        "#[derive(Debug, thiserror::Error)]",
        "pub enum AppError {",
    ]
    for i in range(n):
        out.append(f"    /// Variant {i}.")
        out.append(f'    #[error("{message(i)}")]')
        out.append(
            [f"    V{i},", f"    V{i} {{ id: u64 }},", f"    V{i} {{ name: String, id: u64 }},"][
                kind(i)
            ]
        )
    out += [
        "}",
        "",
        "/// The JSON body of every error.",
        "#[derive(Serialize)]",
        "pub struct ErrorBody<'a> {",
        "    /// The stable code.",
        "    pub code: u32,",
        "    /// The public message.",
        "    pub message: String,",
        "    /// Exposed by some variants.",
        '    #[serde(skip_serializing_if = "Option::is_none")]',
        "    pub name: Option<&'a str>,",
        "    /// Exposed by some variants.",
        '    #[serde(skip_serializing_if = "Option::is_none")]',
        "    pub id: Option<u64>,",
        "}",
        "",
        "impl AppError {",
        "    /// The HTTP status.",
        "    pub fn status(&self) -> u16 {",
        "        match self {",
    ]
    pat = lambda i: f"Self::V{i}" if kind(i) == 0 else f"Self::V{i} {{ .. }}"
    out += [f"            {pat(i)} => {status(i)}," for i in range(n)]
    out += [
        "        }",
        "    }",
        "",
        "    /// The stable code.",
        "    pub fn code(&self) -> u32 {",
        "        match self {",
    ]
    out += [f"            {pat(i)} => {code(i)}," for i in range(n)]
    out += [
        "        }",
        "    }",
        "",
        "    /// The body: code, message and the exposed fields.",
        "    pub fn body(&self) -> ErrorBody<'_> {",
        "        let (name, id) = match self {",
    ]
    for i in range(n):
        if kind(i) == 1:
            out.append(f"            Self::V{i} {{ id }} => (None, Some(*id)),")
        elif kind(i) == 2:
            out.append(f"            Self::V{i} {{ name, id }} => (Some(name.as_str()), Some(*id)),")
    out += [
        "            _ => (None, None),",
        "        };",
        "        ErrorBody { code: self.code(), message: self.to_string(), name, id }",
        "    }",
        "",
        "    /// The body's JSON.",
        "    pub fn to_json(&self) -> Vec<u8> {",
        '        serde_json::to_vec(&self.body()).unwrap_or_default()',
        "    }",
        "}",
    ]
    return "\n".join(out) + "\n"


def manifest(name, deps):
    return (
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        f"[dependencies]\n{deps}\n\n"
        "# Not a member of the repository's workspace.\n[workspace]\n"
    )


def write_crates(root, n):
    runtime = os.path.relpath(REPO / "runtime", root / f"ours_{n}")
    crates = {
        "ours": (
            manifest(f"ours_{n}", f'error-contract = {{ path = "{runtime}" }}'),
            ours_crate(n),
        ),
        "hand": (
            manifest(
                f"hand_{n}",
                'thiserror = "2"\nserde = { version = "1", features = ["derive"] }\nserde_json = "1"',
            ),
            hand_crate(n),
        ),
    }
    dirs = {}
    for which, (toml, lib) in crates.items():
        d = root / f"{which}_{n}"
        (d / "src").mkdir(parents=True, exist_ok=True)
        (d / "Cargo.toml").write_text(toml)
        (d / "src" / "lib.rs").write_text(lib)
        dirs[which] = d
    return dirs


ENV = dict(os.environ, CARGO_INCREMENTAL="0", CARGO_TERM_COLOR="never")
ENV.pop("RUSTFLAGS", None)
ENV.pop("RUSTC_WRAPPER", None)


def cargo(d, args, env=ENV):
    return subprocess.run(
        ["cargo", *args], cwd=d, env=env, check=True, capture_output=True, text=True
    )


def touch(d):
    lib = d / "src" / "lib.rs"
    now = time.time()
    os.utime(lib, (now, now))


def timed(d, args):
    """Wall-clock and CPU (user + system of cargo and rustc) seconds of one build."""
    touch(d)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    cargo(d, args)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def rustc_command(d, args, crate):
    """The crate's own rustc invocation, as `cargo -v` prints it."""
    touch(d)
    out = cargo(d, [*args, "-v"]).stderr
    for line in out.splitlines():
        m = re.match(r"\s*Running `(.*)`$", line)
        if m and f"--crate-name {crate} " in m.group(1):
            return m.group(1)
    raise RuntimeError(f"no rustc command for {crate} in:\n{out}")


def split_env(command):
    """`A=b C=d rustc ...` -> ({A: b, C: d}, [rustc, ...])."""
    words = shlex.split(command)
    env = {}
    while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
        k, v = words.pop(0).split("=", 1)
        env[k] = v
    return env, words


def callgrind(d, command, out_file):
    env, words = split_env(command)
    run_env = dict(ENV, **env)
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out_file}",
            "--trace-children=no",
            *words,
        ],
        cwd=d,
        env=run_env,
        check=True,
        capture_output=True,
        text=True,
    )
    for line in out_file.read_text(errors="replace").splitlines():
        if line.startswith("summary:") or line.startswith("totals:"):
            return int(line.split()[1])
    raise RuntimeError(f"no totals in {out_file}")


def analyze(d, crate):
    """Size of the expanded crate and the top -Ztime-passes entries of `cargo check`."""
    env = dict(ENV, RUSTC_BOOTSTRAP="1")
    touch(d)
    expanded = subprocess.run(
        ["cargo", "rustc", "--lib", "--profile=check", "--", "-Zunpretty=expanded"],
        cwd=d, env=env, check=True, capture_output=True, text=True,
    ).stdout
    # User code only: the derive's output, not the prelude.
    lines = expanded.count("\n")
    touch(d)
    passes = subprocess.run(
        ["cargo", "rustc", "--lib", "--profile=check", "--", "-Ztime-passes"],
        cwd=d, env=env, check=True, capture_output=True, text=True,
    ).stderr
    rows = []
    for line in passes.splitlines():
        m = re.match(r"time:\s+([\d.]+);.*\s(\S+)$", line)
        if m:
            rows.append((float(m.group(1)), m.group(2)))
    total = next((t for t, name in rows if name == "total"), None)
    interesting = [
        "expand_crate", "macro_expand_crate", "type_check_crate", "MIR_borrow_checking",
        "MIR_effect_checking", "liveness_and_intrinsic_checking", "misc_checking_3",
        "lint_checking", "privacy_checking_modules", "monomorphization_collector", "total",
    ]
    picked = {name: t for t, name in rows if name in interesting}
    return len(expanded.encode()), lines, picked, total


def fmt_s(x):
    return f"{x:.3f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="50,500,2000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-callgrind", action="store_true")
    ap.add_argument("--analyze", action="store_true")
    ap.add_argument("--root", default=str(REPO / "target" / "compile-bench"))
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    root = Path(args.root)
    root.mkdir(parents=True, exist_ok=True)

    modes = [("check", ["check", "--lib"]), ("release", ["build", "--release", "--lib"])]
    results = {}
    for n in sizes:
        dirs = write_crates(root, n)
        for which, d in dirs.items():
            print(f"[{which} N={n}] prebuilding dependencies", file=sys.stderr)
            for _, a in modes:
                cargo(d, a)
        for mode, a in modes:
            # Interleave ours and hand so drift on a shared machine hits both alike.
            samples = {"ours": [], "hand": []}
            cpu = {"ours": [], "hand": []}
            for r in range(args.runs):
                for which in ("ours", "hand"):
                    wall, c = timed(dirs[which], a)
                    samples[which].append(wall)
                    cpu[which].append(c)
            results[(n, mode, "time")] = samples
            results[(n, mode, "cpu")] = cpu
            print(f"[N={n} {mode}] " + ", ".join(
                f"{w}: median {fmt_s(statistics.median(s))} s wall, "
                f"{fmt_s(statistics.median(cpu[w]))} s cpu" for w, s in samples.items()
            ), file=sys.stderr)
            if not args.no_callgrind:
                for which in ("ours", "hand"):
                    crate = f"{which}_{n}"
                    cmd = rustc_command(dirs[which], a, crate)
                    out = root / f"callgrind.{crate}.{mode}.out"
                    ir = callgrind(dirs[which], cmd, out)
                    results[(n, mode, "ir", which)] = ir
                    print(f"[{crate} {mode}] {ir:,} instructions", file=sys.stderr)
        if args.analyze:
            for which in ("ours", "hand"):
                results[(n, "analyze", which)] = analyze(dirs[which], f"{which}_{n}")

    # The report.
    print("| N | build | wall: ours median (min-max) | wall: hand-written median (min-max) "
          "| wall ours/hand | CPU ours/hand | instructions ours | instructions hand-written "
          "| instructions ours/hand |")
    print("| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for n in sizes:
        for mode, _ in modes:
            s = results[(n, mode, "time")]
            mo, mh = statistics.median(s["ours"]), statistics.median(s["hand"])
            cells = [
                str(n),
                "`cargo check`" if mode == "check" else "`cargo build --release`",
                f"{fmt_s(mo)} s ({fmt_s(min(s['ours']))}-{fmt_s(max(s['ours']))})",
                f"{fmt_s(mh)} s ({fmt_s(min(s['hand']))}-{fmt_s(max(s['hand']))})",
                f"{mo / mh:.2f}x",
            ]
            c = results[(n, mode, "cpu")]
            cells.append(f"{statistics.median(c['ours']) / statistics.median(c['hand']):.2f}x")
            if args.no_callgrind:
                cells += ["n/a", "n/a", "n/a"]
            else:
                io, ih = results[(n, mode, "ir", "ours")], results[(n, mode, "ir", "hand")]
                cells += [f"{io:,}", f"{ih:,}", f"{io / ih:.3f}x"]
            print("| " + " | ".join(cells) + " |")
    if args.analyze:
        print()
        print("| N | crate | expanded bytes | expanded lines | -Ztime-passes (s) |")
        print("| ---: | --- | ---: | ---: | --- |")
        for n in sizes:
            for which in ("ours", "hand"):
                size, lines, picked, total = results[(n, "analyze", which)]
                passes = ", ".join(f"{k} {v:.3f}" for k, v in picked.items())
                print(f"| {n} | {which} | {size:,} | {lines:,} | {passes} |")


if __name__ == "__main__":
    main()
