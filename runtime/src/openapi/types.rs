//! JSON Schemas of exposed fields, from their Rust types as the derive records them.
//!
//! Only plain types are typed: integers, floats, `bool`, strings (`String`, `str`, `char`,
//! `Cow<str>`), `Option` of one (left out of the body when `None`, so not nullable), and lists
//! (`Vec`, `VecDeque`, sets, slices, arrays) of one. A smart pointer (`Box`, `Rc`, `Arc`, `Cow`)
//! is its content. Anything else (a struct, an alias, a type parameter, a map) could serialize
//! to any JSON, so it stays untyped.

use serde_json::{Value, json};

/// The schema of a field of type `ty` (as written, e.g. `Option<Vec<u32>>`), if it is plain.
pub(crate) fn schema(ty: &str) -> Option<Value> {
    let ty = ty.trim().trim_start_matches("::");
    if let Some(rest) = ty.strip_prefix('&') {
        let rest = rest.trim_start();
        let rest = match rest.strip_prefix('\'') {
            Some(lifetime) => lifetime.split_once(' ')?.1,
            None => rest,
        };
        return schema(rest.strip_prefix("mut ").unwrap_or(rest));
    }
    if let Some(inner) = ty.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        let element = split_top_level(inner, ';').into_iter().next()?;
        return Some(array(schema(element)));
    }
    let (name, args) = name_and_args(ty)?;
    match (name, &args[..]) {
        (
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
            | "isize" | "NonZeroU8" | "NonZeroU16" | "NonZeroU32" | "NonZeroU64" | "NonZeroU128"
            | "NonZeroUsize" | "NonZeroI8" | "NonZeroI16" | "NonZeroI32" | "NonZeroI64"
            | "NonZeroI128" | "NonZeroIsize",
            [],
        )
        | ("NonZero", [_]) => Some(json!({ "type": "integer" })),
        ("f32" | "f64", []) => Some(json!({ "type": "number" })),
        ("bool", []) => Some(json!({ "type": "boolean" })),
        ("String" | "str" | "char", []) => Some(json!({ "type": "string" })),
        ("Option" | "Box" | "Rc" | "Arc" | "Cow", [inner]) => schema(inner),
        (
            "Vec" | "VecDeque" | "LinkedList" | "HashSet" | "BTreeSet" | "BinaryHeap" | "IndexSet",
            [item, ..],
        ) => Some(array(schema(item))),
        _ => None,
    }
}

/// An example value for a field of type `ty`, if it is plain: `0` (`1` for a `NonZero`), `0.0`,
/// `false`, `"string"`, `"a"` for a `char`, a one-item list. The derive writes the same values
/// into example messages (`entries.rs`), so that a message agrees with the fields beside it.
pub(crate) fn example(ty: &str) -> Option<Value> {
    let ty = ty.trim().trim_start_matches("::");
    if let Some(rest) = ty.strip_prefix('&') {
        let rest = rest.trim_start();
        let rest = match rest.strip_prefix('\'') {
            Some(lifetime) => lifetime.split_once(' ')?.1,
            None => rest,
        };
        return example(rest.strip_prefix("mut ").unwrap_or(rest));
    }
    if let Some(inner) = ty.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        let element = split_top_level(inner, ';').into_iter().next()?;
        return Some(json!([example(element)?]));
    }
    let (name, args) = name_and_args(ty)?;
    match (name, &args[..]) {
        (
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
            | "isize",
            [],
        ) => Some(json!(0)),
        (
            "NonZeroU8" | "NonZeroU16" | "NonZeroU32" | "NonZeroU64" | "NonZeroU128"
            | "NonZeroUsize" | "NonZeroI8" | "NonZeroI16" | "NonZeroI32" | "NonZeroI64"
            | "NonZeroI128" | "NonZeroIsize",
            [],
        )
        | ("NonZero", [_]) => Some(json!(1)),
        ("f32" | "f64", []) => Some(json!(0.0)),
        ("bool", []) => Some(json!(false)),
        ("String" | "str", []) => Some(json!("string")),
        ("char", []) => Some(json!("a")),
        ("Option" | "Box" | "Rc" | "Arc" | "Cow", [inner]) => example(inner),
        (
            "Vec" | "VecDeque" | "LinkedList" | "HashSet" | "BTreeSet" | "BinaryHeap" | "IndexSet",
            [item, ..],
        ) => Some(json!([example(item)?])),
        _ => None,
    }
}

/// `Option<u32>` as `("Option", ["u32"])`, `std::string::String` as `("String", [])`; lifetime
/// arguments left out.
fn name_and_args(ty: &str) -> Option<(&str, Vec<&str>)> {
    let (path, args) = match ty.find('<') {
        Some(open) if ty.ends_with('>') => {
            let args = split_top_level(&ty[open + 1..ty.len() - 1], ',');
            let args: Vec<&str> = args
                .into_iter()
                .map(str::trim)
                .filter(|a| !a.is_empty() && !a.starts_with('\''))
                .collect();
            (&ty[..open], args)
        }
        Some(_) => return None,
        None => (ty, Vec::new()),
    };
    Some((path.rsplit("::").next()?.trim(), args))
}

fn array(items: Option<Value>) -> Value {
    match items {
        Some(items) => json!({ "type": "array", "items": items }),
        None => json!({ "type": "array" }),
    }
}

/// `text` split at each `separator` outside `<>`, `()` and `[]`.
fn split_top_level(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth = depth.saturating_sub(1),
            c if c == separator && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::{example, schema};
    use serde_json::json;

    #[test]
    fn plain_types_are_typed() {
        for (ty, expected) in [
            ("u32", json!({ "type": "integer" })),
            ("std::num::NonZeroU64", json!({ "type": "integer" })),
            ("NonZero<u16>", json!({ "type": "integer" })),
            ("f64", json!({ "type": "number" })),
            ("bool", json!({ "type": "boolean" })),
            ("String", json!({ "type": "string" })),
            ("::std::string::String", json!({ "type": "string" })),
            ("&'static str", json!({ "type": "string" })),
            ("&str", json!({ "type": "string" })),
            ("Cow<'static, str>", json!({ "type": "string" })),
            ("Box<str>", json!({ "type": "string" })),
            ("Option<i64>", json!({ "type": "integer" })),
            ("Option<Option<char>>", json!({ "type": "string" })),
            (
                "Vec<String>",
                json!({ "type": "array", "items": { "type": "string" } }),
            ),
            (
                "&'a [u8]",
                json!({ "type": "array", "items": { "type": "integer" } }),
            ),
            (
                "[bool; 3]",
                json!({ "type": "array", "items": { "type": "boolean" } }),
            ),
            (
                "Vec<Vec<u8>>",
                json!({ "type": "array", "items": { "type": "array", "items": { "type": "integer" } } }),
            ),
            ("Vec<Detail>", json!({ "type": "array" })),
            ("BTreeSet<(u8, u8)>", json!({ "type": "array" })),
        ] {
            assert_eq!(schema(ty), Some(expected), "{ty}");
        }
    }

    #[test]
    fn other_types_stay_untyped() {
        for ty in [
            "Detail",
            "T",
            "HashMap<String, u32>",
            "serde_json::Value",
            "(u32, u32)",
            "Option<Detail>",
            "Box<dyn Display>",
            "Option<",
        ] {
            assert_eq!(schema(ty), None, "{ty}");
        }
    }

    #[test]
    fn plain_types_have_examples() {
        for (ty, expected) in [
            ("u32", json!(0)),
            ("NonZeroU32", json!(1)),
            ("f64", json!(0.0)),
            ("bool", json!(false)),
            ("&'static str", json!("string")),
            ("char", json!("a")),
            ("Option<Cow<'a, str>>", json!("string")),
            ("Vec<u8>", json!([0])),
            ("[String; 2]", json!(["string"])),
        ] {
            assert_eq!(example(ty), Some(expected), "{ty}");
        }
        for ty in ["Detail", "Vec<Detail>", "HashMap<String, u32>", "T"] {
            assert_eq!(example(ty), None, "{ty}");
        }
    }
}
