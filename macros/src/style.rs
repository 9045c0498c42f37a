//! The built-in wire styles as the attribute names them: `style = "dto"` and the rest, the
//! runtime type each names, and its content type. The parse vocabulary, a leaf of the module
//! graph; `wire` writes their bodies.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Builtin {
    Dto,
    Nested,
    Flat,
    Message,
    Problem,
}

impl Builtin {
    pub(crate) const NAMES: &'static [(&'static str, Builtin)] = &[
        ("dto", Builtin::Dto),
        ("nested", Builtin::Nested),
        ("flat", Builtin::Flat),
        ("message", Builtin::Message),
        ("problem", Builtin::Problem),
    ];

    pub(crate) fn from_name(name: &str) -> Option<Builtin> {
        Builtin::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| *b)
    }

    /// The runtime type, in `error_contract::style`.
    pub(crate) fn type_name(self) -> &'static str {
        match self {
            Builtin::Dto => "Dto",
            Builtin::Nested => "Nested",
            Builtin::Flat => "Flat",
            Builtin::Message => "Message",
            Builtin::Problem => "Problem",
        }
    }

    pub(crate) fn content_type(self) -> &'static str {
        match self {
            Builtin::Problem => "application/problem+json",
            _ => "application/json",
        }
    }
}
