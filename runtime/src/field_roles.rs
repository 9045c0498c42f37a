//! The traits a field's type needs for the role an attribute gives it: a `header` field read
//! back from a response's header, a run-time `status` field. The derive bounds each field by
//! its role's trait, so a wrong type is reported on the field with what to write.

use crate::Status;

/// The type of a `header` field of a type with `decode`: read back from the header's text.
#[diagnostic::on_unimplemented(
    message = "with `decode`, a `header` field is read back from the response's header: `{Self}` must implement `FromStr`",
    label = "read from a header",
    note = "`String`, the integers and `error_contract::RetryAfter` implement it; for a type of your own, implement `FromStr` to parse what its `Display` writes"
)]
pub trait HeaderField: Sized {
    /// The value a header's text gives, if it parses.
    fn __from_header(value: &str) -> Option<Self>;
}

impl<T: core::str::FromStr> HeaderField for T {
    fn __from_header(value: &str) -> Option<T> {
        value.trim_matches([' ', '\t']).parse().ok()
    }
}

/// The type of a `#[api_error(status)]` field.
#[diagnostic::on_unimplemented(
    message = "a `#[api_error(status)]` field must be `u16` or `error_contract::Status`, not `{Self}`",
    label = "this field gives the run-time status"
)]
pub trait StatusValue {
    /// The status the field holds.
    fn __status(&self) -> u16;
    /// The field's value for a response's status.
    fn __from_status(status: Status) -> Self;
}

impl StatusValue for u16 {
    fn __status(&self) -> u16 {
        *self
    }
    fn __from_status(status: Status) -> u16 {
        status.as_u16()
    }
}

impl StatusValue for Status {
    fn __status(&self) -> u16 {
        self.as_u16()
    }
    fn __from_status(status: Status) -> Status {
        status
    }
}
