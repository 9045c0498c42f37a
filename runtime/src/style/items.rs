//! What a style writes the body of several errors from.

use super::Parts;
use crate::{Code, Status};
use core::fmt;

/// What a [`Style`](super::Style) writes the body of several errors from: each error's [`Parts`], and the
/// parts that describe the whole.
///
/// A style's [`Style::write_errors`](super::Style::write_errors) receives it; see there for an example.
#[derive(Clone, Copy)]
pub struct Items<'a> {
    list: &'a dyn List,
    status: Status,
    shared: bool,
}

/// The errors of a collection, without `E` in [`Items`]'s type.
pub(crate) trait List {
    fn len(&self) -> usize;
    fn visit(&self, index: usize, visit: &mut dyn FnMut(&Parts<'_>));
    fn code(&self) -> Code<'_>;
}

impl<'a> Items<'a> {
    /// The items of a collection: its errors, its status, and whether they share one code.
    pub(crate) fn new(list: &'a dyn List, status: Status, shared: bool) -> Items<'a> {
        Items {
            list,
            status,
            shared,
        }
    }

    /// The number of errors (two or more when a style writes them).
    ///
    /// See [`Style::write_errors`](super::Style::write_errors) for an example.
    #[must_use]
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are no errors (never, for a collection's items).
    ///
    /// See [`Style::write_errors`](super::Style::write_errors) for an example.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.len() == 0
    }

    /// The status of the whole response (see [`Errors`](crate::Errors) for the rule).
    ///
    /// See [`Style::write_errors`](super::Style::write_errors) for an example.
    #[must_use]
    pub fn status(&self) -> Status {
        self.status
    }

    /// The code every error has, or `None` when their codes differ.
    ///
    /// See [`Style::write_errors`](super::Style::write_errors) for an example.
    #[must_use]
    pub fn code(&self) -> Option<Code<'_>> {
        self.shared.then(|| self.list.code())
    }

    /// Hands the parts of each error to `visit`, in order.
    ///
    /// See [`Style::write_errors`](super::Style::write_errors) for an example.
    pub fn for_each(&self, visit: &mut dyn FnMut(&Parts<'_>)) {
        for index in 0..self.list.len() {
            self.list.visit(index, visit);
        }
    }

    /// Hands the parts that describe the whole to `visit`: with the collection's status, the
    /// first error's code, message, title and type base when every error has its code; else the
    /// status as a numeric code and its reason phrase as the message (a style leaves the code
    /// out when [`Items::code`] is `None`). Never any fields.
    ///
    /// ```
    /// use error_contract::json::JsonWriter;
    /// use error_contract::style::Items;
    /// use error_contract::{ApiError, Errors, Parts, Style};
    ///
    /// /// `{"error":"..."}`; several: `{"error":"<the whole>","count":N}`.
    /// struct Count;
    ///
    /// impl Style for Count {
    ///     fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         out.raw(r#"{"error":"#);
    ///         out.display(parts.message());
    ///         out.raw("}");
    ///     }
    ///
    ///     fn write_errors(items: &Items<'_>, out: &mut JsonWriter<'_>) {
    ///         items.summary(&mut |whole| {
    ///             out.raw(r#"{"error":"#);
    ///             out.display(whole.message());
    ///         });
    ///         out.raw(r#","count":"#);
    ///         out.number(items.len() as u64);
    ///         out.raw("}");
    ///     }
    /// }
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = Count)]
    /// enum FormError {
    ///     #[api_error(status = 422, code = "name", message = "name is required")]
    ///     Name,
    ///     #[api_error(status = 409, code = "taken", message = "name is taken")]
    ///     Taken,
    /// }
    ///
    /// let errors = Errors::<FormError>::try_from(vec![FormError::Name, FormError::Name]).unwrap();
    /// assert_eq!(&*errors.body(), r#"{"error":"name is required","count":2}"#);
    /// let errors = Errors::<FormError>::try_from(vec![FormError::Name, FormError::Taken]).unwrap();
    /// assert_eq!(&*errors.body(), r#"{"error":"Bad Request","count":2}"#);
    /// ```
    pub fn summary(&self, visit: &mut dyn FnMut(&Parts<'_>)) {
        let status = self.status;
        let shared = self.shared;
        // The first error's member names: one enum's, so every error's.
        self.list.visit(0, &mut |first| {
            if shared {
                let parts = Parts::new(status, first.code(), first.message())
                    .with_title(first.declared_title())
                    .with_type_base(first.type_base())
                    .with_names(first.names())
                    .with_grpc(None, first.grpc_domain());
                visit(&parts);
            } else {
                let message = error_contract_wire::reason::title(status.as_u16());
                let code = Code::Num(u32::from(status.as_u16()));
                visit(
                    &Parts::new(status, code, &message)
                        .with_names(first.names())
                        .with_grpc(None, first.grpc_domain()),
                );
            }
        });
    }
}

impl fmt::Debug for Items<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("len", &self.len())
            .field("status", &self.status)
            .field("code", &self.code())
            .finish()
    }
}
