//! Error bodies.

use crate::Style;
use crate::json::{JsonWriter, STACK};
use crate::style::Parts;
use core::fmt;
use core::ops::Deref;
use std::borrow::Cow;

/// A JSON error body and its content type.
///
/// It derefs to the JSON text. For a variant whose body has no run-time part it is a
/// `&'static str` the derive wrote at compile time (for a custom style: that the style wrote at
/// the first use, kept for the next), so building it costs nothing; a body with
/// run-time parts (an interpolated message, exposed fields) is one `String`, allocated once at
/// its exact size.
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
/// enum ShopError {
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
/// }
///
/// let body = ShopError::NotFound.body();
/// assert_eq!(&*body, r#"{"code":3001,"message":"entity not found"}"#);
/// assert_eq!(body.content_type(), "application/json");
/// assert!(body.is_static());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Body {
    json: Cow<'static, str>,
    content_type: &'static str,
}

impl Body {
    /// A body from JSON text known at compile time.
    ///
    /// ```
    /// use error_contract::Body;
    ///
    /// let body = Body::from_static(r#"{"error":"gone"}"#, "application/json");
    /// assert_eq!(body.as_str(), r#"{"error":"gone"}"#);
    /// ```
    #[must_use]
    pub const fn from_static(json: &'static str, content_type: &'static str) -> Body {
        Body {
            json: Cow::Borrowed(json),
            content_type,
        }
    }

    /// A body from JSON text built at run time. The caller vouches that it is JSON.
    ///
    /// ```
    /// use error_contract::Body;
    ///
    /// let body = Body::new(format!(r#"{{"id":{}}}"#, 7), "application/json");
    /// assert_eq!(&*body, r#"{"id":7}"#);
    /// assert!(!body.is_static());
    /// ```
    #[must_use]
    pub fn new(json: String, content_type: &'static str) -> Body {
        Body {
            json: Cow::Owned(json),
            content_type,
        }
    }

    /// Writes the body of `parts` in style `S`, in one allocation of the exact size.
    ///
    /// ```
    /// use error_contract::{Body, Code, Parts, Status, style::Flat};
    ///
    /// let body = Body::build::<Flat>(&Parts::new(Status::GONE, Code::Num(7), &"gone"));
    /// assert_eq!(&*body, r#"{"code":7,"message":"gone"}"#);
    /// assert!(!body.is_static());
    /// ```
    #[must_use]
    pub fn build<S: Style + ?Sized>(parts: &Parts<'_>) -> Body {
        Body::build_with::<STACK>(S::CONTENT_TYPE, &|out| S::write_body(parts, out))
    }

    /// Writes a body with `write`, called once or twice (to measure, then to write), in one
    /// allocation of the exact size; the first pass goes to a buffer of `N` bytes on the stack.
    pub(crate) fn build_with<const N: usize>(
        content_type: &'static str,
        write: &dyn Fn(&mut JsonWriter<'_>),
    ) -> Body {
        // First pass into a buffer on the stack: a body that fits (most do) is copied into its
        // one allocation; a larger one was measured on the way and is written a second time,
        // into its allocation.
        let mut stack = [0u8; N];
        let mut first = JsonWriter::counting(&mut stack);
        write(&mut first);
        let buf = if let Some(written) = first.written() {
            written.to_vec()
        } else {
            let mut buf = vec![0; first.len()];
            let mut second = JsonWriter::spilling(&mut buf);
            write(&mut second);
            // A style that wrote less the second time (it should not) leaves no zeros behind,
            // and one that wrote more, nothing out.
            let (len, spill) = second.finish();
            buf.truncate(len);
            buf.extend_from_slice(&spill);
            buf
        };
        // Everything a `JsonWriter` writes comes from a `&str` or from `serde_json`, so this is
        // UTF-8; the lossy branch only keeps the impossible case from panicking.
        let json = String::from_utf8(buf)
            .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned());
        Body {
            json: Cow::Owned(json),
            content_type,
        }
    }

    /// The JSON text.
    ///
    /// See [`Body::from_static`] for an example.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.json
    }

    /// The `Content-Type` of the body: `application/json`, or `application/problem+json` for
    /// the problem style.
    ///
    /// See [`Body`] for an example.
    #[must_use]
    pub fn content_type(&self) -> &'static str {
        self.content_type
    }

    /// Whether the body is a `&'static str` (no allocation): written by the derive, or, for a
    /// custom style's body with no run-time part, written by the style at its first use and kept.
    ///
    /// See [`Body`] for an example.
    #[must_use]
    pub fn is_static(&self) -> bool {
        matches!(self.json, Cow::Borrowed(_))
    }

    /// The JSON text, borrowed when static and owned otherwise; framework integrations use this
    /// to send a static body without copying it.
    ///
    /// ```
    /// use error_contract::Body;
    /// use std::borrow::Cow;
    ///
    /// let body = Body::from_static("{}", "application/json");
    /// assert!(matches!(body.into_cow(), Cow::Borrowed("{}")));
    /// ```
    #[must_use]
    pub fn into_cow(self) -> Cow<'static, str> {
        self.json
    }

    /// The JSON text as a `String` (a copy for a static body).
    ///
    /// ```
    /// use error_contract::Body;
    ///
    /// assert_eq!(Body::from_static("{}", "application/json").into_string(), "{}");
    /// ```
    #[must_use]
    pub fn into_string(self) -> String {
        self.json.into_owned()
    }
}

impl Deref for Body {
    type Target = str;

    fn deref(&self) -> &str {
        &self.json
    }
}

impl AsRef<str> for Body {
    fn as_ref(&self) -> &str {
        &self.json
    }
}

impl AsRef<[u8]> for Body {
    fn as_ref(&self) -> &[u8] {
        self.json.as_bytes()
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.json)
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Body")
            .field("json", &&*self.json)
            .field("content_type", &self.content_type)
            .finish()
    }
}

impl PartialEq<str> for Body {
    fn eq(&self, other: &str) -> bool {
        *self.json == *other
    }
}

impl PartialEq<&str> for Body {
    fn eq(&self, other: &&str) -> bool {
        *self.json == **other
    }
}

impl From<Body> for String {
    fn from(body: Body) -> String {
        body.into_string()
    }
}

#[cfg(test)]
mod tests {
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
}
