//! The derive never panics, whatever it is given: enums and structs whose attributes, fields and
//! messages are random soups of the attribute vocabulary, literals and punctuation.

use proptest::prelude::*;
use proptest::strategy::Strategy;

const WORDS: &[&str] = &[
    "status",
    "code",
    "message",
    "style",
    "parent",
    "title",
    "transparent",
    "other",
    "expose",
    "rename",
    "header",
    "headers",
    "default",
    "decode",
    "crate",
    "rename_all",
    "type_base",
    "rename_members",
    "skip_members",
    "constants",
    "instance",
    "envelope",
    "\"{code}\"",
    "true",
    "1.",
    "=",
    ",",
    "404",
    "599",
    "600",
    "0",
    "4294967296",
    "3001",
    "-1",
    "404u8",
    "\"dto\"",
    "\"nested\"",
    "\"flat\"",
    "\"message\"",
    "\"problem\"",
    "\"snake_case\"",
    "\"\"",
    "\"{\"",
    "\"}\"",
    "\"{0}\"",
    "\"{x}\"",
    "\"{x:?}\"",
    "\"{:>w$}\"",
    "\"{{}}\"",
    "\"Retry After\"",
    "\"Retry-After\"",
    "\"a::b\"",
    "\"not a path\"",
    "true",
    "1.5",
    "'c'",
    "b\"x\"",
    "Foo",
    "self",
    "::",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ";",
    "#",
    "!",
    "&",
    "<",
    ">",
    "'a",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..8).prop_map(|w| w.join(" "))
}

fn field(named: bool) -> impl Strategy<Value = String> {
    (
        soup(),
        prop::sample::select(&["", "#[source]", "#[from]", "#[source(x)]"][..]),
        prop::sample::select(
            &[
                "String",
                "u16",
                "Option<u8>",
                "T",
                "std::io::Error",
                "Unknown",
            ][..],
        ),
        0u8..4,
    )
        .prop_map(move |(attr, extra, ty, n)| {
            let name = if named {
                format!("f{n}: ")
            } else {
                String::new()
            };
            format!("#[api_error({attr})] {extra} {name}{ty}")
        })
}

fn variant() -> impl Strategy<Value = String> {
    (
        soup(),
        0u8..3,
        prop::collection::vec(field(true), 0..3),
        prop::collection::vec(field(false), 0..3),
        0u8..4,
    )
        .prop_map(|(attr, shape, named, unnamed, n)| match shape {
            0 => format!("/// Doc {n}.\n#[api_error({attr})] V{n}"),
            1 => format!("#[api_error({attr})] V{n} {{ {} }}", named.join(", ")),
            _ => format!("#[api_error({attr})] V{n}({})", unnamed.join(", ")),
        })
}

fn input() -> impl Strategy<Value = String> {
    (
        soup(),
        prop::collection::vec(variant(), 0..5),
        prop::sample::select(&["", "<T>", "<'a, T: Clone>"][..]),
        0u8..3,
    )
        .prop_map(|(attr, variants, generics, kind)| match kind {
            0 => format!(
                "#[api_error({attr})] enum E{generics} {{ {} }}",
                variants.join(", ")
            ),
            1 => format!(
                "#[api_error({attr})] struct S{generics} {{ {} }}",
                variants.first().map_or("", |_| "x: u8")
            ),
            _ => format!("#[api_error({attr})] union U {{ a: u8 }}"),
        })
}

/// 4,000 generated inputs through the derive; most must be Rust (and so reach the derive), or
/// the property proves little.
#[test]
fn derive_never_panics() {
    use proptest::test_runner::{Config, TestRunner};
    use std::cell::Cell;

    let reached = Cell::new(0usize);
    let mut runner = TestRunner::new(Config {
        cases: 4_000,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&input(), |source| {
            // Inputs that are not Rust never reach a derive.
            if let Ok(input) = syn::parse_str::<syn::DeriveInput>(&source) {
                reached.set(reached.get() + 1);
                let _ = crate::derive(&input);
            }
            Ok(())
        })
        .unwrap();
    let reached = reached.get();
    assert!(reached >= 2_000, "only {reached} of 4000 inputs were Rust");
}
