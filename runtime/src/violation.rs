//! Validation: a rule that a request value broke, and which variant of the user's enum answers
//! it.
//!
//! A variant says which rules it answers with `validate` (`#[api_error(status = 422, code = ...,
//! validate("length", "range"))]`, or the flag `validate` for every rule no other variant names),
//! and its fields take what the violation tells through `#[api_error(fact = "...")]`, as for
//! the framework's failures: `pointer`, `parameter`, `rule`. The derive then implements
//! [`FromViolation`], which the `validator` and `garde` bridges call for each broken rule.

use crate::failure::Facts;
use crate::{ApiError, Errors, Fact};
use core::fmt;

/// One rule that a request value broke: the rule's name (`length`, `range`, `email`, a custom
/// validator's code), where (the fact `pointer`, the JSON Pointer of the member:
/// `/items/2/quantity`, `""` for the whole value; the fact `parameter`, the same path as the
/// validators print it: `items[2].quantity`), and the validator's own description (its `cause`),
/// which is for the log only and never reaches a body.
///
/// The bridges build these; a hand-written validation or [`FromViolation`] may too.
///
/// ```
/// use error_contract::{Fact, Violation};
///
/// let violation = Violation::new("range")
///     .with(Fact::Pointer, "/items/2/quantity")
///     .with(Fact::Parameter, "items[2].quantity");
/// assert_eq!(violation.rule(), "range");
/// assert_eq!(violation.fact(Fact::Rule), Some("range"));
/// assert_eq!(violation.fact(Fact::Pointer), Some("/items/2/quantity"));
/// assert_eq!(violation.fact(Fact::Method), None);
/// ```
#[derive(Clone, Copy)]
pub struct Violation<'a> {
    fact: Facts<'a>,
}

impl<'a> Violation<'a> {
    /// A violation of `rule`, at the whole value (no `pointer` yet).
    ///
    /// See [`Violation`] for an example.
    #[must_use]
    pub const fn new(rule: &'a str) -> Violation<'a> {
        let mut fact = Facts::EMPTY;
        fact.values[Fact::Rule.index()] = Some(rule);
        Violation { fact }
    }

    /// The same violation with `fact` set to `value`.
    ///
    /// See [`Violation`] for an example.
    #[must_use]
    pub const fn with(mut self, fact: Fact, value: &'a str) -> Violation<'a> {
        self.fact.values[fact.index()] = Some(value);
        self
    }

    /// The same violation with the validator's own description of it, for the log.
    ///
    /// ```
    /// use error_contract::Violation;
    ///
    /// let said = "length is lower than 1";
    /// let violation = Violation::new("length").with_cause(&said);
    /// assert_eq!(violation.cause().unwrap().to_string(), said);
    /// ```
    #[must_use]
    pub const fn with_cause(mut self, cause: &'a dyn fmt::Display) -> Violation<'a> {
        self.fact.cause = Some(cause);
        self
    }

    /// The rule's name.
    ///
    /// See [`Violation`] for an example.
    #[must_use]
    pub const fn rule(&self) -> &'a str {
        match self.fact.values[Fact::Rule.index()] {
            Some(rule) => rule,
            None => "",
        }
    }

    /// The value of `fact`, if the validator knows it.
    ///
    /// See [`Violation`] for an example.
    #[must_use]
    pub const fn fact(&self, fact: Fact) -> Option<&'a str> {
        self.fact.values[fact.index()]
    }

    /// The validator's own description of the violation. For the developer's log: never put it
    /// in a body (it may quote the value).
    ///
    /// See [`Violation::with_cause`] for an example.
    #[must_use]
    pub fn cause(&self) -> Option<&'a dyn fmt::Display> {
        self.fact.cause
    }
}

impl fmt::Debug for Violation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Violation");
        self.fact.debug_fields(&mut s);
        s.finish()
    }
}

/// An error type whose variants answer broken validation rules: for each [`Violation`], the
/// variant that goes into the response's [`Errors`].
///
/// The derive implements it for an enum with at least one variant with `validate`. Which
/// variant answers a violation: the variant that names its rule (`validate = "length"`, or
/// several with `validate("length", "range")`); else the variant with the flag `validate`, which
/// the derive requires once any variant names rules, so that every rule (a custom validator's
/// code too) has an answer.
///
/// ```
/// use error_contract::{ApiError, Fact, Errors, FromViolation, Violation};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "problem", rename_all = "snake_case")]
/// enum OrderError {
///     #[api_error(status = 422, message = "out of range", validate = "range")]
///     OutOfRange {
///         #[api_error(expose, fact = "pointer")]
///         pointer: String,
///     },
///     #[api_error(status = 422, message = "invalid value", validate)]
///     Invalid {
///         #[api_error(expose, fact = "pointer")]
///         pointer: String,
///         #[api_error(expose, fact = "rule")]
///         rule: String,
///     },
/// }
///
/// let error = OrderError::from_violation(&Violation::new("range").with(Fact::Pointer, "/quantity"));
/// assert_eq!(error.code(), "out_of_range");
/// let error = OrderError::from_violation(&Violation::new("email").with(Fact::Pointer, "/email"));
/// assert_eq!(
///     &*error.body(),
///     r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"invalid value","code":"invalid","pointer":"/email","rule":"email"}"#
/// );
///
/// let violations = [
///     Violation::new("range").with(Fact::Pointer, "/product"),
///     Violation::new("range").with(Fact::Pointer, "/quantity"),
/// ];
/// let errors = Errors::<OrderError>::from_violations(&violations).unwrap();
/// assert_eq!(errors.len(), 2);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not say which of its variants answer broken validation rules",
    label = "no variant of `{Self}` has `validate`",
    note = "add `validate` to the variants that answer them: `validate = \"length\"`, `validate(\"range\", \"email\")`, and the flag `validate` on the one that answers every other rule"
)]
pub trait FromViolation: ApiError + Sized {
    /// The rules the variants name (`validate = "range"`, `validate("length", "email")`), in
    /// the order of the variants; every other rule goes to the variant with the flag
    /// `validate`. The derive writes it; what documents a validating route reads it.
    ///
    /// ```
    /// use error_contract::{ApiError, FromViolation};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(rename_all = "snake_case")]
    /// enum FormError {
    ///     #[api_error(status = 422, message = "out of range", validate("range", "length"))]
    ///     OutOfRange,
    ///     #[api_error(status = 422, message = "invalid value", validate)]
    ///     Invalid,
    /// }
    ///
    /// assert_eq!(FormError::RULES, ["range", "length"]);
    /// ```
    const RULES: &'static [&'static str] = &[];

    /// The variant that answers `violation`.
    ///
    /// See [`FromViolation`] for an example.
    fn from_violation(violation: &Violation<'_>) -> Self;
}

impl<E: FromViolation> Errors<E> {
    /// The variant of `E` that answers each violation, in order; `None` for no violation.
    ///
    /// See [`FromViolation`] for an example.
    pub fn from_violations<'r, 'v: 'r, I>(violations: I) -> Option<Errors<E>>
    where
        I: IntoIterator<Item = &'r Violation<'v>>,
    {
        Errors::try_from_iter(violations.into_iter().map(E::from_violation))
    }
}

/// The place of a value inside the validated one, as the bridges walk to it: written as a JSON
/// Pointer (`/items/2/quantity`) and as validators print it (`items[2].quantity`).
#[cfg(any(feature = "validator", feature = "garde"))]
#[derive(Default)]
pub(crate) struct FieldPath {
    pointer: String,
    parameter: String,
}

#[cfg(any(feature = "validator", feature = "garde"))]
impl FieldPath {
    /// Goes into the member `key`.
    pub(crate) fn key(&mut self, key: &str) {
        self.pointer.push('/');
        for c in key.chars() {
            match c {
                '~' => self.pointer.push_str("~0"),
                '/' => self.pointer.push_str("~1"),
                c => self.pointer.push(c),
            }
        }
        if !self.parameter.is_empty() {
            self.parameter.push('.');
        }
        self.parameter.push_str(key);
    }

    /// Goes into the item `index` of a list.
    pub(crate) fn index(&mut self, index: usize) {
        use core::fmt::Write as _;
        let _ = write!(self.pointer, "/{index}");
        let _ = write!(self.parameter, "[{index}]");
    }

    /// Where a path was before going further (for [`FieldPath::truncate`]).
    pub(crate) fn mark(&self) -> (usize, usize) {
        (self.pointer.len(), self.parameter.len())
    }

    /// Back to where `mark` was taken.
    pub(crate) fn truncate(&mut self, (pointer, parameter): (usize, usize)) {
        self.pointer.truncate(pointer);
        self.parameter.truncate(parameter);
    }

    /// The violation of `rule` at this place: `pointer` always, `parameter` below the root.
    pub(crate) fn violation<'a>(&'a self, rule: &'a str) -> Violation<'a> {
        let violation = Violation::new(rule).with(Fact::Pointer, &self.pointer);
        if self.parameter.is_empty() {
            violation
        } else {
            violation.with(Fact::Parameter, &self.parameter)
        }
    }
}
