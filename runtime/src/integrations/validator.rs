//! Feature `validator`: the broken rules of a `validator::Validate` value as an
//! [`Errors<E>`](crate::Errors), each the variant of `E` that names its rule with `validate`.
//!
//! Each `validator::ValidationError` is a [`Violation`] whose rule is its `code` (`length`,
//! `range`, `email`, a custom validator's code), whose `pointer` is the JSON Pointer of the field
//! (`/items/2/quantity`, nested structs and lists included; a struct-level `schema` error is at
//! its struct) and whose `parameter` is the same path as validators print it
//! (`items[2].quantity`). The validator's own message and parameters (which may quote the value)
//! are the violation's cause, for a hand-written [`FromViolation`], and never reach a body. The
//! fields of a struct come in the order of their names (`validator` keeps them in a hash map),
//! the items of a list in order.
//!
//! ```
//! use error_contract::{ApiError, Errors};
//! use validator::Validate;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(style = "dto")]
//! enum ShopError {
//!     /// A value is out of its range.
//!     #[api_error(status = 422, code = 5001, message = "out of range", validate = "range")]
//!     OutOfRange {
//!         #[api_error(expose, rename = "subject", fact = "pointer")]
//!         pointer: String,
//!     },
//!     /// Any other broken rule.
//!     #[api_error(status = 422, code = 5000, message = "validation error", validate)]
//!     Invalid {
//!         #[api_error(expose, rename = "subject", fact = "pointer")]
//!         pointer: String,
//!     },
//! }
//!
//! #[derive(Validate)]
//! struct Order {
//!     #[validate(range(min = 1))]
//!     product: u64,
//!     #[validate(nested)]
//!     items: Vec<Item>,
//! }
//!
//! #[derive(Validate)]
//! struct Item {
//!     #[validate(range(min = 1, max = 99))]
//!     quantity: i64,
//!     #[validate(length(min = 1))]
//!     note: String,
//! }
//!
//! let order = Order {
//!     product: 0,
//!     items: vec![Item { quantity: 1, note: "gift".into() }, Item { quantity: 100, note: String::new() }],
//! };
//! let errors: Errors<ShopError> = error_contract::validator::validate(&order).unwrap_err();
//! assert_eq!(errors.status().as_u16(), 422);
//! assert_eq!(
//!     &*errors.body(),
//!     r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"/items/1/note"},{"errorCode":5001,"message":"out of range","subject":"/items/1/quantity"},{"errorCode":5001,"message":"out of range","subject":"/product"}]}"#
//! );
//! ```

use crate::violation::FieldPath;
use crate::{Errors, FromViolation, Violation};
use ::validator::{Validate, ValidationErrors, ValidationErrorsKind};

/// Validates `value`: `Ok(())`, or its broken rules as `Errors<E>`.
///
/// # Errors
///
/// Every rule `value` breaks, in the order of the [module](self)'s documentation.
///
/// See the [module](self) for an example.
pub fn validate<E: FromViolation, T: Validate + ?Sized>(value: &T) -> Result<(), Errors<E>> {
    value.validate().map_err(|errors| Errors::from(&errors))
}

/// Each broken rule, the variant of `E` that answers it. An empty `ValidationErrors` (which
/// `validate()` never returns) is one violation of the whole value with no rule, answered by the
/// variant with the flag `validate`.
///
/// ```
/// use error_contract::{ApiError, Errors};
/// use validator::{ValidationError, ValidationErrors};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum FormError {
///     #[api_error(status = 422, message = "invalid value", validate)]
///     Invalid {
///         #[api_error(expose, rename = "field", fact = "parameter")]
///         parameter: Option<String>,
///         #[api_error(expose, fact = "rule")]
///         rule: String,
///     },
/// }
///
/// let mut report = ValidationErrors::new();
/// report.add("username", ValidationError::new("taken"));
/// let errors = Errors::<FormError>::from(report);
/// assert_eq!(&*errors.body(), r#"{"code":"invalid","message":"invalid value","field":"username","rule":"taken"}"#);
/// ```
impl<E: FromViolation> From<ValidationErrors> for Errors<E> {
    fn from(errors: ValidationErrors) -> Errors<E> {
        Errors::from(&errors)
    }
}

/// As the conversion of an owned `ValidationErrors`.
///
/// ```
/// use error_contract::{ApiError, Errors};
/// use validator::{ValidationError, ValidationErrors};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum FormError {
///     #[api_error(status = 422, message = "invalid value", validate)]
///     Invalid,
/// }
///
/// let mut report = ValidationErrors::new();
/// report.add("username", ValidationError::new("taken"));
/// assert_eq!(Errors::<FormError>::from(&report).len(), 1);
/// ```
impl<E: FromViolation> From<&ValidationErrors> for Errors<E> {
    fn from(errors: &ValidationErrors) -> Errors<E> {
        let mut out = Vec::new();
        walk(errors, &mut FieldPath::default(), &mut |violation| {
            out.push(E::from_violation(violation));
        });
        Errors::try_from(out)
            .unwrap_or_else(|_| Errors::new(E::from_violation(&FieldPath::default().violation(""))))
    }
}

/// Every error of `errors`, fields by name, below `path`.
fn walk(errors: &ValidationErrors, path: &mut FieldPath, out: &mut dyn FnMut(&Violation<'_>)) {
    let mut fields: Vec<_> = errors.errors().iter().collect();
    fields.sort_by_key(|(key, _)| *key);
    for (key, kind) in fields {
        let mark = path.mark();
        // A struct-level (`schema`) error is the struct's own.
        if key != "__all__" {
            path.key(key);
        }
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    out(&path.violation(&error.code).with_cause(error));
                }
            }
            ValidationErrorsKind::Struct(inner) => walk(inner, path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    let item = path.mark();
                    path.index(*index);
                    walk(inner, path, out);
                    path.truncate(item);
                }
            }
        }
        path.truncate(mark);
    }
}
