//! The file format: what a lock records of each code, as serde types, written and read with
//! `serde_json`.

use error_contract::style::{ConstantValue, Names};
use error_contract::{Catalog, CatalogEntry, Code, HeaderSource};
use error_contract_wire::{Builtin, Role, grpc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The version of the lock's format, written as its `"format"` member.
const FORMAT: u64 = 1;

/// A lock file: the version of its format and one entry per code, sorted by code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(expecting = "a lock: an object of \"format\" and \"codes\"")]
pub(crate) struct Lock {
    pub(crate) format: u64,
    pub(crate) codes: BTreeMap<CodeKey, Entry>,
}

/// What a lock records of one code, in the order of its members in the file. The members that
/// record a part of the body only some codes have are written only when there is something to
/// record, and read as "none" when absent (a lock written before they were recorded).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    expecting = "a code's entry: an object of its \"name\", \"status\", \"style\", \"message\"..."
)]
pub(crate) struct Entry {
    /// The variant's name.
    pub(crate) name: String,
    /// The declared status.
    pub(crate) status: u64,
    /// The gRPC code's name in `code.proto`: the one named with `grpc = "..."`, else the one of
    /// the status. Always written; a lock written before it was recorded reads as the one of the
    /// status.
    #[serde(default)]
    pub(crate) grpc: Option<String>,
    /// The other statuses a run-time status may take, as `OpenAPI` keys (`"503"`, `"5XX"`), in
    /// the catalog's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) statuses: Vec<String>,
    /// A built-in style's name, or a custom style's path as written.
    pub(crate) style: String,
    /// The style's own members written under another name than the style's, by role.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) rename_members: BTreeMap<String, String>,
    /// The roles of the style's own members left out, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) skip_members: Vec<String>,
    /// The problem `type` URI (problem style with a `type_base` only).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub(crate) problem_type: Option<String>,
    /// The code this one refines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) parent: Option<Parent>,
    /// The message, or its template as written.
    pub(crate) message: String,
    /// The exposed keys and their Rust types as written.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) fields: BTreeMap<String, String>,
    /// The constant members and their values as the body writes them (`{code}` replaced).
    /// Locks written before the attribute `members(...)` was renamed `constants(...)` call them
    /// `"members"`.
    #[serde(alias = "members", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) constants: BTreeMap<String, Value>,
    /// Sorted: `Name` for a header from a field, `Name: value` for a literal or a template, as
    /// written in the attribute (a literal's braces doubled).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) headers: Vec<String>,
}

/// A code as the key of `"codes"`: its text, and its value when it is a number. Codes are
/// ordered numbers first, by value, then strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub(crate) struct CodeKey {
    pub(crate) text: String,
    numeric: Option<u64>,
}

impl CodeKey {
    fn of(code: Code<'_>) -> CodeKey {
        match code {
            Code::Num(n) => CodeKey {
                text: n.to_string(),
                numeric: Some(u64::from(n)),
            },
            Code::Str(s) => CodeKey {
                text: s.to_owned(),
                numeric: None,
            },
        }
    }
}

/// A key of the file: digits are a number.
impl From<String> for CodeKey {
    fn from(text: String) -> CodeKey {
        let numeric = if text.bytes().all(|b| b.is_ascii_digit()) {
            text.parse().ok()
        } else {
            None
        };
        CodeKey { text, numeric }
    }
}

impl From<CodeKey> for String {
    fn from(code: CodeKey) -> String {
        code.text
    }
}

impl Ord for CodeKey {
    fn cmp(&self, other: &CodeKey) -> Ordering {
        match (self.numeric, other.numeric) {
            (Some(a), Some(b)) => a.cmp(&b).then_with(|| self.text.cmp(&other.text)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => self.text.cmp(&other.text),
        }
    }
}

impl PartialOrd for CodeKey {
    fn partial_cmp(&self, other: &CodeKey) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A parent code: a number for a numeric code, else a string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged, expecting = "a parent code: a number or a string")]
pub(crate) enum Parent {
    Num(serde_json::Number),
    Str(String),
}

impl Parent {
    fn of(code: Code<'_>) -> Parent {
        match code {
            Code::Num(n) => Parent::Num(n.into()),
            Code::Str(s) => Parent::Str(s.to_owned()),
        }
    }

    /// The code as the report shows it; two parents are the same code when their texts are.
    pub(crate) fn text(&self) -> String {
        match self {
            Parent::Num(n) => n.to_string(),
            Parent::Str(s) => s.clone(),
        }
    }
}

/// The catalog as a lock file: sorted, pretty-printed JSON with one member per line, the text
/// that [`assert_locked`](crate::assert_locked) compares and writes. See [the crate](crate) for
/// its format.
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "dto")]
/// enum ShopError {
///     #[api_error(status = 500, code = 2006, message = "entity saving error")]
///     Saving,
///     #[api_error(status = 400, code = 200601, parent = 2006, message = "SKU {sku} is taken")]
///     NotUnique {
///         #[api_error(expose)]
///         sku: String,
///     },
/// }
///
/// assert_eq!(
///     error_contract_lock::to_lock(&ShopError::catalog()),
///     r#"{
///   "format": 1,
///   "codes": {
///     "2006": {
///       "name": "Saving",
///       "status": 500,
///       "grpc": "INTERNAL",
///       "style": "dto",
///       "message": "entity saving error"
///     },
///     "200601": {
///       "name": "NotUnique",
///       "status": 400,
///       "grpc": "INVALID_ARGUMENT",
///       "style": "dto",
///       "parent": 2006,
///       "message": "SKU {sku} is taken",
///       "fields": {
///         "sku": "String"
///       }
///     }
///   }
/// }
/// "#
/// );
/// ```
#[must_use]
pub fn to_lock(catalog: &Catalog) -> String {
    Lock::of(catalog).to_text()
}

impl Lock {
    /// What the lock records of a catalog.
    pub(crate) fn of(catalog: &Catalog) -> Lock {
        Lock {
            format: FORMAT,
            codes: catalog
                .iter()
                .map(|entry| (CodeKey::of(entry.code()), Entry::of(entry)))
                .collect(),
        }
    }

    /// The file's text: two spaces of indent, one member per line, and a final line break.
    pub(crate) fn to_text(&self) -> String {
        // Every key is a string: serializing cannot fail.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads a lock's text. Its version is read first, so that a lock of a newer format is
    /// named as such rather than by a member this version does not know.
    pub(crate) fn parse(text: &str) -> Result<Lock, String> {
        #[derive(Deserialize)]
        #[serde(expecting = "a lock: an object of \"format\" and \"codes\"")]
        struct Version {
            format: Option<u64>,
        }
        let version: Version = serde_json::from_str(text).map_err(|e| e.to_string())?;
        match version.format {
            Some(FORMAT) => {}
            Some(other) => return Err(format!("format {other} is not known to this version")),
            None => return Err("no \"format\" member".into()),
        }
        let mut lock: Lock = serde_json::from_str(text).map_err(|e| e.to_string())?;
        for entry in lock.codes.values_mut() {
            entry
                .grpc
                .get_or_insert_with(|| status_grpc(entry.status).to_owned());
            entry.skip_members.sort();
            entry.headers.sort();
        }
        Ok(lock)
    }
}

impl Entry {
    /// What the lock records of a catalog entry.
    fn of(entry: CatalogEntry) -> Entry {
        let fields = entry
            .fields()
            .iter()
            .enumerate()
            .map(|(i, key)| {
                let ty = entry.field_types().get(i).copied().unwrap_or_default();
                ((*key).to_owned(), ty.to_owned())
            })
            .collect();
        let mut headers: Vec<String> = entry
            .header_sources()
            .map(|(name, source)| match source {
                HeaderSource::Field => name.to_owned(),
                HeaderSource::Fixed(value) => {
                    format!("{name}: {}", value.replace('{', "{{").replace('}', "}}"))
                }
                HeaderSource::Template(template) => format!("{name}: {template}"),
            })
            .collect();
        headers.sort();
        let problem_type = match entry.type_base() {
            Some(base) if entry.style() == "problem" => Some(format!("{base}{}", entry.code())),
            _ => None,
        };
        let (rename_members, skip_members) = style_members(entry.style(), entry.names());
        let constants = entry
            .constants()
            .iter()
            .map(|member| {
                let value = constant_value(member.value, entry.code());
                (member.name.to_owned(), value)
            })
            .collect();
        Entry {
            name: entry.name().to_owned(),
            status: u64::from(entry.status().as_u16()),
            grpc: Some(entry.grpc_code().name().to_owned()),
            statuses: entry
                .statuses()
                .iter()
                .skip(1)
                .map(ToString::to_string)
                .collect(),
            style: entry.style().to_owned(),
            rename_members,
            skip_members,
            problem_type,
            parent: entry.parent().map(Parent::of),
            message: entry.message().to_owned(),
            fields,
            constants,
            headers,
        }
    }

    /// The key of this code's style member of `role`: as renamed, else the built-in style's
    /// own; `None` for a custom style's own.
    pub(crate) fn own_member(&self, role: Role) -> Option<String> {
        match self.rename_members.get(role.name()) {
            Some(name) => Some(name.clone()),
            None => Builtin::from_name(&self.style)
                .and_then(|style| own_name(style, role, &Names::DEFAULT))
                .map(str::to_owned),
        }
    }

    /// Whether the style's own member of `role` is left out.
    pub(crate) fn skips(&self, role: Role) -> bool {
        self.skip_members.iter().any(|r| r == role.name())
    }
}

/// The name of the gRPC code of an error of HTTP status `status`, by the mapping the runtime
/// follows when a variant names no code.
fn status_grpc(status: u64) -> &'static str {
    let code = u16::try_from(status).map_or(2, grpc::from_http);
    grpc::name(code).unwrap_or("UNKNOWN")
}

/// The style's own members that an enum may rename, in the lock's (alphabetical) order.
pub(crate) const RENAMED: [Role; 3] = [Role::Code, Role::Envelope, Role::Message];

/// The style's own members that an enum may leave out, in the lock's (alphabetical) order.
pub(crate) const SKIPPED: [Role; 2] = [Role::Code, Role::Status];

/// The key of the member of `role` that a built-in style writes with `names`, if it writes one
/// that an enum may rename or leave out.
fn own_name<'a>(style: Builtin, role: Role, names: &Names<'a>) -> Option<&'a str> {
    match role {
        Role::Envelope => style.envelope_name(names),
        Role::Code => style.code_name(names),
        Role::Message => Some(style.message_name(names)),
        Role::Status => (style == Builtin::Problem && !names.skip_status).then_some("status"),
        Role::Type | Role::Title | Role::Instance => None,
    }
}

/// What an enum's `rename_members` and `skip_members` change in the body of one code of
/// `style`: the renamed members (role to name) and the roles left out. A built-in style records
/// only what changes its bodies (a member it writes, under a name other than its own); a
/// custom style, which may read any of them from `Parts::names`, everything given.
fn style_members(style: &str, names: &Names<'_>) -> (BTreeMap<String, String>, Vec<String>) {
    let builtin = Builtin::from_name(style);
    let skipped: Vec<Role> = SKIPPED
        .into_iter()
        .filter(|&role| {
            let given = match role {
                Role::Code => names.skip_code,
                _ => names.skip_status,
            };
            given && builtin.is_none_or(|style| style.skips(role))
        })
        .collect();
    let renamed = RENAMED
        .into_iter()
        .filter(|role| !skipped.contains(role))
        .filter_map(|role| {
            let given = match role {
                Role::Envelope => names.envelope,
                Role::Code => names.code,
                _ => names.message,
            }?;
            let changes = builtin.is_none_or(|style| {
                style.renames(role) && own_name(style, role, &Names::DEFAULT) != Some(given)
            });
            changes.then(|| (role.name().to_owned(), given.to_owned()))
        })
        .collect();
    let skipped = skipped.iter().map(|role| role.name().to_owned()).collect();
    (renamed, skipped)
}

/// A constant member's value as the body of the code `code` writes it: a string with its
/// `{code}` replaced by the code, a number, a bool.
fn constant_value(value: ConstantValue<'_>, code: Code<'_>) -> Value {
    match value {
        ConstantValue::Str(text) => Value::String(match value.link() {
            Some((before, after)) => format!("{before}{code}{after}"),
            None => text.to_owned(),
        }),
        ConstantValue::Number(json) => serde_json::from_str(json).unwrap_or(Value::Null),
        ConstantValue::Bool(value) => Value::Bool(value),
    }
}

#[cfg(test)]
mod tests {
    use super::{Names, style_members};
    use std::collections::BTreeMap;

    fn owned(list: &[(&str, &str)]) -> BTreeMap<String, String> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn a_builtin_style_records_what_changes_its_bodies() {
        let names = Names {
            envelope: Some("failures"),
            code: Some("code"),
            message: Some("error_description"),
            skip_code: true,
            skip_status: true,
        };
        // `flat` has no envelope, its code keeps its own name, it leaves nothing out.
        assert_eq!(
            style_members("flat", &names),
            (owned(&[("message", "error_description")]), vec![])
        );
        // `dto` names its code `errorCode`: `code` changes its bodies.
        assert_eq!(
            style_members("dto", &names),
            (
                owned(&[
                    ("code", "code"),
                    ("envelope", "failures"),
                    ("message", "error_description")
                ]),
                vec![]
            )
        );
        // `problem` names its message `detail`; a code left out is not renamed.
        assert_eq!(
            style_members("problem", &names),
            (owned(&[]), vec!["code".to_owned(), "status".to_owned()])
        );
        assert_eq!(
            style_members("problem", &Names::DEFAULT),
            (owned(&[]), vec![])
        );
    }

    /// A custom style may read any of them from `Parts::names`.
    #[test]
    fn a_custom_style_records_everything_given() {
        let names = Names {
            code: Some("code"),
            skip_status: true,
            ..Names::DEFAULT
        };
        assert_eq!(
            style_members("crate::Custom", &names),
            (owned(&[("code", "code")]), vec!["status".to_owned()])
        );
    }
}
