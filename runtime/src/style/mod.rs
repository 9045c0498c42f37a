//! Wire styles: how an error becomes a JSON body.
//!
//! The five built-in styles are the error bodies API pages commonly document: `dto`
//! (`{"errors":[{"errorCode":..,"message":..}]}`), `nested` (`{"error":{"code":..,"message":..}}`),
//! `flat` (`{"code":..,"message":..}`), `message` (`{"errorMessage":..}`) and `problem` (RFC 9457
//! problem details). For a variant whose body has no run-time part, the derive writes the body
//! itself at compile time, byte for byte what these impls would write; the impls below write the
//! bodies that have run-time parts, and the bodies of errors built by hand.

use crate::json::{Field, JsonArray, JsonValue, JsonWriter};
use crate::{Code, Items, Status};
use core::fmt::{self, Display};
use error_contract_wire::{Builtin, Sink};
use std::borrow::Cow;

pub use error_contract_wire::{Constant, ConstantValue, Names};
pub(crate) use wire::ReadCode;
pub use wire::Wire;

mod dto;
mod flat;
mod message;
mod nested;
mod problem;
mod wire;

/// The reader of a built-in style, with the member names of the enum that reads.
pub(crate) fn reader(
    style: Builtin,
) -> for<'a> fn(JsonValue<'a>, &Names<'static>) -> Option<Wire<'a>> {
    match style {
        Builtin::Dto => dto::read,
        Builtin::Nested => nested::read,
        Builtin::Flat => flat::read,
        Builtin::Message => message::read,
        Builtin::Problem => problem::read,
    }
}

pub use dto::Dto;
pub use flat::Flat;
pub use message::Message;
pub use nested::Nested;
pub use problem::Problem;

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

    /// Writes the body of one error.
    fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>);

    /// Reads a body back, for [`Decode`](crate::Decode): the code, the message and the object
    /// of the other members, borrowed from the body's bytes, or `None` when the JSON is not of
    /// this style. The default reads nothing, so a custom style decodes every response by its
    /// status alone until it implements this.
    ///
    /// ```
    /// use error_contract::style::Wire;
    /// use error_contract::json::{JsonDocument, JsonValue, JsonWriter};
    /// use error_contract::{Code, Parts, Style};
    ///
    /// struct OAuth;
    ///
    /// impl Style for OAuth {
    ///     fn write_body(parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    ///         out.raw(r#"{"error":"#);
    ///         out.code(parts.code());
    ///         out.raw(r#","error_description":"#);
    ///         out.display(parts.message());
    ///         out.raw("}");
    ///     }
    ///
    ///     fn read_body(json: JsonValue<'_>) -> Option<Wire<'_>> {
    ///         Some(Wire::from_object(json.as_object()?, Some("error"), "error_description"))
    ///     }
    /// }
    ///
    /// let doc = JsonDocument::parse(br#"{"error":"invalid_grant","error_description":"expired"}"#).unwrap();
    /// let wire = OAuth::read_body(doc.root()).unwrap();
    /// assert_eq!(wire.code(), Some(Code::Str("invalid_grant")));
    /// assert_eq!(wire.message().as_deref(), Some("expired"));
    /// ```
    fn read_body(json: JsonValue<'_>) -> Option<Wire<'_>> {
        let _ = json;
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
    /// use error_contract::{ApiError, Errors, Items, Parts, Style};
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
        list(items, out, Self::write_body);
        out.raw("}");
    }

    /// Splits a body of several errors into the bodies of one error each, for decoding
    /// [`Errors`](crate::Errors); `None` when `json` is not a body of several errors in this
    /// style. Each body is borrowed from `json`'s text where an item of the list is a whole
    /// body of one error, and written (an item put back in its envelope) where it is not.
    /// `names` are the member names of the enum that decodes (`rename_members`,
    /// `skip_members`), which the built-in styles follow and a custom style may ignore. The
    /// default reads the `errors` array that the default [`Style::write_errors`] writes.
    ///
    /// ```
    /// use error_contract::Style;
    /// use error_contract::json::JsonDocument;
    /// use error_contract::style::{Dto, Flat, Names};
    ///
    /// let body = br#"{"message":"Bad Request","errors":[
    ///     {"code":"name","message":"name is required"},
    ///     {"code":"email","message":"email is invalid"}
    /// ]}"#;
    /// let doc = JsonDocument::parse(body).unwrap();
    /// let bodies = Flat::read_errors(doc.root(), &Names::DEFAULT).unwrap();
    /// assert_eq!(bodies[1], r#"{"code":"email","message":"email is invalid"}"#);
    ///
    /// // One error's body is not a body of several.
    /// let doc = JsonDocument::parse(br#"{"code":"name","message":"?"}"#).unwrap();
    /// assert_eq!(Flat::read_errors(doc.root(), &Names::DEFAULT), None);
    ///
    /// // A `dto` item is put back in the envelope of one error.
    /// let doc = JsonDocument::parse(br#"{"errors":[{"errorCode":1},{"errorCode":2}]}"#).unwrap();
    /// let bodies = Dto::read_errors(doc.root(), &Names::DEFAULT).unwrap();
    /// assert_eq!(bodies, [r#"{"errors":[{"errorCode":1}]}"#, r#"{"errors":[{"errorCode":2}]}"#]);
    /// ```
    fn read_errors<'a>(json: JsonValue<'a>, names: &Names<'_>) -> Option<Vec<Cow<'a, str>>> {
        let _ = names;
        let items = json.as_object()?.get("errors")?.as_array()?;
        Some(items.iter().map(|item| Cow::Borrowed(item.raw())).collect())
    }
}

/// Writes `parts` in a built-in style, by the walk the derive writes static bodies with.
pub(crate) fn write_builtin(style: Builtin, parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    let writer = &mut Writer { parts, out };
    error_contract_wire::write_body(style, parts.names, parts.constants, parts.type_base, writer);
}

/// Writes the object of one error in a built-in style: an item of a collection.
pub(crate) fn write_object(style: Builtin, parts: &Parts<'_>, out: &mut JsonWriter<'_>) {
    let writer = &mut Writer { parts, out };
    error_contract_wire::write_object(style, parts.names, parts.constants, parts.type_base, writer);
}

/// Writes `"name":` for a member the style writes itself.
pub(crate) fn key(out: &mut JsonWriter<'_>, name: &str) {
    out.string(name);
    out.raw(":");
}

/// The runtime's [`Sink`]: the parts of one error, written into a `JsonWriter`.
struct Writer<'p, 'w, 'a> {
    parts: &'p Parts<'p>,
    out: &'w mut JsonWriter<'a>,
}

impl Sink for Writer<'_, '_, '_> {
    fn raw(&mut self, json: &str) {
        self.out.raw(json);
    }

    fn escaped(&mut self, text: &str) {
        self.out.escaped(text);
    }

    fn code(&mut self) {
        self.out.code(self.parts.code);
    }

    fn code_text(&mut self) {
        self.out.code_text(self.parts.code);
    }

    fn message(&mut self) {
        self.out.display(self.parts.message);
    }

    fn status(&mut self) {
        self.out.status(self.parts.status);
    }

    fn title(&mut self) {
        self.out.string(self.parts.title());
    }

    fn instance(&mut self) {
        if let Some(instance) = self.parts.instance {
            self.out.fields(core::slice::from_ref(instance));
        }
    }

    fn fields(&mut self) {
        self.out.fields(self.parts.fields);
    }
}

/// Writes `[item,item,...]`, each item written by `item` from its parts.
pub(crate) fn list(
    items: &Items<'_>,
    out: &mut JsonWriter<'_>,
    item: impl Fn(&Parts<'_>, &mut JsonWriter<'_>),
) {
    out.raw("[");
    let mut first = true;
    items.for_each(&mut |parts| {
        if !core::mem::take(&mut first) {
            out.raw(",");
        }
        item(parts, out);
    });
    out.raw("]");
}

/// The items of a list member (found by `list`), each the body of one error: its own text, or
/// put between `before` and `after` (an envelope); `None` when the member is missing or not an
/// array of objects.
pub(crate) fn read_list<'a>(
    list: Option<JsonValue<'a>>,
    envelope: Option<(&str, &str)>,
) -> Option<Vec<Cow<'a, str>>> {
    let items = list?.as_array().map(JsonArray::iter)?;
    items
        .map(|item| {
            item.as_object()?;
            Some(match envelope {
                None => Cow::Borrowed(item.raw()),
                Some((before, after)) => {
                    let mut body =
                        String::with_capacity(before.len() + item.raw().len() + after.len());
                    body.push_str(before);
                    body.push_str(item.raw());
                    body.push_str(after);
                    Cow::Owned(body)
                }
            })
        })
        .collect()
}

/// `{"name":`, the start of an envelope member.
pub(crate) fn open_member(name: &str) -> String {
    let mut text = String::from("{\"");
    error_contract_wire::escape::escape(name, |bytes| {
        text.push_str(core::str::from_utf8(bytes).unwrap_or_default());
    });
    text.push_str("\":");
    text
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
        }
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
