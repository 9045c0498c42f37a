//! Unit tests of `body`.

use super::Body;
use crate::style::{Flat, Parts};
use crate::{Code, Status};
use core::cell::Cell;
use core::fmt;

/// A body longer than the stack buffer is written twice; a style that writes more or less
/// the second time (it should not) still gets all of its second body, nothing else.
#[test]
fn a_second_pass_that_differs_is_kept_whole() {
    use crate::Style;
    use crate::json::JsonWriter;

    thread_local! {
        static CALLS: Cell<usize> = const { Cell::new(0) };
        static SECOND: Cell<usize> = const { Cell::new(0) };
    }
    struct Changing;
    impl Style for Changing {
        fn write_body(_: &Parts<'_>, out: &mut JsonWriter<'_>) {
            let call = CALLS.with(|calls| calls.replace(calls.get() + 1));
            let len = if call == 0 {
                300
            } else {
                SECOND.with(Cell::get)
            };
            out.raw("[");
            out.display(&"x\"".repeat(len));
            out.raw(",");
            out.number(len as u64);
            out.raw("]");
        }
    }
    for second in [300, 299, 1, 301, 900] {
        CALLS.with(|calls| calls.set(0));
        SECOND.with(|len| len.set(second));
        let body = Body::build::<Changing>(&Parts::new(Status::GONE, Code::Num(1), &""));
        let text = "x\"".repeat(second);
        assert_eq!(
            &*body,
            format!("[{},{second}]", serde_json::to_string(&text).unwrap())
        );
    }
}

/// A value as its field writes it: `{"code":1,"message":"m","v":<value>}` with the value cut
/// out.
fn field_json<T: serde::Serialize>(value: &T) -> String {
    let fields = [crate::json::Field::new("v", value)];
    let parts = Parts::new(Status::GONE, Code::Num(1), &"m").with_fields(&fields);
    let body = Body::build::<Flat>(&parts);
    let json = body
        .strip_prefix(r#"{"code":1,"message":"m","v":"#)
        .and_then(|rest| rest.strip_suffix('}'))
        .unwrap();
    json.to_owned()
}

/// Every value is written as `serde_json` writes it: scalars by the writer itself, anything
/// else by `serde_json`, and a value whose `Serialize` impl fails as `null`.
#[test]
fn fields_as_serde_json() {
    use serde::{Serialize, Serializer};
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Unit;
    #[derive(Serialize)]
    struct Id(String);
    #[derive(Serialize)]
    enum Kind {
        Plain,
        Wrapped(u8),
        Pair(u8, u8),
        Named { a: u8 },
    }
    #[derive(Serialize)]
    struct Point {
        x: i32,
        y: Option<f64>,
    }
    /// Through `collect_str`, as many types with a textual form are.
    struct Text(&'static str);
    impl Serialize for Text {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(self.0)
        }
    }
    struct Fails;
    impl Serialize for Fails {
        fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("no"))
        }
    }

    macro_rules! same {
        ($($value:expr),* $(,)?) => {$(
            let value = $value;
            assert_eq!(
                field_json(&value),
                serde_json::to_string(&value).unwrap(),
                "{}",
                stringify!($value)
            );
        )*};
    }
    same!(
        true,
        false,
        0u8,
        u8::MAX,
        u16::MAX,
        u32::MAX,
        u64::MAX,
        0i8,
        i8::MIN,
        i16::MIN,
        i32::MIN,
        i64::MIN,
        i64::MAX,
        -1i64,
        'a',
        '"',
        '\u{1}',
        "",
        "alice",
        "say \"hi\"\n\t\u{1f} é \u{2028} 😀",
        String::from("bob"),
        None::<u8>,
        Some(5u8),
        Some(Some("x")),
        (),
        Unit,
        Id("id \\ 7".into()),
        Kind::Plain,
        Kind::Wrapped(3),
        Kind::Pair(1, 2),
        Kind::Named { a: 1 },
        Point {
            x: -3,
            y: Some(1.5)
        },
        1.5f64,
        -0.0f64,
        f64::NAN,
        2.5f32,
        i128::MIN,
        u128::MAX,
        vec![1, 2, 3],
        vec!["a\"b"],
        (1, "two"),
        BTreeMap::from([("k", 1)]),
        BTreeMap::from([(1, "v")]),
        serde_bytes_like(),
        Text("plain"),
        Text("with \"quotes\" and \n"),
    );
    assert_eq!(field_json(&Fails), "null");
    // A map with keys that are not strings fails in serde_json: `null`.
    assert_eq!(field_json(&BTreeMap::from([((1, 2), 3)])), "null");
}

/// Bytes, through `serialize_bytes`.
fn serde_bytes_like() -> impl serde::Serialize {
    struct Bytes;
    impl serde::Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(b"ab")
        }
    }
    Bytes
}

/// A message that counts how often it is displayed.
struct Counted<'a>(&'a str, &'a Cell<u32>);

impl fmt::Display for Counted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.1.set(self.1.get() + 1);
        // In pieces, as an interpolated message writes.
        for piece in self.0.split_inclusive(' ') {
            f.write_str(piece)?;
        }
        Ok(())
    }
}

/// `display` writes a text as it is and looks at it: a text with nothing to escape is
/// displayed once, one with something to escape a second time, through the escape; a body
/// longer than the stack buffer is measured, then written again. Each as `serde_json` writes.
#[test]
fn display_writes_as_serde_json_and_displays_again_only_to_escape() {
    let long = "x ".repeat(200);
    let long_quoted = format!("{long}\"{long}");
    for (text, short) in [
        ("order 42 of alice not found", true),
        ("say \"hi\"\n", true),
        ("tab\there é \u{1}", true),
        ("", true),
        (long.as_str(), false),
        (long_quoted.as_str(), false),
    ] {
        let displays = Cell::new(0);
        let message = Counted(text, &displays);
        let body = Body::build::<Flat>(&Parts::new(Status::GONE, Code::Num(1), &message));
        let expected = format!(
            r#"{{"code":1,"message":{}}}"#,
            serde_json::to_string(text).unwrap()
        );
        assert_eq!(&*body, expected);
        assert_eq!(body.len(), body.as_str().len());
        let in_buffer = if error_contract_wire::escape::is_plain(text.as_bytes()) {
            1
        } else {
            2
        };
        // A long body's first pass stops keeping bytes at the buffer's end, so its message is
        // displayed again through the escape there, whatever it holds; its second pass writes
        // into the allocation, where the text is looked at.
        let expected = if short { in_buffer } else { 2 + in_buffer };
        assert_eq!(displays.get(), expected, "{text:?}");
    }
}
