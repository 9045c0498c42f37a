//! The error catalog: every error an enum can produce.

use crate::{Code, Status};

/// One row of the error table: a variant's status, code, message and description.
///
/// The derive writes one `static` entry per variant; the same entry serves `status()`,
/// `code()`, `message()` and the catalog.
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
/// let entry = &catalog.entries()[0];
/// assert_eq!(entry.name(), "NotFound");
/// assert_eq!(entry.status().as_u16(), 404);
/// assert_eq!(entry.code(), 3001);
/// assert_eq!(entry.message(), "entity not found");
/// assert_eq!(entry.description(), "Entity was not found.");
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct CatalogEntry {
    name: &'static str,
    status: Status,
    code: Code<'static>,
    message: &'static str,
    interpolated: bool,
    title: Option<&'static str>,
    description: &'static str,
    parent: Option<Code<'static>>,
    fields: &'static [&'static str],
    body: &'static str,
    content_type: &'static str,
}

impl CatalogEntry {
    /// For generated code.
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    #[must_use]
    pub const fn __new(
        name: &'static str,
        status: Status,
        code: Code<'static>,
        message: &'static str,
        interpolated: bool,
        title: Option<&'static str>,
        description: &'static str,
        parent: Option<Code<'static>>,
        fields: &'static [&'static str],
        body: &'static str,
        content_type: &'static str,
    ) -> CatalogEntry {
        CatalogEntry {
            name,
            status,
            code,
            message,
            interpolated,
            title,
            description,
            parent,
            fields,
            body,
            content_type,
        }
    }

    /// The variant's name (the type's name for a struct).
    ///
    /// See [`CatalogEntry`] for an example.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The declared status (a run-time `status` field may pick another one per value).
    ///
    /// See [`CatalogEntry`] for an example.
    #[must_use]
    pub const fn status(&self) -> Status {
        self.status
    }

    /// The stable code.
    ///
    /// See [`CatalogEntry`] for an example.
    #[must_use]
    pub const fn code(&self) -> Code<'static> {
        self.code
    }

    /// The public message, or its template as written (`"validation error: {subject}"`) when it
    /// interpolates fields.
    ///
    /// See [`CatalogEntry`] for an example.
    #[must_use]
    pub const fn message(&self) -> &'static str {
        self.message
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
    #[must_use]
    pub const fn is_interpolated(&self) -> bool {
        self.interpolated
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
    pub const fn title(&self) -> Option<&'static str> {
        self.title
    }

    /// The variant's doc comment, lines joined with spaces (empty when undocumented).
    ///
    /// See [`CatalogEntry`] for an example.
    #[must_use]
    pub const fn description(&self) -> &'static str {
        self.description
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
    pub const fn parent(&self) -> Option<Code<'static>> {
        self.parent
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
    pub const fn fields(&self) -> &'static [&'static str] {
        self.fields
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
    #[must_use]
    pub const fn static_body(&self) -> Option<&'static str> {
        if self.body.is_empty() {
            None
        } else {
            Some(self.body)
        }
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
    #[must_use]
    pub const fn content_type(&self) -> &'static str {
        self.content_type
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
    entries: Vec<&'static CatalogEntry>,
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

    /// For generated code.
    #[doc(hidden)]
    #[must_use]
    pub fn __from_static(entries: &'static [CatalogEntry]) -> Catalog {
        Catalog {
            entries: entries.iter().collect(),
        }
    }

    /// For generated code.
    #[doc(hidden)]
    #[must_use]
    pub fn __push_static(mut self, entries: &'static [CatalogEntry]) -> Catalog {
        self.entries.extend(entries);
        self
    }

    /// For generated code.
    #[doc(hidden)]
    #[must_use]
    pub fn __push_nested(mut self, nested: Catalog) -> Catalog {
        self.entries.extend(nested.entries);
        self
    }

    /// The entries in order.
    ///
    /// See [`CatalogEntry`] for an example.
    #[must_use]
    pub fn entries(&self) -> &[&'static CatalogEntry] {
        &self.entries
    }

    /// An iterator over the entries.
    ///
    /// See [`Catalog`] for an example.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'static CatalogEntry> + '_ {
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
    pub fn get(&self, code: Code<'_>) -> Option<&'static CatalogEntry> {
        self.iter().find(|e| e.code == code)
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
    type Item = &'static CatalogEntry;
    type IntoIter = core::iter::Copied<core::slice::Iter<'a, &'static CatalogEntry>>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().copied()
    }
}
