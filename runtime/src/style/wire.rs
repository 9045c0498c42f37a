//! What a style reads out of a body, borrowed from the bytes.

use crate::Code;
use crate::json::{JsonObject, JsonValue};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// What a style reads out of a body: the code, the message, and the object whose other members
/// are the fields; all borrowed from the body's bytes (a string is copied only when it has
/// escapes).
///
/// Custom styles return one from [`Style::read_body`](crate::Style::read_body).
///
/// ```
/// use error_contract::Code;
/// use error_contract::style::Wire;
/// use error_contract::json::JsonDocument;
///
/// let doc = JsonDocument::parse(br#"{"code":"gone","message":"Gone","id":7}"#).unwrap();
/// let wire = Wire::from_object(doc.root().as_object().unwrap(), Some("code"), "message");
/// assert_eq!(wire.code(), Some(Code::Str("gone")));
/// assert_eq!(wire.message().as_deref(), Some("Gone"));
/// assert_eq!(wire.field("id").unwrap().raw(), "7");
/// ```
#[derive(Debug, Clone)]
pub struct Wire<'a> {
    code: Option<ReadCode<Cow<'a, str>>>,
    /// A string, unescaped only when asked for: a known code does not need it.
    message: Option<JsonValue<'a>>,
    fields: Option<JsonObject<'a>>,
    /// The keys of the code and the message, which are not fields.
    not_fields: [Option<&'a str>; 2],
    /// Members the style writes itself: not an `Unknown`'s fields (a variant may still expose a
    /// key of the same name).
    hidden: &'a [&'a str],
}

/// A code as read: a number that fits a `u32`, or a string, borrowed from the body while it is
/// decoded (`ReadCode<Cow<str>>`) and owned by an `Unknown` that keeps it (`ReadCode<Box<str>>`,
/// the smaller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ReadCode<S> {
    Num(u32),
    Str(S),
}

impl<S: AsRef<str>> ReadCode<S> {
    pub(crate) fn as_code(&self) -> Code<'_> {
        match self {
            ReadCode::Num(n) => Code::Num(*n),
            ReadCode::Str(s) => Code::Str(s.as_ref()),
        }
    }

    /// The code, owned.
    pub(crate) fn to_owned_code(&self) -> ReadCode<Box<str>> {
        match self {
            ReadCode::Num(n) => ReadCode::Num(*n),
            ReadCode::Str(s) => ReadCode::Str(Box::from(s.as_ref())),
        }
    }
}

/// A code member's value: a number that fits a `u32`, or a string; anything else is no code.
fn read_code(value: JsonValue<'_>) -> Option<ReadCode<Cow<'_, str>>> {
    if let Some(n) = value.as_u64() {
        return u32::try_from(n).ok().map(ReadCode::Num);
    }
    value.as_str().map(ReadCode::Str)
}

impl<'a> Wire<'a> {
    /// The parts a style found: the code (a number that fits a `u32`, or a string; else none),
    /// the message (a string; else none), and the object whose members are the fields.
    ///
    /// ```
    /// use error_contract::Code;
    /// use error_contract::style::Wire;
    /// use error_contract::json::JsonDocument;
    ///
    /// let doc = JsonDocument::parse(br#"{"error":"invalid_grant","detail":{"text":"expired"}}"#).unwrap();
    /// let object = doc.root().as_object().unwrap();
    /// let detail = object.get("detail").and_then(|d| d.as_object());
    /// let wire = Wire::new(object.get("error"), detail.and_then(|d| d.get("text")), detail);
    /// assert_eq!(wire.code(), Some(Code::Str("invalid_grant")));
    /// assert_eq!(wire.message().as_deref(), Some("expired"));
    /// ```
    #[must_use]
    pub fn new(
        code: Option<JsonValue<'a>>,
        message: Option<JsonValue<'a>>,
        fields: Option<JsonObject<'a>>,
    ) -> Wire<'a> {
        Wire {
            code: code.and_then(read_code),
            message: message.filter(|m| m.bytes().first() == Some(&b'"')),
            fields,
            not_fields: [None, None],
            hidden: &[],
        }
    }

    /// Reads the parts out of one object, in one pass: `code_key` (a number, or a string) and
    /// `message_key` (a string), the last of each when repeated; the other members are the
    /// fields. Used by the built-in styles.
    ///
    /// See [`Wire`] for an example.
    #[must_use]
    pub fn from_object(
        object: JsonObject<'a>,
        code_key: Option<&'a str>,
        message_key: &'a str,
    ) -> Wire<'a> {
        let (code, message) = Self::read_parts(object, code_key, message_key);
        Wire {
            code,
            message,
            fields: Some(object),
            not_fields: [code_key, Some(message_key)],
            hidden: &[],
        }
    }

    /// The same parts, when the object has a member named `code_key` or `message_key` (else
    /// it is not of the style that reads it; the members' names are compared again only then).
    /// Made where it is returned: a `Wire` is not small.
    pub(crate) fn from_object_with_member(
        object: JsonObject<'a>,
        code_key: Option<&'a str>,
        message_key: &'a str,
    ) -> Option<Wire<'a>> {
        let (code, message) = Self::read_parts(object, code_key, message_key);
        if code.is_none()
            && message.is_none()
            && !code_key.is_some_and(|code| object.contains_key(code))
            && !object.contains_key(message_key)
        {
            return None;
        }
        Some(Wire {
            code,
            message,
            fields: Some(object),
            not_fields: [code_key, Some(message_key)],
            hidden: &[],
        })
    }

    /// The code and the message of [`from_object`](Self::from_object), in one pass.
    #[inline]
    fn read_parts(
        object: JsonObject<'a>,
        code_key: Option<&'a str>,
        message_key: &'a str,
    ) -> (Option<ReadCode<Cow<'a, str>>>, Option<JsonValue<'a>>) {
        // The last of each, as `serde_json` keeps the last of a repeated key.
        let [code, message] = object.find([code_key, Some(message_key)]);
        // One member named as both is the code.
        let message = message.filter(|_| code_key != Some(message_key));
        (
            code.and_then(read_code),
            message.filter(|m| m.bytes().first() == Some(&b'"')),
        )
    }

    /// The same parts, with `keys` left out of an unknown error's fields: the members a style
    /// writes itself besides the code and the message (the problem style's `type`, `title`,
    /// `status`, `instance`).
    ///
    /// ```
    /// use error_contract::style::Wire;
    /// use error_contract::json::JsonDocument;
    ///
    /// let doc = JsonDocument::parse(br#"{"type":"about:blank","detail":"gone"}"#).unwrap();
    /// let wire = Wire::from_object(doc.root().as_object().unwrap(), Some("code"), "detail").hiding(&["type"]);
    /// assert_eq!(wire.message().as_deref(), Some("gone"));
    /// ```
    #[must_use]
    pub fn hiding(mut self, keys: &'a [&'a str]) -> Wire<'a> {
        self.hidden = keys;
        self
    }

    /// The code read, if any.
    ///
    /// See [`Wire`] for an example.
    #[must_use]
    pub fn code(&self) -> Option<Code<'_>> {
        self.code.as_ref().map(ReadCode::as_code)
    }

    /// The message read, if any: borrowed when it has no escapes.
    ///
    /// See [`Wire`] for an example.
    #[must_use]
    pub fn message(&self) -> Option<Cow<'a, str>> {
        self.message.and_then(JsonValue::as_str)
    }

    /// The field named `key` (the last member of that name).
    ///
    /// See [`Wire`] for an example.
    #[must_use]
    pub fn field(&self, key: &str) -> Option<JsonValue<'a>> {
        self.fields?.get(key)
    }

    /// Takes the code from the `type` member when it is `base` followed by a code (a problem
    /// without a `code` member): a number when `numeric`, else the text.
    pub(crate) fn code_from_type(&mut self, base: &str, numeric: bool) {
        if self.code.is_some() {
            return;
        }
        let Some(ty) = self.field("type").and_then(JsonValue::as_str) else {
            return;
        };
        let code = match ty {
            Cow::Borrowed(ty) => ty.strip_prefix(base).map(Cow::Borrowed),
            Cow::Owned(ty) => ty
                .strip_prefix(base)
                .map(|code| Cow::Owned(code.to_owned())),
        };
        self.code = match code {
            Some(code) if numeric => code.parse().ok().map(ReadCode::Num),
            Some(code) if !code.is_empty() => Some(ReadCode::Str(code)),
            _ => None,
        };
    }

    pub(crate) fn read_code(&self) -> Option<&ReadCode<Cow<'a, str>>> {
        self.code.as_ref()
    }

    /// The fields of an unknown error: every member but the code, the message and the hidden
    /// keys, as `serde_json` values (the last of a repeated key).
    pub(crate) fn field_map(&self) -> Map<String, Value> {
        let mut map = Map::new();
        let Some(fields) = self.fields else {
            return map;
        };
        for (key, value) in fields.iter() {
            if self.not_fields.contains(&Some(&*key)) || self.hidden.contains(&&*key) {
                continue;
            }
            map.insert(key.into_owned(), value.to_value());
        }
        map
    }
}
