//! Writes `$OUT_DIR/big.rs`: the same 500-variant error enum twice, once derived (`Big`) and once
//! written the way people write it by hand today (`BigHand`: `match`es for status, code and
//! message, and the `Display` that `thiserror` would generate).
//!
//! Every fourth variant starting at 1 has one exposed field, every fourth starting at 3 two; both
//! kinds interpolate their fields into the message. The rest are unit variants.

use std::fmt::Write as _;
use std::path::PathBuf;

/// Variants in the big enum.
const N: usize = 500;

const STATUSES: [u16; 10] = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503];

enum Kind {
    Unit,
    One,
    Two,
}

fn kind(i: usize) -> Kind {
    match i % 4 {
        1 => Kind::One,
        3 => Kind::Two,
        _ => Kind::Unit,
    }
}

fn status(i: usize) -> u16 {
    STATUSES[i % STATUSES.len()]
}

fn code(i: usize) -> usize {
    10_000 + i
}

/// The message template, in `format!` syntax over the variant's field names.
fn message(i: usize) -> String {
    match kind(i) {
        Kind::Unit => format!("resource {i} is not available"),
        Kind::One => format!("item {{id}} not found (case {i})"),
        Kind::Two => format!("{{name}} #{{id}} was rejected (case {i})"),
    }
}

fn fields_decl(i: usize, derived: bool) -> &'static str {
    match (kind(i), derived) {
        (Kind::Unit, _) => "",
        (Kind::One, true) => " {\n        #[api_error(expose)]\n        id: u64,\n    }",
        (Kind::One, false) => " { id: u64 }",
        (Kind::Two, true) => {
            " {\n        #[api_error(expose)]\n        name: String,\n        #[api_error(expose)]\n        id: u64,\n    }"
        }
        (Kind::Two, false) => " { name: String, id: u64 }",
    }
}

fn pattern(i: usize) -> String {
    match kind(i) {
        Kind::Unit => format!("Self::V{i}"),
        Kind::One | Kind::Two => format!("Self::V{i} {{ .. }}"),
    }
}

fn value(ty: &str, i: usize) -> String {
    match kind(i) {
        Kind::Unit => format!("{ty}::V{i}"),
        Kind::One => format!("{ty}::V{i} {{ id: {i} }}"),
        Kind::Two => format!("{ty}::V{i} {{ name: \"user{i}\".to_owned(), id: {i} }}"),
    }
}

fn main() {
    let mut out = String::new();

    // The derived enum.
    out.push_str(
        "/// 500 variants, derived.\n#[derive(Debug, ::error_contract::ApiError)]\n#[api_error(style = \"flat\")]\npub enum Big {\n",
    );
    for i in 0..N {
        let (status, code, message) = (status(i), code(i), message(i));
        let fields = fields_decl(i, true);
        writeln!(
            out,
            "    /// Variant {i}.\n    #[api_error(status = {status}, code = {code}, message = \"{message}\")]\n    V{i}{fields},"
        )
        .unwrap();
    }
    out.push_str("}\n\n");

    // The hand-written enum.
    out.push_str(
        "/// The same 500 variants, written by hand.\n#[derive(Debug)]\npub enum BigHand {\n",
    );
    for i in 0..N {
        let fields = fields_decl(i, false);
        writeln!(out, "    /// Variant {i}.\n    V{i}{fields},").unwrap();
    }
    out.push_str("}\n\nimpl BigHand {\n");

    out.push_str(
        "    /// The HTTP status.\n    pub fn status(&self) -> u16 {\n        match self {\n",
    );
    for i in 0..N {
        writeln!(out, "            {} => {},", pattern(i), status(i)).unwrap();
    }
    out.push_str("        }\n    }\n\n");

    out.push_str(
        "    /// The stable code.\n    pub fn code(&self) -> u32 {\n        match self {\n",
    );
    for i in 0..N {
        writeln!(out, "            {} => {},", pattern(i), code(i)).unwrap();
    }
    out.push_str("        }\n    }\n\n");

    out.push_str(
        "    /// The public message: borrowed when static, else `Display`.\n    pub fn message(&self) -> ::std::borrow::Cow<'_, str> {\n        match self {\n",
    );
    for i in 0..N {
        match kind(i) {
            Kind::Unit => writeln!(
                out,
                "            {} => ::std::borrow::Cow::Borrowed(\"{}\"),",
                pattern(i),
                message(i)
            ),
            Kind::One | Kind::Two => writeln!(
                out,
                "            {} => ::std::borrow::Cow::Owned(self.to_string()),",
                pattern(i)
            ),
        }
        .unwrap();
    }
    out.push_str("        }\n    }\n}\n\n");

    // What `#[derive(thiserror::Error)]` with `#[error("...")]` expands to.
    out.push_str(
        "impl ::core::fmt::Display for BigHand {\n    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {\n        match self {\n",
    );
    for i in 0..N {
        let message = message(i);
        match kind(i) {
            Kind::Unit => writeln!(out, "            Self::V{i} => f.write_str(\"{message}\"),"),
            Kind::One => writeln!(
                out,
                "            Self::V{i} {{ id }} => ::core::write!(f, \"{message}\"),"
            ),
            Kind::Two => writeln!(
                out,
                "            Self::V{i} {{ name, id }} => ::core::write!(f, \"{message}\"),"
            ),
        }
        .unwrap();
    }
    out.push_str("        }\n    }\n}\n\nimpl ::std::error::Error for BigHand {}\n\n");

    // One value of each variant, in declaration order.
    for (ty, func) in [("Big", "big_values"), ("BigHand", "big_hand_values")] {
        writeln!(
            out,
            "/// One value of each variant of `{ty}`, in declaration order.\npub fn {func}() -> Vec<{ty}> {{\n    vec!["
        )
        .unwrap();
        for i in 0..N {
            writeln!(out, "        {},", value(ty, i)).unwrap();
        }
        out.push_str("    ]\n}\n\n");
    }

    let path =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("big.rs");
    std::fs::write(path, out).expect("OUT_DIR is writable");
    println!("cargo::rerun-if-changed=build.rs");
}
