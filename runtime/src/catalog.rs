//! The error catalog: every error an enum can produce.

pub(crate) mod field_schema;

use crate::{Code, Status, StatusRange};

/// A type's error table as parallel arrays of literals, indexed by variant; the derive writes one
/// per type (reached through `__private`).
///
/// Arrays of literals cost the compiler far less than one struct expression per variant, which
/// matters for enums with hundreds of variants. Dense arrays have one element per entry. What
/// only some entries have is kept without a slice per entry, which costs the compiler about 0.2 M
/// instructions each: texts in one string ([`Texts`]), lists of values in one array each, shared
/// by the entries with the same list ([`Lists`]), and integers as the bytes of one byte string
/// ([`Ints`]).
#[derive(Debug)]
pub struct Table {
    /// The variant names (the type's name for a struct).
    pub names: &'static [&'static str],
    /// The declared statuses.
    pub statuses: &'static [u16],
    /// For the variants with a run-time status, their lists in `run_time_status_values`.
    pub run_time_statuses: Lists,
    /// The statuses a variant with a run-time status may take besides the declared one
    /// (`statuses(...)`, else the declared status's class), 4 and 5 standing for the classes
    /// `4XX` and `5XX`.
    pub run_time_status_values: &'static [u16],
    /// The codes.
    pub codes: TableCodes,
    /// The static messages, or the templates of interpolated ones.
    pub messages: &'static [&'static str],
    /// Whether each message interpolates fields.
    pub interpolated: &'static [bool],
    /// The doc comments, lines joined with spaces.
    pub docs: Texts,
    /// The bodies the macro wrote; `""` for a body with run-time parts.
    pub bodies: &'static [&'static str],
    /// The distinct content types of the entries' styles.
    pub content_types: &'static [&'static str],
    /// Index into `content_types` per entry; empty when every entry uses the first.
    pub content_type_of: &'static [u8],
    /// The style of each element of `content_types` (same index): a built-in style's name, or a
    /// custom style's path as written.
    pub styles: &'static [&'static str],
    /// The declared problem titles.
    pub titles: Texts,
    /// Sparse: the `parent` codes.
    pub parents: &'static [(u32, Code<'static>)],
    /// The entries' lists of exposed fields, in body order, in the arrays `field_keys`,
    /// `field_types`, `field_json_types`, `field_examples` and `field_schemas`.
    pub fields: Lists,
    /// The keys of the exposed fields.
    pub field_keys: &'static [&'static str],
    /// The exposed fields' types as written.
    pub field_types: &'static [&'static str],
    /// The exposed fields' JSON types; empty when none is known.
    pub field_json_types: &'static [JsonType],
    /// The exposed fields' `#[api_error(example = ...)]` values as JSON text, `""` for a field
    /// without one; empty when no field has one.
    pub field_examples: &'static [&'static str],
    /// The schemas of the exposed fields' types from their `utoipa::ToSchema` or
    /// `schemars::JsonSchema` impls; empty when no field is marked `schema`.
    pub field_schemas: &'static [field_schema::FieldSchema],
    /// The entries' lists of headers, in the order `headers()` sends them, in the arrays
    /// `header_names` and `header_sources`.
    pub headers: Lists,
    /// The names of the headers.
    pub header_names: &'static [&'static str],
    /// Where each header's value comes from; empty when every value comes from a field.
    pub header_sources: &'static [HeaderSource],
    /// An interpolated message with example values in place of the fields, where the derive
    /// could write one (plain types only).
    pub example_messages: Texts,
    /// The problem style's `type_base`.
    pub type_base: Option<&'static str>,
    /// The built-in styles' member names, from `rename_members` and `skip_members`.
    pub member_names: crate::style::Names<'static>,
    /// The entries' lists of constant members (from `constants`, `title` and `type_base`), in
    /// `constant_members`.
    pub constants: Lists,
    /// The constant members.
    pub constant_members: &'static [crate::style::Constant<'static>],
    /// Sparse: the gRPC codes given with `grpc = "..."` (the others follow from the status).
    pub grpc_codes: &'static [(u32, u8)],
    /// The `domain` of the gRPC `ErrorInfo`: `grpc_domain`, else the package's name.
    pub grpc_domain: &'static str,
}

/// Unsigned integers as the bytes of a byte string, four little-endian bytes each.
///
/// The derive writes a column of integers as one byte string literal: in the static table an
/// array of integer literals costs the compiler about 10 k instructions per element, a byte
/// string almost nothing.
#[derive(Debug, Clone, Copy)]
pub struct Ints(pub &'static [u8]);

impl Ints {
    /// The `i`th integer.
    #[inline]
    fn get(self, i: usize) -> Option<u32> {
        let bytes = self.0.get(i.checked_mul(4)?..)?.first_chunk::<4>()?;
        Some(u32::from_le_bytes(*bytes))
    }

    /// The position of `value` among integers in ascending order.
    fn find(self, value: u32) -> Option<usize> {
        let (mut low, mut high) = (0, self.0.len() / 4);
        while low < high {
            let middle = low + (high - low) / 2;
            match self.get(middle)?.cmp(&value) {
                core::cmp::Ordering::Less => low = middle + 1,
                core::cmp::Ordering::Greater => high = middle,
                core::cmp::Ordering::Equal => return Some(middle),
            }
        }
        None
    }

    /// The `k`th of consecutive runs, these integers being where each ends (and the next
    /// starts): `self[k - 1]..self[k]`, from 0 for the first.
    fn run(self, k: usize) -> Option<core::ops::Range<usize>> {
        let start = match k.checked_sub(1) {
            Some(previous) => self.get(previous)?,
            None => 0,
        };
        let end = self.get(k)?;
        Some(usize::try_from(start).ok()?..usize::try_from(end).ok()?)
    }
}

/// The texts of some entries, in one string: the `k`th text is `text[ends[k - 1]..ends[k]]`
/// (from 0 for the first), the text of entry `rows[k]` (of entry `k` when `rows` is empty: then
/// every entry has one).
#[derive(Debug, Clone, Copy)]
pub struct Texts {
    /// The entries that have a text, in ascending order; empty when every entry has one.
    pub rows: Ints,
    /// Where each text ends in `text`.
    pub ends: Ints,
    /// Every text, one after the other.
    pub text: &'static str,
}

impl Texts {
    /// The text of entry `row`, if it has one.
    fn get(self, row: u32) -> Option<&'static str> {
        let k = if self.rows.0.is_empty() {
            usize::try_from(row).ok()?
        } else {
            self.rows.find(row)?
        };
        self.text.get(self.ends.run(k)?)
    }
}

/// The lists of values of some entries, each list once, however many entries have it: entry
/// `rows[k]` has list `of[k]`, the items `ends[of[k] - 1]..ends[of[k]]` (from 0 for list 0) of
/// the column's arrays.
#[derive(Debug, Clone, Copy)]
pub struct Lists {
    /// The entries that have a list, in ascending order.
    pub rows: Ints,
    /// The list of each entry of `rows`.
    pub of: Ints,
    /// Where each list ends in the column's arrays.
    pub ends: Ints,
}

impl Lists {
    /// Where the list of entry `row` is in the column's arrays (empty when it has none).
    fn range(self, row: u32) -> core::ops::Range<usize> {
        let list = self.rows.find(row).and_then(|k| self.of.get(k));
        list.and_then(|list| self.ends.run(usize::try_from(list).ok()?))
            .unwrap_or(0..0)
    }
}

/// Where the value of a header an error sends comes from (see
/// [`CatalogEntry::header_sources`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderSource {
    /// A field's value (`#[api_error(header = "...")]`).
    Field,
    /// A literal, the same in every response (`headers("Cache-Control" = "no-store")`).
    Fixed(&'static str),
    /// A template over the code, the message and the fields, as written
    /// (`headers("WWW-Authenticate" = "Bearer error=\"{code}\"")`).
    Template(&'static str),
}

/// What an exposed field's value is written as in JSON, as the derive reads it from the field's
/// Rust type (see [`CatalogEntry::field_json_types`]).
///
/// Only plain types are known: integers, floats, `bool`, strings and `char`, an `Option` of one
/// (its content: the field is left out of the body when `None`, so it is not `null`), a reference
/// or a smart pointer (`&T`, `Box`, `Rc`, `Arc`, `Cow`) to one, and lists (`Vec`, `VecDeque`,
/// `LinkedList`, `HashSet`, `BTreeSet`, `BinaryHeap`, `IndexSet`, slices, arrays) of one. Any
/// other type (a struct, an enum, an alias, a type parameter, a map, a tuple, a trait object) can
/// serialize to any JSON: [`JsonType::Unknown`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonType {
    /// An integer: a primitive integer type, or a `NonZero` one (`non_zero`, whose example is
    /// `1` rather than `0`).
    Integer {
        /// The type is a `NonZero` one.
        non_zero: bool,
    },
    /// A number: `f32` or `f64`.
    Number,
    /// `true` or `false`: `bool`.
    Boolean,
    /// A string: `String`, `str`, or a `char` (`char`, one character).
    ///
    /// Not named `String`: a public item of that name would make rustc write
    /// `std::string::String` for `String` in the diagnostics of every crate that depends on
    /// this one.
    Str {
        /// The type is `char`.
        char: bool,
    },
    /// A list of items of this type.
    Array(&'static JsonType),
    /// Any JSON: the type is not a plain one.
    Unknown,
}

/// The codes of a [`Table`], all numeric or all strings.
#[derive(Debug, Clone, Copy)]
pub enum TableCodes {
    /// Numeric codes.
    Num(&'static [u32]),
    /// String codes.
    Str(&'static [&'static str]),
}

fn sparse<T: Copy>(list: &[(u32, T)], index: u32) -> Option<T> {
    list.iter().find(|(i, _)| *i == index).map(|(_, v)| *v)
}

/// One row of the error table: a variant's status, code, message and description.
///
/// The derive writes one static table per type; the same row serves `status()`, `code()`,
/// `message()`, the static body and the catalog.
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "dto")]
/// enum ShopError {
///     /// Entity was not found.
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
/// }
///
/// let catalog = ShopError::catalog();
/// let entry = catalog.entries()[0];
/// assert_eq!(entry.name(), "NotFound");
/// assert_eq!(entry.status().as_u16(), 404);
/// assert_eq!(entry.code(), 3001);
/// assert_eq!(entry.message(), "entity not found");
/// assert_eq!(entry.description(), "Entity was not found.");
/// ```
#[derive(Clone, Copy)]
pub struct CatalogEntry {
    table: &'static Table,
    index: u32,
}

impl CatalogEntry {
    /// The entry at `index` of `table`.
    #[inline]
    pub(crate) const fn new(table: &'static Table, index: u32) -> CatalogEntry {
        CatalogEntry { table, index }
    }

    /// The parts of the entry's body, with this status and message and no fields.
    pub(crate) fn parts(
        self,
        status: Status,
        message: &dyn core::fmt::Display,
    ) -> crate::Parts<'_> {
        crate::Parts::new(status, self.code(), message)
            .with_title(self.title())
            .with_type_base(self.table.type_base)
            .with_names(self.names())
            .with_constants(self.constants())
            .with_grpc(self.grpc_override(), Some(self.table.grpc_domain))
    }

    /// The gRPC code the variant names with `grpc = "..."`, if it does.
    pub(crate) fn grpc_override(self) -> Option<crate::GrpcCode> {
        sparse(self.table.grpc_codes, self.index).and_then(|n| crate::GrpcCode::from_i32(n.into()))
    }

    /// The entry's row in its table.
    #[inline]
    pub(crate) fn at(self) -> usize {
        self.index as usize
    }

    /// The variant's name (the type's name for a struct).
    ///
    /// See [`CatalogEntry`] for an example.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.table.names[self.at()]
    }

    /// The declared status (a run-time `status` field may pick another one per value).
    ///
    /// See [`CatalogEntry`] for an example.
    #[inline]
    #[must_use]
    pub fn status(self) -> Status {
        Status::checked(self.table.statuses[self.at()])
    }

    /// Every status the variant may be sent with: the declared one first, then, for a variant
    /// with a run-time `status` field, those its `statuses(...)` lists, else its declared
    /// status's class. The Markdown table, the `OpenAPI` responses and the lock list them all.
    ///
    /// ```
    /// use error_contract::{ApiError, Status, StatusRange};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "nested", rename_all = "snake_case")]
    /// enum CertifierError {
    ///     #[api_error(status = 404)]
    ///     NotFound,
    ///     #[api_error(status = 500, statuses(502, 503, 504))]
    ///     InternalServerError {
    ///         #[api_error(status)]
    ///         status: u16,
    ///     },
    ///     #[api_error(status = 400, message = "request refused")]
    ///     Refused {
    ///         #[api_error(status)]
    ///         status: u16,
    ///     },
    /// }
    ///
    /// let catalog = CertifierError::catalog();
    /// let statuses = |i: usize| catalog.entries()[i].statuses();
    /// assert_eq!(statuses(0), [StatusRange::Exact(Status::NOT_FOUND)]);
    /// assert_eq!(
    ///     statuses(1),
    ///     [500, 502, 503, 504].map(|s| StatusRange::Exact(Status::new(s).unwrap()))
    /// );
    /// assert_eq!(
    ///     statuses(2),
    ///     [StatusRange::Exact(Status::BAD_REQUEST), StatusRange::ClientErrors]
    /// );
    /// ```
    #[must_use]
    pub fn statuses(self) -> Vec<StatusRange> {
        let table = self.table;
        let run_time = table
            .run_time_status_values
            .get(table.run_time_statuses.range(self.index))
            .unwrap_or(&[]);
        let mut statuses = Vec::with_capacity(1 + run_time.len());
        statuses.push(StatusRange::Exact(self.status()));
        statuses.extend(run_time.iter().map(|&code| StatusRange::from_table(code)));
        statuses
    }

    /// Whether the variant may be sent with `status` (see [`statuses`](CatalogEntry::statuses)).
    ///
    /// ```
    /// use error_contract::{ApiError, Status};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum UpstreamError {
    ///     #[api_error(status = 502, statuses(503, 504))]
    ///     Failed {
    ///         #[api_error(status)]
    ///         status: u16,
    ///     },
    /// }
    ///
    /// let entry = UpstreamError::catalog().entries()[0];
    /// assert!(entry.sends(Status::GATEWAY_TIMEOUT));
    /// assert!(!entry.sends(Status::INTERNAL_SERVER_ERROR));
    /// ```
    #[must_use]
    pub fn sends(self, status: Status) -> bool {
        self.statuses().iter().any(|range| range.contains(status))
    }

    /// The stable code.
    ///
    /// See [`CatalogEntry`] for an example.
    #[inline]
    #[must_use]
    pub fn code(self) -> Code<'static> {
        match self.table.codes {
            TableCodes::Num(codes) => Code::Num(codes[self.at()]),
            TableCodes::Str(codes) => Code::Str(codes[self.at()]),
        }
    }

    /// The public message, or its template as written (`"validation error: {subject}"`) when it
    /// interpolates fields.
    ///
    /// See [`CatalogEntry`] for an example.
    #[inline]
    #[must_use]
    pub fn message(self) -> &'static str {
        self.table.messages[self.at()]
    }

    /// Whether the message interpolates fields.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api_error(status = 400, message = "bad field {name}")]
    ///     Bad { name: String },
    /// }
    /// assert!(E::catalog().entries()[0].is_interpolated());
    /// assert_eq!(E::catalog().entries()[0].message(), "bad field {name}");
    /// ```
    #[inline]
    #[must_use]
    pub fn is_interpolated(self) -> bool {
        self.table.interpolated[self.at()]
    }

    /// The declared problem title, if any.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api_error(status = 404, title = "Order Missing")]
    ///     NoOrder,
    /// }
    /// assert_eq!(E::catalog().entries()[0].title(), Some("Order Missing"));
    /// ```
    #[must_use]
    pub fn title(self) -> Option<&'static str> {
        self.table.titles.get(self.index)
    }

    /// The constant members the variant's body writes (`constants(...)`, and `type_base` and
    /// `title` in a style other than `problem`), in body order.
    ///
    /// ```
    /// use error_contract::ApiError;
    /// use error_contract::style::{ConstantValue, Constant};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "nested", constants(type = "invalid_request_error"))]
    /// enum E {
    ///     #[api_error(status = 404, code = "resource_missing")]
    ///     Missing,
    /// }
    /// assert_eq!(
    ///     E::catalog().entries()[0].constants(),
    ///     [Constant { name: "type", value: ConstantValue::Str("invalid_request_error") }]
    /// );
    /// ```
    #[must_use]
    pub fn constants(self) -> &'static [crate::style::Constant<'static>] {
        let table = self.table;
        table
            .constant_members
            .get(table.constants.range(self.index))
            .unwrap_or(&[])
    }

    /// The gRPC code of the entry: the one it names with `grpc = "..."`, else the one of its
    /// declared status ([`GrpcCode::of_status`](crate::GrpcCode::of_status)).
    ///
    /// ```
    /// use error_contract::{ApiError, GrpcCode};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api_error(status = 429, code = "rate_limited")]
    ///     RateLimited,
    ///     #[api_error(status = 409, code = "exists", grpc = "already_exists")]
    ///     Exists,
    /// }
    /// assert_eq!(E::catalog().entries()[0].grpc_code(), GrpcCode::ResourceExhausted);
    /// assert_eq!(E::catalog().entries()[1].grpc_code(), GrpcCode::AlreadyExists);
    /// ```
    #[must_use]
    pub fn grpc_code(self) -> crate::GrpcCode {
        self.grpc_override()
            .unwrap_or_else(|| crate::GrpcCode::of_status(self.status()))
    }

    /// The `domain` of the entry's gRPC `ErrorInfo`: the enum's `grpc_domain`, else the name of
    /// the package that defines the enum.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(grpc_domain = "shop.example.com")]
    /// enum E {
    ///     #[api_error(status = 404, code = "not_found")]
    ///     NotFound,
    /// }
    /// assert_eq!(E::catalog().entries()[0].grpc_domain(), "shop.example.com");
    /// ```
    #[must_use]
    pub fn grpc_domain(self) -> &'static str {
        self.table.grpc_domain
    }

    /// The `type_base` of the entry's enum, as written: the problem style's `type` is this base
    /// followed by the code (outside the problem style it is the constant member `type`, in
    /// [`constants`](CatalogEntry::constants)).
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(type_base = "https://example.com/errors/")]
    /// enum E {
    ///     #[api_error(status = 404, code = "not-found")]
    ///     NotFound,
    /// }
    /// let entry = E::catalog().entries()[0];
    /// assert_eq!(entry.type_base(), Some("https://example.com/errors/"));
    /// assert!(E::NotFound.body().starts_with(r#"{"type":"https://example.com/errors/not-found""#));
    /// ```
    #[must_use]
    pub fn type_base(self) -> Option<&'static str> {
        self.table.type_base
    }

    /// The built-in styles' member names of the entry's enum (`rename_members`,
    /// `skip_members`).
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "flat", rename_members(code = "errorCode"))]
    /// enum E {
    ///     #[api_error(status = 404, code = 3001, message = "entity not found")]
    ///     NotFound,
    /// }
    /// assert_eq!(E::catalog().entries()[0].names().code, Some("errorCode"));
    /// ```
    #[must_use]
    pub fn names(self) -> &'static crate::style::Names<'static> {
        &self.table.member_names
    }

    /// The variant's doc comment, lines joined with spaces (empty when undocumented).
    ///
    /// See [`CatalogEntry`] for an example.
    #[must_use]
    pub fn description(self) -> &'static str {
        self.table.docs.get(self.index).unwrap_or_default()
    }

    /// The code this one refines, from `#[api_error(parent = ...)]`.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "dto")]
    /// enum E {
    ///     #[api_error(status = 500, code = 2006, message = "entity saving error")]
    ///     Saving,
    ///     #[api_error(status = 400, code = 200601, parent = 2006, message = "not unique")]
    ///     NotUnique,
    /// }
    /// assert_eq!(E::catalog().entries()[1].parent(), Some(error_contract::Code::Num(2006)));
    /// ```
    #[must_use]
    pub fn parent(self) -> Option<Code<'static>> {
        sparse(self.table.parents, self.index)
    }

    /// The keys of the exposed fields, in body order.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api_error(status = 400, message = "validation error")]
    ///     Invalid {
    ///         #[api_error(expose, rename = "subjectType")]
    ///         subject_type: String,
    ///     },
    /// }
    /// assert_eq!(E::catalog().entries()[0].fields(), ["subjectType"]);
    /// ```
    #[must_use]
    pub fn fields(self) -> &'static [&'static str] {
        let table = self.table;
        table
            .field_keys
            .get(table.fields.range(self.index))
            .unwrap_or(&[])
    }

    /// The Rust types of the exposed fields as written in the enum (`"Option<u32>"`,
    /// `"&'static str"`), in the order of [`fields`](CatalogEntry::fields).
    ///
    /// The lock file compares them; [`field_json_types`](CatalogEntry::field_json_types) says
    /// what JSON each is written as.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api_error(status = 400, message = "validation error")]
    ///     Invalid {
    ///         #[api_error(expose)]
    ///         subject: String,
    ///         #[api_error(expose, rename = "maxLength")]
    ///         max_length: Option<std::num::NonZeroU32>,
    ///     },
    /// }
    /// let entry = E::catalog().entries()[0];
    /// assert_eq!(entry.fields(), ["subject", "maxLength"]);
    /// assert_eq!(entry.field_types(), ["String", "Option<std::num::NonZeroU32>"]);
    /// ```
    #[must_use]
    pub fn field_types(self) -> &'static [&'static str] {
        let table = self.table;
        table
            .field_types
            .get(table.fields.range(self.index))
            .unwrap_or(&[])
    }

    /// The JSON types of the exposed fields, as the derive reads them from their Rust types, in
    /// the order of [`fields`](CatalogEntry::fields); [`JsonType::Unknown`] for a type that is not
    /// a plain one. `OpenAPI` types the fields and writes their example values from them.
    ///
    /// ```
    /// use error_contract::{ApiError, JsonType};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api_error(status = 400, message = "validation error")]
    ///     Invalid {
    ///         #[api_error(expose)]
    ///         subject: String,
    ///         #[api_error(expose, rename = "maxLength")]
    ///         max_length: Option<std::num::NonZeroU32>,
    ///         #[api_error(expose)]
    ///         allowed: Vec<char>,
    ///         #[api_error(expose)]
    ///         context: std::collections::HashMap<String, String>,
    ///     },
    /// }
    /// let entry = E::catalog().entries()[0];
    /// assert_eq!(
    ///     entry.field_json_types().collect::<Vec<_>>(),
    ///     [
    ///         JsonType::Str { char: false },
    ///         JsonType::Integer { non_zero: true },
    ///         JsonType::Array(&JsonType::Str { char: true }),
    ///         JsonType::Unknown,
    ///     ]
    /// );
    /// ```
    pub fn field_json_types(self) -> impl ExactSizeIterator<Item = JsonType> {
        let table = self.table;
        let range = table.fields.range(self.index);
        let known = table.field_json_types.get(range.clone()).unwrap_or(&[]);
        (0..range.len()).map(move |i| known.get(i).copied().unwrap_or(JsonType::Unknown))
    }

    /// The names of the headers the variant sends (the enum's and its own
    /// `headers("Name" = "...")`, its `#[api_error(header = "...")]` fields), as written, in the
    /// order [`ApiError::headers`](crate::ApiError::headers) sends them.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api_error(status = 429, message = "too many requests")]
    ///     RateLimited {
    ///         #[api_error(header = "Retry-After")]
    ///         retry_after: u32,
    ///     },
    /// }
    /// assert_eq!(E::catalog().entries()[0].headers(), ["Retry-After"]);
    /// ```
    #[must_use]
    pub fn headers(self) -> &'static [&'static str] {
        let table = self.table;
        table
            .header_names
            .get(table.headers.range(self.index))
            .unwrap_or(&[])
    }

    /// The headers the variant sends, each with where its value comes from.
    ///
    /// ```
    /// use error_contract::{ApiError, HeaderSource};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(headers("Cache-Control" = "no-store"))]
    /// enum E {
    ///     #[api_error(status = 401, code = "invalid_token", message = "token expired")]
    ///     #[api_error(headers("WWW-Authenticate" = "Bearer error=\"{code}\""))]
    ///     InvalidToken {
    ///         #[api_error(header = "X-Request-Id")]
    ///         request: u64,
    ///     },
    /// }
    /// let entry = E::catalog().entries()[0];
    /// assert_eq!(
    ///     entry.header_sources().collect::<Vec<_>>(),
    ///     [
    ///         ("Cache-Control", HeaderSource::Fixed("no-store")),
    ///         ("WWW-Authenticate", HeaderSource::Template("Bearer error=\"{code}\"")),
    ///         ("X-Request-Id", HeaderSource::Field),
    ///     ]
    /// );
    /// ```
    pub fn header_sources(self) -> impl ExactSizeIterator<Item = (&'static str, HeaderSource)> {
        let table = self.table;
        let sources = table
            .header_sources
            .get(table.headers.range(self.index))
            .unwrap_or(&[]);
        self.headers().iter().enumerate().map(move |(i, name)| {
            (
                *name,
                sources.get(i).copied().unwrap_or(HeaderSource::Field),
            )
        })
    }

    /// The schema of the `i`th exposed field from its type's `utoipa::ToSchema` (feature
    /// `utoipa`) or `schemars::JsonSchema` (feature `schemars`) impl, if it has one.
    #[cfg(feature = "openapi")]
    pub(crate) fn field_schema(self, i: usize) -> Option<serde_json::Value> {
        let table = self.table;
        let schema = table
            .field_schemas
            .get(table.fields.range(self.index))?
            .get(i)?;
        schema()
    }

    /// The message with example values in place of its fields (`"order 0 not found"`), for an
    /// interpolated message whose fields are of plain types.
    #[cfg(feature = "openapi")]
    pub(crate) fn example_message(self) -> Option<&'static str> {
        self.table.example_messages.get(self.index)
    }

    /// The example value of the `i`th exposed field that its `#[api_error(example = ...)]` gives,
    /// if it has one.
    #[cfg(feature = "openapi")]
    pub(crate) fn field_example(self, i: usize) -> Option<serde_json::Value> {
        let table = self.table;
        let text = table
            .field_examples
            .get(table.fields.range(self.index))?
            .get(i)?;
        if text.is_empty() {
            return None;
        }
        serde_json::from_str(text).ok()
    }

    /// The body, when the variant's body has no run-time part.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "message")]
    /// enum E {
    ///     #[api_error(status = 400, message = "Invalid Parameter")]
    ///     Invalid,
    /// }
    /// assert_eq!(
    ///     E::catalog().entries()[0].static_body(),
    ///     Some(r#"{"errorMessage":"Invalid Parameter"}"#)
    /// );
    /// ```
    #[inline]
    #[must_use]
    pub fn static_body(self) -> Option<&'static str> {
        let body = self.table.bodies[self.at()];
        if body.is_empty() { None } else { Some(body) }
    }

    /// The `Content-Type` of the variant's body.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api_error(status = 400)]
    ///     Invalid,
    /// }
    /// assert_eq!(E::catalog().entries()[0].content_type(), "application/problem+json");
    /// ```
    #[inline]
    #[must_use]
    pub fn content_type(self) -> &'static str {
        self.table.content_types[self.style_index()]
    }

    /// The wire style of the variant's body: `"dto"`, `"nested"`, `"flat"`, `"message"`,
    /// `"problem"`, or the path of a custom style as written in the attribute.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "flat")]
    /// enum E {
    ///     #[api_error(status = 400)]
    ///     Invalid,
    ///     #[api_error(status = 404, style = "problem")]
    ///     Missing,
    /// }
    /// let styles: Vec<&str> = E::catalog().iter().map(|e| e.style()).collect();
    /// assert_eq!(styles, ["flat", "problem"]);
    /// ```
    #[must_use]
    pub fn style(self) -> &'static str {
        self.table
            .styles
            .get(self.style_index())
            .copied()
            .unwrap_or_default()
    }

    #[inline]
    fn style_index(self) -> usize {
        usize::from(
            self.table
                .content_type_of
                .get(self.at())
                .copied()
                .unwrap_or(0),
        )
    }
}

impl PartialEq for CatalogEntry {
    fn eq(&self, other: &CatalogEntry) -> bool {
        core::ptr::eq(self.table, other.table) && self.index == other.index
    }
}

impl Eq for CatalogEntry {}

impl core::fmt::Debug for CatalogEntry {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("CatalogEntry")
            .field("name", &self.name())
            .field("status", &self.status())
            .field("code", &self.code())
            .field("message", &self.message())
            .field("description", &self.description())
            .field("parent", &self.parent())
            .field("fields", &self.fields())
            .field("field_types", &self.field_types())
            .field("headers", &self.headers())
            .finish()
    }
}

/// Every error of a type, in declaration order, with the entries of `transparent` variants'
/// types flattened in place.
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
/// enum AuthError {
///     #[api_error(status = 401, code = 4003, message = "authentication token is invalid")]
///     InvalidToken,
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
/// enum ApiErrors {
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
///     #[api_error(transparent)]
///     Auth(AuthError),
/// }
///
/// let codes: Vec<String> = ApiErrors::catalog().iter().map(|e| e.code().to_string()).collect();
/// assert_eq!(codes, ["3001", "4003"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    entries: Vec<CatalogEntry>,
}

impl Catalog {
    /// An empty catalog.
    ///
    /// ```
    /// assert!(error_contract::Catalog::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> Catalog {
        Catalog {
            entries: Vec::new(),
        }
    }

    /// A catalog of these entries.
    #[cfg(feature = "openapi")]
    pub(crate) fn from_entries(entries: Vec<CatalogEntry>) -> Catalog {
        Catalog { entries }
    }

    /// Appends entries `start..end` of a table.
    pub(crate) fn push_rows(&mut self, table: &'static Table, start: usize, end: usize) {
        let range =
            u32::try_from(start).unwrap_or(u32::MAX)..u32::try_from(end).unwrap_or(u32::MAX);
        self.entries
            .extend(range.map(|index| CatalogEntry::new(table, index)));
    }

    /// Appends the entries of another catalog (a wrapped type's).
    pub(crate) fn append(&mut self, nested: Catalog) {
        self.entries.extend(nested.entries);
    }

    /// The entries in order.
    ///
    /// See [`CatalogEntry`] for an example.
    #[must_use]
    pub fn entries(&self) -> &[CatalogEntry] {
        &self.entries
    }

    /// An iterator over the entries.
    ///
    /// See [`Catalog`] for an example.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = CatalogEntry> + '_ {
        self.entries.iter().copied()
    }

    /// The entry with this code.
    ///
    /// ```
    /// use error_contract::{ApiError, Code};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api_error(status = 404, code = "not_found")]
    ///     NotFound,
    /// }
    /// assert_eq!(E::catalog().get(Code::Str("not_found")).unwrap().name(), "NotFound");
    /// assert!(E::catalog().get(Code::Num(1)).is_none());
    /// ```
    #[must_use]
    pub fn get(&self, code: Code<'_>) -> Option<CatalogEntry> {
        self.iter().find(|e| e.code() == code)
    }

    /// The number of entries.
    ///
    /// See [`Catalog`] for an example.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    ///
    /// See [`Catalog::new`] for an example.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<'a> IntoIterator for &'a Catalog {
    type Item = CatalogEntry;
    type IntoIter = core::iter::Copied<core::slice::Iter<'a, CatalogEntry>>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().copied()
    }
}
