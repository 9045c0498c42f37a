//! The comparison of a lock with a catalog: every change of every code, each breaking, allowed
//! or an addition.

use crate::LockError;
use crate::format::{CodeKey, Entry, Lock, RENAMED, SKIPPED};
use crate::report::{Change, ChangeKind, Report};
use error_contract::Catalog;
use error_contract_wire::Role;
use std::path::PathBuf;

/// Compares the text of a lock with a catalog: every change from the lock to the catalog, in
/// the lock's order of codes, the added codes last.
///
/// ```
/// use error_contract::ApiError;
/// use error_contract_lock::ChangeKind;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
/// enum Before {
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
/// enum After {
///     #[api_error(status = 404, code = 3001, message = "no such entity")]
///     NotFound,
///     #[api_error(status = 410, code = 3002, message = "entity gone")]
///     Gone,
/// }
///
/// let lock = error_contract_lock::to_lock(&Before::catalog());
/// let report = error_contract_lock::compare(&lock, &After::catalog()).unwrap();
/// assert!(!report.is_breaking());
/// let kinds: Vec<ChangeKind> = report.changes().iter().map(|c| c.kind()).collect();
/// assert_eq!(kinds, [ChangeKind::MessageChanged, ChangeKind::CodeAdded]);
/// assert_eq!(
///     report.to_string(),
///     "allowed   code 3001 (NotFound): message changed from \"entity not found\" to \"no such entity\"\n\
///      added     code 3002 (Gone)\n"
/// );
/// ```
///
/// # Errors
///
/// [`LockError::Invalid`] (with an empty path) when `locked` is not a lock.
pub fn compare(locked: &str, catalog: &Catalog) -> Result<Report, LockError> {
    let old = Lock::parse(locked).map_err(|message| LockError::Invalid {
        path: PathBuf::new(),
        message,
    })?;
    Ok(diff(&old, &Lock::of(catalog)))
}

/// One code of a lock, from the file or from a catalog.
#[derive(Clone, Copy)]
struct Locked<'a> {
    code: &'a CodeKey,
    entry: &'a Entry,
}

impl Locked<'_> {
    /// The codes of a lock, in its order.
    fn all(lock: &Lock) -> Vec<Locked<'_>> {
        lock.codes
            .iter()
            .map(|(code, entry)| Locked { code, entry })
            .collect()
    }

    fn change(&self, kind: ChangeKind, detail: String) -> Change {
        Change {
            kind,
            code: self.code.text.clone(),
            name: self.entry.name.clone(),
            detail,
        }
    }
}

/// Every change from `old` (the lock) to `new` (the catalog).
fn diff(old: &Lock, new: &Lock) -> Report {
    let (old, new) = (Locked::all(old), Locked::all(new));
    let find = |list: &[Locked<'_>], code: &CodeKey| -> Option<usize> {
        list.iter().position(|e| e.code.text == code.text)
    };
    let mut changes = Vec::new();
    let mut renumbered: Vec<usize> = Vec::new();
    for before in &old {
        let after = if let Some(index) = find(&new, before.code) {
            new[index]
        } else {
            // The same variant name under one code the lock does not have: renumbered.
            let candidates: Vec<usize> = new
                .iter()
                .enumerate()
                .filter(|(_, e)| e.entry.name == before.entry.name && find(&old, e.code).is_none())
                .map(|(i, _)| i)
                .collect();
            let [index] = candidates[..] else {
                changes.push(before.change(ChangeKind::CodeRemoved, "removed".into()));
                continue;
            };
            renumbered.push(index);
            let after = new[index];
            changes.push(before.change(
                ChangeKind::CodeRenumbered,
                format!("renumbered to {}", after.code.text),
            ));
            after
        };
        entry_changes(*before, after, &mut changes);
    }
    for (index, after) in new.iter().enumerate() {
        if find(&old, after.code).is_none() && !renumbered.contains(&index) {
            changes.push(after.change(ChangeKind::CodeAdded, String::new()));
        }
    }
    Report { changes }
}

/// The changes of one code that is in both.
fn entry_changes(before: Locked<'_>, after: Locked<'_>, changes: &mut Vec<Change>) {
    let mut push = |kind: ChangeKind, detail: String| changes.push(before.change(kind, detail));
    let (old, new) = (before.entry, after.entry);
    if old.name != new.name {
        push(
            ChangeKind::VariantRenamed,
            format!("variant renamed to {}", new.name),
        );
    }
    if old.status != new.status {
        push(
            ChangeKind::StatusChanged,
            format!("status changed from {} to {}", old.status, new.status),
        );
    }
    status_changes(old, new, &mut push);
    if old.grpc != new.grpc {
        let show = |code: &Option<String>| code.clone().unwrap_or_else(|| "none".to_owned());
        push(
            ChangeKind::GrpcCodeChanged,
            format!(
                "gRPC code changed from {} to {}",
                show(&old.grpc),
                show(&new.grpc)
            ),
        );
    }
    if old.style != new.style {
        push(
            ChangeKind::StyleChanged,
            format!("style changed from {} to {}", old.style, new.style),
        );
    }
    if old.problem_type != new.problem_type {
        push(
            ChangeKind::ProblemTypeChanged,
            format!(
                "problem type changed from {} to {}",
                old.problem_type.as_deref().unwrap_or("none"),
                new.problem_type.as_deref().unwrap_or("none")
            ),
        );
    }
    let (old_parent, new_parent) = (
        old.parent.as_ref().map(crate::format::Parent::text),
        new.parent.as_ref().map(crate::format::Parent::text),
    );
    if old_parent != new_parent {
        let show = |p: Option<String>| p.unwrap_or_else(|| "none".to_owned());
        push(
            ChangeKind::ParentChanged,
            format!(
                "parent changed from {} to {}",
                show(old_parent),
                show(new_parent)
            ),
        );
    }

    if old.style == new.style {
        // Another style writes other members: its change is reported above.
        style_member_changes(old, new, &mut push);
    }
    field_changes(old, new, &mut push);
    constant_changes(old, new, &mut push);
    header_changes(old, new, &mut push);

    if let Some((kind, detail)) = message_change(old, new) {
        push(kind, detail);
    }
}

/// The changes of the statuses a run-time status may take: one that the other side's statuses
/// (its declared one included) do not cover, as itself or by its class.
fn status_changes(before: &Entry, after: &Entry, push: &mut impl FnMut(ChangeKind, String)) {
    let covered = |status: &str, entry: &Entry| {
        let declared = entry.status.to_string();
        let class = status.get(..1).map(|digit| format!("{digit}XX"));
        status == declared
            || entry
                .statuses
                .iter()
                .any(|s| s == status || Some(s) == class.as_ref())
    };
    for status in &before.statuses {
        if !covered(status, after) {
            push(
                ChangeKind::StatusRemoved,
                format!("no longer sent with {status}"),
            );
        }
    }
    for status in &after.statuses {
        if !covered(status, before) {
            push(ChangeKind::StatusAdded, format!("also sent with {status}"));
        }
    }
}

/// The changes of the headers of one code. Header names are case-insensitive; a value is what
/// follows the name's `:` (a name has none), absent for a header from a field.
fn header_changes(before: &Entry, after: &Entry, push: &mut impl FnMut(ChangeKind, String)) {
    let split = |header: &'_ str| -> (String, Option<String>) {
        match header.split_once(':') {
            Some((name, value)) => (name.to_owned(), Some(value.trim_start().to_owned())),
            None => (header.to_owned(), None),
        }
    };
    let find = |list: &[String], name: &str| {
        list.iter()
            .map(|h| split(h))
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
    };
    for header in &before.headers {
        let (name, value) = split(header);
        match find(&after.headers, &name) {
            None => push(
                ChangeKind::HeaderRemoved,
                format!("header `{name}` removed"),
            ),
            Some((_, now)) if now != value => {
                let show = |v: &Option<String>| match v {
                    Some(v) => quoted(v),
                    None => "a field".to_owned(),
                };
                push(
                    ChangeKind::HeaderChanged,
                    format!(
                        "header `{name}` changed from {} to {}",
                        show(&value),
                        show(&now)
                    ),
                );
            }
            Some(_) => {}
        }
    }
    for header in &after.headers {
        let (name, _) = split(header);
        if find(&before.headers, &name).is_none() {
            push(ChangeKind::HeaderAdded, format!("header `{name}` added"));
        }
    }
}

/// A changed message: allowed, but in the `message` style, where it is what tells the errors
/// apart.
fn message_change(before: &Entry, after: &Entry) -> Option<(ChangeKind, String)> {
    if before.message == after.message {
        return None;
    }
    let kind = if before.style == "message" && after.style == "message" {
        ChangeKind::IdentifyingMessageChanged
    } else {
        ChangeKind::MessageChanged
    };
    let detail = format!(
        "message changed from {} to {}",
        quoted(&before.message),
        quoted(&after.message)
    );
    Some((kind, detail))
}

/// The changes of the names of the members a code's style writes itself, and of those it leaves
/// out.
fn style_member_changes(before: &Entry, after: &Entry, push: &mut impl FnMut(ChangeKind, String)) {
    // A custom style's own name is not known here.
    let show = |name: Option<String>, role: Role| match name {
        Some(name) => format!("style member `{name}`"),
        None => format!("the style's own {} member", role.name()),
    };
    for role in RENAMED {
        if before.skips(role) || after.skips(role) {
            continue;
        }
        let (old, new) = (before.own_member(role), after.own_member(role));
        if old != new {
            let new = match new {
                Some(name) => format!("`{name}`"),
                None => show(None, role),
            };
            push(
                ChangeKind::MemberRenamed,
                format!("{} renamed to {new}", show(old, role)),
            );
        }
    }
    for role in SKIPPED {
        let show = |entry: &Entry| show(entry.own_member(role), role);
        match (before.skips(role), after.skips(role)) {
            (false, true) => push(
                ChangeKind::MemberSkipped,
                format!("{} left out", show(before)),
            ),
            (true, false) => push(
                ChangeKind::MemberRestored,
                format!("{} added back", show(after)),
            ),
            _ => {}
        }
    }
}

/// The changes of the constant members of one code.
fn constant_changes(before: &Entry, after: &Entry, push: &mut impl FnMut(ChangeKind, String)) {
    for (name, old) in &before.constants {
        match after.constants.get(name) {
            None => push(
                ChangeKind::ConstantRemoved,
                format!("constant member `{name}` removed"),
            ),
            Some(new) if new != old => push(
                ChangeKind::ConstantChanged,
                format!("constant member `{name}` changed from {old} to {new}"),
            ),
            Some(_) => {}
        }
    }
    for (name, value) in &after.constants {
        if !before.constants.contains_key(name) {
            push(
                ChangeKind::ConstantAdded,
                format!("constant member `{name}` added ({value})"),
            );
        }
    }
}

/// The changes of the exposed keys of one code.
fn field_changes(before: &Entry, after: &Entry, push: &mut impl FnMut(ChangeKind, String)) {
    let removed: Vec<&String> = before
        .fields
        .keys()
        .filter(|key| !after.fields.contains_key(*key))
        .collect();
    let added: Vec<(&String, &String)> = after
        .fields
        .iter()
        .filter(|(key, _)| !before.fields.contains_key(*key))
        .collect();
    if let ([old_key], [(new_key, _)]) = (&removed[..], &added[..]) {
        push(
            ChangeKind::FieldRenamed,
            format!("exposed key `{old_key}` renamed to `{new_key}`"),
        );
    } else {
        for key in &removed {
            push(
                ChangeKind::FieldRemoved,
                format!("exposed key `{key}` removed"),
            );
        }
        for (key, ty) in &added {
            push(
                ChangeKind::FieldAdded,
                format!("exposed key `{key}` added ({ty})"),
            );
        }
    }
    for (key, old_ty) in &before.fields {
        if let Some(new_ty) = after.fields.get(key) {
            if old_ty != new_ty {
                push(
                    ChangeKind::FieldRetyped,
                    format!("exposed key `{key}` retyped from {old_ty} to {new_ty}"),
                );
            }
        }
    }
}

/// `text` as a JSON string.
fn quoted(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}
