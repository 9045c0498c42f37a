//! The lint crates can fail: their lints reject code of the derive's shape.
//!
//! `cargo clippy` builds this crate three times (in `target/lint-proof`, beside the workspace's
//! own build): as it is, where the real derive output of `cases.rs` passes; with
//! `--cfg lint_proof="planted"`, where `planted.rs` adds an unused qualification and a pedantic
//! lint inside a `const _: () = { ... }` block like the derive's, and the build fails on exactly
//! those; and with `--cfg lint_proof="allowed"`, where the same block under the blanket allow the
//! derive used to emit passes, which is why that allow had to go.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The lints the planted block breaks.
const PLANTED: [&str; 2] = [
    "unused_qualifications",
    "clippy::redundant_closure_for_method_calls",
];

#[test]
fn lints_can_fail() {
    let planted = clippy(Some("planted"));
    assert!(
        !planted.success,
        "the planted violations passed the lint build: the lints prove nothing"
    );
    assert!(
        planted
            .errors
            .iter()
            .all(|e| e.file.ends_with("planted.rs")),
        "errors outside planted.rs:\n{}",
        show(&planted.errors)
    );
    for lint in PLANTED {
        assert!(
            planted.errors.iter().any(|e| e.lint == lint),
            "no `{lint}` error on the planted code:\n{}",
            show(&planted.errors)
        );
    }

    let real = clippy(None);
    assert!(
        real.success && real.errors.is_empty(),
        "the derive's output fails its lints:\n{}",
        show(&real.errors)
    );

    let allowed = clippy(Some("allowed"));
    assert!(
        allowed.success && allowed.errors.is_empty(),
        "the planted block should pass under the old blanket allow:\n{}",
        show(&allowed.errors)
    );
}

struct Outcome {
    success: bool,
    errors: Vec<Diagnostic>,
}

struct Diagnostic {
    lint: String,
    file: String,
    line: u64,
    message: String,
}

fn show(errors: &[Diagnostic]) -> String {
    errors
        .iter()
        .map(|e| format!("{}:{}: [{}] {}\n", e.file, e.line, e.lint, e.message))
        .collect()
}

/// `cargo clippy` of this crate's library, with `--cfg lint_proof="<proof>"` if given.
fn clippy(proof: Option<&str>) -> Outcome {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest_dir.join("../..");
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace.join("target"), PathBuf::from)
        .join("lint-proof");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());

    let version = Command::new(&cargo)
        .args(["clippy", "--version"])
        .output()
        .expect("run cargo");
    assert!(
        version.status.success(),
        "the lint proof needs clippy: `rustup component add clippy`"
    );

    let mut command = Command::new(&cargo);
    command
        .current_dir(&workspace)
        .args(["clippy", "--locked", "--quiet", "--message-format=json"])
        .args(["-p", env!("CARGO_PKG_NAME"), "--lib"])
        .arg("--target-dir")
        .arg(&target_dir);
    if let Some(proof) = proof {
        command.args(["--", "--cfg", &format!("lint_proof=\"{proof}\"")]);
    }
    let output = command.output().expect("run cargo clippy");

    let errors = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-message")
        .map(|m| m["message"].clone())
        .filter(|m| m["level"] == "error" && m["code"].is_object())
        .map(|m| {
            let span = m["spans"]
                .as_array()
                .and_then(|spans| spans.iter().find(|s| s["is_primary"] == true))
                .cloned()
                .unwrap_or_default();
            Diagnostic {
                lint: m["code"]["code"].as_str().unwrap_or_default().to_owned(),
                file: span["file_name"].as_str().unwrap_or_default().to_owned(),
                line: span["line_start"].as_u64().unwrap_or_default(),
                message: m["message"].as_str().unwrap_or_default().to_owned(),
            }
        })
        .collect();
    Outcome {
        success: output.status.success(),
        errors,
    }
}
