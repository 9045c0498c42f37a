//! Reading bodies back with `serde_json`: what a style finds in the body of one error
//! ([`Received`]), in one pass over the bytes, borrowing from them.
//!
//! A built-in style's body is read by the plan the wire crate gives it ([`Builtin::envelope`],
//! [`Builtin::list_name`], [`Builtin::passed_over`]): the object of the error is found, then its
//! code, its message, and every other member as a [`RawValue`], which a variant's field is
//! deserialized from once the variant is known.

use crate::Code;
use core::fmt;
use error_contract_wire::{Builtin, Envelope, Names, ReadPlan};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;

/// What a style read out of the body of one error: its code, its message, and its other members
/// (the exposed fields, and what else the body holds), all borrowed from the body's bytes (a
/// string is copied only when it has escapes).
///
/// The built-in styles read one with `serde_json` in one pass; a custom style returns one from
/// [`Style::read_body`](crate::Style::read_body), most simply with [`Received::from_object`].
///
/// ```
/// use error_contract::Code;
/// use error_contract::style::Received;
///
/// let received = Received::from_object(r#"{"code":"gone","message":"Gone","id":7}"#, Some("code"), "message").unwrap();
/// assert_eq!(received.code(), Some(Code::Str("gone")));
/// assert_eq!(received.message(), Some("Gone"));
/// assert_eq!(received.member("id").map(|id| id.get()), Some("7"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Received<'a> {
    code: Option<ReadCode<Cow<'a, str>>>,
    message: Option<Cow<'a, str>>,
    /// The problem's `type`, kept when the code may have to be taken from it.
    type_uri: Option<Cow<'a, str>>,
    /// Every other member, in the body's order (a repeated key is there each time).
    members: Vec<(Cow<'a, str>, &'a RawValue)>,
    /// Whether the body is a problem, whose `instance` is its own member rather than a field:
    /// left out of an unknown error's fields.
    problem: bool,
    /// The error's own text, for one error among several: what an unknown error keeps.
    text: Option<&'a str>,
    /// Whether a field's value did not deserialize into its slot.
    field_failed: bool,
}

/// A code as read: a number that fits a `u32`, or a string, borrowed from the body while it is
/// decoded (`ReadCode<Cow<str>>`), and kept by an `Unknown` that keeps the body.
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
}

/// What a decoding type reads its exposed fields into while a body is read, so that each is
/// deserialized once, in the one pass over the body: the derive writes one per type, with a slot
/// for each key its variants expose with one type. Not public API.
#[doc(hidden)]
pub trait Fields: Default {
    /// Reads the value of the member `key` into its slot ([`Taken`](Slot::Taken)), or says to
    /// keep it as text ([`Keep`](Slot::Keep): a field without a slot) or to pass over it
    /// ([`Skip`](Slot::Skip)).
    ///
    /// # Errors
    ///
    /// When the value does not deserialize into the slot's type.
    fn member<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<Slot, A::Error>;
}

/// What [`Fields::member`] did with a member.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The value is in a slot.
    Taken,
    /// The value is kept as text, among the [`Received`]'s members.
    Keep,
    /// The value is passed over.
    Skip,
}

/// No slot: every member is kept as text (a custom style's read, an unknown error's fields).
impl Fields for () {
    fn member<'de, A: MapAccess<'de>>(&mut self, _: &str, _: &mut A) -> Result<Slot, A::Error> {
        Ok(Slot::Keep)
    }
}

impl<'a> Received<'a> {
    /// Reads a JSON object: the member `code` (a number that fits a `u32`, or a string; else no
    /// code) and the member `message` (a string; else no message), the last of each when
    /// repeated; every other member is kept for the fields. `None` when `json` is not an
    /// object.
    ///
    /// See [`Received`] for an example, and [`Style::read_body`](crate::Style::read_body) for
    /// its use in a custom style.
    #[must_use]
    pub fn from_object(json: &'a str, code: Option<&str>, message: &str) -> Option<Received<'a>> {
        let plan = ReadPlan {
            // The style is not read: only the object's members are.
            style: Builtin::Flat,
            envelope: Envelope::None,
            code,
            message,
            passed_over: &[],
            keep_type: false,
        };
        let mut received = Received::default();
        parse(json.as_bytes(), Object(&plan, &mut received, &mut ()))??;
        Some(received)
    }

    /// The same, with the code's text cut by `cut`, for a format whose code member holds more
    /// than the code (AWS's `"__type":"aws.protocol#ResourceNotFoundException:http://..."`);
    /// a numeric code is left as it is.
    ///
    /// ```
    /// use error_contract::Code;
    /// use error_contract::style::Received;
    ///
    /// let body = r#"{"__type":"aws.dynamodb#ResourceNotFoundException:http://internal.amazon.com/","message":"gone"}"#;
    /// let received = Received::from_object(body, Some("__type"), "message")
    ///     .unwrap()
    ///     .map_code(|code| {
    ///         let name = code.rsplit_once('#').map_or(code, |(_, name)| name);
    ///         name.split_once(':').map_or(name, |(name, _)| name)
    ///     });
    /// assert_eq!(received.code(), Some(Code::Str("ResourceNotFoundException")));
    /// ```
    #[must_use]
    pub fn map_code(mut self, cut: impl FnOnce(&str) -> &str) -> Received<'a> {
        self.code = match self.code {
            Some(ReadCode::Str(Cow::Borrowed(code))) => {
                Some(ReadCode::Str(Cow::Borrowed(cut(code))))
            }
            Some(ReadCode::Str(Cow::Owned(code))) => {
                Some(ReadCode::Str(Cow::Owned(cut(&code).to_owned())))
            }
            other => other,
        };
        self
    }

    /// The code read, if any.
    ///
    /// See [`Received`] for an example.
    #[must_use]
    pub fn code(&self) -> Option<Code<'_>> {
        self.code.as_ref().map(ReadCode::as_code)
    }

    /// The message read, if any.
    ///
    /// See [`Received`] for an example.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The member `key` (the last one, when repeated): its JSON text, for a field to be
    /// deserialized from.
    ///
    /// See [`Received`] for an example.
    #[must_use]
    pub fn member(&self, key: &str) -> Option<&'a RawValue> {
        let found = self.members.iter().rev().find(|(name, _)| name == key);
        found.map(|(_, value)| *value)
    }

    /// Every member but the code and the message, in the body's order.
    ///
    /// ```
    /// use error_contract::style::Received;
    ///
    /// let received = Received::from_object(r#"{"code":1,"a":true,"b":[2]}"#, Some("code"), "message").unwrap();
    /// let members: Vec<(&str, &str)> = received.members().map(|(k, v)| (k, v.get())).collect();
    /// assert_eq!(members, [("a", "true"), ("b", "[2]")]);
    /// ```
    pub fn members(&self) -> impl Iterator<Item = (&str, &'a RawValue)> + '_ {
        self.members.iter().map(|(key, value)| (&**key, *value))
    }

    /// The same, with its own text: one error among several.
    pub(crate) fn with_text(mut self, text: &'a str) -> Received<'a> {
        self.text = Some(text);
        self
    }

    /// The error's own text, when it is one error among several.
    pub(crate) fn text(&self) -> Option<&'a str> {
        self.text
    }

    pub(crate) fn read_code(&self) -> Option<&ReadCode<Cow<'a, str>>> {
        self.code.as_ref()
    }

    pub(crate) fn message_cow(&self) -> Option<&Cow<'a, str>> {
        self.message.as_ref()
    }

    /// The members that are an error's fields: all but the style's own.
    pub(crate) fn fields(&self) -> impl Iterator<Item = (&str, &'a RawValue)> + '_ {
        self.members()
            .filter(|(key, _)| !(self.problem && *key == "instance"))
    }

    /// Takes the code from the problem's `type` when it is `base` followed by a code (a problem
    /// without a `code` member): a number when `numeric`, else the text.
    pub(crate) fn code_from_type(&mut self, base: &str, numeric: bool) {
        if self.code.is_some() {
            return;
        }
        let code = match self.type_uri.take() {
            Some(Cow::Borrowed(uri)) => uri.strip_prefix(base).map(Cow::Borrowed),
            Some(Cow::Owned(uri)) => uri.strip_prefix(base).map(|c| Cow::Owned(c.to_owned())),
            None => None,
        };
        self.code = match code {
            Some(code) if numeric => code.parse().ok().map(ReadCode::Num),
            Some(code) if !code.is_empty() => Some(ReadCode::Str(code)),
            _ => None,
        };
    }
}

/// Reads the body of one error in a built-in style by its plan (made from the decoding type's
/// member names) into `out` and `fields`; `false` when the body is not of the style (not JSON,
/// no envelope, or for `flat` and `message`, an object with neither the code nor the message
/// member).
///
/// A field whose value does not deserialize into its slot stops the pass; the body is then read
/// again keeping every member as text, so that the error is known by its code and the field
/// fails where the variant is built.
#[inline]
pub(crate) fn body<'a, F: Fields>(
    plan: &ReadPlan<'_>,
    body: &'a [u8],
    out: &mut Received<'a>,
    fields: &mut F,
) -> bool {
    if read_body(plan, body, out, fields) {
        return true;
    }
    if !out.field_failed {
        return false;
    }
    *out = Received::default();
    *fields = F::default();
    read_body(plan, body, out, &mut ())
}

#[inline]
fn read_body<'a, F: Fields>(
    plan: &ReadPlan<'_>,
    body: &'a [u8],
    out: &mut Received<'a>,
    fields: &mut F,
) -> bool {
    out.problem = plan.style == Builtin::Problem;
    let seen = match plan.envelope {
        Envelope::None => parse(body, Object(plan, out, fields)),
        Envelope::Object(name) => parse(body, Enveloped(name, false, plan, out, fields)),
        Envelope::Array(name) => parse(body, Enveloped(name, true, plan, out, fields)),
    };
    match seen.flatten() {
        // A `flat` or `message` body is any object: it must have one of the style's members.
        Some(seen) => seen || !matches!(plan.style, Builtin::Flat | Builtin::Message),
        None => false,
    }
}

/// Reads the errors of a body of several in a built-in style, each as the body of one error
/// would give it, with its own text; `None` when the body has no list of objects where the
/// style puts one. The list is read first, each item then: an unknown error keeps its item's
/// text as it came.
pub(crate) fn errors<'a, F: Fields>(
    plan: &ReadPlan<'_>,
    body: &'a [u8],
) -> Option<Vec<(Received<'a>, F)>> {
    let texts = match (plan.envelope, plan.style.list_name()) {
        (Envelope::Array(name), _) => parse(body, Member(name, RawItems))??,
        (Envelope::Object(name), Some(list)) => {
            parse(body, Member(name, Member(list, RawItems)))???
        }
        (_, list) => parse(body, Member(list.unwrap_or("errors"), RawItems))??,
    }?;
    let problem = plan.style == Builtin::Problem;
    texts
        .into_iter()
        .map(|text| {
            let mut slots = F::default();
            match item(plan, problem, text, &mut slots) {
                Some(item) => Some((item, slots)),
                // A field of the wrong type: the item's members as text.
                None => Some((item(plan, problem, text, &mut ())?, F::default())),
            }
        })
        .collect()
}

/// One error among several, read from its text by the plan.
fn item<'a, F: Fields>(
    plan: &ReadPlan<'_>,
    problem: bool,
    text: &'a RawValue,
    fields: &mut F,
) -> Option<Received<'a>> {
    let mut item = Received {
        problem,
        text: Some(text.get()),
        ..Received::default()
    };
    parse(text.get().as_bytes(), Object(plan, &mut item, fields))??;
    Some(item)
}

/// The texts of the items of the member `errors`, a list of anything: the body of several
/// errors that a custom style writes by default.
pub(crate) fn default_errors(body: &str) -> Option<Vec<&RawValue>> {
    parse(body.as_bytes(), Member("errors", RawItems))??
}

/// `text`, one error's object among several, in the envelope of the body of one error.
pub(crate) fn enveloped(style: Builtin, names: &Names<'_>, text: &str) -> String {
    let (before, after) = match style.envelope(names) {
        Envelope::None => return String::from(text),
        Envelope::Object(_) => ("", "}"),
        Envelope::Array(_) => ("[", "]}"),
    };
    let name = style.envelope_name(names).unwrap_or_default();
    let mut body = String::with_capacity(text.len() + name.len() + 8);
    body.push_str("{\"");
    error_contract_wire::escape::escape(name, |bytes| {
        body.push_str(core::str::from_utf8(bytes).unwrap_or_default());
    });
    body.push_str("\":");
    body.push_str(before);
    body.push_str(text);
    body.push_str(after);
    body
}

/// Deserializes `bytes` with `seed`, the whole input (trailing characters are an error); any
/// error is `None`.
#[inline]
fn parse<'a, S: DeserializeSeed<'a>>(bytes: &'a [u8], seed: S) -> Option<S::Value> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = seed.deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(value)
}

/// Implements the visits of the kinds of JSON value named (`bool`, `i64`, `u64`, `f64`, `str`,
/// `unit`) as "not this": the value is consumed and the result is the type's default (`None`).
macro_rules! not_this {
    ($($kind:ident)*) => {
        $(not_this!(@ $kind);)*
    };
    (@bool) => {
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
    (@i64) => {
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
    (@u64) => {
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
    (@f64) => {
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
    (@str) => {
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
    (@unit) => {
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
}

/// Drains the rest of an array.
fn skip_items<'de, A: SeqAccess<'de>>(seq: &mut A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Drains the rest of an object.
fn skip_members<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// An object read by its plan into `.1` and its fields' slots `.2`, with whether it had the
/// code or the message member; `None` for any other value.
struct Object<'p, 'n, 'r, 'f, 'de, F>(&'p ReadPlan<'n>, &'r mut Received<'de>, &'f mut F);

impl<'de, F: Fields> DeserializeSeed<'de> for Object<'_, '_, '_, '_, 'de, F> {
    type Value = Option<bool>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de, F: Fields> Visitor<'de> for Object<'_, '_, '_, '_, 'de, F> {
    type Value = Option<bool>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    not_this!(bool i64 u64 f64 str unit);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        skip_items(&mut seq)?;
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let Object(plan, out, fields) = self;
        let mut seen = false;
        while let Some(key) = map.next_key_seed(Key)? {
            if plan.code == Some(&*key) {
                out.code = map.next_value_seed(CodeValue)?;
                seen = true;
            } else if key == plan.message {
                out.message = map.next_value_seed(Text)?;
                seen = true;
            } else if plan.keep_type && key == "type" {
                out.type_uri = map.next_value_seed(Text)?;
            } else if plan.passed_over.contains(&&*key) {
                map.next_value::<IgnoredAny>()?;
            } else {
                let slot = fields.member(&key, &mut map).inspect_err(|_| {
                    out.field_failed = true;
                })?;
                match slot {
                    Slot::Taken => {}
                    Slot::Keep => {
                        let value: &'de RawValue = map.next_value()?;
                        out.members.push((key, value));
                    }
                    Slot::Skip => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
        }
        Ok(Some(seen))
    }
}

/// The object of an error in an envelope: the member `.0` of the body (the last, when repeated),
/// the object itself or, when `.1`, the first item of that array, read by the plan into `.3`
/// and `.4`.
struct Enveloped<'k, 'p, 'n, 'r, 'f, 'de, F>(
    &'k str,
    bool,
    &'p ReadPlan<'n>,
    &'r mut Received<'de>,
    &'f mut F,
);

impl<'de, F: Fields> DeserializeSeed<'de> for Enveloped<'_, '_, '_, '_, '_, 'de, F> {
    type Value = Option<bool>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de, F: Fields> Visitor<'de> for Enveloped<'_, '_, '_, '_, '_, 'de, F> {
    type Value = Option<bool>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    not_this!(bool i64 u64 f64 str unit);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        skip_items(&mut seq)?;
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let Enveloped(name, array, plan, out, fields) = self;
        let mut found = None;
        while let Some(key) = map.next_key_seed(Key)? {
            if key != name {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            // The last envelope is the one read: what an earlier one held is dropped.
            if found.is_some() {
                *out = Received {
                    problem: out.problem,
                    ..Received::default()
                };
                *fields = F::default();
            }
            found = if array {
                map.next_value_seed(FirstItem(plan, &mut *out, &mut *fields))?
            } else {
                map.next_value_seed(Object(plan, &mut *out, &mut *fields))?
            };
        }
        Ok(found)
    }
}

/// The first item of an array, read by the plan into `.1` and `.2`; `None` for an empty array or
/// another value.
struct FirstItem<'p, 'n, 'r, 'f, 'de, F>(&'p ReadPlan<'n>, &'r mut Received<'de>, &'f mut F);

impl<'de, F: Fields> DeserializeSeed<'de> for FirstItem<'_, '_, '_, '_, 'de, F> {
    type Value = Option<bool>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de, F: Fields> Visitor<'de> for FirstItem<'_, '_, '_, '_, 'de, F> {
    type Value = Option<bool>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    not_this!(bool i64 u64 f64 str unit);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let FirstItem(plan, out, fields) = self;
        let first = seq.next_element_seed(Object(plan, out, fields))?.flatten();
        skip_items(&mut seq)?;
        Ok(first)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        skip_members(&mut map)?;
        Ok(None)
    }
}

/// The value of the member `.0` of an object, read by `.1` (the last, when repeated); `None`
/// when the member is missing or the value is not an object.
#[derive(Clone, Copy)]
struct Member<'k, S>(&'k str, S);

impl<'de, S: DeserializeSeed<'de> + Copy> DeserializeSeed<'de> for Member<'_, S> {
    type Value = Option<S::Value>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de, S: DeserializeSeed<'de> + Copy> Visitor<'de> for Member<'_, S> {
    type Value = Option<S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    not_this!(bool i64 u64 f64 str unit);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        skip_items(&mut seq)?;
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key_seed(Key)? {
            if key == self.0 {
                found = Some(map.next_value_seed(self.1)?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// An array's items as JSON texts; `None` for another value.
#[derive(Clone, Copy)]
struct RawItems;

impl<'de> DeserializeSeed<'de> for RawItems {
    type Value = Option<Vec<&'de RawValue>>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RawItems {
    type Value = Option<Vec<&'de RawValue>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    not_this!(bool i64 u64 f64 str unit);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Some(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        skip_members(&mut map)?;
        Ok(None)
    }
}

/// An object's key, borrowed when it has no escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(text))
    }

    fn visit_str<E>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text.to_owned()))
    }

    fn visit_string<E>(self, text: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text))
    }
}

/// A string, borrowed when it has no escapes; `None` for another value.
struct Text;

impl<'de> DeserializeSeed<'de> for Text {
    type Value = Option<Cow<'de, str>>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Text {
    type Value = Option<Cow<'de, str>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    not_this!(bool i64 u64 f64 unit);

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Borrowed(text)))
    }

    fn visit_str<E>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(text.to_owned())))
    }

    fn visit_string<E>(self, text: String) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(text)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        skip_items(&mut seq)?;
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        skip_members(&mut map)?;
        Ok(None)
    }
}

/// A code: a number that fits a `u32`, or a string; `None` for another value.
struct CodeValue;

impl<'de> DeserializeSeed<'de> for CodeValue {
    type Value = Option<ReadCode<Cow<'de, str>>>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CodeValue {
    type Value = Option<ReadCode<Cow<'de, str>>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    not_this!(bool i64 f64 unit);

    fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
        Ok(u32::try_from(n).ok().map(ReadCode::Num))
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Some(ReadCode::Str(Cow::Borrowed(text))))
    }

    fn visit_str<E>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Some(ReadCode::Str(Cow::Owned(text.to_owned()))))
    }

    fn visit_string<E>(self, text: String) -> Result<Self::Value, E> {
        Ok(Some(ReadCode::Str(Cow::Owned(text))))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        skip_items(&mut seq)?;
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        skip_members(&mut map)?;
        Ok(None)
    }
}
