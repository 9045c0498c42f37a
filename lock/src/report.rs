//! The report of a comparison: each change of each code, breaking, allowed or added.

use core::fmt;

/// Every change between a lock and a catalog: breaking, allowed and added.
///
/// Its `Display` is one line per change, labelled `breaking`, `allowed` or `added`. See
/// [`compare`](crate::compare) for an example.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub(crate) changes: Vec<Change>,
}

impl Report {
    /// The changes, in the lock's order of codes, the added codes last.
    ///
    /// See [`compare`](crate::compare) for an example.
    #[must_use]
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Whether a change breaks the contract.
    ///
    /// See [`compare`](crate::compare) for an example.
    #[must_use]
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(Change::is_breaking)
    }

    /// Whether nothing changed.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api_error(status = 404)]
    ///     NotFound,
    /// }
    /// let lock = error_contract_lock::to_lock(&E::catalog());
    /// let report = error_contract_lock::compare(&lock, &E::catalog()).unwrap();
    /// assert!(report.is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for change in &self.changes {
            let label = if change.is_breaking() {
                "breaking"
            } else if change.kind.is_addition() {
                "added"
            } else {
                "allowed"
            };
            writeln!(f, "{label:<9} {change}")?;
        }
        Ok(())
    }
}

/// One change of one code.
///
/// Its `Display` is the line of the report without the label:
/// `code 3001 (NotFound): status changed from 404 to 410`. The code and the variant's name are
/// those of the lock (of the catalog for an added code).
///
/// ```
/// use error_contract::ApiError;
/// use error_contract_lock::ChangeKind;
///
/// #[derive(Debug, ApiError)]
/// enum Before {
///     #[api_error(status = 404, code = "not_found")]
///     NotFound,
/// }
///
/// #[derive(Debug, ApiError)]
/// enum After {
///     #[api_error(status = 404, code = "missing")]
///     NotFound,
/// }
///
/// let lock = error_contract_lock::to_lock(&Before::catalog());
/// let report = error_contract_lock::compare(&lock, &After::catalog()).unwrap();
/// let change = &report.changes()[0];
/// assert_eq!(change.kind(), ChangeKind::CodeRenumbered);
/// assert!(change.is_breaking());
/// assert_eq!(change.code(), "not_found");
/// assert_eq!(change.name(), "NotFound");
/// assert_eq!(change.to_string(), "code not_found (NotFound): renumbered to missing");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub(crate) kind: ChangeKind,
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) detail: String,
}

impl Change {
    /// What changed.
    ///
    /// See [`Change`] for an example.
    #[must_use]
    pub fn kind(&self) -> ChangeKind {
        self.kind
    }

    /// Whether the change breaks the contract.
    ///
    /// See [`Change`] for an example.
    #[must_use]
    pub fn is_breaking(&self) -> bool {
        self.kind.is_breaking()
    }

    /// The code, as written in the lock.
    ///
    /// See [`Change`] for an example.
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The variant's name, as written in the lock.
    ///
    /// See [`Change`] for an example.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "code {} ({})", self.code, self.name)?;
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

/// The kinds of [`Change`].
///
/// ```
/// use error_contract_lock::ChangeKind;
///
/// assert!(ChangeKind::StatusChanged.is_breaking());
/// assert!(!ChangeKind::MessageChanged.is_breaking());
/// assert!(ChangeKind::CodeAdded.is_addition());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChangeKind {
    /// Breaking: the code is gone.
    CodeRemoved,
    /// Breaking: the variant of the same name has another code.
    CodeRenumbered,
    /// Breaking: the declared status changed.
    StatusChanged,
    /// Breaking: a status that a run-time status could take (`statuses(...)`, or the class of
    /// one that lists none) is no longer one of them: a client may rely on it (a 503 to retry).
    StatusRemoved,
    /// Breaking: the gRPC code changed (the one named with `grpc = "..."`, or the one that
    /// follows from a changed status): gRPC clients tell errors apart by it first.
    GrpcCodeChanged,
    /// Breaking: the body's style changed.
    StyleChanged,
    /// Breaking: the problem `type` URI changed.
    ProblemTypeChanged,
    /// Breaking: the parent code changed, was added or removed.
    ParentChanged,
    /// Breaking: an exposed key is gone.
    FieldRemoved,
    /// Breaking: the one exposed key that is gone has one new key in its place.
    FieldRenamed,
    /// Breaking: an exposed key's type (as written) changed.
    FieldRetyped,
    /// Breaking: a header is no longer sent.
    HeaderRemoved,
    /// Breaking: a header's literal value or template changed, or it moved between a field and
    /// a literal: a client may rely on a fixed header (a cache directive, an authentication
    /// challenge) as on a code.
    HeaderChanged,
    /// Breaking: a member the style writes itself (the code, the message, the envelope) has
    /// another name (`rename_members`): clients read it by name.
    MemberRenamed,
    /// Breaking: a member the style writes itself is left out (`skip_members`).
    MemberSkipped,
    /// Breaking: a constant member (`constants(...)`, and `title` and `type_base` outside the
    /// problem style) is gone.
    ConstantRemoved,
    /// Breaking: a constant member's value changed.
    ConstantChanged,
    /// Breaking: the message of a code in the `message` style changed. Its body has no code,
    /// so clients (and `Decode`) tell its errors apart by their message.
    IdentifyingMessageChanged,
    /// Allowed: the message (template) changed.
    MessageChanged,
    /// Allowed: the variant was renamed; its code is the same.
    VariantRenamed,
    /// Added: a new code.
    CodeAdded,
    /// Added: a new exposed key.
    FieldAdded,
    /// Added: a new header.
    HeaderAdded,
    /// Added: a status that a run-time status may take besides those it could.
    StatusAdded,
    /// Added: a new constant member.
    ConstantAdded,
    /// Added: a member the style writes itself that was left out is written again.
    MemberRestored,
}

impl ChangeKind {
    /// Whether a change of this kind breaks the contract.
    ///
    /// See [`ChangeKind`] for an example.
    #[must_use]
    pub fn is_breaking(self) -> bool {
        !matches!(
            self,
            ChangeKind::MessageChanged
                | ChangeKind::VariantRenamed
                | ChangeKind::CodeAdded
                | ChangeKind::FieldAdded
                | ChangeKind::HeaderAdded
                | ChangeKind::StatusAdded
                | ChangeKind::ConstantAdded
                | ChangeKind::MemberRestored
        )
    }

    /// Whether the change adds to the contract (a code, an exposed key, a header, a status, a
    /// constant member, a style member no longer left out).
    ///
    /// See [`ChangeKind`] for an example.
    #[must_use]
    pub fn is_addition(self) -> bool {
        matches!(
            self,
            ChangeKind::CodeAdded
                | ChangeKind::FieldAdded
                | ChangeKind::HeaderAdded
                | ChangeKind::StatusAdded
                | ChangeKind::ConstantAdded
                | ChangeKind::MemberRestored
        )
    }
}
