#!/usr/bin/env bash
# Cold build of the default stack: a bin crate depending on `error-contract` (default features)
# against one depending on thiserror 2 + serde (derive) + serde_json, each built from an empty
# target dir, best of N CPU times (user + system) each, the two interleaved.
#
#   benches/cold/run.sh            # 3 runs each
#   benches/cold/run.sh 5          # 5 runs each
#
# Needs cargo and GNU time (/usr/bin/time); fetches thiserror from crates.io the first time.
# Writes its crates under target/cold-build/ and prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
runs=${1:-3}
work=$repo/target/cold-build
rm -rf "$work"
mkdir -p "$work/ours/src" "$work/hand/src"

# The same error, written each way: a unit variant, one with a field, one with a source.
cat > "$work/ours/Cargo.toml" <<EOF
[package]
name = "cold-ours"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
error-contract = { path = "$repo/runtime" }

[workspace]
EOF
cat > "$work/ours/src/main.rs" <<'EOF'
use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum ShopError {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(status = 404, code = 3002, message = "order {order} not found")]
    OrderNotFound {
        #[api_error(expose)]
        order: u64,
    },
    #[api_error(status = 500, code = 9001, message = "unexpected system error")]
    Io(#[from] std::io::Error),
}

fn main() {
    let error = ShopError::OrderNotFound { order: 7 };
    println!("{} {} {}", error.status().as_u16(), error.code(), &*error.body());
}
EOF

cat > "$work/hand/Cargo.toml" <<EOF
[package]
name = "cold-hand"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
thiserror = "2"
serde = { version = "1", features = ["derive"] }
serde_json = "1"

[workspace]
EOF
cat > "$work/hand/src/main.rs" <<'EOF'
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
enum ShopError {
    #[error("entity not found")]
    NotFound,
    #[error("order {order} not found")]
    OrderNotFound { order: u64 },
    #[error("unexpected system error")]
    Io(#[from] std::io::Error),
}

#[derive(Serialize)]
struct Body<'a> {
    code: u32,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    order: Option<&'a u64>,
}

impl ShopError {
    fn status(&self) -> u16 {
        match self {
            ShopError::NotFound | ShopError::OrderNotFound { .. } => 404,
            ShopError::Io(_) => 500,
        }
    }

    fn code(&self) -> u32 {
        match self {
            ShopError::NotFound => 3001,
            ShopError::OrderNotFound { .. } => 3002,
            ShopError::Io(_) => 9001,
        }
    }

    fn body(&self) -> String {
        let order = match self {
            ShopError::OrderNotFound { order } => Some(order),
            _ => None,
        };
        let body = Body { code: self.code(), message: self.to_string(), order };
        serde_json::to_string(&body).unwrap_or_default()
    }
}

fn main() {
    let error = ShopError::OrderNotFound { order: 7 };
    println!("{} {} {}", error.status(), error.code(), error.body());
}
EOF

# Fetch both dependency trees first: the timed builds read the registry, never the network.
(cd "$work/ours" && cargo fetch -q)
(cd "$work/hand" && cargo fetch -q)

cpu() {
    # CPU seconds (user + system) of a cold `cargo build` of crate $1.
    local dir=$work/$1
    rm -rf "$dir/target"
    /usr/bin/time -f "%U %S" -o "$work/time" cargo build -q --offline --manifest-path "$dir/Cargo.toml" \
        --target-dir "$dir/target" >/dev/null
    awk '{ printf "%.2f", $1 + $2 }' "$work/time"
}

ours=()
hand=()
for _ in $(seq "$runs"); do
    ours+=("$(cpu ours)")
    hand+=("$(cpu hand)")
done
best() { printf '%s\n' "$@" | sort -n | head -1; }
b_ours=$(best "${ours[@]}")
b_hand=$(best "${hand[@]}")
echo "| stack | CPU s, each run | best | ratio |"
echo "| --- | --- | ---: | ---: |"
echo "| error-contract (default features) | ${ours[*]} | $b_ours | $(awk -v a="$b_ours" -v b="$b_hand" 'BEGIN { printf "%.2fx", a / b }') |"
echo "| thiserror 2 + serde (derive) + serde_json | ${hand[*]} | $b_hand | 1.00x |"
