//! Reading JSON straight from the bytes: one pass checks the whole document as `serde_json`
//! would and notes where each value is (on the stack, for a small document); then a member is
//! found by its key without reading the bytes again, values are borrowed, and only what is asked
//! for is decoded. No tree of values is built.

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

/// The deepest nesting accepted: `serde_json` refuses the 128th level.
const MAX_DEPTH: usize = 127;

/// How many values a document notes on the stack before it moves them to the heap: every value
/// of an error body, as the styles write them.
const INLINE: usize = 10;

/// A JSON document, checked, with where each of its values is; borrowed from its bytes.
///
/// [`parse`](JsonDocument::parse) accepts the documents `serde_json` accepts (strict UTF-8,
/// valid escapes, paired surrogates, numbers in the range of an `f64`, at most 127 levels of
/// nesting) and refuses the others. Reading it then costs no parsing: [`JsonObject::get`] compares
/// keys, [`JsonValue::as_str`] borrows a string without escapes.
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
    bytes: &'a [u8],
    nodes: Nodes,
}

/// One value of a [`JsonDocument`].
///
/// See [`JsonDocument`] for an example.
#[derive(Clone, Copy)]
pub struct JsonValue<'a> {
    doc: &'a JsonDocument<'a>,
    node: u32,
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

/// Where one value is: its bytes, its key (in an object), and the index past the last node of
/// its subtree. Nodes are in document order, so a container's first child is the next node, and a
/// child's next sibling is the node past the child's subtree: nothing is linked after the fact.
#[derive(Clone, Copy, Default)]
struct Node {
    start: u32,
    end: u32,
    key_start: u32,
    key_end: u32,
    last: u32,
    /// `KEY_ESCAPED`, `VALUE_ESCAPED`.
    flags: u8,
}

const KEY_ESCAPED: u8 = 1;
const VALUE_ESCAPED: u8 = 2;

/// The nodes of a document: on the stack while they fit, then on the heap.
struct Nodes {
    inline: [Node; INLINE],
    len: usize,
    heap: Vec<Node>,
}

impl Nodes {
    fn new() -> Nodes {
        Nodes {
            inline: [Node::default(); INLINE],
            len: 0,
            heap: Vec::new(),
        }
    }

    fn as_slice(&self) -> &[Node] {
        if self.heap.is_empty() {
            self.inline.get(..self.len).unwrap_or_default()
        } else {
            &self.heap
        }
    }

    fn get(&self, index: u32) -> Node {
        self.as_slice()
            .get(index as usize)
            .copied()
            .unwrap_or_default()
    }

    fn get_mut(&mut self, index: u32) -> Option<&mut Node> {
        if self.heap.is_empty() {
            self.inline.get_mut(..self.len)?.get_mut(index as usize)
        } else {
            self.heap.get_mut(index as usize)
        }
    }

    /// The index of a node written later.
    #[inline]
    fn reserve(&mut self) -> Option<u32> {
        let index = u32::try_from(self.len).ok()?;
        if self.len >= INLINE {
            if self.heap.is_empty() {
                self.heap.reserve(INLINE * 4);
                self.heap.extend_from_slice(&self.inline);
            }
            self.heap.push(Node::default());
        }
        self.len += 1;
        Some(index)
    }

    #[inline]
    fn set(&mut self, index: u32, node: Node) -> Option<()> {
        *self.get_mut(index)? = node;
        Some(())
    }
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
        let mut doc = JsonDocument {
            bytes,
            nodes: Nodes::new(),
        };
        Parser {
            bytes,
            at: 0,
            depth: 0,
            nodes: &mut doc.nodes,
        }
        .document()?;
        Some(doc)
    }

    /// The document's value.
    ///
    /// See [`JsonDocument`] for an example.
    #[must_use]
    pub fn root(&self) -> JsonValue<'_> {
        JsonValue { doc: self, node: 0 }
    }
}

impl<'a> JsonValue<'a> {
    fn node(self) -> Node {
        self.doc.nodes.get(self.node)
    }

    /// The value's bytes, as they came.
    #[inline]
    pub(crate) fn bytes(self) -> &'a [u8] {
        let node = self.node();
        self.doc
            .bytes
            .get(node.start as usize..node.end as usize)
            .unwrap_or_default()
    }

    /// The value's JSON text, as it came.
    ///
    /// See [`JsonDocument`] for an example.
    #[must_use]
    pub fn raw(self) -> &'a str {
        // Checked: UTF-8.
        core::str::from_utf8(self.bytes()).unwrap_or_default()
    }

    /// The object, if the value is one.
    ///
    /// See [`JsonDocument`] for an example.
    #[must_use]
    pub fn as_object(self) -> Option<JsonObject<'a>> {
        (self.bytes().first() == Some(&b'{')).then_some(JsonObject { value: self })
    }

    /// The array, if the value is one.
    ///
    /// See [`JsonArray`] for an example.
    #[must_use]
    pub fn as_array(self) -> Option<JsonArray<'a>> {
        (self.bytes().first() == Some(&b'[')).then_some(JsonArray { value: self })
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
        let node = self.node();
        let bytes = self.bytes();
        let inner = bytes.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
        let inner = core::str::from_utf8(inner).ok()?;
        Some(if node.flags & VALUE_ESCAPED == 0 {
            Cow::Borrowed(inner)
        } else {
            unescape(inner)
        })
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
        let bytes = self.bytes();
        if bytes.is_empty() {
            return None;
        }
        let mut n: u64 = 0;
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
        self.bytes() == b"null"
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
        let mut de = serde_json::Deserializer::from_slice(self.bytes());
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
        serde_json::from_slice(self.bytes()).unwrap_or(serde_json::Value::Null)
    }

    /// The children of a container, in order.
    fn children(self) -> impl Iterator<Item = (Node, JsonValue<'a>)> {
        let doc = self.doc;
        let end = self.node().last;
        let mut next = self.node + 1;
        core::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let node = doc.nodes.get(next);
            let value = JsonValue { doc, node: next };
            // Past the child's subtree; at least one further, so the walk ends.
            next = node.last.max(next + 1);
            Some((node, value))
        })
    }
}

impl<'a> JsonObject<'a> {
    /// The value of the last member named `key` (keys compared after unescaping), as
    /// `serde_json` keeps the last of a repeated key.
    ///
    /// See [`JsonObject`] for an example.
    #[must_use]
    pub fn get(self, key: &str) -> Option<JsonValue<'a>> {
        let doc = self.value.doc;
        let nodes = doc.nodes.as_slice();
        let mut found = None;
        let end = nodes.get(self.value.node as usize)?.last;
        let mut at = self.value.node + 1;
        while let Some(node) = nodes.get(at as usize).filter(|_| at < end) {
            if self.key_is(node, key) {
                found = Some(JsonValue { doc, node: at });
            }
            at = node.last.max(at + 1);
        }
        found
    }

    /// The last members named `first` and `second` (the code and the message of a
    /// [`Wire`](crate::decode::Wire)), in one pass.
    pub(crate) fn get_two(
        self,
        first: Option<&str>,
        second: &str,
    ) -> (Option<JsonValue<'a>>, Option<JsonValue<'a>>) {
        let doc = self.value.doc;
        let bytes = doc.bytes;
        let nodes = doc.nodes.as_slice();
        let (mut one, mut two) = (None, None);
        let end = nodes
            .get(self.value.node as usize)
            .map_or(0, |node| node.last);
        let mut at = self.value.node + 1;
        while let Some(node) = nodes.get(at as usize).filter(|_| at < end) {
            if first.is_some_and(|first| key_matches(bytes, node, first)) {
                one = Some(JsonValue { doc, node: at });
            } else if key_matches(bytes, node, second) {
                two = Some(JsonValue { doc, node: at });
            }
            at = node.last.max(at + 1);
        }
        (one, two)
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
        self.value
            .children()
            .any(|(node, _)| self.key_is(&node, key))
    }

    /// The members in order, keys unescaped (borrowed when they have no escapes); a repeated key
    /// comes as often as it is written.
    ///
    /// See [`JsonObject`] for an example.
    pub fn iter(self) -> impl Iterator<Item = (Cow<'a, str>, JsonValue<'a>)> {
        self.value
            .children()
            .map(move |(node, value)| (self.key(node), value))
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

    /// The key of a member's node, unescaped.
    fn key(self, node: Node) -> Cow<'a, str> {
        let raw = self.key_bytes(node);
        let raw = core::str::from_utf8(raw).unwrap_or_default();
        if node.flags & KEY_ESCAPED == 0 {
            Cow::Borrowed(raw)
        } else {
            unescape(raw)
        }
    }

    fn key_bytes(self, node: Node) -> &'a [u8] {
        self.value
            .doc
            .bytes
            .get(node.key_start as usize..node.key_end as usize)
            .unwrap_or_default()
    }

    /// Whether a member's key is `key`: the bytes as written, unescaped only when they have an
    /// escape.
    #[inline]
    fn key_is(self, node: &Node, key: &str) -> bool {
        key_matches(self.value.doc.bytes, node, key)
    }
}

impl<'a> JsonArray<'a> {
    /// The first element.
    ///
    /// See [`JsonArray`] for an example.
    #[must_use]
    pub fn first(self) -> Option<JsonValue<'a>> {
        let first = self.value.node + 1;
        (first < self.value.node().last).then_some(JsonValue {
            doc: self.value.doc,
            node: first,
        })
    }

    /// The elements in order.
    ///
    /// See [`JsonArray`] for an example.
    pub fn iter(self) -> impl Iterator<Item = JsonValue<'a>> {
        self.value.children().map(|(_, value)| value)
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

/// Whether the key of `node` (in `bytes`) is `key`: the bytes as written, unescaped only when
/// they have an escape.
#[inline]
fn key_matches(bytes: &[u8], node: &Node, key: &str) -> bool {
    if node.flags & KEY_ESCAPED != 0 {
        return escaped_key_is(bytes, node, key);
    }
    if node.key_end.wrapping_sub(node.key_start) as usize != key.len() {
        return false;
    }
    let Some(raw) = bytes.get(node.key_start as usize..node.key_end as usize) else {
        return false;
    };
    // The first byte tells most keys of one length apart without a call to `memcmp`.
    raw.first() == key.as_bytes().first() && raw == key.as_bytes()
}

#[cold]
fn escaped_key_is(bytes: &[u8], node: &Node, key: &str) -> bool {
    let raw = bytes
        .get(node.key_start as usize..node.key_end as usize)
        .unwrap_or_default();
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

/// The one pass: the JSON grammar as `serde_json` reads a `Value`, noting each value's node.
struct Parser<'b> {
    bytes: &'b [u8],
    at: usize,
    depth: usize,
    nodes: &'b mut Nodes,
}

impl Parser<'_> {
    /// The whole document: one value, whitespace around it.
    fn document(&mut self) -> Option<()> {
        self.whitespace();
        self.value(0, 0, 0)?;
        self.whitespace();
        (self.at == self.bytes.len()).then_some(())
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline]
    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// An offset: every offset fits, the document's length was checked.
    #[allow(clippy::cast_possible_truncation)]
    fn offset(&self) -> u32 {
        self.at as u32
    }

    /// A value and its node (and its children's), with the key it has in its object.
    fn value(&mut self, key_start: u32, key_end: u32, key_flags: u8) -> Option<u32> {
        let index = self.nodes.reserve()?;
        let start = self.offset();
        let mut flags = key_flags;
        match self.peek()? {
            b'{' => self.object()?,
            b'[' => self.array()?,
            b'"' => {
                if self.string()? {
                    flags |= VALUE_ESCAPED;
                }
            }
            b't' => self.literal(b"true")?,
            b'f' => self.literal(b"false")?,
            b'n' => self.literal(b"null")?,
            b'-' | b'0'..=b'9' => self.number()?,
            _ => return None,
        }
        let end = self.offset();
        let last = u32::try_from(self.nodes.len).ok()?;
        self.nodes.set(
            index,
            Node {
                start,
                end,
                key_start,
                key_end,
                last,
                flags,
            },
        )?;
        Some(index)
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        self.at += 1;
        (self.depth <= MAX_DEPTH).then_some(())
    }

    /// An object; its members' nodes follow its own.
    fn object(&mut self) -> Option<()> {
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
            let flags = if escaped { KEY_ESCAPED } else { 0 };
            self.value(key_start, key_end, flags)?;
            self.whitespace();
            match self.peek()? {
                b',' => {
                    self.at += 1;
                    self.whitespace();
                }
                b'}' => {
                    self.at += 1;
                    self.depth -= 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// An array; its elements' nodes follow its own.
    fn array(&mut self) -> Option<()> {
        self.enter()?;
        self.whitespace();
        if self.peek()? == b']' {
            self.at += 1;
            self.depth -= 1;
            return Some(());
        }
        loop {
            self.value(0, 0, 0)?;
            self.whitespace();
            match self.peek()? {
                b',' => {
                    self.at += 1;
                    self.whitespace();
                }
                b']' => {
                    self.at += 1;
                    self.depth -= 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word).then(|| self.at = end)
    }

    /// A string, its opening quote at `at`: no control character, valid escapes, paired
    /// surrogates, UTF-8. Whether it has escapes.
    // Called for every key and every string value: inlined, it costs no call (measured: 3% of
    // a known body's decoding).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn string(&mut self) -> Option<bool> {
        self.at += 1;
        let start = self.at;
        let mut escaped = false;
        let mut ascii = true;
        loop {
            let mut at = self.at;
            // Plain ASCII, a byte at a time through the table.
            let class = loop {
                let class = CLASS[usize::from(*self.bytes.get(at)?)];
                if class != PLAIN {
                    break class;
                }
                at += 1;
            };
            self.at = at;
            match class {
                QUOTE => {
                    if !ascii {
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
                HIGH => {
                    ascii = false;
                    self.at += 1;
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
