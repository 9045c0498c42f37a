//! Wire styles: how an error becomes a JSON body, and how a body is read back.
//!
//! The five built-in styles are the error bodies API pages commonly document: [`Dto`]
//! (`{"errors":[{"errorCode":..,"message":..}]}`), [`Nested`] (`{"error":{"code":..,"message":..}}`),
//! [`Flat`] (`{"code":..,"message":..}`), [`Message`] (`{"errorMessage":..}`) and [`Problem`]
//! (RFC 9457 problem details). Each is one set of rules in the `error-contract-wire` crate (its
//! member names, its body of one error, its body of several, where a reader finds the error):
//! the derive writes the bodies that have no run-time part with them at compile time, and the
//! runtime writes the others and reads every body back with them.
//!
//! A format none of them has is a type implementing [`Style`]: it writes with [`JsonWriter`] and
//! reads with `serde_json`, and `#[api_error(style = path::To::Style)]` names it.

use crate::json::{Field, JsonWriter};
use crate::{Code, Status};
use core::fmt::{self, Display};
use error_contract_wire::Builtin;

pub use error_contract_wire::{Constant, ConstantValue, Names};
pub use items::Items;
pub(crate) use items::List;
pub(crate) use read::ReadCode;
pub use read::Received;

mod items;
pub(crate) mod read;
pub(crate) mod write;

/// A wire format for error bodies.
///
/// Name a type implementing it in `#[api_error(style = path::To::Style)]` to use your own format.
/// `write_body` is called twice per body (to measure, then to write) and must write the same
/// thing both times. A body with run-time parts (exposed fields, an interpolated or run-time
/// message, a run-time status) is built at each call, in one allocation; one without is written
/// at its first use and kept, so later calls allocate nothing.
///
/// ```
/// use error_contract::json::JsonWriter;
/// use error_contract::{ApiError, Parts, Style};
///
/// /// `{"error_code":"...","error_description":"..."}`, as in OAuth 2.0.
/// struct OAuth;
///
/// impl Style for OAuth {
///     fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
///         out.raw(r#"{"error_code":"#);
///         out.code(parts.code());
///         out.raw(r#","error_description":"#);
///         out.display(parts.message());
///         out.fields(parts.fields());
///         out.raw("}");
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = OAuth, rename_all = "snake_case")]
/// enum TokenError {
///     #[api_error(status = 400, message = "the grant is invalid")]
///     InvalidGrant,
/// }
///
/// assert_eq!(
///     &*TokenError::InvalidGrant.body(),
///     r#"{"error_code":"invalid_grant","error_description":"the grant is invalid"}"#
/// );
/// ```
pub trait Style {
    /// The `Content-Type` of bodies in this style.
    const CONTENT_TYPE: &'static str = "application/json";

    /// The built-in style this is, for the documentation of a body of several errors; `None` for
    /// a custom style. Not public API.
    #[doc(hidden)]
    const __BUILTIN: Option<Builtin> = None;

    /// Writes the body of one error.
    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>);

    /// Reads a body back, for [`Decode`](crate::Decode): the code, the message and the other
    /// members, borrowed from the body, or `None` when it is not a body of this style. Read it
    /// with `serde_json`: [`Received::from_object`] reads an object's code and message members and
    /// keeps the others for the fields, and `serde_json::from_str` with a struct of
    /// `&RawValue` members finds that object in an envelope. The default reads nothing, so a
    /// custom style decodes every response by its status alone until it implements this.
    ///
    /// ```
    /// use error_contract::json::JsonWriter;
    /// use error_contract::style::Received;
    /// use error_contract::{Code, Parts, Style};
    /// use serde_json::value::RawValue;
    ///
    /// /// `{"fault":{"error":"...","error_description":"..."}}`.
    /// struct Fault;
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Envelope<'a> {
    ///     #[serde(borrow)]
    ///     fault: &'a RawValue,
    /// }
    ///
    /// impl Style for Fault {
    ///     fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         out.raw(r#"{"fault":{"error":"#);
    ///         out.code(parts.code());
    ///         out.raw(r#","error_description":"#);
    ///         out.display(parts.message());
    ///         out.raw("}}");
    ///     }
    ///
    ///     fn read_body(body: &str) -> Option<Received<'_>> {
    ///         let envelope: Envelope<'_> = serde_json::from_str(body).ok()?;
    ///         Received::from_object(envelope.fault.get(), Some("error"), "error_description")
    ///     }
    /// }
    ///
    /// let received = Fault::read_body(r#"{"fault":{"error":"invalid_grant","error_description":"expired"}}"#).unwrap();
    /// assert_eq!(received.code(), Some(Code::Str("invalid_grant")));
    /// assert_eq!(received.message(), Some("expired"));
    /// ```
    fn read_body(body: &str) -> Option<Received<'_>> {
        let _ = body;
        None
    }

    /// Writes the body of several errors (two or more: a collection of one error is written as
    /// that error's body). Called twice per body, like `write_body`.
    ///
    /// The default writes `{"errors":[...]}` with each error's own body in the array, which the
    /// default [`Style::read_errors`] reads back. The built-in styles write their own shapes (see
    /// [`Errors`](crate::Errors)).
    ///
    /// ```
    /// use error_contract::json::JsonWriter;
    /// use error_contract::{ApiError, Errors, Parts, Style};
    /// use error_contract::style::Items;
    ///
    /// /// `{"error":"..."}`, and `{"errors":["...","..."]}` for several.
    /// struct Terse;
    ///
    /// impl Style for Terse {
    ///     fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         out.raw(r#"{"error":"#);
    ///         out.display(parts.message());
    ///         out.raw("}");
    ///     }
    ///
    ///     fn write_errors(items: &Items<'_>, out: &mut JsonWriter<'_>) {
    ///         out.raw(r#"{"errors":["#);
    ///         let mut first = true;
    ///         items.for_each(&mut |parts| {
    ///             if !std::mem::take(&mut first) {
    ///                 out.raw(",");
    ///             }
    ///             out.display(parts.message());
    ///         });
    ///         out.raw("]}");
    ///     }
    /// }
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = Terse)]
    /// enum FormError {
    ///     #[api_error(status = 422, code = "name", message = "name is required")]
    ///     Name,
    ///     #[api_error(status = 422, code = "email", message = "email is invalid")]
    ///     Email,
    /// }
    ///
    /// let mut errors = Errors::new(FormError::Name);
    /// assert_eq!(&*errors.body(), r#"{"error":"name is required"}"#);
    /// errors.push(FormError::Email);
    /// assert_eq!(&*errors.body(), r#"{"errors":["name is required","email is invalid"]}"#);
    /// ```
    fn write_errors(items: &Items<'_>, out: &mut JsonWriter<'_>) {
        out.raw(r#"{"errors":"#);
        write::list(items, out, Self::write_body);
        out.raw("}");
    }

    /// Reads a body of several errors back, for decoding [`Errors`](crate::Errors): what
    /// [`Style::read_body`] would read of each error, or `None` when `body` is not a body of
    /// several errors in this style. `names` are the member names of the enum that decodes
    /// (`rename_members`, `skip_members`), which the built-in styles follow and a custom style
    /// may ignore. The default reads the `errors` array that the default
    /// [`Style::write_errors`] writes, each item with `read_body` (an item it cannot read is
    /// decoded by the status alone).
    ///
    /// ```
    /// use error_contract::{Code, Style};
    /// use error_contract::style::{Dto, Flat, Names};
    ///
    /// let body = r#"{"message":"Bad Request","errors":[
    ///     {"code":"name","message":"name is required"},
    ///     {"code":"email","message":"email is invalid"}
    /// ]}"#;
    /// let items = Flat::read_errors(body, &Names::DEFAULT).unwrap();
    /// assert_eq!(items[1].code(), Some(Code::Str("email")));
    ///
    /// // One error's body is not a body of several.
    /// assert!(Flat::read_errors(r#"{"code":"name","message":"?"}"#, &Names::DEFAULT).is_none());
    ///
    /// // Every item of a `dto` array is an error.
    /// let items = Dto::read_errors(r#"{"errors":[{"errorCode":1},{"errorCode":2}]}"#, &Names::DEFAULT).unwrap();
    /// assert_eq!(items.len(), 2);
    /// ```
    fn read_errors<'a>(body: &'a str, names: &Names<'_>) -> Option<Vec<Received<'a>>> {
        let _ = names;
        let items = read::default_errors(body)?;
        let read = |item: &'a serde_json::value::RawValue| {
            let received = Self::read_body(item.get()).unwrap_or_default();
            received.with_text(item.get())
        };
        Some(items.into_iter().map(read).collect())
    }
}

/// Declares a built-in style: a name for its rules in the wire crate.
macro_rules! builtin {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl Style for $name {
            const CONTENT_TYPE: &'static str = Builtin::$name.content_type();
            const __BUILTIN: Option<Builtin> = Some(Builtin::$name);

            fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
                write::body(Builtin::$name, parts, out);
            }

            fn read_body(body: &str) -> Option<Received<'_>> {
                let mut received = Received::default();
                let plan = &Builtin::$name.read_plan(&Names::DEFAULT);
                read::body(plan, body.as_bytes(), &mut received, &mut ()).then_some(received)
            }

            fn write_errors(items: &Items<'_>, out: &mut JsonWriter<'_>) {
                write::errors(Builtin::$name, items, out);
            }

            fn read_errors<'a>(body: &'a str, names: &Names<'_>) -> Option<Vec<Received<'a>>> {
                let plan = &Builtin::$name.read_plan(names);
                let items = read::errors::<()>(plan, body.as_bytes())?;
                Some(items.into_iter().map(|(item, ())| item).collect())
            }
        }
    };
}

builtin! {
    /// `{"errors":[{"errorCode":3001,"message":"entity not found"}]}`: exposed fields go inside
    /// the array item, and a body of several errors has an item per error. The code should be
    /// numeric (the derive insists); a string code is written as a string.
    ///
    /// ```
    /// use error_contract::{Body, Code, Parts, Status, style::Dto};
    ///
    /// let parts = Parts::new(Status::NOT_FOUND, Code::Num(3001), &"entity not found");
    /// assert_eq!(
    ///     &*Body::build::<Dto>(&parts),
    ///     r#"{"errors":[{"errorCode":3001,"message":"entity not found"}]}"#
    /// );
    /// ```
    Dto
}

builtin! {
    /// `{"error":{"code":3001,"message":"entity not found"}}`: exposed fields go inside `error`;
    /// a body of several errors lists them in `details` inside `error`, as Microsoft's REST
    /// guidelines do.
    ///
    /// ```
    /// use error_contract::{Body, Code, Parts, Status, style::Nested};
    ///
    /// let parts = Parts::new(Status::NOT_FOUND, Code::Num(3001), &"entity not found");
    /// assert_eq!(
    ///     &*Body::build::<Nested>(&parts),
    ///     r#"{"error":{"code":3001,"message":"entity not found"}}"#
    /// );
    /// ```
    Nested
}

builtin! {
    /// `{"code":3001,"message":"entity not found"}`: exposed fields follow; a body of several
    /// errors lists each error's own body in `errors`, as GitHub's
    /// `{"message":"Validation Failed","errors":[..]}`.
    ///
    /// ```
    /// use error_contract::{Body, Code, Parts, Status, style::Flat};
    ///
    /// let parts = Parts::new(Status::NOT_FOUND, Code::Num(3001), &"entity not found");
    /// assert_eq!(&*Body::build::<Flat>(&parts), r#"{"code":3001,"message":"entity not found"}"#);
    /// ```
    Flat
}

builtin! {
    /// `{"errorMessage":"entity not found"}`: no code in the body (clients tell errors apart by
    /// their message); exposed fields follow.
    ///
    /// ```
    /// use error_contract::{Body, Code, Parts, Status, style::Message};
    ///
    /// let parts = Parts::new(Status::NOT_FOUND, Code::Num(3001), &"entity not found");
    /// assert_eq!(&*Body::build::<Message>(&parts), r#"{"errorMessage":"entity not found"}"#);
    /// ```
    Message
}

builtin! {
    /// RFC 9457 problem details, `application/problem+json`:
    /// `{"type":"about:blank","title":"Not Found","status":404,"detail":"entity not found","code":3001}`.
    ///
    /// With a type base the `type` is the base followed by the code. Exposed fields are
    /// extension members after `code`. A body of several errors is one problem for the whole
    /// whose `errors` member lists each error's `detail`, `code` and fields, as RFC 9457
    /// section 3 shows a validation problem.
    ///
    /// ```
    /// use error_contract::{Body, Code, Parts, Status, Style, style::Problem};
    ///
    /// let parts = Parts::new(Status::NOT_FOUND, Code::Num(3001), &"entity not found");
    /// let body = Body::build::<Problem>(&parts);
    /// assert_eq!(
    ///     &*body,
    ///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"entity not found","code":3001}"#
    /// );
    /// assert_eq!(body.content_type(), "application/problem+json");
    /// ```
    Problem
}

/// What a style may put in a body: status, code, public message, problem title and type base,
/// and the exposed fields.
///
/// ```
/// use error_contract::json::Field;
/// use error_contract::style::Nested;
/// use error_contract::{Body, Code, Parts, Status};
///
/// let subject = "firstName";
/// let fields = [Field::new("subject", &subject)];
/// let parts = Parts::new(Status::BAD_REQUEST, Code::Num(5000), &"validation error")
///     .with_fields(&fields);
/// let body = Body::build::<Nested>(&parts);
/// assert_eq!(
///     &*body,
///     r#"{"error":{"code":5000,"message":"validation error","subject":"firstName"}}"#
/// );
/// ```
#[derive(Clone, Copy)]
pub struct Parts<'a> {
    status: Status,
    code: Code<'a>,
    message: &'a dyn Display,
    title: Option<&'a str>,
    type_base: Option<&'a str>,
    fields: &'a [Field<'a>],
    names: &'a Names<'a>,
    constants: &'a [Constant<'a>],
    instance: Option<&'a Field<'a>>,
    grpc: Option<crate::GrpcCode>,
    grpc_domain: Option<&'a str>,
}

impl<'a> Parts<'a> {
    /// The parts of an error with no title, no type base, no fields, no constant members, and
    /// each built-in style's own member names.
    ///
    /// See [`Parts`] for an example.
    pub fn new(status: Status, code: Code<'a>, message: &'a dyn Display) -> Parts<'a> {
        Parts {
            status,
            code,
            message,
            title: None,
            type_base: None,
            fields: &[],
            names: &Names::DEFAULT,
            constants: &[],
            instance: None,
            grpc: None,
            grpc_domain: None,
        }
    }

    /// Sets the gRPC code the error names (`grpc = "..."`; `None`: the code of its status) and
    /// the domain of its `ErrorInfo` (`grpc_domain`).
    ///
    /// ```
    /// use error_contract::{Code, GrpcCode, Parts, Status};
    ///
    /// let parts = Parts::new(Status::CONFLICT, Code::Str("exists"), &"exists");
    /// assert_eq!(parts.grpc_code(), GrpcCode::Aborted);
    /// let parts = parts.with_grpc(Some(GrpcCode::AlreadyExists), Some("shop.example.com"));
    /// assert_eq!(parts.grpc_code(), GrpcCode::AlreadyExists);
    /// assert_eq!(parts.grpc_domain(), Some("shop.example.com"));
    /// ```
    #[must_use]
    pub fn with_grpc(
        mut self,
        code: Option<crate::GrpcCode>,
        domain: Option<&'a str>,
    ) -> Parts<'a> {
        self.grpc = code;
        self.grpc_domain = domain;
        self
    }

    /// The error's gRPC code: the one it names, else the one of its status.
    ///
    /// See [`Parts::with_grpc`] for an example.
    #[must_use]
    pub fn grpc_code(&self) -> crate::GrpcCode {
        self.grpc
            .unwrap_or_else(|| crate::GrpcCode::of_status(self.status))
    }

    /// The domain of the error's gRPC `ErrorInfo`, if its type gives one.
    ///
    /// See [`Parts::with_grpc`] for an example.
    #[must_use]
    pub fn grpc_domain(&self) -> Option<&'a str> {
        self.grpc_domain
    }

    /// Sets the names of the members the built-in styles write themselves
    /// (`#[api_error(rename_members(...), skip_members(...))]`).
    ///
    /// ```
    /// use error_contract::style::{Flat, Names};
    /// use error_contract::{Body, Code, Parts, Status};
    ///
    /// let names = Names { code: Some("errorCode"), ..Names::DEFAULT };
    /// let parts = Parts::new(Status::NOT_FOUND, Code::Num(3001), &"entity not found")
    ///     .with_names(&names);
    /// assert_eq!(&*Body::build::<Flat>(&parts), r#"{"errorCode":3001,"message":"entity not found"}"#);
    /// ```
    #[must_use]
    pub fn with_names(mut self, names: &'a Names<'a>) -> Parts<'a> {
        self.names = names;
        self
    }

    /// Sets the constant members (`#[api_error(constants(...))]`), which the built-in styles
    /// write after their own members and the exposed fields.
    ///
    /// ```
    /// use error_contract::style::{ConstantValue, Flat, Constant};
    /// use error_contract::{Body, Code, Parts, Status};
    ///
    /// let members = [Constant { name: "doc_url", value: ConstantValue::Str("https://example.com/{code}") }];
    /// let parts = Parts::new(Status::NOT_FOUND, Code::Str("gone"), &"gone")
    ///     .with_constants(&members);
    /// assert_eq!(
    ///     &*Body::build::<Flat>(&parts),
    ///     r#"{"code":"gone","message":"gone","doc_url":"https://example.com/gone"}"#
    /// );
    /// ```
    #[must_use]
    pub fn with_constants(mut self, constants: &'a [Constant<'a>]) -> Parts<'a> {
        self.constants = constants;
        self
    }

    /// Sets the problem's `instance` member (`#[api_error(instance)]` on a field).
    ///
    /// ```
    /// use error_contract::json::Field;
    /// use error_contract::style::Problem;
    /// use error_contract::{Body, Code, Parts, Status};
    ///
    /// let path = "/orders/7";
    /// let instance = Field::new("instance", &path);
    /// let parts = Parts::new(Status::NOT_FOUND, Code::Num(1), &"no such order")
    ///     .with_instance(Some(&instance));
    /// assert_eq!(
    ///     &*Body::build::<Problem>(&parts),
    ///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no such order","instance":"/orders/7","code":1}"#
    /// );
    /// ```
    #[must_use]
    pub fn with_instance(mut self, instance: Option<&'a Field<'a>>) -> Parts<'a> {
        self.instance = instance;
        self
    }

    /// Sets the problem title (the default is the status's reason phrase).
    ///
    /// ```
    /// use error_contract::style::Problem;
    /// use error_contract::{Body, Code, Parts, Status};
    ///
    /// let parts = Parts::new(Status::NOT_FOUND, Code::Num(1), &"no such order")
    ///     .with_title(Some("Order missing"));
    /// assert_eq!(
    ///     &*Body::build::<Problem>(&parts),
    ///     r#"{"type":"about:blank","title":"Order missing","status":404,"detail":"no such order","code":1}"#
    /// );
    /// ```
    #[must_use]
    pub fn with_title(mut self, title: Option<&'a str>) -> Parts<'a> {
        self.title = title;
        self
    }

    /// Sets the problem type base: the problem `type` becomes the base followed by the code.
    ///
    /// ```
    /// use error_contract::style::Problem;
    /// use error_contract::{Body, Code, Parts, Status};
    ///
    /// let parts = Parts::new(Status::NOT_FOUND, Code::Str("order_missing"), &"no such order")
    ///     .with_type_base(Some("https://example.com/errors/"));
    /// assert_eq!(
    ///     &*Body::build::<Problem>(&parts),
    ///     r#"{"type":"https://example.com/errors/order_missing","title":"Not Found","status":404,"detail":"no such order","code":"order_missing"}"#
    /// );
    /// ```
    #[must_use]
    pub fn with_type_base(mut self, type_base: Option<&'a str>) -> Parts<'a> {
        self.type_base = type_base;
        self
    }

    /// Sets the exposed fields.
    ///
    /// See [`Parts`] for an example.
    #[must_use]
    pub fn with_fields(mut self, fields: &'a [Field<'a>]) -> Parts<'a> {
        self.fields = fields;
        self
    }

    /// The HTTP status.
    ///
    /// ```
    /// # use error_contract::{Code, Parts, Status};
    /// let parts = Parts::new(Status::GONE, Code::Num(1), &"gone");
    /// assert_eq!(parts.status(), Status::GONE);
    /// ```
    #[must_use]
    pub fn status(&self) -> Status {
        self.status
    }

    /// The stable code.
    ///
    /// ```
    /// # use error_contract::{Code, Parts, Status};
    /// let parts = Parts::new(Status::GONE, Code::Num(1), &"gone");
    /// assert_eq!(parts.code(), 1);
    /// ```
    #[must_use]
    pub fn code(&self) -> Code<'a> {
        self.code
    }

    /// The public message.
    ///
    /// ```
    /// # use error_contract::{Code, Parts, Status};
    /// let parts = Parts::new(Status::GONE, Code::Num(1), &"gone");
    /// assert_eq!(parts.message().to_string(), "gone");
    /// ```
    #[must_use]
    pub fn message(&self) -> &'a dyn Display {
        self.message
    }

    /// The problem title: the one set, else the status's reason phrase, else `"Client Error"` or
    /// `"Server Error"` for an unregistered status.
    ///
    /// ```
    /// # use error_contract::{Code, Parts, Status};
    /// let parts = Parts::new(Status::GONE, Code::Num(1), &"gone");
    /// assert_eq!(parts.title(), "Gone");
    /// let parts = Parts::new(Status::new(599).unwrap(), Code::Num(1), &"?");
    /// assert_eq!(parts.title(), "Server Error");
    /// ```
    #[must_use]
    pub fn title(&self) -> &'a str {
        match self.title {
            Some(title) => title,
            None => error_contract_wire::reason::title(self.status.as_u16()),
        }
    }

    /// The title that was set, without the fallback of [`Parts::title`].
    pub(crate) fn declared_title(&self) -> Option<&'a str> {
        self.title
    }

    /// The problem type base, if one was set.
    ///
    /// ```
    /// # use error_contract::{Code, Parts, Status};
    /// let parts = Parts::new(Status::GONE, Code::Num(1), &"gone");
    /// assert_eq!(parts.type_base(), None);
    /// ```
    #[must_use]
    pub fn type_base(&self) -> Option<&'a str> {
        self.type_base
    }

    /// The names of the members the built-in styles write themselves.
    ///
    /// ```
    /// # use error_contract::{Code, Parts, Status, style::Names};
    /// let parts = Parts::new(Status::GONE, Code::Num(1), &"gone");
    /// assert_eq!(*parts.names(), Names::DEFAULT);
    /// ```
    #[must_use]
    pub fn names(&self) -> &'a Names<'a> {
        self.names
    }

    /// The constant members, in order.
    ///
    /// ```
    /// # use error_contract::{Code, Parts, Status};
    /// let parts = Parts::new(Status::GONE, Code::Num(1), &"gone");
    /// assert!(parts.constants().is_empty());
    /// ```
    #[must_use]
    pub fn constants(&self) -> &'a [Constant<'a>] {
        self.constants
    }

    /// The problem's `instance`, if the error has one.
    ///
    /// ```
    /// # use error_contract::{Code, Parts, Status};
    /// let parts = Parts::new(Status::GONE, Code::Num(1), &"gone");
    /// assert!(parts.instance().is_none());
    /// ```
    #[must_use]
    pub fn instance(&self) -> Option<&'a Field<'a>> {
        self.instance
    }

    /// The exposed fields, in declaration order.
    ///
    /// ```
    /// # use error_contract::{Code, Parts, Status};
    /// let parts = Parts::new(Status::GONE, Code::Num(1), &"gone");
    /// assert!(parts.fields().is_empty());
    /// ```
    #[must_use]
    pub fn fields(&self) -> &'a [Field<'a>] {
        self.fields
    }

    /// The exposed field of key `key` (its key in the body, after any `rename`), present or
    /// not, for a style that places it where its format wants it (see
    /// [`JsonWriter::field`](crate::json::JsonWriter::field)).
    ///
    /// ```
    /// use error_contract::json::Field;
    /// use error_contract::{Code, Parts, Status};
    ///
    /// let (param, hint): (&str, Option<&str>) = ("amount", None);
    /// let fields = [Field::new("param", &param), Field::optional("hint", &hint)];
    /// let parts = Parts::new(Status::BAD_REQUEST, Code::Num(1), &"missing").with_fields(&fields);
    /// assert!(parts.field("param").is_some_and(|f| f.is_present()));
    /// assert!(parts.field("hint").is_some_and(|f| !f.is_present()));
    /// assert!(parts.field("other").is_none());
    /// ```
    #[must_use]
    pub fn field(&self, key: &str) -> Option<&'a Field<'a>> {
        self.fields.iter().find(|field| field.key() == key)
    }

    /// The constant member named `name`, for a style that places each member itself (write its
    /// value with [`JsonWriter::constant`]).
    ///
    /// ```
    /// use error_contract::style::{ConstantValue, Constant};
    /// use error_contract::{Code, Parts, Status};
    ///
    /// let members = [Constant { name: "type", value: ConstantValue::Str("invalid_request_error") }];
    /// let parts = Parts::new(Status::NOT_FOUND, Code::Num(1), &"gone").with_constants(&members);
    /// assert_eq!(parts.constant("type").map(|m| m.value), Some(ConstantValue::Str("invalid_request_error")));
    /// assert_eq!(parts.constant("doc_url"), None);
    /// ```
    #[must_use]
    pub fn constant(&self, name: &str) -> Option<&'a Constant<'a>> {
        self.constants.iter().find(|constant| constant.name == name)
    }
}

impl fmt::Debug for Parts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Parts")
            .field("status", &self.status)
            .field("code", &self.code)
            .field("message", &format_args!("{}", self.message))
            .field("title", &self.title)
            .field("type_base", &self.type_base)
            .field("fields", &self.fields)
            .field("names", &self.names)
            .field("constants", &self.constants)
            .field("instance", &self.instance)
            .finish()
    }
}
