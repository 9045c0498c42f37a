//! The decoding the derive calls: a type's [`Decoder`] reads a response with its styles'
//! readers, looks the code up in its table and builds the variant of a row with the closure the
//! derive wrote. Reached only through `__private`.

use super::{DecodeError, Kept, ReadCode, ResponseHeaders, Unknown};
use crate::catalog::{Table, TableCodes};
use crate::json::Field;
use crate::style::read::{self, Fields};
use crate::style::{Names, Received};
use crate::{Body, Catalog, Code, Parts, RetryAfter, Status, Style};
use error_contract_wire::{Builtin, ReadPlan};
use std::borrow::Cow;

/// A style's reader of the body of one error, as the derive lists them: what it reads goes into
/// the `Received` and the fields' slots `F`; `false` when the body is not of the style.
pub type Reader<F> = for<'a> fn(&'a [u8], &mut Received<'a>, &mut F) -> bool;

/// A style's reader of the body of several errors.
pub type ErrorsReader<F> = for<'a> fn(&'a [u8]) -> Option<Vec<(Received<'a>, F)>>;

/// Reads the body of one error in a built-in style by the plan the derive made from the
/// enum's member names (in a closure of its own, a [`Reader`]).
#[inline]
pub fn read_builtin<'a, F: Fields>(
    plan: &ReadPlan<'_>,
    body: &'a [u8],
    out: &mut Received<'a>,
    fields: &mut F,
) -> bool {
    read::body(plan, body, out, fields)
}

/// Reads the body of several errors in a built-in style (an [`ErrorsReader`]).
#[must_use]
pub fn read_builtin_errors<'a, F: Fields>(
    plan: &ReadPlan<'_>,
    body: &'a [u8],
) -> Option<Vec<(Received<'a>, F)>> {
    read::errors(plan, body)
}

/// Reads the body of one error in a custom style: its [`Style::read_body`], when the body is
/// text (a [`Reader`]); the fields stay among the members, as text.
pub fn read_custom<'a, S: Style + ?Sized, F>(
    body: &'a [u8],
    out: &mut Received<'a>,
    _: &mut F,
) -> bool {
    let read = core::str::from_utf8(body).ok().and_then(S::read_body);
    read.map(|received| *out = received).is_some()
}

/// Reads the body of several errors in a custom style: its [`Style::read_errors`].
#[must_use]
pub fn read_custom_errors<'a, S: Style + ?Sized, F: Default>(
    body: &'a [u8],
    names: &Names<'static>,
) -> Option<Vec<(Received<'a>, F)>> {
    let items = S::read_errors(core::str::from_utf8(body).ok()?, names)?;
    Some(items.into_iter().map(|item| (item, F::default())).collect())
}

/// An exposed field with a slot: the value its slot took while the body was read, else the
/// member's text deserialized by `seed` (a body read again), else as `null` when missing.
///
/// # Errors
///
/// When the member does not deserialize.
pub fn field<T, S: for<'de> serde::de::DeserializeSeed<'de, Value = T>>(
    slot: Option<T>,
    decoded: &Decoded<'_>,
    key: &str,
    seed: S,
) -> Result<T, Mismatch> {
    if let Some(value) = slot {
        return Ok(value);
    }
    let read = match decoded.received.member(key) {
        Some(value) => {
            let mut de = serde_json::Deserializer::from_str(value.get());
            seed.deserialize(&mut de)
                .and_then(|value| de.end().map(|()| value))
        }
        // Missing: as `null`.
        None => seed.deserialize(serde::de::value::UnitDeserializer::<serde_json::Error>::new()),
    };
    read.map_err(|_| Mismatch)
}

/// A field that did not deserialize.
#[derive(Debug, Clone, Copy)]
pub struct Mismatch;

/// A transparent variant's wrapped type: its catalog, and its decoding, of a body and of what
/// was read of one error among several, mapped into the variant.
pub type Wrapped<'a, E> = (
    fn() -> Catalog,
    &'a dyn Fn(u16, &dyn ResponseHeaders, &[u8]) -> Result<E, DecodeError>,
    &'a dyn Fn(u16, &dyn ResponseHeaders, &Received<'_>) -> Result<E, DecodeError>,
);

/// What the derive's closure builds one variant from: the response's status and headers, and
/// what the style read from its body.
pub struct Decoded<'a> {
    status: Status,
    headers: &'a dyn ResponseHeaders,
    received: &'a Received<'a>,
}

impl Decoded<'_> {
    /// An exposed field, read from the body (a missing key reads as `null`, so an `Option`
    /// field is `None`). `Err` when it does not deserialize.
    ///
    /// # Errors
    ///
    /// When the member is missing or of the wrong shape for `T`.
    pub fn field<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<T, Mismatch> {
        match self.received.member(key) {
            Some(value) => serde_json::from_str(value.get()).map_err(|_| Mismatch),
            // Missing: as `null`.
            None => T::deserialize(serde::de::value::UnitDeserializer::<serde_json::Error>::new())
                .map_err(|_| Mismatch),
        }
    }

    /// A `header` field: the header's value parsed, or `None` when it is missing or does not
    /// parse.
    pub fn header<T: crate::field_roles::HeaderField>(&self, name: &str) -> Option<T> {
        T::__from_header(self.headers.header(name)?)
    }

    /// The message the style read from the body, if any: for a `message` field.
    pub fn message(&self) -> Option<Cow<'_, str>> {
        self.received.message_cow().cloned()
    }

    /// A run-time `status` field: the response's status.
    pub fn status<T: crate::field_roles::StatusValue>(&self) -> T {
        T::__from_status(self.status)
    }
}

/// A type's decoding, around its table: the derive writes one in its `Decode` impl, with `F`
/// the slots of its exposed fields.
pub struct Decoder<'a, E, F> {
    /// The type's table.
    pub table: &'static Table,
    /// The readers of the styles the type uses, its own style first: each with the slots, and
    /// without (every member kept as text, for an unknown error).
    pub readers: &'a [(Reader<F>, Reader<()>)],
    /// The reader of a body of several errors in the type's own style.
    pub read_errors: ErrorsReader<F>,
    /// The type's own style, when it is a built-in one: an unknown error among several is put
    /// back in its envelope.
    pub style: Option<Builtin>,
    /// Builds the variant at a row from what was read and the slots; `Err` when its fields do
    /// not deserialize.
    pub build: &'a dyn Fn(u32, &Decoded<'_>, &mut F) -> Result<E, Mismatch>,
    /// Transparent variants: decode with the wrapped type when its catalog has the code.
    pub wrapped: &'a [Wrapped<'a, E>],
    /// The `other` variant.
    pub other: Option<&'a dyn Fn(Unknown) -> E>,
    /// Writes the body of an unknown error that is not the body received (a status alone, or one
    /// error of several) in the type's own style.
    pub fallback_body: fn(&Parts<'_>) -> Body,
    /// The content type of the type's own style, for an unknown error's body.
    pub content_type: &'static str,
}

/// Where what was read comes from: a body of one error (kept whole by an unknown error), or one
/// error of several.
#[derive(Clone, Copy)]
enum Source<'b> {
    Body(&'b [u8], Reader<()>),
    Item,
}

impl<E, F: Fields> Decoder<'_, E, F> {
    /// Decodes `status` and `body`.
    ///
    /// # Errors
    ///
    /// See [`Decode::decode`](super::Decode::decode).
    #[inline]
    pub fn decode(
        &self,
        status: u16,
        headers: &dyn ResponseHeaders,
        body: &[u8],
    ) -> Result<E, DecodeError> {
        if status < 400 {
            return Err(DecodeError::NotAnError(status));
        }
        let status = Self::status(status);
        let received = &mut Received::default();
        let fields = &mut F::default();
        for &(read, raw) in self.readers {
            if read(body, received, fields) {
                return self.read(status, headers, received, fields, Source::Body(body, raw));
            }
            // What a reader of another style left.
            *received = Received::default();
            *fields = F::default();
        }
        self.unknown(status, headers, None, None)
    }

    /// Decodes a body of several errors in the type's own style into each of them; `None` when
    /// the body is not one.
    ///
    /// # Errors
    ///
    /// The first error that does not decode, as [`Decoder::decode`].
    pub fn decode_errors(
        &self,
        status: u16,
        headers: &dyn ResponseHeaders,
        body: &[u8],
    ) -> Option<Result<Vec<E>, DecodeError>> {
        if status < 400 {
            return Some(Err(DecodeError::NotAnError(status)));
        }
        let status = Self::status(status);
        let mut items = (self.read_errors)(body).filter(|items| !items.is_empty())?;
        Some(
            items
                .iter_mut()
                .map(|(received, fields)| {
                    self.read(status, headers, received, fields, Source::Item)
                })
                .collect(),
        )
    }

    /// Decodes what was read of one error among several.
    ///
    /// # Errors
    ///
    /// As [`Decoder::decode`].
    pub fn decode_received(
        &self,
        status: u16,
        headers: &dyn ResponseHeaders,
        received: &Received<'_>,
    ) -> Result<E, DecodeError> {
        if status < 400 {
            return Err(DecodeError::NotAnError(status));
        }
        let received = &mut received.clone();
        let fields = &mut F::default();
        self.read(
            Self::status(status),
            headers,
            received,
            fields,
            Source::Item,
        )
    }

    /// Statuses past 999 are not HTTP statuses; they are kept as the nearest error status.
    #[inline]
    fn status(status: u16) -> Status {
        Status::new(status).unwrap_or(Status::checked(599))
    }

    /// Decodes what a style's reader read.
    #[inline]
    fn read(
        &self,
        status: Status,
        headers: &dyn ResponseHeaders,
        received: &mut Received<'_>,
        fields: &mut F,
        source: Source<'_>,
    ) -> Result<E, DecodeError> {
        // A problem without a `code` member: the code is what follows the type base in `type`.
        if let (Some(base), true) = (self.table.type_base, self.table.member_names.skip_code) {
            let numeric = matches!(self.table.codes, TableCodes::Num(_));
            received.code_from_type(base, numeric);
        }
        let received = &*received;
        let decoded = Decoded {
            status,
            headers,
            received,
        };
        if let Some(row) = self.exact(received) {
            if let Ok(value) = (self.build)(row, &decoded, fields) {
                return Ok(value);
            }
            // A known code whose fields do not deserialize: `other`, with the code kept.
            return self.unknown(status, headers, Some(received), Some(source));
        }
        if let Some(code) = received.read_code() {
            for (catalog, decode, decode_received) in self.wrapped {
                if catalog().get(code.as_code()).is_some() {
                    return match source {
                        Source::Body(body, _) => decode(status.as_u16(), headers, body),
                        Source::Item => decode_received(status.as_u16(), headers, received),
                    };
                }
            }
        }
        if let Some(row) = self.parent(received) {
            if let Ok(value) = (self.build)(row, &decoded, fields) {
                return Ok(value);
            }
        }
        // A body of several errors of different codes has no code of its own (one whose
        // errors share a code has that code, and it was not known above): only then is it read
        // again for its first error.
        if let (Source::Body(body, _), None) = (source, received.code()) {
            if let Some(first) = self.first_of_several(status, headers, body) {
                return Ok(first);
            }
        }
        self.unknown(status, headers, Some(received), Some(source))
    }

    /// A body of several errors, asked for as one: its first error, when the type knows its
    /// code. Otherwise the unknown error keeps the whole body, from which `Errors<E>` decodes
    /// every error.
    #[cold]
    fn first_of_several(
        &self,
        status: Status,
        headers: &dyn ResponseHeaders,
        body: &[u8],
    ) -> Option<E> {
        let mut items = (self.read_errors)(body)?;
        let (received, fields) = items.first_mut()?;
        if let (Some(base), true) = (self.table.type_base, self.table.member_names.skip_code) {
            let numeric = matches!(self.table.codes, TableCodes::Num(_));
            received.code_from_type(base, numeric);
        }
        let decoded = Decoded {
            status,
            headers,
            received,
        };
        let row = self.exact(received).or_else(|| self.parent(received))?;
        (self.build)(row, &decoded, fields).ok()
    }

    /// The `other` variant (else `Unrecognized`), holding what the response said: what was read
    /// of a JSON body, or the status alone.
    fn unknown(
        &self,
        status: Status,
        headers: &dyn ResponseHeaders,
        received: Option<&Received<'_>>,
        source: Option<Source<'_>>,
    ) -> Result<E, DecodeError> {
        let mut unknown = match (received, source) {
            (Some(received), Some(source)) => self.unknown_read(status, received, source),
            _ => Unknown::status_only(
                status,
                self.content_type,
                self.fallback_body,
                &self.table.member_names,
            ),
        };
        // RFC 9110 and 6585: a 503 or a 429 says when to try again.
        if matches!(status.as_u16(), 429 | 503) {
            unknown.retry_after = headers
                .header("Retry-After")
                .and_then(|value| value.parse::<RetryAfter>().ok());
        }
        match self.other {
            Some(other) => Ok(other(unknown)),
            None => Err(DecodeError::Unrecognized(unknown)),
        }
    }

    /// An unknown error of what was read: its body is the body received, or for one error of
    /// several, its members written in the type's own style. A body that is not UTF-8 is not
    /// JSON (RFC 8259), though `serde_json` does not look at the strings it passes over: such an
    /// error is known by its status alone.
    fn unknown_read(&self, status: Status, received: &Received<'_>, source: Source<'_>) -> Unknown {
        // The body's text, and the text the code and the message were read from.
        let (body, read_from, reader) = match source {
            Source::Body(body, reader) => match core::str::from_utf8(body) {
                Ok(text) => (Box::from(text), text, reader),
                Err(_) => {
                    return Unknown::status_only(
                        status,
                        self.content_type,
                        self.fallback_body,
                        &self.table.member_names,
                    );
                }
            },
            Source::Item => {
                let body = match (received.text(), self.style) {
                    (Some(text), Some(style)) => {
                        read::enveloped(style, &self.table.member_names, text)
                    }
                    (Some(text), None) => String::from(text),
                    (None, _) => self.write_item(status, received),
                };
                (body.into_boxed_str(), "", self.own_reader())
            }
        };
        let code = received.read_code().map(|code| match code {
            ReadCode::Num(n) => ReadCode::Num(*n),
            ReadCode::Str(text) => ReadCode::Str(Kept::of(text, read_from)),
        });
        let message = received.message_cow().map(|text| Kept::of(text, read_from));
        Unknown {
            status,
            code,
            message,
            fields: std::sync::OnceLock::new(),
            reader: Some(reader),
            body,
            content_type: self.content_type,
            retry_after: None,
        }
    }

    /// The body of one error among several that came with no text of its own: its members,
    /// written in the type's own style.
    fn write_item(&self, status: Status, received: &Received<'_>) -> String {
        let values: Vec<_> = received.fields().collect();
        let fields: Vec<Field<'_>> = values
            .iter()
            .map(|(key, value)| Field::new(key, value))
            .collect();
        let shown = received
            .message()
            .unwrap_or(status.reason().unwrap_or_default());
        let numeric = Code::Num(u32::from(status.as_u16()));
        let code = received.read_code().map_or(numeric, ReadCode::as_code);
        let parts = Parts::new(status, code, &shown)
            .with_names(&self.table.member_names)
            .with_fields(&fields);
        (self.fallback_body)(&parts).into_string()
    }

    /// The reader of the type's own style, every member kept as text.
    fn own_reader(&self) -> Reader<()> {
        self.readers.first().map_or(no_reader, |&(_, raw)| raw)
    }

    /// The row whose code is the received code (a numeric code may come as a string of digits,
    /// and a string code as a number). Without a code (the message style), the row whose
    /// static message is the received message.
    #[inline]
    fn exact(&self, received: &Received<'_>) -> Option<u32> {
        let rows = self.table.names.len();
        let found = match (received.read_code(), &self.table.codes) {
            (Some(ReadCode::Num(n)), TableCodes::Num(codes)) => codes.iter().position(|c| c == n),
            (Some(ReadCode::Str(s)), TableCodes::Num(codes)) => s
                .parse::<u32>()
                .ok()
                .and_then(|n| codes.iter().position(|c| *c == n)),
            (Some(ReadCode::Str(s)), TableCodes::Str(codes)) => {
                codes.iter().position(|c| *c == &**s)
            }
            (Some(ReadCode::Num(n)), TableCodes::Str(codes)) => {
                let (digits, start) = crate::json::decimal(u64::from(*n));
                let text = core::str::from_utf8(&digits[start..]).ok()?;
                codes.iter().position(|c| *c == text)
            }
            (None, _) => {
                let message = received.message()?;
                (0..rows).find(|&row| {
                    !self.table.interpolated[row] && self.table.messages[row] == message
                })
            }
        };
        found.and_then(|row| u32::try_from(row).ok())
    }

    /// For a numeric code not listed: the longest decimal prefix that some row names as its
    /// `parent`, and the row with that code.
    #[inline]
    fn parent(&self, received: &Received<'_>) -> Option<u32> {
        let TableCodes::Num(codes) = &self.table.codes else {
            return None;
        };
        if self.table.parents.is_empty() {
            return None;
        }
        let row_of_parent = |prefix: u32| {
            let is_parent = self
                .table
                .parents
                .iter()
                .any(|(_, parent)| *parent == Code::Num(prefix));
            if !is_parent {
                return None;
            }
            let row = codes.iter().position(|c| *c == prefix)?;
            u32::try_from(row).ok()
        };
        match received.read_code()? {
            // The prefixes of a number, longest first: 200699 -> 20069, 2006, 200, 20, 2.
            ReadCode::Num(n) => {
                let mut prefix = *n / 10;
                while prefix > 0 {
                    if let Some(row) = row_of_parent(prefix) {
                        return Some(row);
                    }
                    prefix /= 10;
                }
                None
            }
            ReadCode::Str(digits) if digits.bytes().all(|b| b.is_ascii_digit()) => {
                (1..digits.len()).rev().find_map(|len| {
                    let prefix: u32 = digits.get(..len)?.parse().ok()?;
                    row_of_parent(prefix)
                })
            }
            ReadCode::Str(_) => None,
        }
    }
}

/// The reader of a type with no style in use: reads nothing.
fn no_reader<'a>(_: &'a [u8], _: &mut Received<'a>, (): &mut ()) -> bool {
    false
}
