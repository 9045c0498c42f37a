//! The JSON reader that decoding uses instead of a `serde_json::Value` tree: it accepts exactly
//! the documents `serde_json` accepts, and what it reads (objects, arrays, strings with every
//! escape, numbers) is what `serde_json` reads. `serde_json` is the oracle, over hand-picked
//! edge cases, arbitrary bytes and mutated documents.

use error_contract::json::{JsonDocument, JsonValue};
use proptest::prelude::*;
use serde_json::Value;
use std::fmt::Write as _;

/// The tree our reader sees, built with its navigation only (objects, arrays, strings, null),
/// numbers and booleans read through `serde_json` from their text.
fn tree(value: JsonValue<'_>) -> Value {
    if let Some(object) = value.as_object() {
        let mut map = serde_json::Map::new();
        let mut last = std::collections::BTreeMap::new();
        for (key, member) in object.iter() {
            last.insert(key.clone().into_owned(), member.raw());
            map.insert(key.into_owned(), tree(member));
        }
        // `get` finds the last of a repeated key, as the map keeps it.
        for (key, raw) in last {
            assert_eq!(object.get(&key).map(JsonValue::raw), Some(raw));
        }
        return Value::Object(map);
    }
    if let Some(array) = value.as_array() {
        return Value::Array(array.iter().map(tree).collect());
    }
    if let Some(text) = value.as_str() {
        return Value::String(text.into_owned());
    }
    if value.is_null() {
        return Value::Null;
    }
    serde_json::from_str(value.raw()).expect("a number or a boolean")
}

/// The contract for one input: parsed by us exactly when parsed by `serde_json`, to the same
/// tree.
fn check(bytes: &[u8]) {
    let ours = JsonDocument::parse(bytes);
    let theirs = serde_json::from_slice::<Value>(bytes);
    match (&ours, theirs) {
        (Some(ours), Ok(theirs)) => {
            assert_eq!(
                tree(ours.root()),
                theirs,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
        (None, Err(_)) => {}
        (ours, theirs) => panic!(
            "{:?}: ours {:?}, serde_json {:?}",
            String::from_utf8_lossy(bytes),
            ours.as_ref().map(|doc| doc.root().raw()),
            theirs
        ),
    }
}

#[test]
fn edge_cases_as_serde_json() {
    let deep_ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
    let deep_refused = format!("{}{}", "[".repeat(128), "]".repeat(128));
    let deep_objects = format!("{}1{}", r#"{"a":"#.repeat(127), "}".repeat(127));
    let cases: Vec<Vec<u8>> = [
        // Values and whitespace.
        "null",
        " true ",
        "false",
        "\t\n\r 0 \r\n",
        "-0",
        "0.5",
        "-1.5e-3",
        "1E+2",
        "1e400",
        "-1e400",
        "1e-400",
        "0e999999999999",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775809",
        "123456789012345678901234567890",
        // Numbers serde_json refuses.
        "01",
        "-",
        "1.",
        ".5",
        "+1",
        "1e",
        "1e+",
        "NaN",
        "Infinity",
        "0x10",
        "1_000",
        // Strings: escapes, surrogates, control characters.
        r#""plain""#,
        r#""\"\\\/\b\f\n\r\t""#,
        r#""\u00e9\u0000""#,
        r#""\ud83d\ude00""#,
        r#""\ud800""#,
        r#""\udc00""#,
        r#""\ud800\u0041""#,
        r#""\ud800\n""#,
        r#""\ud83d\ud83d\ude00""#,
        r#""\x41""#,
        r#""\u12""#,
        r#""\uzzzz""#,
        "\"tab\there\"",
        "\"nul\u{0}\"",
        "\"del\u{7f}\"",
        "\"é漢😀\"",
        r#""unterminated"#,
        r#""a\"#,
        // Structures.
        "{}",
        "[]",
        " { } ",
        "[ ]",
        r#"{"a":1,"a":2}"#,
        r#"{"a":{"b":[1,{"c":"}"}]}}"#,
        r#"{"k\"ey":"v","k\u0065y":1}"#,
        r"[1,2,]",
        r#"{"a":1,}"#,
        r#"{"a" 1}"#,
        r"{1:2}",
        r#"{"a":1}}"#,
        r"[1]]",
        r#"{"a":[}"#,
        "[1 2]",
        r#"{"a":1 "b":2}"#,
        "{} {}",
        "",
        "   ",
        "nul",
        "truefalse",
        r#"["\"]"]"#,
        r#"{"a":"\\"}"#,
        &deep_ok,
        &deep_refused,
        &deep_objects,
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .chain([
        b"\xff".to_vec(),
        b"\"\xc3\x28\"".to_vec(),
        b"\"\xed\xa0\x80\"".to_vec(),
        b"[\"\xf0\x9f\x98\x80\"]".to_vec(),
        b"\xef\xbb\xbf{}".to_vec(),
    ])
    .collect();
    for case in &cases {
        check(case);
    }
    assert!(JsonDocument::parse(deep_ok.as_bytes()).is_some());
    assert!(JsonDocument::parse(deep_refused.as_bytes()).is_none());
}

/// Documents to mutate: every shape the styles write, and escapes.
fn documents() -> Vec<&'static str> {
    vec![
        r#"{"errors":[{"errorCode":3001,"message":"entity not found","subject":"firstName"}]}"#,
        r#"{"error":{"code":"not_found","message":"Not \"here\"","limit":10,"nested":{"a":[1,2.5,-3e2,true,null]}}}"#,
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"\u00e9\ud83d\ude00\n","code":3001}"#,
        r#"{"errorMessage":"Invalid Parameter","hints":["a","b\\c"]}"#,
        r#"  [ {"k\u0065y" : "v" } , 0.5e-3 , "\/" ]  "#,
    ]
}

/// One edit to a byte string.
fn mutate(mut bytes: Vec<u8>, edits: &[(usize, u8, u8)]) -> Vec<u8> {
    for &(at, what, byte) in edits {
        let len = bytes.len().max(1);
        let at = at % len;
        match what % 4 {
            0 => {
                if let Some(b) = bytes.get_mut(at) {
                    *b = byte;
                }
            }
            1 => bytes.insert(at.min(bytes.len()), byte),
            2 => {
                if !bytes.is_empty() {
                    bytes.remove(at % bytes.len());
                }
            }
            _ => bytes.truncate(at),
        }
    }
    bytes
}

fn json_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        prop::sample::select(b"{}[]\",:0123456789-+.eE\\/bfnrtu \t\nacdlsx".to_vec()),
        any::<u8>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 50_000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_as_serde_json(bytes in prop::collection::vec(json_byte(), 0..64)) {
        check(&bytes);
    }

    #[test]
    fn mutated_documents_as_serde_json(
        which in 0usize..5,
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), json_byte()), 1..5),
    ) {
        let bytes = mutate(documents()[which].as_bytes().to_vec(), &edits);
        check(&bytes);
    }

    #[test]
    fn any_string_reads_back(text in "\\PC{0,40}|[\\x00-\\x7f]{0,40}") {
        // serde_json's escaping, and `\u` escapes of every char (surrogate pairs beyond the BMP).
        let escaped = serde_json::to_string(&text).unwrap();
        let mut unicode = String::from("\"");
        for unit in text.encode_utf16() {
            let _ = write!(unicode, "\\u{unit:04x}");
        }
        unicode.push('"');
        for json in [escaped, unicode] {
            let doc = JsonDocument::parse(json.as_bytes()).unwrap();
            let read = doc.root().as_str();
            prop_assert_eq!(read.as_deref(), Some(text.as_str()));
        }
    }
}
