//! Reading JSON straight from the bytes: one pass checks the whole document as `serde_json`
//! would, and notes on the stack where the members of the outer containers are (the few an error
//! body has: its object, a list of errors, the object of one error). A value is its own bytes; a
//! member is found among the notes, or, deeper down, by walking its object over the checked text
//! (only quotes, backslashes and brackets are looked at). Values are borrowed, and only what is
//! asked for is decoded. No tree of values.

use serde::de::{Deserialize, Visitor};
use std::borrow::Cow;

/// What a byte is inside a string: plain ASCII, the closing quote, an escape, a control
/// character (refused), or part of a non-ASCII character (checked as UTF-8 at the end).
static CLASS: [u8; 256] = {
    let mut table = [PLAIN; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = if byte < 0x20 {
            CONTROL
        } else if byte >= 0x80 {
            HIGH
        } else {
            PLAIN
        };
        byte += 1;
    }
    table[b'"' as usize] = QUOTE;
    table[b'\\' as usize] = BACKSLASH;
    table
};
const PLAIN: u8 = 0;
const QUOTE: u8 = 1;
const BACKSLASH: u8 = 2;
const CONTROL: u8 = 3;
const HIGH: u8 = 4;

/// The bytes that end a number or a literal in checked text.
static ENDS: [bool; 256] = {
    let mut table = [false; 256];
    let mut ends: &[u8] = b",}] \t\n\r";
    while let [end, rest @ ..] = ends {
        table[*end as usize] = true;
        ends = rest;
    }
    table
};

/// How many children of containers the checking pass notes: every member of an error body, as
/// the styles write them, with a few fields.
const NOTED: usize = 10;

/// The containers whose children are noted: those at most this deep (the document's own value
/// is 1 deep).
const NOTED_DEPTH: usize = 3;

/// Where one child of a container is: the container's offset, the key (empty in an array), the
/// value.
#[derive(Clone, Copy, Default)]
struct Note {
    container: u32,
    key_start: u32,
    key_end: u32,
    value_start: u32,
    value_end: u32,
    escaped: bool,
    /// The value is a string with an escape.
    value_escaped: bool,
}

/// The notes of a document, with its bytes; `len` past [`NOTED`] when there were more children
/// than notes (then no note is used).
struct Notes<'a> {
    bytes: &'a [u8],
    each: [Note; NOTED],
    len: usize,
}

impl<'a> Notes<'a> {
    /// The notes, if every child of every container at most [`NOTED_DEPTH`] deep was noted.
    fn all(&self) -> Option<&[Note]> {
        self.each.get(..self.len)
    }

    /// The offset of `value` in the document.
    fn offset(&self, value: &[u8]) -> Option<u32> {
        let offset = value
            .as_ptr()
            .addr()
            .checked_sub(self.bytes.as_ptr().addr())?;
        u32::try_from(offset).ok()
    }

    /// Whether the key a note points at is `key`: the lengths first, then the bytes as
    /// written, unescaped only when they have an escape.
    #[inline]
    fn key_is(&self, note: &Note, key: &str) -> bool {
        let raw = || {
            self.bytes
                .get(note.key_start as usize..note.key_end as usize)
                .unwrap_or_default()
        };
        if note.escaped {
            return escaped_key_is(raw(), key);
        }
        note.key_end.wrapping_sub(note.key_start) as usize == key.len()
            && same_bytes(raw(), key.as_bytes())
    }

    /// Whether the key a note points at is `key`, byte for byte (its length already compared).
    #[inline]
    fn key_bytes_are(&self, note: &Note, key: &[u8]) -> bool {
        let start = note.key_start as usize;
        self.bytes
            .get(start..start + key.len())
            .is_some_and(|raw| same_bytes(raw, key))
    }

    /// The value a note points at; `depth` is its own depth.
    fn value(&'a self, note: &Note, depth: u32) -> JsonValue<'a> {
        JsonValue {
            bytes: self
                .bytes
                .get(note.value_start as usize..note.value_end as usize)
                .unwrap_or_default(),
            notes: Some(self),
            depth,
            plain: !note.value_escaped,
        }
    }
}

/// The deepest nesting accepted: `serde_json` refuses the 128th level.
const MAX_DEPTH: usize = 127;

/// Eight bytes at a time: `0x01` and `0x80` in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;
const QUOTES: u64 = ONES * b'"' as u64;
const BACKSLASHES: u64 = ONES * b'\\' as u64;
const SPACES: u64 = ONES * 0x20;

/// The eight bytes at `at`, if there are eight.
#[inline]
fn chunk(bytes: &[u8], at: usize) -> Option<u64> {
    let eight: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(eight))
}

/// The high bit of every zero byte of `v`. Exact for the lowest zero byte; a byte above it may
/// be marked wrongly (by the borrow), so only the lowest mark is used.
#[inline]
const fn zero_bytes(v: u64) -> u64 {
    v.wrapping_sub(ONES) & !v & HIGHS
}

/// The index of the lowest marked byte of a mask of high bits.
#[inline]
fn first_marked(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// A JSON document, checked, with where the children of its outer containers are; borrowed from
/// its bytes.
///
/// [`parse`](JsonDocument::parse) accepts the documents `serde_json` accepts (strict UTF-8,
/// valid escapes, paired surrogates, numbers in the range of an `f64`, at most 127 levels of
/// nesting) and refuses the others. Reading it then costs no parsing: [`JsonObject::get`] compares
/// keys (among the notes, or walking a deeper object's checked text), [`JsonValue::as_str`]
/// borrows a string without escapes.
///
/// ```
/// use error_contract::json::JsonDocument;
///
/// let doc = JsonDocument::parse(br#"{"error":{"code":"not_found","message":"Not \"here\""}}"#).unwrap();
/// let error = doc.root().as_object().unwrap().get("error").unwrap().as_object().unwrap();
/// assert_eq!(error.get("code").unwrap().as_str().as_deref(), Some("not_found"));
/// assert_eq!(error.get("message").unwrap().as_str().as_deref(), Some("Not \"here\""));
/// assert_eq!(error.get("message").unwrap().raw(), r#""Not \"here\"""#);
///
/// assert!(JsonDocument::parse(b"{\"code\":1,}").is_none());
/// ```
pub struct JsonDocument<'a> {
    notes: Notes<'a>,
    root_start: u32,
    root_end: u32,
    root_escaped: bool,
}

/// One value of a [`JsonDocument`].
///
/// See [`JsonDocument`] for an example.
#[derive(Clone, Copy)]
pub struct JsonValue<'a> {
    /// The value's checked text, without whitespace around it.
    bytes: &'a [u8],
    /// The document's notes, to find children by.
    notes: Option<&'a Notes<'a>>,
    /// How deep the value is: the document's own value is 1 deep.
    depth: u32,
    /// Known to have no escape, if it is a string (a noted value: the checking pass saw).
    plain: bool,
}

/// A JSON object of a [`JsonDocument`].
///
/// ```
/// use error_contract::json::JsonDocument;
///
/// let doc = JsonDocument::parse(br#"{"code":1,"code":2,"id":7}"#).unwrap();
/// let object = doc.root().as_object().unwrap();
/// // The last of a repeated key counts, as in `serde_json`.
/// assert_eq!(object.get("code").unwrap().as_u64(), Some(2));
/// let keys: Vec<_> = object.iter().map(|(key, _)| key.into_owned()).collect();
/// assert_eq!(keys, ["code", "code", "id"]);
/// ```
#[derive(Clone, Copy)]
pub struct JsonObject<'a> {
    value: JsonValue<'a>,
}

/// A JSON array of a [`JsonDocument`].
///
/// ```
/// use error_contract::json::JsonDocument;
///
/// let doc = JsonDocument::parse(br#"[{"a":1},2]"#).unwrap();
/// let array = doc.root().as_array().unwrap();
/// assert_eq!(array.first().unwrap().raw(), r#"{"a":1}"#);
/// assert_eq!(array.iter().count(), 2);
/// ```
#[derive(Clone, Copy)]
pub struct JsonArray<'a> {
    value: JsonValue<'a>,
}

impl<'a> JsonDocument<'a> {
    /// Checks that `bytes` are one JSON document (whitespace around it allowed); `None` when
    /// they are not JSON as `serde_json` reads it.
    ///
    /// See [`JsonDocument`] for an example.
    #[must_use]
    pub fn parse(bytes: &'a [u8]) -> Option<JsonDocument<'a>> {
        // Offsets are `u32`: a larger body is not an error body.
        u32::try_from(bytes.len()).ok()?;
        let mut parser = Parser {
            bytes,
            at: 0,
            depth: 0,
            notes: [Note::default(); NOTED],
            len: 0,
        };
        parser.whitespace();
        let root_start = parser.offset();
        let root_escaped = parser.value()?;
        let root_end = parser.offset();
        parser.whitespace();
        if parser.at != bytes.len() {
            return None;
        }
        Some(JsonDocument {
            notes: Notes {
                bytes,
                each: parser.notes,
                len: parser.len,
            },
            root_start,
            root_end,
            root_escaped,
        })
    }

    /// The document's value.
    ///
    /// See [`JsonDocument`] for an example.
    #[must_use]
    pub fn root(&self) -> JsonValue<'_> {
        JsonValue {
            bytes: self
                .notes
                .bytes
                .get(self.root_start as usize..self.root_end as usize)
                .unwrap_or_default(),
            notes: Some(&self.notes),
            depth: 1,
            plain: !self.root_escaped,
        }
    }
}

impl<'a> JsonValue<'a> {
    /// The value's bytes, as they came.
    #[inline]
    pub(crate) fn bytes(self) -> &'a [u8] {
        self.bytes
    }

    /// The value's JSON text, as it came.
    ///
    /// See [`JsonDocument`] for an example.
    #[must_use]
    pub fn raw(self) -> &'a str {
        // Checked: UTF-8.
        core::str::from_utf8(self.bytes).unwrap_or_default()
    }

    /// The object, if the value is one.
    ///
    /// See [`JsonDocument`] for an example.
    #[must_use]
    pub fn as_object(self) -> Option<JsonObject<'a>> {
        (self.bytes.first() == Some(&b'{')).then_some(JsonObject { value: self })
    }

    /// The array, if the value is one.
    ///
    /// See [`JsonArray`] for an example.
    #[must_use]
    pub fn as_array(self) -> Option<JsonArray<'a>> {
        (self.bytes.first() == Some(&b'[')).then_some(JsonArray { value: self })
    }

    /// The string, if the value is one: borrowed when it has no escapes.
    ///
    /// ```
    /// use error_contract::json::JsonDocument;
    /// use std::borrow::Cow;
    ///
    /// let plain = JsonDocument::parse(br#""plain""#).unwrap();
    /// assert!(matches!(plain.root().as_str(), Some(Cow::Borrowed("plain"))));
    /// let escaped = JsonDocument::parse(br#""\u00e9\ud83d\ude00""#).unwrap();
    /// assert_eq!(escaped.root().as_str().as_deref(), Some("é😀"));
    /// assert_eq!(JsonDocument::parse(b"7").unwrap().root().as_str(), None);
    /// ```
    #[must_use]
    pub fn as_str(self) -> Option<Cow<'a, str>> {
        let inner = core::str::from_utf8(self.string_bytes()?).ok()?;
        if self.plain {
            return Some(Cow::Borrowed(inner));
        }
        Some(unescape(inner))
    }

    /// A string's text between its quotes, as written (escapes not read).
    #[inline]
    pub(crate) fn string_bytes(self) -> Option<&'a [u8]> {
        self.bytes.strip_prefix(b"\"")?.strip_suffix(b"\"")
    }

    /// The number, if the value is a non-negative integer written without fraction or exponent
    /// that fits a `u64`.
    ///
    /// ```
    /// use error_contract::json::JsonDocument;
    ///
    /// let number = |text: &[u8]| JsonDocument::parse(text).unwrap().root().as_u64();
    /// assert_eq!(number(b"3001"), Some(3001));
    /// assert_eq!(number(b"3001.0"), None);
    /// assert_eq!(number(b"-1"), None);
    /// assert_eq!(number(b"18446744073709551616"), None);
    /// ```
    #[must_use]
    pub fn as_u64(self) -> Option<u64> {
        let bytes = self.bytes;
        if bytes.is_empty() {
            return None;
        }
        let mut n: u64 = 0;
        // Nineteen digits always fit: no overflow to check.
        if bytes.len() < 20 {
            for &b in bytes {
                let digit = b.wrapping_sub(b'0');
                if digit > 9 {
                    return None;
                }
                n = n * 10 + u64::from(digit);
            }
            return Some(n);
        }
        for &b in bytes {
            if !b.is_ascii_digit() {
                return None;
            }
            n = n.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        }
        Some(n)
    }

    /// Whether the value is `null`.
    ///
    /// ```
    /// use error_contract::json::JsonDocument;
    ///
    /// assert!(JsonDocument::parse(b" null ").unwrap().root().is_null());
    /// ```
    #[must_use]
    pub fn is_null(self) -> bool {
        self.bytes == b"null"
    }

    /// Deserializes the value into a `T`.
    ///
    /// # Errors
    ///
    /// When the value is not a `T`.
    ///
    /// ```
    /// use error_contract::json::JsonDocument;
    ///
    /// let doc = JsonDocument::parse(br#"{"ids":[1,2]}"#).unwrap();
    /// let ids: Vec<u32> = doc.root().as_object().unwrap().get("ids").unwrap().deserialize().unwrap();
    /// assert_eq!(ids, [1, 2]);
    ///
    /// // A string without escapes is borrowed.
    /// let doc = JsonDocument::parse(br#"{"name":"teapot"}"#).unwrap();
    /// let name: &str = doc.root().as_object().unwrap().get("name").unwrap().deserialize().unwrap();
    /// assert_eq!(name, "teapot");
    /// ```
    pub fn deserialize<T: Deserialize<'a>>(self) -> Result<T, serde_json::Error> {
        T::deserialize(self)
    }

    /// Hands the value to `serde_json`'s own deserializer, for what is not read here.
    fn delegate<V: Visitor<'a>>(
        self,
        read: impl FnOnce(
            &mut serde_json::Deserializer<serde_json::de::SliceRead<'a>>,
            V,
        ) -> Result<V::Value, serde_json::Error>,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_slice(self.bytes);
        let value = read(&mut de, visitor)?;
        de.end()?;
        Ok(value)
    }

    /// The value as a `serde_json::Value`.
    ///
    /// ```
    /// use error_contract::json::JsonDocument;
    ///
    /// let doc = JsonDocument::parse(br#"{"limit":10}"#).unwrap();
    /// assert_eq!(doc.root().to_value(), serde_json::json!({"limit": 10}));
    /// ```
    #[must_use]
    pub fn to_value(self) -> serde_json::Value {
        serde_json::from_slice(self.bytes).unwrap_or(serde_json::Value::Null)
    }
}

impl<'a> JsonObject<'a> {
    /// The value of the last member named `key` (keys compared after unescaping), as
    /// `serde_json` keeps the last of a repeated key.
    ///
    /// See [`JsonObject`] for an example.
    #[must_use]
    pub fn get(self, key: &str) -> Option<JsonValue<'a>> {
        match Children::of(self.value) {
            // The last of a repeated key: the first found from the end.
            Children::Noted {
                notes,
                all,
                container,
                depth,
            } => all
                .iter()
                .rev()
                .find(|note| note.container == container && notes.key_is(note, key))
                .map(|note| notes.value(note, depth)),
            walked @ Children::Walked { .. } => (Members { children: walked })
                .filter(|member| member.key_is(key))
                .last()
                .map(|member| member.value),
        }
    }

    /// The values of the last members named each of `keys` (a `None` key finds nothing), in
    /// one pass.
    #[inline]
    pub(crate) fn find<const N: usize>(
        self,
        keys: [Option<&str>; N],
    ) -> [Option<JsonValue<'a>>; N] {
        let mut found = [None; N];
        self.find_with(&keys, |key| *key, &mut found);
        found
    }

    /// The one pass of `find`: the key's length compared first, and a value
    /// made only for the notes found.
    #[inline]
    fn find_with<K>(
        self,
        keys: &[K],
        key_of: impl Fn(&K) -> Option<&str>,
        found: &mut [Option<JsonValue<'a>>],
    ) {
        match Children::of(self.value) {
            Children::Noted {
                notes,
                all,
                container,
                depth,
            } => {
                for note in all {
                    if note.container != container {
                        continue;
                    }
                    let len = note.key_end.wrapping_sub(note.key_start) as usize;
                    for (key, place) in keys.iter().zip(found.iter_mut()) {
                        let Some(key) = key_of(key) else {
                            continue;
                        };
                        let same = if note.escaped {
                            notes
                                .bytes
                                .get(note.key_start as usize..note.key_end as usize)
                                .is_some_and(|raw| escaped_key_is(raw, key))
                        } else {
                            key.len() == len && notes.key_bytes_are(note, key.as_bytes())
                        };
                        if same {
                            *place = Some(notes.value(note, depth));
                        }
                    }
                }
            }
            walked @ Children::Walked { .. } => {
                for member in (Members { children: walked }) {
                    for (key, place) in keys.iter().zip(found.iter_mut()) {
                        if key_of(key).is_some_and(|key| member.key_is(key)) {
                            *place = Some(member.value);
                        }
                    }
                }
            }
        }
    }

    /// The members in order, keys as written.
    #[inline]
    pub(crate) fn constants(self) -> Members<'a> {
        Members {
            children: Children::of(self.value),
        }
    }

    /// Whether a member is named `key`.
    ///
    /// ```
    /// use error_contract::json::JsonDocument;
    ///
    /// let doc = JsonDocument::parse(br#"{"a":null}"#).unwrap();
    /// let object = doc.root().as_object().unwrap();
    /// assert!(object.contains_key("a"));
    /// assert!(!object.contains_key("b"));
    /// ```
    #[must_use]
    pub fn contains_key(self, key: &str) -> bool {
        self.constants().any(|member| member.key_is(key))
    }

    /// The members in order, keys unescaped (borrowed when they have no escapes); a repeated key
    /// comes as often as it is written.
    ///
    /// See [`JsonObject`] for an example.
    pub fn iter(self) -> impl Iterator<Item = (Cow<'a, str>, JsonValue<'a>)> {
        self.constants().map(|member| {
            let key = core::str::from_utf8(member.key).unwrap_or_default();
            (unescape(key), member.value)
        })
    }

    /// The object's JSON text.
    ///
    /// ```
    /// use error_contract::json::JsonDocument;
    ///
    /// let doc = JsonDocument::parse(b" { } ").unwrap();
    /// assert_eq!(doc.root().as_object().unwrap().raw(), "{ }");
    /// ```
    #[must_use]
    pub fn raw(self) -> &'a str {
        self.value.raw()
    }
}

impl<'a> JsonArray<'a> {
    /// The first element.
    ///
    /// See [`JsonArray`] for an example.
    #[must_use]
    pub fn first(self) -> Option<JsonValue<'a>> {
        self.iter().next()
    }

    /// The elements in order.
    ///
    /// See [`JsonArray`] for an example.
    pub fn iter(self) -> impl Iterator<Item = JsonValue<'a>> {
        Elements {
            children: Children::of(self.value),
        }
    }
}

/// One member of an object: its key as written between its quotes, and its value.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Constant<'a> {
    pub(crate) key: &'a [u8],
    escaped: bool,
    pub(crate) value: JsonValue<'a>,
}

impl Constant<'_> {
    /// Whether the key is `key`: the bytes as written, unescaped only when they have an escape.
    #[inline]
    pub(crate) fn key_is(&self, key: &str) -> bool {
        if self.escaped {
            return escaped_key_is(self.key, key);
        }
        // Keys are short, shorter than a call to `memcmp`.
        same_bytes(self.key, key.as_bytes())
    }
}

/// The children of a container: from the document's notes, or walked over its checked text.
enum Children<'a> {
    Noted {
        notes: &'a Notes<'a>,
        all: &'a [Note],
        container: u32,
        depth: u32,
    },
    Walked {
        value: JsonValue<'a>,
        /// Past the opening bracket or the `,` before the next child; past the end when done.
        at: usize,
    },
}

impl<'a> Children<'a> {
    #[inline]
    fn of(value: JsonValue<'a>) -> Children<'a> {
        if value.depth as usize <= NOTED_DEPTH {
            if let Some(notes) = value.notes {
                if let (Some(all), Some(container)) = (notes.all(), notes.offset(value.bytes)) {
                    return Children::Noted {
                        notes,
                        all,
                        container,
                        depth: value.depth + 1,
                    };
                }
            }
        }
        Children::Walked { value, at: 1 }
    }

    /// The next child: its key as written (empty in an array), whether that has escapes, and
    /// its value.
    #[inline]
    fn next(&mut self) -> Option<(&'a [u8], bool, JsonValue<'a>)> {
        match self {
            Children::Noted {
                notes,
                all,
                container,
                depth,
            } => {
                // Skipping other containers' notes.
                while let Some((note, rest)) = all.split_first() {
                    *all = rest;
                    if note.container == *container {
                        let key = notes
                            .bytes
                            .get(note.key_start as usize..note.key_end as usize)
                            .unwrap_or_default();
                        return Some((key, note.escaped, notes.value(note, *depth)));
                    }
                }
                None
            }
            Children::Walked { value, at } => Children::walk(*value, at),
        }
    }

    /// The next child of `value` past `at`, walked over the checked text.
    fn walk(value: JsonValue<'a>, at: &mut usize) -> Option<(&'a [u8], bool, JsonValue<'a>)> {
        let bytes = value.bytes;
        let mut start = skip_whitespace(bytes, *at);
        let (mut key, mut escaped) = (&[][..], false);
        if bytes.get(start) == Some(&b'"') && bytes.first() == Some(&b'{') {
            let (key_end, key_escaped) = skip_string(bytes, start);
            key = bytes.get(start + 1..key_end.saturating_sub(1))?;
            escaped = key_escaped;
            // The colon, between whitespace.
            start = skip_whitespace(bytes, skip_whitespace(bytes, key_end) + 1);
        } else if matches!(bytes.get(start), None | Some(b'}' | b']')) {
            *at = bytes.len();
            return None;
        }
        let end = skip_value(bytes, start);
        let after = skip_whitespace(bytes, end);
        *at = if bytes.get(after) == Some(&b',') {
            after + 1
        } else {
            bytes.len()
        };
        let child = JsonValue {
            bytes: bytes.get(start..end)?,
            notes: value.notes,
            depth: value.depth + 1,
            plain: false,
        };
        Some((key, escaped, child))
    }
}

/// The members of an object.
pub(crate) struct Members<'a> {
    children: Children<'a>,
}

impl<'a> Iterator for Members<'a> {
    type Item = Constant<'a>;

    #[inline]
    fn next(&mut self) -> Option<Constant<'a>> {
        let (key, escaped, value) = self.children.next()?;
        Some(Constant {
            key,
            escaped,
            value,
        })
    }
}

/// The elements of an array.
struct Elements<'a> {
    children: Children<'a>,
}

impl<'a> Iterator for Elements<'a> {
    type Item = JsonValue<'a>;

    fn next(&mut self) -> Option<JsonValue<'a>> {
        self.children.next().map(|(_, _, value)| value)
    }
}

/// Past the whitespace at `at`.
#[inline]
fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(at) {
        at += 1;
    }
    at
}

/// Past the string whose opening quote is at `at`, in checked text; and whether it has escapes.
#[inline]
fn skip_string(bytes: &[u8], at: usize) -> (usize, bool) {
    let mut at = at + 1;
    let mut escaped = false;
    loop {
        // To the next quote or backslash, eight bytes at a time.
        while let Some(x) = chunk(bytes, at) {
            let mask = zero_bytes(x ^ QUOTES) | zero_bytes(x ^ BACKSLASHES);
            if mask != 0 {
                at += first_marked(mask);
                break;
            }
            at += 8;
        }
        match bytes.get(at) {
            Some(b'"') => return (at + 1, escaped),
            // An escape: its letter is not the end (a `\u` escape's digits are plain).
            Some(b'\\') => {
                escaped = true;
                at += 2;
            }
            Some(_) => at += 1,
            None => return (bytes.len(), escaped),
        }
    }
}

/// Past the value at `at`, in checked text.
fn skip_value(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(b'"') => skip_string(bytes, at).0,
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut at = at;
            while let Some(&b) = bytes.get(at) {
                match b {
                    b'"' => {
                        at = skip_string(bytes, at).0;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return at + 1;
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
            bytes.len()
        }
        // A number or a literal: up to what ends it.
        _ => {
            let mut at = at;
            while bytes.get(at).is_some_and(|&b| !ENDS[usize::from(b)]) {
                at += 1;
            }
            at
        }
    }
}

/// A value is a `serde` deserializer: strings (borrowed when they have no escapes), numbers,
/// booleans and `null` are read from what the checking pass noted; objects, arrays, negative and
/// fractional numbers and enums go to `serde_json`, so every type reads as `serde_json` reads it.
impl<'a> serde::Deserializer<'a> for JsonValue<'a> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.bytes().first() {
            Some(b'"') => match self.as_str() {
                Some(Cow::Borrowed(text)) => visitor.visit_borrowed_str(text),
                Some(Cow::Owned(text)) => visitor.visit_string(text),
                None => self.delegate(|de, v| serde::Deserializer::deserialize_any(de, v), visitor),
            },
            Some(b't') => visitor.visit_bool(true),
            Some(b'f') => visitor.visit_bool(false),
            Some(b'n') => visitor.visit_unit(),
            Some(b'0'..=b'9') => match self.as_u64() {
                Some(n) => visitor.visit_u64(n),
                None => self.delegate(|de, v| serde::Deserializer::deserialize_any(de, v), visitor),
            },
            _ => self.delegate(|de, v| serde::Deserializer::deserialize_any(de, v), visitor),
        }
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        if self.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        self.delegate(
            |de, v| serde::Deserializer::deserialize_enum(de, name, variants, v),
            visitor,
        )
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

impl core::fmt::Debug for JsonDocument<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.root().raw())
    }
}

impl core::fmt::Debug for JsonValue<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.raw())
    }
}

impl core::fmt::Debug for JsonObject<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.raw())
    }
}

impl core::fmt::Debug for JsonArray<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.value.raw())
    }
}

/// Whether two byte strings of the same length are equal: a word at each end when they are
/// four to eight bytes long (as most keys are), else byte by byte.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let word = |bytes: &[u8], at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    };
    match a.len() {
        4..=8 if a.len() == b.len() => {
            let last = a.len() - 4;
            word(a, 0) == word(b, 0) && word(a, last) == word(b, last)
        }
        _ => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y),
    }
}

/// Whether a key written with escapes is `key`.
#[cold]
fn escaped_key_is(raw: &[u8], key: &str) -> bool {
    core::str::from_utf8(raw).is_ok_and(|raw| unescape(raw) == key)
}

/// A string's content as written between its quotes, unescaped (in checked text, every escape
/// is valid and surrogates are paired).
pub(crate) fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\\') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let high = hex4(&mut chars);
                let code = if (0xD800..0xDC00).contains(&high) {
                    // `\uXXXX` of the low surrogate follows.
                    chars.next();
                    chars.next();
                    let low = hex4(&mut chars);
                    0x1_0000 + ((high - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3ff)
                } else {
                    high
                };
                out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    Cow::Owned(out)
}

fn hex4(chars: &mut std::str::Chars<'_>) -> u32 {
    let mut n = 0;
    for _ in 0..4 {
        n = n * 16 + chars.next().and_then(|c| c.to_digit(16)).unwrap_or(0);
    }
    n
}

/// The one pass: the JSON grammar as `serde_json` reads a `Value`.
struct Parser<'b> {
    bytes: &'b [u8],
    at: usize,
    depth: usize,
    notes: [Note; NOTED],
    len: usize,
}

impl Parser<'_> {
    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline]
    fn whitespace(&mut self) {
        self.at = skip_whitespace(self.bytes, self.at);
    }

    /// An offset: every offset fits, the document's length was checked.
    #[allow(clippy::cast_possible_truncation)]
    #[inline]
    fn offset(&self) -> u32 {
        self.at as u32
    }

    /// Notes a child of the container at `container`, if the container is shallow enough.
    #[inline]
    fn note(&mut self, note: Note) {
        if self.depth <= NOTED_DEPTH {
            if let Some(slot) = self.notes.get_mut(self.len) {
                *slot = note;
            }
            self.len = self.len.saturating_add(1);
        }
    }

    /// A value; whether it is a string with an escape.
    fn value(&mut self) -> Option<bool> {
        match self.peek()? {
            b'{' => self.object().map(|()| false),
            b'[' => self.array().map(|()| false),
            b'"' => self.string(),
            b't' => self.literal(b"true").map(|()| false),
            b'f' => self.literal(b"false").map(|()| false),
            b'n' => self.literal(b"null").map(|()| false),
            b'-' | b'0'..=b'9' => self.number().map(|()| false),
            _ => None,
        }
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        self.at += 1;
        (self.depth <= MAX_DEPTH).then_some(())
    }

    /// An object.
    fn object(&mut self) -> Option<()> {
        let container = self.offset();
        self.enter()?;
        self.whitespace();
        if self.peek()? == b'}' {
            self.at += 1;
            self.depth -= 1;
            return Some(());
        }
        loop {
            if self.peek()? != b'"' {
                return None;
            }
            let key_start = self.offset() + 1;
            let escaped = self.string()?;
            let key_end = self.offset() - 1;
            self.whitespace();
            if self.peek()? != b':' {
                return None;
            }
            self.at += 1;
            self.whitespace();
            let value_start = self.offset();
            let value_escaped = self.value()?;
            self.note(Note {
                container,
                key_start,
                key_end,
                value_start,
                value_end: self.offset(),
                escaped,
                value_escaped,
            });
            if self.after_member(b'}')? {
                return Some(());
            }
        }
    }

    /// After a member of an object or an array: `,` (and the whitespace after it), or `close`,
    /// which ends the container (`true`); anything else is not JSON.
    #[inline]
    fn after_member(&mut self, close: u8) -> Option<bool> {
        self.whitespace();
        match self.peek()? {
            b',' => {
                self.at += 1;
                self.whitespace();
                Some(false)
            }
            byte if byte == close => {
                self.at += 1;
                self.depth -= 1;
                Some(true)
            }
            _ => None,
        }
    }

    /// An array.
    fn array(&mut self) -> Option<()> {
        let container = self.offset();
        self.enter()?;
        self.whitespace();
        if self.peek()? == b']' {
            self.at += 1;
            self.depth -= 1;
            return Some(());
        }
        loop {
            let value_start = self.offset();
            let value_escaped = self.value()?;
            self.note(Note {
                container,
                value_start,
                value_end: self.offset(),
                value_escaped,
                ..Note::default()
            });
            if self.after_member(b']')? {
                return Some(());
            }
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word).then(|| self.at = end)
    }

    /// A string, its opening quote at `at`: no control character, valid escapes, paired
    /// surrogates, UTF-8. Whether it has escapes.
    // Called for every key and every string value: inlined, it costs no call.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn string(&mut self) -> Option<bool> {
        self.at += 1;
        let start = self.at;
        let mut escaped = false;
        // The high bits of the bytes looked at: any set, and the text is checked as UTF-8 at
        // the end (a chunk may reach past the string: then it is checked for nothing).
        let mut high = 0;
        loop {
            let mut at = self.at;
            // Plain ASCII, eight bytes at a time, then a byte at a time through the table.
            let class = loop {
                if let Some(x) = chunk(self.bytes, at) {
                    high |= x;
                    let controls = x.wrapping_sub(SPACES) & !x & HIGHS;
                    let mask = zero_bytes(x ^ QUOTES) | zero_bytes(x ^ BACKSLASHES) | controls;
                    if mask == 0 {
                        at += 8;
                        continue;
                    }
                    at += first_marked(mask);
                }
                let byte = *self.bytes.get(at)?;
                let class = CLASS[usize::from(byte)];
                if class == HIGH {
                    high |= HIGHS;
                } else if class != PLAIN {
                    break class;
                }
                at += 1;
            };
            self.at = at;
            match class {
                QUOTE => {
                    if high & HIGHS != 0 {
                        core::str::from_utf8(self.bytes.get(start..self.at)?).ok()?;
                    }
                    self.at += 1;
                    return Some(escaped);
                }
                BACKSLASH => {
                    self.at += 1;
                    self.escape()?;
                    escaped = true;
                }
                _ => return None,
            }
        }
    }

    /// An escape, `at` past its backslash.
    fn escape(&mut self) -> Option<()> {
        let letter = self.peek()?;
        self.at += 1;
        match letter {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Some(()),
            b'u' => match self.hex4()? {
                0xDC00..=0xDFFF => None,
                0xD800..=0xDBFF => {
                    if self.bytes.get(self.at..self.at + 2)? != b"\\u" {
                        return None;
                    }
                    self.at += 2;
                    let low = self.hex4()?;
                    (0xDC00..=0xDFFF).contains(&low).then_some(())
                }
                _ => Some(()),
            },
            _ => None,
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        let mut n = 0;
        for &b in digits {
            n = n * 16 + char::from(b).to_digit(16)?;
        }
        self.at += 4;
        Some(n)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, in the range of an `f64`.
    fn number(&mut self) -> Option<()> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        let integer_digits = self.at - start;
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !self.peek()?.is_ascii_digit() {
                return None;
            }
            self.digits();
            float = true;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !self.peek()?.is_ascii_digit() {
                return None;
            }
            self.digits();
            float = true;
        }
        // `serde_json` reads a number past `u64`/`i64`, or with a fraction or an exponent, as an
        // `f64`, and refuses one that does not fit.
        if float || integer_digits >= 20 {
            let text = core::str::from_utf8(self.bytes.get(start..self.at)?).ok()?;
            let value: f64 = text.parse().ok()?;
            if !value.is_finite() {
                return None;
            }
        }
        Some(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }
}
