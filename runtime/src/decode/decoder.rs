//! The decoding the derive calls: a type's [`Decoder`] looks a response up in its table and
//! builds the variant of a row with the closure the derive wrote. Reached only through
//! `__private`.

use super::{DecodeError, ReadCode, ResponseHeaders, Unknown};
use crate::catalog::{Table, TableCodes};
use crate::json::{JsonDocument, JsonValue};
use crate::style::Names;
use crate::style::Wire;
use crate::{Body, Catalog, Code, Parts, RetryAfter, Status};
use error_contract_wire::Builtin;

/// A style's reader, as the derive lists them.
pub type Reader = for<'a> fn(JsonValue<'a>) -> Option<Wire<'a>>;

/// Reads a body of a built-in style whose members are named by `names` (the derive binds an
/// enum's names in a closure of its own, a [`Reader`]).
#[must_use]
pub fn read_builtin<'a>(
    style: Builtin,
    json: JsonValue<'a>,
    names: &Names<'static>,
) -> Option<Wire<'a>> {
    crate::style::reader(style)(json, names)
}

/// A field that did not deserialize.
#[derive(Debug, Clone, Copy)]
pub struct Mismatch;

/// A transparent variant's wrapped type: its catalog, and its decoding mapped into the variant.
pub type Wrapped<'a, E> = (
    fn() -> Catalog,
    &'a dyn Fn(u16, &dyn ResponseHeaders, &[u8]) -> Result<E, DecodeError>,
);

/// What the derive's closure builds one variant from: the response's status and headers, and
/// what the style read from its body.
pub struct Decoded<'a> {
    status: Status,
    headers: &'a dyn ResponseHeaders,
    wire: &'a Wire<'a>,
}

impl Decoded<'_> {
    /// An exposed field, read from the body (a missing key reads as `null`, so an `Option`
    /// field is `None`). `Err` when it does not deserialize.
    ///
    /// # Errors
    ///
    /// When the member is missing or of the wrong shape for `T`.
    pub fn field<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<T, Mismatch> {
        match self.wire.field(key) {
            Some(value) => T::deserialize(value).map_err(|_| Mismatch),
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
    pub fn message(&self) -> Option<std::borrow::Cow<'_, str>> {
        self.wire.message()
    }

    /// A run-time `status` field: the response's status.
    pub fn status<T: crate::field_roles::StatusValue>(&self) -> T {
        T::__from_status(self.status)
    }
}

/// A type's decoding, around its table: the derive writes one in its `Decode::decode`.
pub struct Decoder<'a, E> {
    /// The type's table.
    pub table: &'static Table,
    /// The readers of the styles the type uses, its own style first.
    pub readers: &'a [Reader],
    /// Builds the variant at a row; `Err` when its fields do not deserialize.
    pub build: &'a dyn Fn(u32, &Decoded<'_>) -> Result<E, Mismatch>,
    /// Transparent variants: decode with the wrapped type when its catalog has the code.
    pub wrapped: &'a [Wrapped<'a, E>],
    /// The `other` variant.
    pub other: Option<&'a dyn Fn(Unknown) -> E>,
    /// Writes the body of a status-only unknown in the type's style.
    pub fallback_body: fn(&Parts<'_>) -> Body,
    /// The content type of the type's own style, for an unknown error's body.
    pub content_type: &'static str,
}

impl<E> Decoder<'_, E> {
    /// Decodes `status` and `body`.
    ///
    /// # Errors
    ///
    /// See [`Decode::decode`](super::Decode::decode).
    pub fn decode(
        &self,
        status: u16,
        headers: &dyn ResponseHeaders,
        body: &[u8],
    ) -> Result<E, DecodeError> {
        if status < 400 {
            return Err(DecodeError::NotAnError(status));
        }
        // Statuses past 999 are not HTTP statuses; keep them as the nearest error status.
        let status = Status::new(status).unwrap_or(Status::checked(599));
        if let Some(doc) = &JsonDocument::parse(body) {
            for read in self.readers {
                // Borrowed where the reader wrote it: a `Wire` is not small.
                if let Some(wire) = &mut read(doc.root()) {
                    return self.read(status, headers, body, wire, *read);
                }
            }
        }
        self.unknown(status, headers, body, None, None)
    }

    /// Decodes what a style's reader read from the body.
    fn read(
        &self,
        status: Status,
        headers: &dyn ResponseHeaders,
        body: &[u8],
        wire: &mut Wire<'_>,
        reader: Reader,
    ) -> Result<E, DecodeError> {
        // A problem without a `code` member: the code is what follows the type base in `type`.
        if let (Some(base), true) = (self.table.type_base, self.table.member_names.skip_code) {
            let numeric = matches!(self.table.codes, TableCodes::Num(_));
            wire.code_from_type(base, numeric);
        }
        let wire = &*wire;
        let decoded = Decoded {
            status,
            headers,
            wire,
        };
        if let Some(row) = self.exact(wire) {
            if let Ok(value) = (self.build)(row, &decoded) {
                return Ok(value);
            }
            // A known code whose fields do not deserialize: `other`, with the code kept.
            return self.unknown(status, headers, body, Some(wire), Some(reader));
        }
        if let Some(code) = wire.read_code() {
            for (catalog, decode) in self.wrapped {
                if catalog().get(code.as_code()).is_some() {
                    return decode(status.as_u16(), headers, body);
                }
            }
        }
        if let Some(row) = self.parent(wire) {
            if let Ok(value) = (self.build)(row, &decoded) {
                return Ok(value);
            }
        }
        self.unknown(status, headers, body, Some(wire), Some(reader))
    }

    /// The `other` variant (else `Unrecognized`), holding what the response said: a wire read
    /// from a JSON body, or the status alone.
    fn unknown(
        &self,
        status: Status,
        headers: &dyn ResponseHeaders,
        body: &[u8],
        wire: Option<&Wire<'_>>,
        reader: Option<Reader>,
    ) -> Result<E, DecodeError> {
        // A wire was read from JSON, so the body is UTF-8.
        let text = wire.and_then(|_| core::str::from_utf8(body).ok());
        let mut unknown = match (wire, text) {
            (Some(wire), Some(text)) => Unknown {
                status,
                code: wire.read_code().map(ReadCode::to_owned_code),
                message: wire.message().map(|message| Box::from(&*message)),
                fields: std::sync::OnceLock::new(),
                reader,
                body: Box::from(text),
                content_type: self.content_type,
                retry_after: None,
            },
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

    /// The row whose code is the wire's code (a numeric code may come as a string of digits,
    /// and a string code as a number). Without a code (the message style), the row whose
    /// static message is the wire's message.
    fn exact(&self, wire: &Wire<'_>) -> Option<u32> {
        let rows = self.table.names.len();
        let found = match (wire.read_code(), &self.table.codes) {
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
                let message = wire.message()?;
                (0..rows).find(|&row| {
                    !self.table.interpolated[row] && self.table.messages[row] == &*message
                })
            }
        };
        found.and_then(|row| u32::try_from(row).ok())
    }

    /// For a numeric code not listed: the longest decimal prefix that some row names as its
    /// `parent`, and the row with that code.
    fn parent(&self, wire: &Wire<'_>) -> Option<u32> {
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
        match wire.read_code()? {
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
