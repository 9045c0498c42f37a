//! Reading JSON straight from the bytes: one pass checks the whole document as `serde_json`
//! would, then values are found by skipping, borrowed from the bytes, and only what is asked for
//! is decoded. No tree is built.

use super::needs_escape;
use serde::de::DeserializeOwned;
use std::borrow::Cow;

/// The deepest nesting accepted: `serde_json` refuses the 128th level.
const MAX_DEPTH: usize = 127;

/// One JSON value, borrowed from the bytes it was read from, checked to be valid JSON.
///
/// [`parse`](JsonValue::parse) checks a whole document (the same documents `serde_json` accepts:
/// strict UTF-8, paired surrogates, numbers in range, at most 127 levels of nesting); then
/// reading is skipping: a member is found without building anything, and decoded only when asked.
///
/// ```
/// use error_contract::json::JsonValue;
///
/// let json = JsonValue::parse(br#"{"error":{"code":"not_found","message":"Not \"here\""}}"#).unwrap();
/// let error = json.as_object().unwrap().get("error").unwrap().as_object().unwrap();
/// assert_eq!(error.get("code").unwrap().as_str().as_deref(), Some("not_found"));
/// assert_eq!(error.get("message").unwrap().as_str().as_deref(), Some("Not \"here\""));
/// assert_eq!(error.get("message").unwrap().raw(), r#""Not \"here\"""#);
///
/// assert!(JsonValue::parse(b"{\"code\":1,}").is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct JsonValue<'a> {
    /// The value's text, checked, without surrounding whitespace.
    text: &'a str,
}

/// A JSON object, borrowed: its members are read by skipping.
///
/// ```
/// use error_contract::json::JsonValue;
///
/// let json = JsonValue::parse(br#"{"code":1,"code":2,"id":7}"#).unwrap();
/// let object = json.as_object().unwrap();
/// // The last of a repeated key counts, as in `serde_json`.
/// assert_eq!(object.get("code").unwrap().as_u64(), Some(2));
/// let keys: Vec<_> = object.iter().map(|(key, _)| key.into_owned()).collect();
/// assert_eq!(keys, ["code", "code", "id"]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct JsonObject<'a> {
    text: &'a str,
}

/// A JSON array, borrowed.
///
/// ```
/// use error_contract::json::JsonValue;
///
/// let json = JsonValue::parse(br#"[{"a":1},2]"#).unwrap();
/// let array = json.as_array().unwrap();
/// assert_eq!(array.first().unwrap().raw(), r#"{"a":1}"#);
/// assert_eq!(array.iter().count(), 2);
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct JsonArray<'a> {
    text: &'a str,
}

impl<'a> JsonValue<'a> {
    /// Checks that `bytes` are one JSON document (whitespace around it allowed) and returns its
    /// value; `None` when they are not JSON as `serde_json` reads it.
    ///
    /// See [`JsonValue`] for an example.
    #[must_use]
    pub fn parse(bytes: &'a [u8]) -> Option<JsonValue<'a>> {
        let text = std::str::from_utf8(bytes).ok()?;
        let mut check = Check {
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
        };
        check.whitespace();
        let start = check.at;
        check.value()?;
        let end = check.at;
        check.whitespace();
        if check.at != text.len() {
            return None;
        }
        Some(JsonValue {
            text: text.get(start..end)?,
        })
    }

    /// The value's JSON text, as it came.
    ///
    /// See [`JsonValue`] for an example.
    #[must_use]
    pub fn raw(self) -> &'a str {
        self.text
    }

    /// The object, if the value is one.
    ///
    /// See [`JsonValue`] for an example.
    #[must_use]
    pub fn as_object(self) -> Option<JsonObject<'a>> {
        self.text
            .starts_with('{')
            .then_some(JsonObject { text: self.text })
    }

    /// The array, if the value is one.
    ///
    /// See [`JsonArray`] for an example.
    #[must_use]
    pub fn as_array(self) -> Option<JsonArray<'a>> {
        self.text
            .starts_with('[')
            .then_some(JsonArray { text: self.text })
    }

    /// The string, if the value is one: borrowed when it has no escapes.
    ///
    /// ```
    /// use error_contract::json::JsonValue;
    /// use std::borrow::Cow;
    ///
    /// let plain = JsonValue::parse(br#""plain""#).unwrap();
    /// assert!(matches!(plain.as_str(), Some(Cow::Borrowed("plain"))));
    /// let escaped = JsonValue::parse(br#""\u00e9\ud83d\ude00""#).unwrap();
    /// assert_eq!(escaped.as_str().as_deref(), Some("é😀"));
    /// assert_eq!(JsonValue::parse(b"7").unwrap().as_str(), None);
    /// ```
    #[must_use]
    pub fn as_str(self) -> Option<Cow<'a, str>> {
        let inner = self.text.strip_prefix('"')?.strip_suffix('"')?;
        Some(unescape(inner))
    }

    /// The number, if the value is a non-negative integer written without fraction or exponent
    /// that fits a `u64`.
    ///
    /// ```
    /// use error_contract::json::JsonValue;
    ///
    /// assert_eq!(JsonValue::parse(b"3001").unwrap().as_u64(), Some(3001));
    /// assert_eq!(JsonValue::parse(b"3001.0").unwrap().as_u64(), None);
    /// assert_eq!(JsonValue::parse(b"-1").unwrap().as_u64(), None);
    /// assert_eq!(JsonValue::parse(b"18446744073709551616").unwrap().as_u64(), None);
    /// ```
    #[must_use]
    pub fn as_u64(self) -> Option<u64> {
        if !self.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.text.parse().ok()
    }

    /// Whether the value is `null`.
    ///
    /// ```
    /// use error_contract::json::JsonValue;
    ///
    /// assert!(JsonValue::parse(b" null ").unwrap().is_null());
    /// ```
    #[must_use]
    pub fn is_null(self) -> bool {
        self.text == "null"
    }

    /// Deserializes the value into a `T`.
    ///
    /// # Errors
    ///
    /// When the value is not a `T`.
    ///
    /// ```
    /// use error_contract::json::JsonValue;
    ///
    /// let json = JsonValue::parse(br#"{"ids":[1,2]}"#).unwrap();
    /// let ids: Vec<u32> = json.as_object().unwrap().get("ids").unwrap().deserialize().unwrap();
    /// assert_eq!(ids, [1, 2]);
    /// ```
    pub fn deserialize<T: DeserializeOwned>(self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.text)
    }

    /// The value as a `serde_json::Value`.
    ///
    /// ```
    /// use error_contract::json::JsonValue;
    ///
    /// let json = JsonValue::parse(br#"{"limit":10}"#).unwrap();
    /// assert_eq!(json.to_value(), serde_json::json!({"limit": 10}));
    /// ```
    #[must_use]
    pub fn to_value(self) -> serde_json::Value {
        serde_json::from_str(self.text).unwrap_or(serde_json::Value::Null)
    }
}

impl<'a> JsonObject<'a> {
    /// The value of the last member named `key` (keys compared after unescaping), as
    /// `serde_json` keeps the last of a repeated key.
    ///
    /// See [`JsonObject`] for an example.
    #[must_use]
    pub fn get(self, key: &str) -> Option<JsonValue<'a>> {
        let mut found = None;
        for (raw, value) in self.raw_members() {
            if key_is(raw, key) {
                found = Some(value);
            }
        }
        found
    }

    /// Whether a member is named `key`.
    ///
    /// ```
    /// use error_contract::json::JsonValue;
    ///
    /// let object = JsonValue::parse(br#"{"a":null}"#).unwrap().as_object().unwrap();
    /// assert!(object.contains_key("a"));
    /// assert!(!object.contains_key("b"));
    /// ```
    #[must_use]
    pub fn contains_key(self, key: &str) -> bool {
        self.raw_members().any(|(raw, _)| key_is(raw, key))
    }

    /// The members in order, keys unescaped (borrowed when they have no escapes); a repeated key
    /// comes as often as it is written.
    ///
    /// See [`JsonObject`] for an example.
    pub fn iter(self) -> impl Iterator<Item = (Cow<'a, str>, JsonValue<'a>)> {
        self.raw_members()
            .map(|(raw, value)| (unescape(raw), value))
    }

    /// The object's JSON text.
    ///
    /// ```
    /// use error_contract::json::JsonValue;
    ///
    /// let object = JsonValue::parse(b" { } ").unwrap().as_object().unwrap();
    /// assert_eq!(object.raw(), "{ }");
    /// ```
    #[must_use]
    pub fn raw(self) -> &'a str {
        self.text
    }

    /// The members with their keys as written between the quotes.
    pub(crate) fn raw_members(self) -> Members<'a> {
        Members {
            text: self.text,
            at: 1,
        }
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
            text: self.text,
            at: 1,
        }
    }
}

impl core::fmt::Debug for JsonValue<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.text)
    }
}

impl core::fmt::Debug for JsonObject<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.text)
    }
}

impl core::fmt::Debug for JsonArray<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.text)
    }
}

/// Whether a key as written between its quotes is `key`.
fn key_is(raw: &str, key: &str) -> bool {
    if raw.len() == key.len() && !raw.contains('\\') {
        raw == key
    } else {
        raw.contains('\\') && unescape(raw) == key
    }
}

/// The members of a checked object: `(key as written, value)`.
pub(crate) struct Members<'a> {
    text: &'a str,
    /// Where the next member (or the closing brace) starts, past `{` or `,`.
    at: usize,
}

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, JsonValue<'a>);

    fn next(&mut self) -> Option<(&'a str, JsonValue<'a>)> {
        let bytes = self.text.as_bytes();
        let at = skip_whitespace(bytes, self.at);
        if bytes.get(at) != Some(&b'"') {
            self.at = bytes.len();
            return None;
        }
        let key_end = skip_string(bytes, at);
        let key = self.text.get(at + 1..key_end.saturating_sub(1))?;
        // `:` and whitespace.
        let colon = skip_whitespace(bytes, key_end);
        let start = skip_whitespace(bytes, colon + 1);
        let end = skip_value(bytes, start);
        let value = JsonValue {
            text: self.text.get(start..end)?,
        };
        // `,` or `}`.
        self.at = skip_whitespace(bytes, end) + 1;
        Some((key, value))
    }
}

/// The elements of a checked array.
struct Elements<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Elements<'a> {
    type Item = JsonValue<'a>;

    fn next(&mut self) -> Option<JsonValue<'a>> {
        let bytes = self.text.as_bytes();
        let start = skip_whitespace(bytes, self.at);
        if matches!(bytes.get(start), None | Some(b']')) {
            self.at = bytes.len();
            return None;
        }
        let end = skip_value(bytes, start);
        self.at = skip_whitespace(bytes, end) + 1;
        Some(JsonValue {
            text: self.text.get(start..end)?,
        })
    }
}

fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// Past the string that starts at `at` (its opening quote), in checked text.
fn skip_string(bytes: &[u8], mut at: usize) -> usize {
    at += 1;
    loop {
        match bytes.get(at) {
            Some(b'"') => return at + 1,
            Some(b'\\') => at += 2,
            Some(_) => at += 1,
            None => return bytes.len(),
        }
    }
}

/// Past the value that starts at `at`, in checked text.
fn skip_value(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(b'"') => skip_string(bytes, at),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut at = at;
            loop {
                match bytes.get(at) {
                    Some(b'"') => {
                        at = skip_string(bytes, at);
                        continue;
                    }
                    Some(b'{' | b'[') => depth += 1,
                    Some(b'}' | b']') => {
                        depth -= 1;
                        if depth == 0 {
                            return at + 1;
                        }
                    }
                    Some(_) => {}
                    None => return bytes.len(),
                }
                at += 1;
            }
        }
        _ => {
            let mut at = at;
            while let Some(b) = bytes.get(at) {
                if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                    break;
                }
                at += 1;
            }
            at
        }
    }
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

/// The one checking pass: the JSON grammar as `serde_json` reads a `Value`.
struct Check<'b> {
    bytes: &'b [u8],
    at: usize,
    depth: usize,
}

impl Check<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn whitespace(&mut self) {
        self.at = skip_whitespace(self.bytes, self.at);
    }

    fn value(&mut self) -> Option<()> {
        match self.peek()? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => self.string(),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        self.at += 1;
        (self.depth <= MAX_DEPTH).then_some(())
    }

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
            self.string()?;
            self.whitespace();
            if self.peek()? != b':' {
                return None;
            }
            self.at += 1;
            self.whitespace();
            self.value()?;
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

    fn array(&mut self) -> Option<()> {
        self.enter()?;
        self.whitespace();
        if self.peek()? == b']' {
            self.at += 1;
            self.depth -= 1;
            return Some(());
        }
        loop {
            self.value()?;
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
    /// surrogates. (The text is UTF-8 already.)
    fn string(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            // Eight plain bytes at a time.
            while let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                if needs_escape(u64::from_le_bytes(word)) {
                    break;
                }
                self.at += 8;
            }
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                b'\\' => {
                    self.at += 1;
                    self.escape()?;
                }
                0..=0x1f => return None,
                _ => self.at += 1,
            }
        }
    }

    /// An escape, `at` past its backslash.
    fn escape(&mut self) -> Option<()> {
        let letter = self.peek()?;
        self.at += 1;
        match letter {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Some(()),
            b'u' => {
                let high = self.hex4()?;
                match high {
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
                }
            }
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
            let text = std::str::from_utf8(self.bytes.get(start..self.at)?).ok()?;
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
