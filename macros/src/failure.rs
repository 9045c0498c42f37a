//! The vocabulary of `catch = "..."` and `fact = "..."`: the framework failures a variant can
//! answer and the facts a field can take, as `error_contract::FailureKind` and
//! `error_contract::Fact` name them (the generated code names their variants, so a name that
//! drifted from the runtime would not compile).

/// A kind of framework failure: its name in `catch`, its variant of `FailureKind`, and the
/// status the framework answers it with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Kind {
    pub(crate) name: &'static str,
    pub(crate) variant: &'static str,
    pub(crate) usual_status: u16,
}

/// The kind whose failures are other layers' error responses, of a status the variant is sent
/// with.
pub(crate) const STATUS: &str = "status";

pub(crate) const KINDS: &[Kind] = &[
    kind("unknown_route", "UnknownRoute", 404),
    kind("method_not_allowed", "MethodNotAllowed", 405),
    kind("unsupported_media_type", "UnsupportedMediaType", 415),
    kind("json_syntax", "JsonSyntax", 400),
    kind("json_data", "JsonData", 422),
    kind("payload_too_large", "PayloadTooLarge", 413),
    kind("invalid_path", "InvalidPath", 400),
    kind("invalid_query", "InvalidQuery", 400),
    kind("invalid_message", "InvalidMessage", 400),
    kind("panic", "Panic", 500),
    kind(STATUS, "Status", 500),
];

const fn kind(name: &'static str, variant: &'static str, usual_status: u16) -> Kind {
    Kind {
        name,
        variant,
        usual_status,
    }
}

impl Kind {
    pub(crate) fn from_name(name: &str) -> Option<Kind> {
        KINDS.iter().copied().find(|k| k.name == name)
    }

    pub(crate) fn names() -> Vec<&'static str> {
        KINDS.iter().map(|k| k.name).collect()
    }
}

/// A fact of a failure that a field can take: its name in `fact` and its variant of `Fact`.
pub(crate) const DETAILS: &[(&str, &str)] = &[
    ("method", "Method"),
    ("path", "Path"),
    ("allow", "Allow"),
    ("content_type", "ContentType"),
    ("parameter", "Parameter"),
    ("pointer", "Pointer"),
    ("rule", "Rule"),
];

/// The variant of `Fact` named `name`.
pub(crate) fn fact_variant(name: &str) -> Option<&'static str> {
    DETAILS.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// The facts a validation violation carries.
pub(crate) const VIOLATION_DETAILS: &[&str] = &["pointer", "parameter", "rule"];

pub(crate) fn fact_names() -> Vec<&'static str> {
    DETAILS.iter().map(|(n, _)| *n).collect()
}

/// The rules `validator` and `garde` name (their error codes, and the rule names the `garde`
/// bridge gives): a name in `validate` one edit or two from one of these, and not one of them,
/// is taken for a typo.
pub(crate) const RULES: &[&str] = &[
    "alphanumeric",
    "ascii",
    "contains",
    "credit_card",
    "custom",
    "does_not_contain",
    "email",
    "ip",
    "length",
    "matches",
    "must_match",
    "non_control_character",
    "pattern",
    "phone_number",
    "prefix",
    "range",
    "regex",
    "required",
    "suffix",
    "url",
];
