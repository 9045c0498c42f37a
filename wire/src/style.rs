//! The built-in styles: their names, the members each writes, and the one walk that writes a
//! body of each.

/// A built-in wire style, as `#[api_error(style = "...")]` names it.
///
/// ```
/// use error_contract_wire::Builtin;
///
/// assert_eq!(Builtin::from_name("problem"), Some(Builtin::Problem));
/// assert_eq!(Builtin::Problem.content_type(), "application/problem+json");
/// assert_eq!(Builtin::Nested.name(), "nested");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    /// `{"errors":[{"errorCode":3001,"message":"entity not found"}]}`.
    Dto,
    /// `{"error":{"code":3001,"message":"entity not found"}}`.
    Nested,
    /// `{"code":3001,"message":"entity not found"}`.
    Flat,
    /// `{"errorMessage":"entity not found"}`.
    Message,
    /// RFC 9457 problem details.
    Problem,
}

/// A member a built-in style writes itself, by what it holds.
///
/// ```
/// use error_contract_wire::{Builtin, Role};
///
/// assert_eq!(Role::from_name("code"), Some(Role::Code));
/// assert!(Builtin::Flat.renames(Role::Code));
/// assert!(!Builtin::Problem.renames(Role::Message));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// The member that wraps the error: `errors` in `dto`, `error` in `nested`.
    Envelope,
    /// The code: `errorCode` in `dto`, `code` elsewhere; not in `message`.
    Code,
    /// The public message: `errorMessage` in `message`, `detail` in `problem`, else `message`.
    Message,
    /// The problem's `type`.
    Type,
    /// The problem's `title`.
    Title,
    /// The problem's `status`.
    Status,
    /// The problem's `instance`.
    Instance,
}

impl Role {
    /// Every role, in the order the attribute grammar lists them.
    pub const ALL: [Role; 7] = [
        Role::Envelope,
        Role::Code,
        Role::Message,
        Role::Type,
        Role::Title,
        Role::Status,
        Role::Instance,
    ];

    /// The role's name in `rename_members(...)` and `skip_members(...)`.
    ///
    /// ```
    /// assert_eq!(error_contract_wire::Role::Envelope.name(), "envelope");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Role::Envelope => "envelope",
            Role::Code => "code",
            Role::Message => "message",
            Role::Type => "type",
            Role::Title => "title",
            Role::Status => "status",
            Role::Instance => "instance",
        }
    }

    /// The role of this name.
    ///
    /// ```
    /// assert_eq!(error_contract_wire::Role::from_name("errorCode"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.name() == name)
    }
}

/// What an enum says about the members its built-in styles write themselves: new names for the
/// ones a style lets rename (`None` keeps the style's own), and the problem members it leaves
/// out.
///
/// ```
/// use error_contract_wire::{Builtin, Names};
///
/// let oauth = Names { code: Some("error"), message: Some("error_description"), ..Names::DEFAULT };
/// assert_eq!(Builtin::Flat.code_name(&oauth), Some("error"));
/// assert_eq!(Builtin::Flat.message_name(&oauth), "error_description");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Names<'a> {
    /// The member that wraps the error (`dto`, `nested`).
    pub envelope: Option<&'a str>,
    /// The code (`dto`, `nested`, `flat`, `problem`).
    pub code: Option<&'a str>,
    /// The message (`dto`, `nested`, `flat`, `message`).
    pub message: Option<&'a str>,
    /// `problem` leaves out `code` (decoding then matches `type`).
    pub skip_code: bool,
    /// `problem` leaves out `status`.
    pub skip_status: bool,
}

impl Names<'_> {
    /// Every style's own names, nothing left out.
    pub const DEFAULT: Names<'static> = Names {
        envelope: None,
        code: None,
        message: None,
        skip_code: false,
        skip_status: false,
    };
}

impl Default for Names<'_> {
    fn default() -> Self {
        Names::DEFAULT
    }
}

/// A constant member, written after the style's own members and the exposed fields.
///
/// ```
/// use error_contract_wire::{ConstantValue, Constant};
///
/// let member = Constant { name: "doc_url", value: ConstantValue::Str("https://example.com/{code}") };
/// assert_eq!(member.value.link(), Some(("https://example.com/", "")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Constant<'a> {
    /// The key.
    pub name: &'a str,
    /// The value.
    pub value: ConstantValue<'a>,
}

/// A constant member's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConstantValue<'a> {
    /// A string; its first `{code}` is replaced by the error's code, which makes it a link
    /// (`"https://example.com/errors/{code}"`).
    Str(&'a str),
    /// A number, as its JSON text (`3`, `-1.5`).
    Number(&'a str),
    /// `true` or `false`.
    Bool(bool),
}

impl<'a> ConstantValue<'a> {
    /// A string with `{code}` in it: the text before and after the first `{code}`.
    ///
    /// ```
    /// use error_contract_wire::ConstantValue;
    ///
    /// assert_eq!(ConstantValue::Str("a/{code}.html").link(), Some(("a/", ".html")));
    /// assert_eq!(ConstantValue::Str("about:blank").link(), None);
    /// ```
    #[must_use]
    pub fn link(&self) -> Option<(&'a str, &'a str)> {
        match *self {
            ConstantValue::Str(text) => text.split_once("{code}"),
            ConstantValue::Number(_) | ConstantValue::Bool(_) => None,
        }
    }
}

/// A member's name where a body writes it: one of a style's own names, which this crate spells
/// out, so its JSON key (`"code":`) is written here whole and as it is; or a name an enum gave
/// (`rename_members(...)`), written through [`Sink::key`], which escapes it.
#[derive(Clone, Copy)]
enum Key<'a> {
    /// A style's own name, and its JSON key.
    Own(&'static str, &'static str),
    /// A name an enum gave.
    Renamed(&'a str),
}

/// A style's own member name, as a [`Key`]: the name and its JSON key, from one literal.
macro_rules! own {
    ($name:literal) => {
        Key::Own($name, concat!("\"", $name, "\":"))
    };
}

impl<'a> Key<'a> {
    /// The name an enum gave, else the style's own.
    #[inline]
    fn or(renamed: Option<&'a str>, own: Key<'static>) -> Key<'a> {
        match renamed {
            Some(name) => Key::Renamed(name),
            None => own,
        }
    }

    #[inline]
    const fn name(self) -> &'a str {
        match self {
            Key::Own(name, _) | Key::Renamed(name) => name,
        }
    }

    /// Writes `"name":`.
    fn write<S: Sink + ?Sized>(self, out: &mut S) {
        match self {
            Key::Own(_, key) => out.raw(key),
            Key::Renamed(name) => out.key(name),
        }
    }
}

/// Where a body is written, and the parts of one error that only the writer knows: a `String`
/// at compile time (every part a literal), the runtime's `JsonWriter` at run time.
///
/// ```
/// use error_contract_wire::{Builtin, Names, Sink, write_body};
///
/// struct Text<'a>(&'a mut String);
///
/// impl Sink for Text<'_> {
///     fn raw(&mut self, json: &str) { self.0.push_str(json); }
///     fn escaped(&mut self, text: &str) {
///         error_contract_wire::escape::escape(text, |b| self.0.push_str(std::str::from_utf8(b).unwrap()));
///     }
///     fn code(&mut self) { self.0.push_str("3001"); }
///     fn code_text(&mut self) { self.0.push_str("3001"); }
///     fn message(&mut self) { self.string("entity not found"); }
///     fn status(&mut self) { self.0.push_str("404"); }
///     fn title(&mut self) { self.string("Not Found"); }
///     fn instance(&mut self) {}
///     fn fields(&mut self) {}
/// }
///
/// let mut body = String::new();
/// write_body(Builtin::Flat, &Names::DEFAULT, &[], None, &mut Text(&mut body));
/// assert_eq!(body, r#"{"code":3001,"message":"entity not found"}"#);
/// ```
pub trait Sink {
    /// Writes JSON text as it is.
    fn raw(&mut self, json: &str);
    /// Writes `text` escaped for a JSON string, without quotes.
    fn escaped(&mut self, text: &str);
    /// Writes `text` as a JSON string.
    fn string(&mut self, text: &str) {
        self.raw("\"");
        self.escaped(text);
        self.raw("\"");
    }
    /// Writes `"name":`, the name escaped: for a name an enum gave (a renamed member, a
    /// constant member). The walks write a style's own names as JSON keys through [`Sink::raw`].
    fn key(&mut self, name: &str) {
        self.string(name);
        self.raw(":");
    }
    /// Writes the code: a number, or a JSON string.
    fn code(&mut self);
    /// Writes the code's text escaped, inside a string being written.
    fn code_text(&mut self);
    /// Writes the public message as a JSON string.
    fn message(&mut self);
    /// Writes the status as a number.
    fn status(&mut self);
    /// Writes the problem title as a JSON string.
    fn title(&mut self);
    /// Writes `,"instance":` and the problem instance, if the error has one; else nothing.
    fn instance(&mut self);
    /// Writes `,"key":value` for each exposed field that is present.
    fn fields(&mut self);
}

impl Builtin {
    /// Every built-in style with its name in `style = "..."`.
    pub const ALL: [(&'static str, Builtin); 5] = [
        ("dto", Builtin::Dto),
        ("nested", Builtin::Nested),
        ("flat", Builtin::Flat),
        ("message", Builtin::Message),
        ("problem", Builtin::Problem),
    ];

    /// The style of this name.
    ///
    /// See [`Builtin`] for an example.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Builtin> {
        Builtin::ALL
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, style)| style)
    }

    /// The name in `style = "..."`.
    ///
    /// See [`Builtin`] for an example.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Builtin::Dto => "dto",
            Builtin::Nested => "nested",
            Builtin::Flat => "flat",
            Builtin::Message => "message",
            Builtin::Problem => "problem",
        }
    }

    /// The runtime's type for the style, in `error_contract::style`.
    ///
    /// ```
    /// assert_eq!(error_contract_wire::Builtin::Dto.type_name(), "Dto");
    /// ```
    #[must_use]
    pub const fn type_name(self) -> &'static str {
        match self {
            Builtin::Dto => "Dto",
            Builtin::Nested => "Nested",
            Builtin::Flat => "Flat",
            Builtin::Message => "Message",
            Builtin::Problem => "Problem",
        }
    }

    /// The `Content-Type` of the style's bodies.
    ///
    /// See [`Builtin`] for an example.
    #[must_use]
    pub const fn content_type(self) -> &'static str {
        match self {
            Builtin::Problem => "application/problem+json",
            _ => "application/json",
        }
    }

    /// Whether the style writes a member of this role whose name an enum may change
    /// (`rename_members(...)`). RFC 9457 fixes the problem members' names, but for `code`.
    ///
    /// See [`Role`] for an example.
    #[must_use]
    pub const fn renames(self, role: Role) -> bool {
        matches!(
            (self, role),
            (Builtin::Dto | Builtin::Nested, Role::Envelope)
                | (
                    Builtin::Dto | Builtin::Nested | Builtin::Flat | Builtin::Problem,
                    Role::Code
                )
                | (
                    Builtin::Dto | Builtin::Nested | Builtin::Flat | Builtin::Message,
                    Role::Message
                )
        )
    }

    /// Whether the style can leave out a member of this role (`skip_members(...)`): the
    /// problem's `code` and `status`.
    ///
    /// ```
    /// use error_contract_wire::{Builtin, Role};
    ///
    /// assert!(Builtin::Problem.skips(Role::Status));
    /// assert!(!Builtin::Flat.skips(Role::Code));
    /// ```
    #[must_use]
    pub const fn skips(self, role: Role) -> bool {
        matches!((self, role), (Builtin::Problem, Role::Code | Role::Status))
    }

    /// The key of the member that wraps the error: `errors` in `dto`, `error` in `nested`.
    ///
    /// ```
    /// use error_contract_wire::{Builtin, Names};
    ///
    /// assert_eq!(Builtin::Dto.envelope_name(&Names::DEFAULT), Some("errors"));
    /// assert_eq!(Builtin::Flat.envelope_name(&Names::DEFAULT), None);
    /// ```
    #[must_use]
    #[inline]
    pub fn envelope_name<'a>(self, names: &Names<'a>) -> Option<&'a str> {
        self.envelope_key(names).map(Key::name)
    }

    #[inline]
    fn envelope_key<'a>(self, names: &Names<'a>) -> Option<Key<'a>> {
        match self {
            Builtin::Dto => Some(Key::or(names.envelope, own!("errors"))),
            Builtin::Nested => Some(Key::or(names.envelope, own!("error"))),
            Builtin::Flat | Builtin::Message | Builtin::Problem => None,
        }
    }

    /// The key of the code, `None` when the body has none.
    ///
    /// See [`Names`] for an example.
    #[must_use]
    #[inline]
    pub fn code_name<'a>(self, names: &Names<'a>) -> Option<&'a str> {
        self.code_key(names).map(Key::name)
    }

    #[inline]
    fn code_key<'a>(self, names: &Names<'a>) -> Option<Key<'a>> {
        match self {
            Builtin::Dto => Some(Key::or(names.code, own!("errorCode"))),
            Builtin::Problem if names.skip_code => None,
            Builtin::Nested | Builtin::Flat | Builtin::Problem => {
                Some(Key::or(names.code, own!("code")))
            }
            Builtin::Message => None,
        }
    }

    /// The key of the message.
    ///
    /// See [`Names`] for an example.
    #[must_use]
    #[inline]
    pub fn message_name<'a>(self, names: &Names<'a>) -> &'a str {
        self.message_key(names).name()
    }

    #[inline]
    fn message_key<'a>(self, names: &Names<'a>) -> Key<'a> {
        match self {
            Builtin::Message => Key::or(names.message, own!("errorMessage")),
            Builtin::Problem => own!("detail"),
            Builtin::Dto | Builtin::Nested | Builtin::Flat => {
                Key::or(names.message, own!("message"))
            }
        }
    }

    /// The keys the style writes itself in the object that holds the exposed fields (the
    /// `dto` item, `nested`'s `error`, the body itself for the others), each with its role: an
    /// exposed field or a constant member may not use one.
    ///
    /// ```
    /// use error_contract_wire::{Builtin, Names, Role};
    ///
    /// let members: Vec<_> = Builtin::Problem.own_members(&Names::DEFAULT).collect();
    /// assert_eq!(members[0], ("type", Role::Type));
    /// assert_eq!(members.len(), 6);
    /// ```
    pub fn own_members<'a>(self, names: &Names<'a>) -> impl Iterator<Item = (&'a str, Role)> {
        let code = self.code_name(names).map(|name| (name, Role::Code));
        let message = Some((self.message_name(names), Role::Message));
        let problem = self == Builtin::Problem;
        let only_problem = |member| if problem { Some(member) } else { None };
        // In body order.
        [
            only_problem(("type", Role::Type)),
            only_problem(("title", Role::Title)),
            only_problem(("status", Role::Status)).filter(|_| !names.skip_status),
            if problem { None } else { code },
            message,
            only_problem(("instance", Role::Instance)),
            if problem { code } else { None },
        ]
        .into_iter()
        .flatten()
    }
}

/// Where the body of one error keeps the error's object: the object whose members are the code,
/// the message and the exposed fields. A reader follows it to find them.
///
/// ```
/// use error_contract_wire::{Builtin, Envelope, Names};
///
/// assert_eq!(Builtin::Dto.envelope(&Names::DEFAULT), Envelope::Array("errors"));
/// assert_eq!(Builtin::Nested.envelope(&Names::DEFAULT), Envelope::Object("error"));
/// assert_eq!(Builtin::Flat.envelope(&Names::DEFAULT), Envelope::None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Envelope<'a> {
    /// The body is the object (`flat`, `message`, `problem`).
    None,
    /// The object is the body's member of this name (`nested`'s `error`).
    Object(&'a str),
    /// The object is the first item of the body's array member of this name (`dto`'s
    /// `errors`); a body of several errors has one item per error there.
    Array(&'a str),
}

impl Builtin {
    /// Where the style's body keeps the error's object (see [`Envelope`]).
    #[must_use]
    #[inline]
    pub fn envelope<'a>(self, names: &Names<'a>) -> Envelope<'a> {
        match (self, self.envelope_name(names)) {
            (Builtin::Dto, Some(name)) => Envelope::Array(name),
            (_, Some(name)) => Envelope::Object(name),
            (_, None) => Envelope::None,
        }
    }

    /// The array member that lists the errors of a body of several, beside the members that
    /// describe the whole: `details` inside `nested`'s envelope, `errors` in the body for
    /// `flat`, `message` and `problem`; `None` for `dto`, whose envelope array lists them.
    ///
    /// ```
    /// use error_contract_wire::Builtin;
    ///
    /// assert_eq!(Builtin::Nested.list_name(), Some("details"));
    /// assert_eq!(Builtin::Problem.list_name(), Some("errors"));
    /// assert_eq!(Builtin::Dto.list_name(), None);
    /// ```
    #[must_use]
    #[inline]
    pub const fn list_name(self) -> Option<&'static str> {
        match self.list_key() {
            Some(key) => Some(key.name()),
            None => None,
        }
    }

    #[inline]
    const fn list_key(self) -> Option<Key<'static>> {
        match self {
            Builtin::Dto => None,
            Builtin::Nested => Some(own!("details")),
            Builtin::Flat | Builtin::Message | Builtin::Problem => Some(own!("errors")),
        }
    }

    /// The end of a body of several errors (see [`write_errors_start`]): `]}`, or `]}}` for
    /// `nested`.
    ///
    /// ```
    /// assert_eq!(error_contract_wire::Builtin::Nested.errors_end(), "]}}");
    /// ```
    #[must_use]
    pub const fn errors_end(self) -> &'static str {
        match self {
            Builtin::Nested => "]}}",
            _ => "]}",
        }
    }

    /// The members a reader of the error's object passes over: those the style writes itself
    /// that are neither the code, the message nor a field (the problem's `type`, `title` and
    /// `status`; a reader takes the code from `type` when `code` is left out).
    ///
    /// ```
    /// use error_contract_wire::Builtin;
    ///
    /// assert_eq!(Builtin::Problem.passed_over(), ["type", "title", "status"]);
    /// assert!(Builtin::Flat.passed_over().is_empty());
    /// ```
    #[must_use]
    pub const fn passed_over(self) -> &'static [&'static str] {
        match self {
            Builtin::Problem => &["type", "title", "status"],
            _ => &[],
        }
    }
}

/// How a reader finds the parts of one error in a body of a built-in style: where the error's
/// object is, the names of its code and message members, and the members it passes over. A
/// decoding type's plan is made once, at compile time, from its member names.
///
/// ```
/// use error_contract_wire::{Builtin, Envelope, Names};
///
/// let plan = Builtin::Dto.read_plan(&Names::DEFAULT);
/// assert_eq!(plan.envelope, Envelope::Array("errors"));
/// assert_eq!((plan.code, plan.message), (Some("errorCode"), "message"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadPlan<'a> {
    /// The style.
    pub style: Builtin,
    /// Where the error's object is.
    pub envelope: Envelope<'a>,
    /// The code's member, if the body has one.
    pub code: Option<&'a str>,
    /// The message's member.
    pub message: &'a str,
    /// The members passed over: the style's own that are neither code, message nor field.
    pub passed_over: &'a [&'a str],
    /// Whether the problem's `type` is kept, for a code left out of the body.
    pub keep_type: bool,
}

impl Builtin {
    /// The plan a reader of this style's bodies follows, with the member names `names`.
    ///
    /// See [`ReadPlan`] for an example.
    #[must_use]
    pub fn read_plan<'a>(self, names: &Names<'a>) -> ReadPlan<'a> {
        let code = self.code_name(names);
        ReadPlan {
            style: self,
            envelope: self.envelope(names),
            code,
            message: self.message_name(names),
            passed_over: self.passed_over(),
            keep_type: self == Builtin::Problem && code.is_none(),
        }
    }
}

/// Writes the body of one error in a built-in style: the style's own members (named by
/// `names`), then the exposed fields, then the constant `members` (as GitHub writes
/// `documentation_url` after `errors`).
///
/// - `dto`: `{"errors":[{"errorCode":..,"message":..,<fields>,<members>}]}`
/// - `nested`: `{"error":{"code":..,"message":..,<fields>,<members>}}`
/// - `flat`: `{"code":..,"message":..,<fields>,<members>}`
/// - `message`: `{"errorMessage":..,<fields>,<members>}`
/// - `problem`: `{"type":..,"title":..,"status":..,"detail":..,"instance":..,"code":..,<fields>,<members>}`,
///   where `type` is `type_base` followed by the code, or `about:blank` without one.
///
/// See [`Sink`] for an example.
pub fn write_body<S: Sink + ?Sized>(
    style: Builtin,
    names: &Names<'_>,
    members: &[Constant<'_>],
    type_base: Option<&str>,
    out: &mut S,
) {
    let Some(envelope) = style.envelope_key(names) else {
        return write_object(style, names, members, type_base, out);
    };
    out.raw("{");
    envelope.write(out);
    let array = style == Builtin::Dto;
    if array {
        out.raw("[");
    }
    write_object(style, names, members, type_base, out);
    out.raw(if array { "]}" } else { "}" });
}

/// Writes the object of one error: the whole body, or what the envelope holds (the `dto`
/// array's item, `nested`'s `error`), which is also how the styles write each error of a
/// collection.
///
/// ```
/// # use error_contract_wire::{Builtin, Names, Sink};
/// # struct Text<'a>(&'a mut String);
/// # impl Sink for Text<'_> {
/// #     fn raw(&mut self, json: &str) { self.0.push_str(json); }
/// #     fn escaped(&mut self, text: &str) { self.0.push_str(text); }
/// #     fn code(&mut self) { self.0.push_str("3001"); }
/// #     fn code_text(&mut self) { self.0.push_str("3001"); }
/// #     fn message(&mut self) { self.0.push_str("\"entity not found\""); }
/// #     fn status(&mut self) {}
/// #     fn title(&mut self) {}
/// #     fn instance(&mut self) {}
/// #     fn fields(&mut self) {}
/// # }
/// let mut out = String::new();
/// error_contract_wire::write_object(Builtin::Dto, &Names::DEFAULT, &[], None, &mut Text(&mut out));
/// assert_eq!(out, r#"{"errorCode":3001,"message":"entity not found"}"#);
/// ```
pub fn write_object<S: Sink + ?Sized>(
    style: Builtin,
    names: &Names<'_>,
    members: &[Constant<'_>],
    type_base: Option<&str>,
    out: &mut S,
) {
    out.raw("{");
    if style == Builtin::Problem {
        out.raw(r#""type":"#);
        match type_base {
            Some(base) => link(out, base, ""),
            None => out.raw(r#""about:blank""#),
        }
        out.raw(r#","title":"#);
        out.title();
        if !names.skip_status {
            out.raw(r#","status":"#);
            out.status();
        }
        out.raw(",");
    } else if let Some(code) = style.code_key(names) {
        code.write(out);
        out.code();
        out.raw(",");
    }
    style.message_key(names).write(out);
    out.message();
    if style == Builtin::Problem {
        out.instance();
        if let Some(code) = style.code_key(names) {
            out.raw(",");
            code.write(out);
            out.code();
        }
    }
    out.fields();
    write_constants(members, out);
    out.raw("}");
}

/// Writes the start of a body of several errors: the envelope, the members that describe the
/// whole (the style's own members, from the sink's parts, with no instance, field or constant;
/// the code only when `code` says every error has one), and the opening of the list.
///
/// - `dto`: `{"errors":[`
/// - `nested`: `{"error":{"code":..,"message":..,"details":[`
/// - `flat`: `{"code":..,"message":..,"errors":[`
/// - `message`: `{"errorMessage":..,"errors":[`
/// - `problem`: `{"type":..,"title":..,"status":..,"detail":..,"code":..,"errors":[`, where
///   `type` is `type_base` followed by the code when there is both, else `about:blank`
///
/// Each error follows by [`write_item`], a comma between two, and [`Builtin::errors_end`]
/// closes the body.
///
/// ```
/// # use error_contract_wire::{Builtin, Names, Sink};
/// # struct Text<'a>(&'a mut String);
/// # impl Sink for Text<'_> {
/// #     fn raw(&mut self, json: &str) { self.0.push_str(json); }
/// #     fn escaped(&mut self, text: &str) { self.0.push_str(text); }
/// #     fn code(&mut self) { self.0.push_str("3001"); }
/// #     fn code_text(&mut self) { self.0.push_str("3001"); }
/// #     fn message(&mut self) { self.0.push_str("\"entity not found\""); }
/// #     fn status(&mut self) {}
/// #     fn title(&mut self) {}
/// #     fn instance(&mut self) {}
/// #     fn fields(&mut self) {}
/// # }
/// use error_contract_wire::{write_errors_start, write_item};
///
/// let (mut body, names) = (String::new(), Names::DEFAULT);
/// write_errors_start(Builtin::Flat, &names, None, true, &mut Text(&mut body));
/// write_item(Builtin::Flat, &names, &[], None, &mut Text(&mut body));
/// body.push(',');
/// write_item(Builtin::Flat, &names, &[], None, &mut Text(&mut body));
/// body.push_str(Builtin::Flat.errors_end());
/// assert_eq!(
///     body,
///     r#"{"code":3001,"message":"entity not found","errors":[{"code":3001,"message":"entity not found"},{"code":3001,"message":"entity not found"}]}"#
/// );
/// ```
pub fn write_errors_start<S: Sink + ?Sized>(
    style: Builtin,
    names: &Names<'_>,
    type_base: Option<&str>,
    code: bool,
    out: &mut S,
) {
    out.raw("{");
    if let Some(envelope) = style.envelope_key(names) {
        envelope.write(out);
        if style == Builtin::Dto {
            out.raw("[");
            return;
        }
        out.raw("{");
    }
    let code_name = style.code_key(names).filter(|_| code);
    if style == Builtin::Problem {
        out.raw(r#""type":"#);
        match type_base.filter(|_| code) {
            Some(base) => link(out, base, ""),
            None => out.raw(r#""about:blank""#),
        }
        out.raw(r#","title":"#);
        out.title();
        if !names.skip_status {
            out.raw(r#","status":"#);
            out.status();
        }
        out.raw(",");
    } else if let Some(name) = code_name {
        name.write(out);
        out.code();
        out.raw(",");
    }
    style.message_key(names).write(out);
    out.message();
    if let (Builtin::Problem, Some(name)) = (style, code_name) {
        out.raw(",");
        name.write(out);
        out.code();
    }
    out.raw(",");
    if let Some(list) = style.list_key() {
        list.write(out);
    }
    out.raw("[");
}

/// Writes one error of a body of several (see [`write_errors_start`]): its object as the body
/// of one error holds it ([`write_object`]), but for `problem`, whose items are
/// `{"detail":..,"code":..,<fields>}` as RFC 9457 section 3 lists a validation problem's errors.
///
/// See [`write_errors_start`] for an example.
pub fn write_item<S: Sink + ?Sized>(
    style: Builtin,
    names: &Names<'_>,
    constants: &[Constant<'_>],
    type_base: Option<&str>,
    out: &mut S,
) {
    if style != Builtin::Problem {
        return write_object(style, names, constants, type_base, out);
    }
    out.raw("{");
    style.message_key(names).write(out);
    out.message();
    if let Some(name) = style.code_key(names) {
        out.raw(",");
        name.write(out);
        out.code();
    }
    out.fields();
    out.raw("}");
}

/// Writes a constant member's value: a string (its first `{code}` replaced by the code), a
/// number or a bool.
///
/// ```
/// use error_contract_wire::ConstantValue;
/// # struct Text<'a>(&'a mut String);
/// # impl error_contract_wire::Sink for Text<'_> {
/// #     fn raw(&mut self, json: &str) { self.0.push_str(json); }
/// #     fn escaped(&mut self, text: &str) { self.0.push_str(text); }
/// #     fn code(&mut self) {}
/// #     fn code_text(&mut self) { self.0.push_str("gone"); }
/// #     fn message(&mut self) {}
/// #     fn status(&mut self) {}
/// #     fn title(&mut self) {}
/// #     fn instance(&mut self) {}
/// #     fn fields(&mut self) {}
/// # }
/// let mut out = String::new();
/// error_contract_wire::write_constant(ConstantValue::Str("/docs/{code}.html"), &mut Text(&mut out));
/// assert_eq!(out, r#""/docs/gone.html""#);
/// ```
pub fn write_constant<S: Sink + ?Sized>(value: ConstantValue<'_>, out: &mut S) {
    match value {
        ConstantValue::Str(text) => match value.link() {
            Some((before, after)) => link(out, before, after),
            None => out.string(text),
        },
        ConstantValue::Number(json) => out.raw(json),
        ConstantValue::Bool(true) => out.raw("true"),
        ConstantValue::Bool(false) => out.raw("false"),
    }
}

/// Writes `,"name":value` for each constant member.
///
/// ```
/// use error_contract_wire::{ConstantValue, Constant};
/// # struct Text<'a>(&'a mut String);
/// # impl error_contract_wire::Sink for Text<'_> {
/// #     fn raw(&mut self, json: &str) { self.0.push_str(json); }
/// #     fn escaped(&mut self, text: &str) { self.0.push_str(text); }
/// #     fn code(&mut self) { self.0.push_str("\"gone\""); }
/// #     fn code_text(&mut self) { self.0.push_str("gone"); }
/// #     fn message(&mut self) {}
/// #     fn status(&mut self) {}
/// #     fn title(&mut self) {}
/// #     fn instance(&mut self) {}
/// #     fn fields(&mut self) {}
/// # }
/// let members = [
///     Constant { name: "type", value: ConstantValue::Str("invalid_request_error") },
///     Constant { name: "doc_url", value: ConstantValue::Str("https://example.com/{code}") },
///     Constant { name: "retryable", value: ConstantValue::Bool(false) },
/// ];
/// let mut out = String::new();
/// error_contract_wire::write_constants(&members, &mut Text(&mut out));
/// assert_eq!(out, r#","type":"invalid_request_error","doc_url":"https://example.com/gone","retryable":false"#);
/// ```
pub fn write_constants<S: Sink + ?Sized>(members: &[Constant<'_>], out: &mut S) {
    for member in members {
        out.raw(",");
        out.key(member.name);
        write_constant(member.value, out);
    }
}

/// Writes `"<before><code><after>"`.
fn link<S: Sink + ?Sized>(out: &mut S, before: &str, after: &str) {
    out.raw("\"");
    out.escaped(before);
    out.code_text();
    out.escaped(after);
    out.raw("\"");
}
