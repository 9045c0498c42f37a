//! What generated code calls. Not public API: no stability promises.

use crate::json::Field;
use core::fmt;
use std::borrow::Cow;
use std::error::Error;

pub use crate::catalog::{Ints, JsonType, Lists, Table, TableCodes, Texts};
pub use crate::codes::assert_unique as assert_unique_codes;
/// `Decode`, for the impl the derive writes on a type without `decode`: a path with the user's
/// span, under a name no user imports.
pub use crate::decode::Decode as DecodeRefused;
pub use crate::decode::decoder::{
    Decoded, Decoder, ErrorsReader, Mismatch, Reader, Wrapped, field as decoded_field,
    read_builtin, read_builtin_errors, read_custom, read_custom_errors,
};
pub use crate::decode::headers::no_headers;
pub use crate::decode::{Decode, DecodeError, ResponseHeaders, Unknown};
pub use crate::field_roles::{HeaderField, StatusValue};
pub use crate::style::read::{Fields, Slot};
pub use crate::style::{Constant, ConstantValue, Names, Received};
pub use crate::{
    ApiError, Body, Catalog, CatalogEntry, Code, CodeSet, Codes, Fact, Failure, FailureKind,
    FromFact, FromFailure, FromViolation, HeaderSource, Headers, Parts, Status, Style, Styled,
    Violation, style,
};
pub use error_contract_wire::{Builtin, Envelope, ReadPlan};
pub use serde;
pub use serde::de::MapAccess;
pub use serde_json;
pub use std::vec::Vec;

/// The field schemas of the catalog, asked for by autoref specialization.
pub mod schema {
    pub use crate::catalog::field_schema::{
        FieldSchema, Probe, Schemars, Untyped, Utoipa, untyped,
    };
}

/// Where a value of a derived type gets its contract: a static entry, or (for a transparent
/// variant) the error it wraps.
#[derive(Clone, Copy)]
pub enum Target<'a> {
    Entry(CatalogEntry),
    Inner(&'a dyn ApiError),
}

/// Implemented by the derive: the one `match` from a value to its [`Target`].
pub trait Dispatch {
    fn __target(&self) -> Target<'_>;
}

/// The entry at `index` of `table`.
#[inline]
pub fn entry(table: &'static Table, index: u32) -> CatalogEntry {
    CatalogEntry::new(table, index)
}

/// `catalog()` of a type without transparent variants: every row of its table.
pub fn catalog(table: &'static Table) -> Catalog {
    let mut catalog = Catalog::new();
    catalog.push_rows(table, 0, table.names.len());
    catalog
}

/// A run of a type's catalog, in declaration order: rows `start..end` of its table, or the
/// catalog of the type a transparent variant wraps.
pub enum CatalogPart {
    Rows(&'static Table, usize, usize),
    Wrapped(Catalog),
}

/// `catalog()` of a type with transparent variants: its parts, in order.
pub fn composed_catalog<const N: usize>(parts: [CatalogPart; N]) -> Catalog {
    let mut catalog = Catalog::new();
    for part in parts {
        match part {
            CatalogPart::Rows(table, start, end) => catalog.push_rows(table, start, end),
            CatalogPart::Wrapped(nested) => catalog.append(nested),
        }
    }
    catalog
}

/// The `Codes::CODES` of a derived type: its table's codes with the variant names, and the code
/// sets of the types its transparent variants wrap.
pub const fn code_set(
    type_name: &'static str,
    names: &'static [&'static str],
    codes: TableCodes,
    nested: &'static [&'static CodeSet],
) -> CodeSet {
    CodeSet::from_table(type_name, names, codes, nested)
}

impl<'a> Target<'a> {
    #[inline]
    pub fn status(self) -> Status {
        match self {
            Target::Entry(entry) => entry.status(),
            Target::Inner(inner) => inner.status(),
        }
    }

    #[inline]
    pub fn code(self) -> Code<'a> {
        match self {
            Target::Entry(entry) => entry.code(),
            Target::Inner(inner) => inner.code(),
        }
    }

    /// `this` displays the message of an interpolated variant.
    #[inline]
    pub fn message(self, this: &dyn fmt::Display) -> Cow<'a, str> {
        match self {
            Target::Entry(entry) if entry.is_interpolated() => {
                // The template's length is about the message's: one allocation, mostly.
                let mut message = String::with_capacity(entry.message().len());
                let _ = fmt::write(&mut message, format_args!("{this}"));
                Cow::Owned(message)
            }
            Target::Entry(entry) => Cow::Borrowed(entry.message()),
            Target::Inner(inner) => inner.message(),
        }
    }

    /// Display of a variant that does not interpolate.
    #[inline]
    pub fn fmt(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Entry(entry) => f.write_str(entry.message()),
            Target::Inner(inner) => fmt::Display::fmt(inner, f),
        }
    }

    /// The body of a variant whose body the macro wrote.
    #[inline]
    pub fn body(self) -> Body {
        match self {
            Target::Entry(entry) => {
                Body::from_static(entry.static_body().unwrap_or("{}"), entry.content_type())
            }
            Target::Inner(inner) => inner.body(),
        }
    }

    /// The parts of a variant without run-time parts, or of the error it wraps.
    #[inline]
    pub fn parts(self, visit: &mut dyn FnMut(&Parts<'_>)) {
        match self {
            Target::Entry(entry) => {
                let message = entry.message();
                visit(&entry.parts(entry.status(), &message));
            }
            Target::Inner(inner) => inner.with_parts(visit),
        }
    }

    #[inline]
    pub fn headers(self) -> Headers {
        match self {
            Target::Entry(_) => Headers::new(),
            Target::Inner(inner) => inner.headers(),
        }
    }
}

/// Builds the body of a variant with run-time parts. `this` is the value: its row comes from
/// `Dispatch`, its `status()` is the (maybe run-time) status, and its `Display` the message when
/// the message interpolates fields or comes from a `message` field (`message_field`).
///
/// Generic, not `&dyn ApiError`: a trait object's vtable would make every user crate compile the
/// enum's `Debug::fmt` and drop glue for nothing; and the row from `Dispatch` keeps the arms of
/// variants with the same shape identical, so the derive merges them.
pub fn body<S: Style + ?Sized, E: ApiError + Dispatch + ?Sized>(
    this: &E,
    message_field: bool,
    fields: &[Field<'_>],
    instance: Option<&Field<'_>>,
) -> Body {
    match this.__target() {
        Target::Entry(entry) => with_entry_parts(
            this,
            entry,
            message_field,
            fields,
            instance,
            Body::build::<S>,
        ),
        Target::Inner(inner) => inner.body(),
    }
}

/// `with_parts` of a variant with run-time parts: as [`body`], handing the parts to `visit`.
pub fn parts<E: ApiError + Dispatch + ?Sized>(
    this: &E,
    message_field: bool,
    fields: &[Field<'_>],
    instance: Option<&Field<'_>>,
    visit: &mut dyn FnMut(&Parts<'_>),
) {
    match this.__target() {
        Target::Entry(entry) => {
            with_entry_parts(this, entry, message_field, fields, instance, visit);
        }
        Target::Inner(inner) => inner.with_parts(visit),
    }
}

/// The body of a variant of a custom style with no run-time part, once written: one per row of
/// the type's table, so that such a body costs one allocation at its first use and none after.
pub struct CachedBody(std::sync::OnceLock<Box<str>>);

impl CachedBody {
    /// An empty cell, for the derive's `static` array.
    #[allow(clippy::new_without_default)]
    #[must_use]
    pub const fn new() -> CachedBody {
        CachedBody(std::sync::OnceLock::new())
    }
}

/// [`body`] of a variant of a custom style with no run-time part: written by the style at the
/// first call, and borrowed from `cache` (indexed by the variant's row) ever after.
pub fn cached_body<S: Style + ?Sized, E: ApiError + Dispatch + ?Sized>(
    this: &E,
    cache: &'static [CachedBody],
) -> Body {
    match this.__target() {
        Target::Entry(entry) => match cache.get(entry.at()) {
            Some(cell) => {
                let json = cell.0.get_or_init(|| {
                    with_entry_parts(this, entry, false, &[], None, Body::build::<S>)
                        .into_string()
                        .into_boxed_str()
                });
                Body::from_static(json, S::CONTENT_TYPE)
            }
            None => with_entry_parts(this, entry, false, &[], None, Body::build::<S>),
        },
        Target::Inner(inner) => inner.body(),
    }
}

/// The parts of `this`, a value of the variant at `entry`, handed to `then`; the message is the
/// value's `Display` when it interpolates or comes from a field (`message_field`).
#[inline]
fn with_entry_parts<E: ApiError + ?Sized, R>(
    this: &E,
    entry: CatalogEntry,
    message_field: bool,
    fields: &[Field<'_>],
    instance: Option<&Field<'_>>,
    then: impl FnOnce(&Parts<'_>) -> R,
) -> R {
    /// `Display` of the value, without drop glue or other vtable entries.
    struct Message<'a, T: ?Sized>(&'a T);

    impl<T: fmt::Display + ?Sized> fmt::Display for Message<'_, T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Display::fmt(self.0, f)
        }
    }

    let static_message: &str = entry.message();
    let interpolated = Message(this);
    let message: &dyn fmt::Display = if message_field || entry.is_interpolated() {
        &interpolated
    } else {
        &static_message
    };
    let parts = entry
        .parts(this.status(), message)
        .with_fields(fields)
        .with_instance(instance);
    then(&parts)
}

/// `message()` of a variant whose `message` field is a string type: borrowed from the field.
#[inline]
pub fn message_str<T: AsRef<str> + ?Sized>(value: &T) -> Cow<'_, str> {
    Cow::Borrowed(value.as_ref())
}

/// `message()` of a variant whose `message` field is an `Option` of a string type: borrowed
/// from the field, or the variant's own message when `None`.
#[inline]
pub fn message_str_opt<'a, T: AsRef<str>>(
    value: Option<&'a T>,
    default: &'static str,
) -> Cow<'a, str> {
    Cow::Borrowed(value.map_or(default, AsRef::as_ref))
}

/// `message()` of a variant whose `message` field is any other type: `this`'s `Display`, which
/// writes the field.
#[inline]
pub fn message_display<T: fmt::Display + ?Sized>(this: &T) -> Cow<'static, str> {
    Cow::Owned(this.to_string())
}

/// `message()` of a variant whose `message` field is an `Option` of any other type: `this`'s
/// `Display` when the field `is_some`, else the variant's own message.
#[inline]
pub fn message_display_opt<T: fmt::Display + ?Sized>(
    is_some: bool,
    this: &T,
    default: &'static str,
) -> Cow<'static, str> {
    if is_some {
        Cow::Owned(this.to_string())
    } else {
        Cow::Borrowed(default)
    }
}

/// `Display` of a variant whose `message` field is an `Option`: the field, or the variant's own
/// message when `None`.
#[inline]
pub fn fmt_message_opt<T: fmt::Display>(
    value: Option<&T>,
    default: &'static str,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    match value {
        Some(value) => fmt::Display::fmt(value, f),
        None => f.write_str(default),
    }
}

/// The type of a `message` field of a type with `decode`, other than a string type: parsed from
/// the message received.
#[diagnostic::on_unimplemented(
    message = "with `decode`, a `message` field is filled with the message received: `{Self}` must implement `FromStr`",
    label = "filled with the message received",
    note = "`String`, `Box<str>`, `Cow<'static, str>`, `Rc<str>` and `Arc<str>` are filled as they are; for a type of your own, implement `FromStr` to parse what its `Display` writes"
)]
pub trait MessageField: Sized {
    fn __from_message(message: &str) -> Option<Self>;
}

impl<T: core::str::FromStr> MessageField for T {
    fn __from_message(message: &str) -> Option<T> {
        message.parse().ok()
    }
}

/// A string type (`String`, `Box<str>`, `Cow<'static, str>`, ...) as a `message` field of a type
/// with `decode`: the message received, as it is.
#[diagnostic::on_unimplemented(
    message = "with `decode`, a `message` field is filled with the message received: `{Self}` must implement `From<String>`",
    label = "filled with the message received"
)]
pub trait MessageText: Sized {
    fn __from_text(message: String) -> Self;
}

impl<T: From<String>> MessageText for T {
    fn __from_text(message: String) -> T {
        T::from(message)
    }
}

/// A decoded `message` field of a string type: the message received, else (a body without one)
/// the variant's own message.
#[inline]
pub fn decoded_text<T: MessageText>(received: Option<Cow<'_, str>>, default: &'static str) -> T {
    T::__from_text(received.map_or_else(|| default.to_owned(), Cow::into_owned))
}

/// A decoded `Option` `message` field of a string type: the message received, if any.
#[inline]
pub fn decoded_text_opt<T: MessageText>(received: Option<Cow<'_, str>>) -> Option<T> {
    received.map(|message| T::__from_text(message.into_owned()))
}

/// A decoded `message` field of another type: the message received parsed, else (a body without
/// one) the variant's own message parsed; a mismatch when it does not parse.
///
/// # Errors
///
/// When the message does not parse.
#[inline]
pub fn decoded_message<T: MessageField>(
    received: Option<&str>,
    default: &'static str,
) -> Result<T, Mismatch> {
    T::__from_message(received.unwrap_or(default)).ok_or(Mismatch)
}

/// A decoded `Option` `message` field of another type: the message received parsed, if any.
///
/// # Errors
///
/// When the message does not parse.
#[inline]
pub fn decoded_message_opt<T: MessageField>(
    received: Option<Cow<'_, str>>,
) -> Result<Option<T>, Mismatch> {
    received
        .map(|message| T::__from_message(&message).ok_or(Mismatch))
        .transpose()
}

/// The type of an exposed field: written into the body with `serde::Serialize`. The derive calls
/// these on the field's type as written (`<T as Exposed>::field`), so that a type without
/// `Serialize` is one error, on that type, in words about `expose`.
#[diagnostic::on_unimplemented(
    message = "the exposed field's type `{Self}` does not implement `serde::Serialize`",
    label = "an exposed field is written into the body with `serde::Serialize`",
    note = "derive it (`#[derive(serde::Serialize)]` on `{Self}`), expose a field of a type that implements it, or leave this field out of the body (no `expose`)"
)]
pub trait Exposed {
    /// An exposed field. `quoted` is the key as JSON, `"key":`.
    fn field<'a>(key: &'static str, quoted: &'static str, value: &'a Self) -> Field<'a>;

    /// An exposed `Option` field, left out when `None`.
    fn field_opt<'a>(key: &'static str, quoted: &'static str, value: &'a Option<Self>) -> Field<'a>
    where
        Self: Sized;
}

#[diagnostic::do_not_recommend]
impl<T: serde::Serialize> Exposed for T {
    #[inline]
    fn field<'a>(key: &'static str, quoted: &'static str, value: &'a T) -> Field<'a> {
        Field::quoted(key, quoted, value)
    }

    #[inline]
    fn field_opt<'a>(key: &'static str, quoted: &'static str, value: &'a Option<T>) -> Field<'a> {
        Field::quoted_optional(key, quoted, value.as_ref())
    }
}

/// `Serialize` of a derived type: the body's JSON.
pub fn serialize<E: ApiError + ?Sized, S: serde::Serializer>(
    error: &E,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    crate::serialize::serialize_json(&error.body(), serializer)
}

/// The bound of the `Decode` impl the derive writes for a type without `decode`: no type has
/// it, so calling `E::decode` on such a type says what to add, where rustc would otherwise
/// only say that no `decode` exists.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot decode error responses: add `decode` to `#[api_error(...)]`",
    label = "`{Self}` is derived without `decode`",
    note = "`#[api_error(decode)]` on the enum (or struct) derives `error_contract::Decode`"
)]
pub trait DerivedWithDecode<'a>: Sized {
    fn refuse() -> Result<Self, DecodeError>;
}

/// The run-time status when the variant may be sent with it (the declared status, or one that
/// `taken` accepts: its `statuses(...)`, else the declared status's class), else the declared
/// one. `taken` accepts only statuses of 400..=599.
#[inline]
pub fn runtime_status<T: StatusValue + ?Sized>(
    value: &T,
    declared: Status,
    taken: impl Fn(u16) -> bool,
) -> Status {
    match value.__status() {
        code if code == declared.as_u16() || taken(code) => Status::checked(code),
        _ => declared,
    }
}

/// One header of a variant, as the derive lists them.
pub enum HeaderPart<'a> {
    /// `headers("Name" = "value")`: a literal without placeholders.
    Fixed(&'static str, &'static str),
    /// `#[api_error(header = "Name")]`: the field's value (`None` for an `Option` field that is
    /// `None`: no header).
    Field(&'static str, Option<&'a dyn fmt::Display>),
    /// `headers("Name" = "... {code} ...")`: the template with its values.
    Template(&'static str, fmt::Arguments<'a>),
}

/// The headers of a variant whose headers are all literals: no allocation.
#[inline]
#[must_use]
pub const fn fixed_headers(list: &'static [(&'static str, &'static str)]) -> Headers {
    Headers::fixed(list)
}

/// The headers of a variant with run-time values, in order. A value written at run time that
/// is not a valid header value (a control character: CR, LF, NUL, ...) leaves its header out.
#[inline]
pub fn headers(parts: &[HeaderPart<'_>]) -> Headers {
    let mut headers = Headers::with_capacity(parts.len());
    for part in parts {
        match part {
            HeaderPart::Fixed(name, value) => headers.push_fixed(name, value),
            HeaderPart::Field(name, Some(value)) => {
                headers.push(name, *value);
            }
            HeaderPart::Field(_, None) => {}
            HeaderPart::Template(name, args) => {
                headers.push(name, args);
            }
        }
    }
    headers
}

/// `source()` of a `#[source]` field: any `Error`, a `Box<dyn Error>`, or an `Option` of one.
pub trait AsDynError<'a> {
    fn as_dyn_error(&self) -> &(dyn Error + 'a);
}

impl<'a, T: Error + 'a> AsDynError<'a> for T {
    #[inline]
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + 'a {
    #[inline]
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + Send + 'a {
    #[inline]
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + Send + Sync + 'a {
    #[inline]
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

pub use crate::integrations::__error_contract_integrations as integrations;
pub use crate::integrations::hooks;
