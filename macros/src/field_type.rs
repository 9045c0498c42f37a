//! What a field's value is written as in JSON, read from its Rust type: the one place of the
//! rule.
//!
//! Only plain types are classified: integers (the primitive ones, `NonZeroU32` and the like,
//! `NonZero<T>`), floats, `bool`, strings (`String`, `str`, `char`), `Option` of one (left out of
//! the body when `None`, so not nullable), and lists (`Vec`, `VecDeque`, `LinkedList`, sets,
//! `BinaryHeap`, slices, arrays) of one. A reference or a smart pointer (`&T`, `&mut T`, `Box`,
//! `Rc`, `Arc`, `Cow`) is its content. Anything else (a struct, an alias, a type parameter, a
//! map, a tuple, a trait object) could serialize to any JSON, so it is [`FieldType::Unknown`].
//!
//! The derive writes the result into the catalog's table (`error_contract::JsonType`, which the
//! `OpenAPI` schemas and example bodies are rendered from), checks a field's `example` against
//! it, and writes example messages with it ([`FieldType::example_text`]), so that a message
//! agrees with the example fields beside it.

/// The classification of a field's type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FieldType {
    /// An integer type.
    Int(Int),
    /// `f32` or `f64`.
    Float(Float),
    /// `bool`.
    Bool,
    /// `String` or `str`, by the name it is written with.
    Str(&'static str),
    /// `char`.
    Char,
    /// `Option<T>`: `T`, left out of the body when `None`.
    Option(Box<FieldType>),
    /// A list of `T`.
    List(List, Box<FieldType>),
    /// Any other type.
    Unknown,
}

/// An integer type: its name as written (`u32`, `NonZeroU64`, `NonZero` for `NonZero<i8>`),
/// whether it is signed, and whether it is a `NonZero` one (whose example is `1`, not `0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Int {
    pub(crate) name: &'static str,
    pub(crate) signed: bool,
    pub(crate) non_zero: bool,
}

/// A float type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Float {
    F32,
    F64,
}

impl Float {
    /// `f32` or `f64`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Float::F32 => "f32",
            Float::F64 => "f64",
        }
    }
}

/// The kind of a list, for how `Debug` writes one of one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    /// `[a]`: `Vec`, `VecDeque`, `LinkedList`, `BinaryHeap`, a slice.
    Sequence,
    /// `{a}`: `HashSet`, `BTreeSet`, `IndexSet`.
    Set,
    /// An array: as many items as its length, so no one-item example in a message.
    Array,
}

/// The primitive integers and the `NonZero` aliases: name, signed, non-zero.
const INTEGERS: [(&str, bool, bool); 24] = [
    ("u8", false, false),
    ("u16", false, false),
    ("u32", false, false),
    ("u64", false, false),
    ("u128", false, false),
    ("usize", false, false),
    ("i8", true, false),
    ("i16", true, false),
    ("i32", true, false),
    ("i64", true, false),
    ("i128", true, false),
    ("isize", true, false),
    ("NonZeroU8", false, true),
    ("NonZeroU16", false, true),
    ("NonZeroU32", false, true),
    ("NonZeroU64", false, true),
    ("NonZeroU128", false, true),
    ("NonZeroUsize", false, true),
    ("NonZeroI8", true, true),
    ("NonZeroI16", true, true),
    ("NonZeroI32", true, true),
    ("NonZeroI64", true, true),
    ("NonZeroI128", true, true),
    ("NonZeroIsize", true, true),
];

impl FieldType {
    /// The classification of `ty` as written.
    pub(crate) fn of(ty: &syn::Type) -> FieldType {
        let path = match ty {
            syn::Type::Reference(reference) => return FieldType::of(&reference.elem),
            syn::Type::Paren(paren) => return FieldType::of(&paren.elem),
            syn::Type::Group(group) => return FieldType::of(&group.elem),
            syn::Type::Slice(slice) => return FieldType::list(List::Sequence, &slice.elem),
            syn::Type::Array(array) => return FieldType::list(List::Array, &array.elem),
            syn::Type::Path(path) if path.qself.is_none() => &path.path,
            _ => return FieldType::Unknown,
        };
        let Some(last) = path.segments.last() else {
            return FieldType::Unknown;
        };
        // The type arguments; lifetimes left out (`Cow<'a, str>`).
        let mut args: [Option<&syn::Type>; 2] = [None, None];
        let mut count = 0;
        match &last.arguments {
            syn::PathArguments::None => {}
            syn::PathArguments::AngleBracketed(angle) => {
                for arg in &angle.args {
                    match arg {
                        syn::GenericArgument::Lifetime(_) => {}
                        syn::GenericArgument::Type(ty) => {
                            if let Some(slot) = args.get_mut(count) {
                                *slot = Some(ty);
                            }
                            count += 1;
                        }
                        _ => count += 1,
                    }
                }
            }
            syn::PathArguments::Parenthesized(_) => return FieldType::Unknown,
        }
        let name = last.ident.to_string();
        match (name.as_str(), count, args[0]) {
            (name, 0, _) => FieldType::named(name),
            ("NonZero", 1, Some(inner)) => FieldType::Int(Int {
                name: "NonZero",
                signed: !matches!(
                    FieldType::of(inner),
                    FieldType::Int(Int { signed: false, .. })
                ),
                non_zero: true,
            }),
            ("Option", 1, Some(inner)) => FieldType::Option(Box::new(FieldType::of(inner))),
            ("Box" | "Rc" | "Arc" | "Cow", 1, Some(inner)) => FieldType::of(inner),
            ("Vec" | "VecDeque" | "LinkedList" | "BinaryHeap", _, Some(item)) => {
                FieldType::list(List::Sequence, item)
            }
            ("HashSet" | "BTreeSet" | "IndexSet", _, Some(item)) => {
                FieldType::list(List::Set, item)
            }
            _ => FieldType::Unknown,
        }
    }

    /// A type without type arguments, by its last segment's name.
    fn named(name: &str) -> FieldType {
        match name {
            "f32" => FieldType::Float(Float::F32),
            "f64" => FieldType::Float(Float::F64),
            "bool" => FieldType::Bool,
            "String" => FieldType::Str("String"),
            "str" => FieldType::Str("str"),
            "char" => FieldType::Char,
            _ => match INTEGERS.iter().find(|(n, _, _)| *n == name) {
                Some(&(name, signed, non_zero)) => FieldType::Int(Int {
                    name,
                    signed,
                    non_zero,
                }),
                None => FieldType::Unknown,
            },
        }
    }

    fn list(list: List, item: &syn::Type) -> FieldType {
        FieldType::List(list, Box::new(FieldType::of(item)))
    }

    /// The type inside the `Option`s, and how many `Option`s wrap it.
    pub(crate) fn unwrapped(&self) -> (&FieldType, usize) {
        let mut ty = self;
        let mut options = 0;
        while let FieldType::Option(inner) = ty {
            ty = inner;
            options += 1;
        }
        (ty, options)
    }

    /// The value of `error_contract::JsonType` for the type, as source text under the runtime's
    /// `__private` (`__ec`): an `Option` is its content, a list an array of its item's.
    pub(crate) fn write_json_type(&self, out: &mut String) {
        match self {
            FieldType::Int(int) => out.push_str(if int.non_zero {
                "__ec::JsonType::Integer { non_zero: true }"
            } else {
                "__ec::JsonType::Integer { non_zero: false }"
            }),
            FieldType::Float(_) => out.push_str("__ec::JsonType::Number"),
            FieldType::Bool => out.push_str("__ec::JsonType::Boolean"),
            FieldType::Str(_) => out.push_str("__ec::JsonType::Str { char: false }"),
            FieldType::Char => out.push_str("__ec::JsonType::Str { char: true }"),
            FieldType::Option(inner) => inner.write_json_type(out),
            FieldType::List(_, item) => {
                out.push_str("__ec::JsonType::Array(&");
                item.write_json_type(out);
                out.push(')');
            }
            FieldType::Unknown => out.push_str("__ec::JsonType::Unknown"),
        }
    }

    /// The type's example value as `Display` (or `Debug`) writes it: `0` (`1` for a `NonZero`),
    /// `0` (`0.0` with `Debug`) for a float, `false`, `string` (`"string"`), `a` (`'a'`) for a
    /// `char`; with `Debug` only, `Some(..)` for an `Option` and a one-item list. `None` for an
    /// unknown type and for what `Display` cannot write. The same values as the runtime's
    /// example fields (`error_contract::JsonType`), so that a message agrees with them.
    pub(crate) fn example_text(&self, debug: bool) -> Option<String> {
        let text = match (self, debug) {
            (FieldType::Int(int), _) => if int.non_zero { "1" } else { "0" }.to_owned(),
            (FieldType::Float(_), false) => "0".to_owned(),
            (FieldType::Float(_), true) => "0.0".to_owned(),
            (FieldType::Bool, _) => "false".to_owned(),
            (FieldType::Str(_), false) => "string".to_owned(),
            (FieldType::Str(_), true) => "\"string\"".to_owned(),
            (FieldType::Char, false) => "a".to_owned(),
            (FieldType::Char, true) => "'a'".to_owned(),
            (FieldType::Option(inner), true) => format!("Some({})", inner.example_text(true)?),
            (FieldType::List(List::Sequence, item), true) => {
                format!("[{}]", item.example_text(true)?)
            }
            (FieldType::List(List::Set, item), true) => format!("{{{}}}", item.example_text(true)?),
            (FieldType::Option(_) | FieldType::List(..) | FieldType::Unknown, _) => return None,
        };
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::{FieldType, Float, Int, List};

    #[track_caller]
    fn of(ty: &str) -> FieldType {
        FieldType::of(&syn::parse_str::<syn::Type>(ty).unwrap_or_else(|e| panic!("{ty}: {e}")))
    }

    fn int(name: &'static str, signed: bool, non_zero: bool) -> FieldType {
        FieldType::Int(Int {
            name,
            signed,
            non_zero,
        })
    }

    fn option(inner: FieldType) -> FieldType {
        FieldType::Option(Box::new(inner))
    }

    fn list(list: List, item: FieldType) -> FieldType {
        FieldType::List(list, Box::new(item))
    }

    #[test]
    fn plain_types_are_classified() {
        for (ty, expected) in [
            ("u32", int("u32", false, false)),
            ("i128", int("i128", true, false)),
            ("std::num::NonZeroU64", int("NonZeroU64", false, true)),
            ("NonZeroIsize", int("NonZeroIsize", true, true)),
            ("NonZero<u16>", int("NonZero", false, true)),
            ("NonZero<i16>", int("NonZero", true, true)),
            ("f64", FieldType::Float(Float::F64)),
            ("f32", FieldType::Float(Float::F32)),
            ("bool", FieldType::Bool),
            ("String", FieldType::Str("String")),
            ("::std::string::String", FieldType::Str("String")),
            ("&'static str", FieldType::Str("str")),
            ("&str", FieldType::Str("str")),
            ("&mut String", FieldType::Str("String")),
            ("Cow<'static, str>", FieldType::Str("str")),
            ("Box<str>", FieldType::Str("str")),
            ("std::sync::Arc<String>", FieldType::Str("String")),
            ("char", FieldType::Char),
            ("Option<i64>", option(int("i64", true, false))),
            ("Option<Option<char>>", option(option(FieldType::Char))),
            (
                "Vec<String>",
                list(List::Sequence, FieldType::Str("String")),
            ),
            ("&'a [u8]", list(List::Sequence, int("u8", false, false))),
            ("[bool; 3]", list(List::Array, FieldType::Bool)),
            (
                "Vec<Vec<u8>>",
                list(
                    List::Sequence,
                    list(List::Sequence, int("u8", false, false)),
                ),
            ),
            ("Vec<Detail>", list(List::Sequence, FieldType::Unknown)),
            ("BTreeSet<(u8, u8)>", list(List::Set, FieldType::Unknown)),
            (
                "HashSet<String, S>",
                list(List::Set, FieldType::Str("String")),
            ),
            (
                "Option<VecDeque<Option<u8>>>",
                option(list(List::Sequence, option(int("u8", false, false)))),
            ),
        ] {
            assert_eq!(of(ty), expected, "{ty}");
        }
    }

    #[test]
    fn other_types_are_unknown() {
        for ty in [
            "Detail",
            "T",
            "HashMap<String, u32>",
            "serde_json::Value",
            "(u32, u32)",
            "Option<Detail>",
            "Box<dyn Display>",
            "dyn Display",
            "<T as Iterator>::Item",
            "fn(u32) -> u32",
            "Box<dyn Fn(u32)>",
            "*const u8",
            "Box<u8, A>",
            "u32<T>",
        ] {
            assert_eq!(of(ty).unwrapped().0, &FieldType::Unknown, "{ty}");
        }
    }

    /// The runtime's `JsonType` of each type, as the derive writes it (`__ec::JsonType::`
    /// left out): what the `OpenAPI` schema and example of the field are rendered from.
    #[test]
    fn json_types_are_written() {
        let json_type = |ty: &str| {
            let mut out = String::new();
            of(ty).write_json_type(&mut out);
            out.replace("__ec::JsonType::", "")
        };
        for (ty, expected) in [
            ("u32", "Integer { non_zero: false }"),
            ("std::num::NonZeroU64", "Integer { non_zero: true }"),
            ("NonZero<u16>", "Integer { non_zero: true }"),
            ("f64", "Number"),
            ("bool", "Boolean"),
            ("String", "Str { char: false }"),
            ("&'static str", "Str { char: false }"),
            ("Cow<'static, str>", "Str { char: false }"),
            ("Option<i64>", "Integer { non_zero: false }"),
            ("Option<Option<char>>", "Str { char: true }"),
            ("Vec<String>", "Array(&Str { char: false })"),
            ("&'a [u8]", "Array(&Integer { non_zero: false })"),
            ("[bool; 3]", "Array(&Boolean)"),
            (
                "Vec<Vec<u8>>",
                "Array(&Array(&Integer { non_zero: false }))",
            ),
            ("Vec<Detail>", "Array(&Unknown)"),
            ("BTreeSet<(u8, u8)>", "Array(&Unknown)"),
            ("Option<Detail>", "Unknown"),
            ("HashMap<String, u32>", "Unknown"),
        ] {
            assert_eq!(json_type(ty), expected, "{ty}");
        }
    }

    #[test]
    fn plain_types_have_examples() {
        for (ty, display, debug) in [
            ("u32", Some("0"), "0"),
            ("NonZeroU32", Some("1"), "1"),
            ("NonZero<u8>", Some("1"), "1"),
            ("f64", Some("0"), "0.0"),
            ("bool", Some("false"), "false"),
            ("&'static str", Some("string"), "\"string\""),
            ("char", Some("a"), "'a'"),
            ("Option<Cow<'a, str>>", None, "Some(\"string\")"),
            ("Vec<u8>", None, "[0]"),
            ("Vec<Option<char>>", None, "[Some('a')]"),
            ("BTreeSet<bool>", None, "{false}"),
        ] {
            let ty = of(ty);
            assert_eq!(ty.example_text(false).as_deref(), display, "{ty:?}");
            assert_eq!(ty.example_text(true).as_deref(), Some(debug), "{ty:?}");
        }
        for ty in [
            "Detail",
            "Vec<Detail>",
            "HashMap<String, u32>",
            "T",
            "[String; 2]",
        ] {
            assert_eq!(of(ty).example_text(true), None, "{ty}");
        }
    }
}
