//! Feature `garde`: the broken rules of a `garde::Validate` value as an
//! [`Errors<E>`](crate::Errors), each the variant of `E` that names its rule with `validate`.
//!
//! garde's errors carry a message, not a rule's name; [`validate`] validates under an
//! `I18n` that records each rule (`length`, `range`, `email`, `url`, `pattern`, `contains`,
//! `prefix`, `suffix`, `matches`, `ip`, `credit_card`, `phone_number`, `ascii`, `alphanumeric`,
//! `required`; a custom validator's error is `custom`), so its violations name their rules
//! whatever `I18n` the application uses. A `garde::Report` converted with `From` is read by
//! garde's default English messages (another `I18n`'s messages give `custom`). Each error's
//! `pointer` is the JSON Pointer of its field (`/items/2/quantity`), its `parameter` the path as
//! garde prints it (`items[2].quantity`), and garde's message is the violation's cause, which
//! never reaches a body. Errors come in the order of garde's report.
//!
//! ```
//! use error_contract::{ApiError, Errors};
//! use garde::Validate;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(style = "problem", rename_all = "snake_case")]
//! enum ShopError {
//!     /// A value is out of its range.
//!     #[api_error(status = 422, message = "out of range", validate = "range")]
//!     OutOfRange {
//!         #[api_error(expose, fact = "pointer")]
//!         pointer: String,
//!     },
//!     /// Any other broken rule.
//!     #[api_error(status = 422, message = "invalid value", validate)]
//!     Invalid {
//!         #[api_error(expose, fact = "pointer")]
//!         pointer: String,
//!         #[api_error(expose, fact = "rule")]
//!         rule: String,
//!     },
//! }
//!
//! #[derive(Validate)]
//! struct Order {
//!     #[garde(range(min = 1))]
//!     product: u64,
//!     #[garde(dive)]
//!     items: Vec<Item>,
//! }
//!
//! #[derive(Validate)]
//! struct Item {
//!     #[garde(range(min = 1, max = 99))]
//!     quantity: i64,
//!     #[garde(length(min = 1))]
//!     note: String,
//! }
//!
//! let order = Order {
//!     product: 0,
//!     items: vec![Item { quantity: 1, note: "gift".into() }, Item { quantity: 100, note: String::new() }],
//! };
//! let errors: Errors<ShopError> = error_contract::garde::validate(&order, &()).unwrap_err();
//! assert_eq!(
//!     &*errors.body(),
//!     r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Unprocessable Content","errors":[{"detail":"invalid value","code":"invalid","pointer":"/items/1/note","rule":"length"},{"detail":"out of range","code":"out_of_range","pointer":"/items/1/quantity"},{"detail":"out of range","code":"out_of_range","pointer":"/product"}]}"#
//! );
//! ```

use crate::violation::FieldPath;
use crate::{Errors, FromViolation};
use ::garde::i18n::{
    DefaultI18n, I18n, InvalidCreditCard, InvalidEmail, InvalidPhoneNumber, InvalidUrl, IpKind,
};
use ::garde::{Report, Validate};
use core::fmt::Display;
use std::borrow::Cow;

/// Validates `value` with `context` (`&()` for most types): `Ok(())`, or its broken rules as
/// `Errors<E>`, each with the name of its rule.
///
/// # Errors
///
/// Every rule `value` breaks, in garde's order.
///
/// See the [module](self) for an example.
pub fn validate<E, T>(value: &T, context: &T::Context) -> Result<(), Errors<E>>
where
    E: FromViolation,
    T: Validate + ?Sized,
{
    ::garde::with_i18n(Rules, || value.validate_with(context))
        .map_err(|report| Errors::from(&report))
}

/// Each broken rule, the variant of `E` that answers it. An empty `Report` (which `validate()`
/// never returns) is one violation of the whole value with no rule, answered by the variant with
/// the flag `validate`.
///
/// ```
/// use error_contract::{ApiError, Errors};
/// use garde::{Error, Path, Report};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum FormError {
///     #[api_error(status = 422, message = "too short", validate = "length")]
///     TooShort {
///         #[api_error(expose, rename = "field", fact = "parameter")]
///         parameter: Option<String>,
///     },
///     #[api_error(status = 422, message = "invalid value", validate)]
///     Invalid,
/// }
///
/// let mut report = Report::new();
/// report.append(Path::new("tags").join(1), Error::new("length is lower than 2"));
/// let errors = Errors::<FormError>::from(report);
/// assert_eq!(&*errors.body(), r#"{"code":"too_short","message":"too short","field":"tags[1]"}"#);
/// ```
impl<E: FromViolation> From<Report> for Errors<E> {
    fn from(report: Report) -> Errors<E> {
        Errors::from(&report)
    }
}

/// As the conversion of an owned `Report`.
///
/// ```
/// use error_contract::{ApiError, Errors};
/// use garde::{Error, Path, Report};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum FormError {
///     #[api_error(status = 422, message = "invalid value", validate)]
///     Invalid,
/// }
///
/// let mut report = Report::new();
/// report.append(Path::new("name"), Error::new("not set"));
/// assert_eq!(Errors::<FormError>::from(&report).len(), 1);
/// ```
impl<E: FromViolation> From<&Report> for Errors<E> {
    fn from(report: &Report) -> Errors<E> {
        let mut out = Vec::new();
        let mut path = FieldPath::default();
        for (place, error) in report.iter() {
            let mark = path.mark();
            walk(place, &mut path);
            let (rule, message) = rule(error.message());
            out.push(E::from_violation(
                &path.violation(rule).with_cause(&message),
            ));
            path.truncate(mark);
        }
        Errors::try_from(out)
            .unwrap_or_else(|_| Errors::new(E::from_violation(&FieldPath::default().violation(""))))
    }
}

/// Goes down `place`, read through its `Serialize` impl (a list of `[kind, component]`).
fn walk(place: &::garde::Path, path: &mut FieldPath) {
    let Ok(serde_json::Value::Array(components)) = serde_json::to_value(place) else {
        return;
    };
    for component in &components {
        match (
            component.get(0).and_then(|k| k.as_str()),
            component.get(1).and_then(|c| c.as_str()),
        ) {
            (Some("index"), Some(index)) => match index.parse() {
                Ok(index) => path.index(index),
                Err(_) => path.key(index),
            },
            (Some("key"), Some(key)) => path.key(key),
            _ => {}
        }
    }
}

/// Separates the rule that [`Rules`] put before a message.
const TAG: char = '\u{1f}';

/// The rule and the message of a garde error: tagged by [`Rules`], else recognized by garde's
/// default messages, else `custom`.
fn rule(message: &str) -> (&str, &str) {
    // `DefaultI18n`'s messages, most specific first (`length is lower than` before `lower than`).
    const DEFAULTS: &[(&str, &str)] = &[
        ("length is ", "length"),
        ("lower than ", "range"),
        ("greater than ", "range"),
        ("not a valid credit card", "credit_card"),
        ("does not match pattern ", "pattern"),
        ("does not contain ", "contains"),
        ("not a valid url", "url"),
        ("value does not begin with ", "prefix"),
        ("does not end with ", "suffix"),
        ("not a valid phone number", "phone_number"),
        ("not a valid IP", "ip"),
        ("does not match ", "matches"),
        ("not a valid email", "email"),
        ("not ascii", "ascii"),
        ("not alphanumeric", "alphanumeric"),
        ("not set", "required"),
    ];
    if let Some((rule, text)) = message.split_once(TAG) {
        return (rule, text);
    }
    let rule = DEFAULTS
        .iter()
        .find(|(prefix, _)| message.starts_with(prefix))
        .map_or("custom", |(_, rule)| rule);
    (rule, message)
}

/// garde's default messages, each after the name of its rule and [`TAG`].
struct Rules;

fn tagged(rule: &str, message: &str) -> Cow<'static, str> {
    Cow::Owned(format!("{rule}{TAG}{message}"))
}

impl I18n for Rules {
    fn length_lower_than(&self, min: usize) -> Cow<'static, str> {
        tagged("length", &DefaultI18n.length_lower_than(min))
    }
    fn length_greater_than(&self, max: usize) -> Cow<'static, str> {
        tagged("length", &DefaultI18n.length_greater_than(max))
    }
    fn range_lower_than(&self, min: &dyn Display) -> Cow<'static, str> {
        tagged("range", &DefaultI18n.range_lower_than(min))
    }
    fn range_greater_than(&self, max: &dyn Display) -> Cow<'static, str> {
        tagged("range", &DefaultI18n.range_greater_than(max))
    }
    fn credit_card_invalid(&self, reason: InvalidCreditCard) -> Cow<'static, str> {
        tagged("credit_card", &DefaultI18n.credit_card_invalid(reason))
    }
    fn pattern_no_match(&self, pattern: &dyn Display) -> Cow<'static, str> {
        tagged("pattern", &DefaultI18n.pattern_no_match(pattern))
    }
    fn contains_missing(&self, pattern: &dyn Display) -> Cow<'static, str> {
        tagged("contains", &DefaultI18n.contains_missing(pattern))
    }
    fn url_invalid(&self, reason: InvalidUrl) -> Cow<'static, str> {
        tagged("url", &DefaultI18n.url_invalid(reason))
    }
    fn prefix_missing(&self, pattern: &dyn Display) -> Cow<'static, str> {
        tagged("prefix", &DefaultI18n.prefix_missing(pattern))
    }
    fn suffix_missing(&self, pattern: &dyn Display) -> Cow<'static, str> {
        tagged("suffix", &DefaultI18n.suffix_missing(pattern))
    }
    fn phone_number_invalid(&self, reason: InvalidPhoneNumber) -> Cow<'static, str> {
        tagged("phone_number", &DefaultI18n.phone_number_invalid(reason))
    }
    fn ip_invalid(&self, kind: IpKind) -> Cow<'static, str> {
        tagged("ip", &DefaultI18n.ip_invalid(kind))
    }
    fn matches_field_mismatch(&self, field: &dyn Display) -> Cow<'static, str> {
        tagged("matches", &DefaultI18n.matches_field_mismatch(field))
    }
    fn email_invalid(&self, reason: InvalidEmail) -> Cow<'static, str> {
        tagged("email", &DefaultI18n.email_invalid(reason))
    }
    fn ascii_invalid(&self) -> Cow<'static, str> {
        tagged("ascii", &DefaultI18n.ascii_invalid())
    }
    fn alphanumeric_invalid(&self) -> Cow<'static, str> {
        tagged("alphanumeric", &DefaultI18n.alphanumeric_invalid())
    }
    fn required_not_set(&self) -> Cow<'static, str> {
        tagged("required", &DefaultI18n.required_not_set())
    }
}

#[cfg(test)]
mod tests {
    use super::rule;

    #[test]
    fn rules_from_tags_and_default_messages() {
        assert_eq!(rule("range\u{1f}lower than 1"), ("range", "lower than 1"));
        assert_eq!(
            rule("length is lower than 1"),
            ("length", "length is lower than 1")
        );
        assert_eq!(rule("lower than 1"), ("range", "lower than 1"));
        assert_eq!(
            rule("does not match pattern /x/"),
            ("pattern", "does not match pattern /x/")
        );
        assert_eq!(
            rule("does not match password field"),
            ("matches", "does not match password field")
        );
        assert_eq!(
            rule("not a valid IPv4 address"),
            ("ip", "not a valid IPv4 address")
        );
        assert_eq!(rule("username is taken"), ("custom", "username is taken"));
    }
}
