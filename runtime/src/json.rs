//! The JSON writer that styles write bodies with, and the exposed fields they write.

use crate::{Code, Status};
use core::fmt::{self, Display, Write as _};
use error_contract_wire::ConstantValue;
use std::io;

/// Writes a JSON body, for a [`Style`](crate::Style).
///
/// A body with run-time parts is written through the style into a buffer on the stack, then
/// copied into its one allocation of the exact size; a body larger than that buffer is measured
/// on the way and written a second time into its allocation. So a style must write the same thing
/// each time it is called.
///
/// Strings are escaped as `serde_json` escapes them (`"`, `\`, and control characters), so a
/// body parses as JSON whatever a field or message contains.
///
/// ```
/// use error_contract::{Body, Code, Parts, Status, Style};
/// use error_contract::json::JsonWriter;
///
/// /// `{"status":404,"reason":"entity not found"}`
/// struct Short;
///
/// impl Style for Short {
///     fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
///         out.raw(r#"{"status":"#);
///         out.number(parts.status().as_u16().into());
///         out.raw(r#","reason":"#);
///         out.display(parts.message());
///         out.fields(parts.fields());
///         out.raw("}");
///     }
/// }
///
/// let parts = Parts::new(Status::NOT_FOUND, Code::Num(3001), &"entity not found");
/// let body = Body::build::<Short>(&parts);
/// assert_eq!(&*body, r#"{"status":404,"reason":"entity not found"}"#);
/// ```
pub struct JsonWriter<'a> {
    /// Where the body goes: a buffer on the stack, or the body's allocation at the size the
    /// first pass measured.
    buf: &'a mut [u8],
    /// The number of bytes written: in `buf` as far as it reaches, the rest in `spill`.
    len: usize,
    /// Past the end of `buf`: `None` when the writer only counts there (the first pass), else
    /// what did not fit (in the second pass, a style that wrote more than it did in the first).
    spill: Option<Vec<u8>>,
}

/// The first pass of a body goes to a buffer of this size on the stack: a body that fits is
/// written once and copied into its one allocation; a larger one is measured, then written again.
pub(crate) const STACK: usize = 256;

/// The same for the body of several errors, which is longer: a few errors' body fits, and is
/// written once.
pub(crate) const STACK_ERRORS: usize = 2048;

impl<'a> JsonWriter<'a> {
    /// A writer into `buf`, from its start, that only counts past its end.
    pub(crate) fn counting(buf: &'a mut [u8]) -> JsonWriter<'a> {
        JsonWriter {
            buf,
            len: 0,
            spill: None,
        }
    }

    /// A writer into `buf`, from its start, that keeps what goes past its end.
    pub(crate) fn spilling(buf: &'a mut [u8]) -> JsonWriter<'a> {
        JsonWriter {
            buf,
            len: 0,
            spill: Some(Vec::new()),
        }
    }

    /// What was written, if it all fit.
    pub(crate) fn written(&self) -> Option<&[u8]> {
        self.buf.get(..self.len)
    }

    /// The number of bytes written, and those that did not fit in the buffer (of a spilling
    /// writer).
    pub(crate) fn finish(self) -> (usize, Vec<u8>) {
        (self.len, self.spill.unwrap_or_default())
    }

    /// The number of bytes written so far.
    ///
    /// ```
    /// # use error_contract::{Body, Code, Parts, Status, Style};
    /// # use error_contract::json::JsonWriter;
    /// struct Empty;
    /// impl Style for Empty {
    ///     fn write_body(_: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         assert_eq!(out.len(), 0);
    ///         out.raw("{}");
    ///         assert_eq!(out.len(), 2);
    ///     }
    /// }
    /// # let body = Body::build::<Empty>(&Parts::new(Status::GONE, Code::Num(1), &""));
    /// # assert_eq!(&*body, "{}");
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing has been written yet.
    ///
    /// ```
    /// # use error_contract::{Body, Code, Parts, Status, Style};
    /// # use error_contract::json::JsonWriter;
    /// struct Empty;
    /// impl Style for Empty {
    ///     fn write_body(_: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         assert!(out.is_empty());
    ///         out.raw("{}");
    ///     }
    /// }
    /// # Body::build::<Empty>(&Parts::new(Status::GONE, Code::Num(1), &""));
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes `json` as it is. The caller vouches that it is a valid fragment of JSON.
    ///
    /// See [`JsonWriter`] for an example.
    pub fn raw(&mut self, json: &str) {
        self.bytes(json.as_bytes());
    }

    #[inline]
    fn bytes(&mut self, bytes: &[u8]) {
        let end = self.len + bytes.len();
        match self.buf.get_mut(self.len..end) {
            Some(room) => copy(room, bytes),
            None => self.past_end(bytes),
        }
        self.len = end;
    }

    /// `bytes`, which go past the end of the buffer: counted only, or what fits in the buffer
    /// and the rest spilled.
    #[cold]
    #[inline(never)]
    fn past_end(&mut self, bytes: &[u8]) {
        if let Some(spill) = &mut self.spill {
            let (fits, rest) =
                bytes.split_at(self.buf.len().saturating_sub(self.len).min(bytes.len()));
            if let Some(room) = self.buf.get_mut(self.len..self.len + fits.len()) {
                room.copy_from_slice(fits);
            }
            spill.extend_from_slice(rest);
        }
    }

    fn truncate(&mut self, len: usize) {
        self.len = len;
        if let Some(spill) = &mut self.spill {
            spill.truncate(len.saturating_sub(self.buf.len()));
        }
    }

    /// Writes `text` as a JSON string, quoted and escaped.
    ///
    /// ```
    /// # use error_contract::{Body, Code, Parts, Status, Style};
    /// # use error_contract::json::JsonWriter;
    /// struct Quote;
    /// impl Style for Quote {
    ///     fn write_body(_: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         out.string("say \"hi\"\n");
    ///     }
    /// }
    /// # let body = Body::build::<Quote>(&Parts::new(Status::GONE, Code::Num(1), &""));
    /// # assert_eq!(&*body, r#""say \"hi\"\n""#);
    /// ```
    pub fn string(&mut self, text: &str) {
        self.bytes(b"\"");
        self.escaped(text);
        self.bytes(b"\"");
    }

    /// Writes what `value` displays as a JSON string, quoted and escaped, without an
    /// intermediate `String`.
    ///
    /// Most texts have nothing to escape: the text is written as it is, then looked at, and a
    /// text that has something to escape is displayed a second time, through the escape (so, as
    /// for a [`Style`](crate::Style), `value` must display the same text each time).
    ///
    /// See [`JsonWriter`] for an example.
    pub fn display(&mut self, value: &dyn Display) {
        // Neither writer fails; a `Display` impl that returns an error anyway leaves a shorter
        // (still valid) string.
        let _ = self.display_string(value);
    }

    /// [`JsonWriter::display`], with the error of `value`'s `Display` impl.
    fn display_string(&mut self, value: &dyn Display) -> fmt::Result {
        self.bytes(b"\"");
        let start = self.len();
        let mut result = write!(Unescaped(self), "{value}");
        if !self.plain_since(start) {
            self.truncate(start);
            result = write!(Escaper(self), "{value}");
        }
        self.bytes(b"\"");
        result
    }

    /// Whether what was written from `start` on has nothing to escape; `false` when the buffer
    /// ran out on the way (what is past its end is not kept to be looked at).
    fn plain_since(&self, start: usize) -> bool {
        self.buf
            .get(start..self.len)
            .is_some_and(error_contract_wire::escape::is_plain)
    }

    /// Writes a code: a JSON number for a numeric code, a JSON string for a string code.
    ///
    /// ```
    /// # use error_contract::{Body, Code, Parts, Status, Style};
    /// # use error_contract::json::JsonWriter;
    /// struct JustTheCode;
    /// impl Style for JustTheCode {
    ///     fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         out.code(parts.code());
    ///     }
    /// }
    /// let body = Body::build::<JustTheCode>(&Parts::new(Status::GONE, Code::Str("gone"), &""));
    /// assert_eq!(&*body, r#""gone""#);
    /// ```
    pub fn code(&mut self, code: Code<'_>) {
        match code {
            Code::Num(n) => self.number(n.into()),
            Code::Str(s) => self.string(s),
        }
    }

    /// Writes a JSON number.
    ///
    /// See [`JsonWriter`] for an example.
    pub fn number(&mut self, n: u64) {
        let (digits, start) = decimal(n);
        self.bytes(&digits[start..]);
    }

    /// Writes a status as a JSON number.
    ///
    /// ```
    /// # use error_contract::{Body, Code, Parts, Status, Style};
    /// # use error_contract::json::JsonWriter;
    /// struct JustTheStatus;
    /// impl Style for JustTheStatus {
    ///     fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         out.status(parts.status());
    ///     }
    /// }
    /// let body = Body::build::<JustTheStatus>(&Parts::new(Status::GONE, Code::Num(1), &""));
    /// assert_eq!(&*body, "410");
    /// ```
    pub fn status(&mut self, status: Status) {
        self.number(status.as_u16().into());
    }

    /// Writes each present field as `,"key":value`, in order. A field that is `None` is left
    /// out. A value whose `Serialize` impl fails is written as `null`, so the body stays valid.
    ///
    /// See [`JsonWriter`] for an example.
    pub fn fields(&mut self, fields: &[Field<'_>]) {
        for field in fields {
            self.field(field);
        }
    }

    /// Writes one field as `,"key":value` when it is present, as [`JsonWriter::fields`] writes
    /// each: for a style that places a field where its format wants it (find it with
    /// [`Parts::field`](crate::Parts::field)), then writes the others with
    /// [`JsonWriter::fields_except`].
    ///
    /// ```
    /// use error_contract::json::JsonWriter;
    /// use error_contract::{ApiError, Parts, Style};
    ///
    /// /// Stripe's `{"error":{"code":..,"doc_url":..,"message":..,"param":..,"type":..}}`:
    /// /// `param` between the message and the type, other fields at the end.
    /// struct Stripe;
    ///
    /// impl Style for Stripe {
    ///     fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         out.raw(r#"{"error":{"code":"#);
    ///         out.code(parts.code());
    ///         out.raw(r#","doc_url":"#);
    ///         let code = parts.code();
    ///         out.display(&format_args!("https://stripe.com/docs/error-codes/{code}"));
    ///         out.raw(r#","message":"#);
    ///         out.display(parts.message());
    ///         if let Some(param) = parts.field("param") {
    ///             out.field(param);
    ///         }
    ///         out.raw(r#","type":"invalid_request_error""#);
    ///         out.fields_except(parts.fields(), &["param"]);
    ///         out.raw("}}");
    ///     }
    /// }
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = Stripe, rename_all = "snake_case")]
    /// enum StripeError {
    ///     #[api_error(status = 400, message = "Missing required param: amount.")]
    ///     ParameterMissing {
    ///         #[api_error(expose)]
    ///         param: String,
    ///         #[api_error(expose)]
    ///         request_log_url: Option<String>,
    ///     },
    /// }
    ///
    /// let error = StripeError::ParameterMissing {
    ///     param: "amount".into(),
    ///     request_log_url: Some("https://dashboard.stripe.com/logs/req_1".into()),
    /// };
    /// assert_eq!(
    ///     &*error.body(),
    ///     r#"{"error":{"code":"parameter_missing","doc_url":"https://stripe.com/docs/error-codes/parameter_missing","message":"Missing required param: amount.","param":"amount","type":"invalid_request_error","request_log_url":"https://dashboard.stripe.com/logs/req_1"}}"#
    /// );
    /// ```
    pub fn field(&mut self, field: &Field<'_>) {
        if let Some(value) = field.value {
            if let Some(quoted) = field.quoted {
                self.raw_key(quoted);
            } else {
                self.bytes(b",");
                self.string(field.key);
                self.bytes(b":");
            }
            self.value(value);
        }
    }

    /// Writes one field's value alone, or `null` when it is absent: for a format that puts a
    /// field's value under a key of its own, or as a member's whole value.
    ///
    /// ```
    /// use error_contract::json::{Field, JsonWriter};
    /// use error_contract::{Body, Code, Parts, Status, Style};
    ///
    /// /// `{"message":..,"target":..}`, the target being the field `param`.
    /// struct Target;
    ///
    /// impl Style for Target {
    ///     fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         out.raw(r#"{"message":"#);
    ///         out.display(parts.message());
    ///         out.raw(r#","target":"#);
    ///         match parts.field("param") {
    ///             Some(param) => out.field_value(param),
    ///             None => out.raw("null"),
    ///         }
    ///         out.raw("}");
    ///     }
    /// }
    ///
    /// let param = "amount";
    /// let fields = [Field::new("param", &param)];
    /// let parts = Parts::new(Status::BAD_REQUEST, Code::Num(1), &"missing").with_fields(&fields);
    /// assert_eq!(&*Body::build::<Target>(&parts), r#"{"message":"missing","target":"amount"}"#);
    /// let parts = Parts::new(Status::BAD_REQUEST, Code::Num(1), &"missing");
    /// assert_eq!(&*Body::build::<Target>(&parts), r#"{"message":"missing","target":null}"#);
    /// ```
    pub fn field_value(&mut self, field: &Field<'_>) {
        match field.value {
            Some(value) => self.value(value),
            None => self.bytes(b"null"),
        }
    }

    /// Writes every present field but those whose key is in `placed`, as
    /// [`JsonWriter::fields`] does: the rest, after a style placed some itself.
    ///
    /// See [`JsonWriter::field`] for an example.
    pub fn fields_except(&mut self, fields: &[Field<'_>], placed: &[&str]) {
        for field in fields {
            if !placed.contains(&field.key) {
                self.field(field);
            }
        }
    }

    /// Writes the code's text escaped, inside a string being written.
    pub(crate) fn code_text(&mut self, code: Code<'_>) {
        match code {
            Code::Num(n) => self.number(n.into()),
            Code::Str(s) => self.escaped(s),
        }
    }

    /// Writes a constant member's value (see [`Parts::constants`](crate::Parts::constants)): a
    /// string with its `{code}` replaced by `code`, a number or a bool, as the built-in styles
    /// write it.
    ///
    /// ```
    /// use error_contract::json::JsonWriter;
    /// use error_contract::style::ConstantValue;
    /// use error_contract::{Body, Code, Parts, Status, Style};
    ///
    /// struct Link;
    /// impl Style for Link {
    ///     fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         out.raw(r#"{"help":"#);
    ///         out.constant(ConstantValue::Str("https://example.com/errors/{code}"), parts.code());
    ///         out.raw("}");
    ///     }
    /// }
    /// let body = Body::build::<Link>(&Parts::new(Status::GONE, Code::Str("gone"), &"gone"));
    /// assert_eq!(&*body, r#"{"help":"https://example.com/errors/gone"}"#);
    /// ```
    pub fn constant(&mut self, value: ConstantValue<'_>, code: Code<'_>) {
        struct Out<'w, 'a, 'c> {
            out: &'w mut JsonWriter<'a>,
            code: Code<'c>,
        }
        impl error_contract_wire::Sink for Out<'_, '_, '_> {
            fn raw(&mut self, json: &str) {
                self.out.raw(json);
            }
            fn escaped(&mut self, text: &str) {
                self.out.escaped(text);
            }
            fn code(&mut self) {
                self.out.code(self.code);
            }
            fn code_text(&mut self) {
                self.out.code_text(self.code);
            }
            // A constant's value is made of the code alone.
            fn message(&mut self) {}
            fn status(&mut self) {}
            fn title(&mut self) {}
            fn instance(&mut self) {}
            fn fields(&mut self) {}
        }
        error_contract_wire::write_constant(value, &mut Out { out: self, code });
    }

    /// Writes a value through its `Serialize` impl, as `serde_json` would, or `null` when the impl
    /// fails (for example a map with non-string keys).
    ///
    /// ```
    /// # use error_contract::{Body, Code, Parts, Status, Style};
    /// # use error_contract::json::JsonWriter;
    /// struct List;
    /// impl Style for List {
    ///     fn write_body(_: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         out.value(&vec![1, 2, 3]);
    ///     }
    /// }
    /// let body = Body::build::<List>(&Parts::new(Status::GONE, Code::Num(1), &""));
    /// assert_eq!(&*body, "[1,2,3]");
    /// ```
    pub fn value(&mut self, value: &dyn ToJson) {
        value.write_json(self);
    }

    /// Escapes as `serde_json` does.
    pub(crate) fn escaped(&mut self, text: &str) {
        error_contract_wire::escape::escape(text, |bytes| self.bytes(bytes));
    }

    /// Writes `,` and a key the derive already quoted, escaped and followed by `:`.
    fn raw_key(&mut self, quoted: &str) {
        self.bytes(b",");
        self.bytes(quoted.as_bytes());
    }
}

/// Copies `src` into `dst`, of the same length: a short run (most of what a body is made of: a
/// key, a number, a piece of a message) as two overlapping words or three bytes, without a call.
#[inline]
fn copy(dst: &mut [u8], src: &[u8]) {
    let n = src.len();
    if n != dst.len() || n > 16 {
        dst.copy_from_slice(src);
    } else if n >= 8 {
        dst[..8].copy_from_slice(&src[..8]);
        dst[n - 8..].copy_from_slice(&src[n - 8..]);
    } else if n >= 4 {
        dst[..4].copy_from_slice(&src[..4]);
        dst[n - 4..].copy_from_slice(&src[n - 4..]);
    } else if n > 0 {
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    }
}

/// The decimal digits of `n`: they are `digits[start..]` of the returned `(digits, start)`,
/// written two at a time. `const`, for the compile-time message of the composed-codes check too.
pub(crate) const fn decimal(n: u64) -> ([u8; 20], usize) {
    /// `00`, `01`, ... `99`.
    const PAIRS: [u8; 200] = {
        let mut pairs = [0u8; 200];
        let mut i = 0;
        while i < 100 {
            // Both digits are below 10.
            #[allow(clippy::cast_possible_truncation)]
            let (tens, ones) = ((i / 10) as u8, (i % 10) as u8);
            pairs[2 * i] = b'0' + tens;
            pairs[2 * i + 1] = b'0' + ones;
            i += 1;
        }
        pairs
    };
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut n = n;
    while n >= 10 {
        // `n % 100` is below 100, so the cast keeps every bit.
        #[allow(clippy::cast_possible_truncation)]
        let pair = (n % 100) as usize * 2;
        n /= 100;
        start -= 2;
        digits[start] = PAIRS[pair];
        digits[start + 1] = PAIRS[pair + 1];
    }
    // A last single digit (or the `0` of zero), unless the pairs wrote every digit.
    if n > 0 || start == digits.len() {
        start -= 1;
        // `n` is below 10 here.
        #[allow(clippy::cast_possible_truncation)]
        let digit = n as u8;
        digits[start] = b'0' + digit;
    }
    (digits, start)
}

/// Writes text as it is, for [`JsonWriter::display`], which looks at it afterwards.
struct Unescaped<'w, 'a>(&'w mut JsonWriter<'a>);

impl fmt::Write for Unescaped<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.bytes(s.as_bytes());
        Ok(())
    }
}

struct Escaper<'w, 'a>(&'w mut JsonWriter<'a>);

impl fmt::Write for Escaper<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.escaped(s);
        Ok(())
    }
}

impl io::Write for JsonWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes(buf);
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.bytes(buf);
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A value that can be written into a body: every `T: Serialize` is one.
///
/// This is the object-safe face of `Serialize` that lets [`Field`] hold any field type.
///
/// ```
/// use error_contract::json::{Field, ToJson};
///
/// let id = 7u32;
/// let field = Field::new("id", &id);
/// assert_eq!(field.key(), "id");
/// let _as_object: &dyn ToJson = &"text";
/// ```
pub trait ToJson {
    /// Writes the JSON of `self`.
    fn write_json(&self, out: &mut JsonWriter<'_>);
}

impl<T: serde::Serialize + ?Sized> ToJson for T {
    fn write_json(&self, out: &mut JsonWriter<'_>) {
        let start = out.len();
        // A string, a number other than a float, a bool or a null (most fields) is written here;
        // anything else, by `serde_json`.
        if self.serialize(Scalar(out)).is_ok() {
            return;
        }
        out.truncate(start);
        if serde_json::to_writer(&mut *out, self).is_err() {
            out.truncate(start);
            out.bytes(b"null");
        }
    }
}

/// Writes a value that is one JSON scalar as `serde_json` writes it: a string (escaped by the
/// wire crate's escape, which is `serde_json`'s), an integer up to 64 bits, a bool, a null, or
/// the name of a unit variant; [`NotScalar`] for anything else (floats, 128-bit integers, bytes,
/// sequences, maps, structs), which [`ToJson`] then hands to `serde_json`.
struct Scalar<'w, 'a>(&'w mut JsonWriter<'a>);

/// What [`Scalar`] does not write, or the error a `Serialize` impl raised.
#[derive(Debug)]
struct NotScalar;

impl fmt::Display for NotScalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a JSON scalar")
    }
}

impl std::error::Error for NotScalar {}

impl serde::ser::Error for NotScalar {
    fn custom<T: Display>(_: T) -> NotScalar {
        NotScalar
    }
}

impl Scalar<'_, '_> {
    fn signed(self, n: i64) -> Result<(), NotScalar> {
        if n < 0 {
            self.0.bytes(b"-");
        }
        self.unsigned(n.unsigned_abs())
    }

    // The shape of every `serialize_*`.
    #[allow(clippy::unnecessary_wraps)]
    fn unsigned(self, n: u64) -> Result<(), NotScalar> {
        self.0.number(n);
        Ok(())
    }
}

impl serde::Serializer for Scalar<'_, '_> {
    type Ok = ();
    type Error = NotScalar;
    type SerializeSeq = serde::ser::Impossible<(), NotScalar>;
    type SerializeTuple = serde::ser::Impossible<(), NotScalar>;
    type SerializeTupleStruct = serde::ser::Impossible<(), NotScalar>;
    type SerializeTupleVariant = serde::ser::Impossible<(), NotScalar>;
    type SerializeMap = serde::ser::Impossible<(), NotScalar>;
    type SerializeStruct = serde::ser::Impossible<(), NotScalar>;
    type SerializeStructVariant = serde::ser::Impossible<(), NotScalar>;

    fn serialize_bool(self, v: bool) -> Result<(), NotScalar> {
        self.0.bytes(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), NotScalar> {
        self.signed(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), NotScalar> {
        self.signed(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), NotScalar> {
        self.signed(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), NotScalar> {
        self.signed(v)
    }

    fn serialize_u8(self, v: u8) -> Result<(), NotScalar> {
        self.unsigned(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<(), NotScalar> {
        self.unsigned(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<(), NotScalar> {
        self.unsigned(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<(), NotScalar> {
        self.unsigned(v)
    }

    fn serialize_f32(self, _: f32) -> Result<(), NotScalar> {
        Err(NotScalar)
    }

    fn serialize_f64(self, _: f64) -> Result<(), NotScalar> {
        Err(NotScalar)
    }

    fn serialize_char(self, v: char) -> Result<(), NotScalar> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), NotScalar> {
        self.0.string(v);
        Ok(())
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), NotScalar> {
        Err(NotScalar)
    }

    fn serialize_none(self) -> Result<(), NotScalar> {
        self.serialize_unit()
    }

    fn serialize_some<T: serde::Serialize + ?Sized>(self, value: &T) -> Result<(), NotScalar> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), NotScalar> {
        self.0.bytes(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), NotScalar> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), NotScalar> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), NotScalar> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotScalar> {
        Err(NotScalar)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotScalar> {
        Err(NotScalar)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotScalar> {
        Err(NotScalar)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotScalar> {
        Err(NotScalar)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotScalar> {
        Err(NotScalar)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotScalar> {
        Err(NotScalar)
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotScalar> {
        Err(NotScalar)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotScalar> {
        Err(NotScalar)
    }

    /// As `serde_json` does, without the `String` that serde's default would make; a `Display`
    /// impl that fails is left to `serde_json`.
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), NotScalar> {
        self.0.display_string(&value).map_err(|_| NotScalar)
    }
}

/// An exposed field: its key in the body and its value, or `None` to leave it out.
///
/// ```
/// use error_contract::json::Field;
///
/// let subject = String::from("firstName");
/// let nickname: Option<String> = None;
/// let fields = [Field::new("subject", &subject), Field::optional("nickname", &nickname)];
/// assert!(fields[0].is_present());
/// assert!(!fields[1].is_present());
/// ```
#[derive(Clone, Copy)]
pub struct Field<'a> {
    key: &'a str,
    /// The key as the derive wrote it: quoted, escaped, followed by `:`.
    quoted: Option<&'static str>,
    value: Option<&'a dyn ToJson>,
}

impl<'a> Field<'a> {
    /// A field that is always written.
    ///
    /// See [`Field`] for an example.
    pub fn new<T: serde::Serialize>(key: &'a str, value: &'a T) -> Field<'a> {
        Field {
            key,
            quoted: None,
            value: Some(value),
        }
    }

    /// A field whose key the derive already wrote as JSON (`"key":`).
    pub(crate) fn quoted<T: serde::Serialize>(
        key: &'static str,
        quoted: &'static str,
        value: &'a T,
    ) -> Field<'a> {
        Field {
            key,
            quoted: Some(quoted),
            value: Some(value),
        }
    }

    /// An `Option` field whose key the derive already wrote as JSON.
    pub(crate) fn quoted_optional<T: serde::Serialize>(
        key: &'static str,
        quoted: &'static str,
        value: Option<&'a T>,
    ) -> Field<'a> {
        Field {
            key,
            quoted: Some(quoted),
            value: value.map(|v| v as &dyn ToJson),
        }
    }

    /// A field that is written when it is `Some` and left out when it is `None`.
    ///
    /// See [`Field`] for an example.
    pub fn optional<T: serde::Serialize>(key: &'a str, value: &'a Option<T>) -> Field<'a> {
        Field {
            key,
            quoted: None,
            value: value.as_ref().map(|v| v as &dyn ToJson),
        }
    }

    /// The key.
    ///
    /// See [`ToJson`] for an example.
    #[must_use]
    pub fn key(&self) -> &'a str {
        self.key
    }

    /// Whether the field is written.
    ///
    /// See [`Field`] for an example.
    #[must_use]
    pub fn is_present(&self) -> bool {
        self.value.is_some()
    }
}

impl fmt::Debug for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Field")
            .field("key", &self.key)
            .field("present", &self.value.is_some())
            .finish()
    }
}

#[cfg(test)]
mod tests;
