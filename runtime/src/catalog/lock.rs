//! The lock file: the error contract checked in beside the code, and a test that fails on every
//! change that would break a client.
//!
//! Put one call in a test and commit the files it writes:
//!
//! ```no_run
//! # use error_contract::ApiError;
//! # #[derive(Debug, ApiError)]
//! # enum ShopError {
//! #     #[api_error(status = 404, code = 3001, message = "entity not found")]
//! #     NotFound,
//! # }
//! // tests/error_contract.rs
//! #[test]
//! fn errors_are_locked() {
//!     error_contract::lock::check::<ShopError>("errors.lock.json");
//!     error_contract::lock::check_markdown::<ShopError>("docs/errors.md");
//! }
//! ```
//!
//! - A relative path is relative to the crate's directory (`CARGO_MANIFEST_DIR`, which
//!   `cargo test` sets when it runs a test), so the test finds its file whatever directory it
//!   runs in. A test binary run by other means resolves it from its working directory; pass
//!   `concat!(env!("CARGO_MANIFEST_DIR"), "/errors.lock.json")` to fix the path at build time.
//! - [`check`] compares the enum with the lock. New codes, new exposed keys, new headers and
//!   new constant members pass: a client that does not know them is not broken (the lock is
//!   left as it is; the test says what it does not record yet), and so does a style member
//!   that `skip_members` no longer leaves out. A message or a variant's name that changed passes
//!   too, reported as allowed, except the message of a code in the `message` style: its body
//!   has no code, so clients tell its errors apart by their message, and that change breaks. Everything else fails the test with one line per change: a code
//!   removed, renumbered (the same variant name under another code), its status, style, problem
//!   `type` or parent changed, an exposed key removed, renamed or retyped, a header removed, a
//!   fixed header's value (`headers("Cache-Control" = "no-store")`) or template changed, a
//!   member the style writes itself renamed (`rename_members`, back to the style's own name
//!   included: clients read members by name) or left out (`skip_members`), and a constant
//!   member (`constants(...)`, `title` and `type_base` outside the problem style) removed or
//!   with another value.
//! - [`check_markdown`] fails when the Markdown catalog ([`Catalog::to_markdown`]) differs from
//!   the file, showing the lines that differ.
//! - With `ERROR_CONTRACT_LOCK=overwrite` in the environment both rewrite their file instead (and
//!   create it, with its folder), like `TRYBUILD=overwrite`:
//!   `ERROR_CONTRACT_LOCK=overwrite cargo test`. A missing file is an error otherwise, so CI does
//!   not pass on a lock nobody committed.
//!
//! The lock is JSON, pretty-printed with one member per line, sorted, so that its diff in a
//! review shows what changed in the contract:
//!
//! ```json
//! {
//!   "format": 1,
//!   "codes": {
//!     "3001": {
//!       "name": "NotFound",
//!       "status": 404,
//!       "style": "dto",
//!       "message": "entity not found"
//!     },
//!     "4029": {
//!       "name": "RateLimited",
//!       "status": 429,
//!       "style": "dto",
//!       "message": "too many requests, retry in {seconds} s",
//!       "fields": {
//!         "seconds": "u32"
//!       },
//!       "headers": [
//!         "Retry-After"
//!       ]
//!     }
//!   }
//! }
//! ```
//!
//! Codes are sorted (numbers by value, then strings), exposed keys and headers by name. Each code
//! has its variant's `name`, declared `status`, `style`, `type` (problem style with a
//! `type_base` only: the problem type URI), `parent` (if any), `message` (the template as
//! written), `fields` (exposed key and Rust type as written in the enum) and `headers` (a
//! header from a field by its name, a fixed or templated one as `"Name: value"`, the value as
//! written in the attribute). Types are
//! compared as written: `String` and `std::string::String` are two texts, so spelling a type
//! differently is reported as retyped (rewrite the lock if the type is the same).
//!
//! The rest of the body's shape, each member only when there is something to record:
//!
//! ```json
//! {
//!   "format": 1,
//!   "codes": {
//!     "4003": {
//!       "name": "OutOfCredit",
//!       "status": 403,
//!       "style": "problem",
//!       "rename_members": {
//!         "code": "errorCode"
//!       },
//!       "skip_members": [
//!         "status"
//!       ],
//!       "type": "https://example.com/errors/4003",
//!       "message": "no credit",
//!       "fields": {
//!         "instance": "Option<String>"
//!       },
//!       "members": {
//!         "more_info": "https://example.com/docs/4003",
//!         "retryable": false
//!       }
//!     }
//!   }
//! }
//! ```
//!
//! - `rename_members`: the members the code's style writes itself (`code`, `message`,
//!   `envelope`) under a name other than the style's own, as the enum's `rename_members` gives
//!   them. Only the renames that change this code's body: a `problem` code has no `message`
//!   rename (RFC 9457 names it `detail`), a `flat` code none of `code = "code"`. A custom
//!   style, which may read them all from [`Parts::names`](crate::Parts::names), has every one
//!   the enum gives.
//! - `skip_members`: the members the style leaves out (`code`, `status`: `problem` only, or a
//!   custom style).
//! - `members`: the constant members by name, each with the JSON value the body writes: a
//!   string with its `{code}` replaced by the code, a number, a bool. `title` and `type_base`
//!   outside the problem style are the constants `title` and `type`.
//! - The problem's `instance` (`#[api_error(instance)]`) is in `fields` under the key
//!   `instance`, like an exposed field: removed or retyped, it breaks.
//!
//! A lock without these members (written before they were recorded) still reads: none of them
//! means the style's own names, nothing left out and no constant member.
//!
//! Not recorded, as they may change without breaking a client: descriptions, problem titles
//! (RFC 9457 makes `title` advisory), and whether a field carries the message at run time
//! (`#[api_error(message)]`): the body has its message member either way, and the message's
//! text is free to change. Nor does the Markdown catalog show member names or constants: they
//! are the same for most codes, and its table keeps to status, code, message and description.

use super::{Catalog, CatalogEntry, HeaderSource};
use crate::json::JsonWriter;
use crate::style::{Constant, Names};
use crate::{ApiError, Code};
use core::fmt::{self, Write as _};
use error_contract_wire::{Builtin, Role};
use serde_json::Value;
use std::cmp::Ordering;
use std::path::{Path, PathBuf};

/// The environment variable that makes [`check`] and [`check_markdown`] rewrite their file:
/// `ERROR_CONTRACT_LOCK=overwrite`.
///
/// ```
/// assert_eq!(error_contract::lock::ENV, "ERROR_CONTRACT_LOCK");
/// ```
pub const ENV: &str = "ERROR_CONTRACT_LOCK";

/// The version of the lock's format, written as its `"format"` member.
const FORMAT: u64 = 1;

/// What [`verify`] and [`verify_markdown`] do with the file: compare it, or rewrite it.
///
/// ```
/// use error_contract::lock::Mode;
///
/// // `ERROR_CONTRACT_LOCK` is not set in this doc test.
/// assert_eq!(Mode::from_env(), Mode::Check);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Compare the file with the catalog; never write it.
    Check,
    /// Write the catalog into the file (creating it and its folder), when it differs.
    Overwrite,
}

impl Mode {
    /// [`Mode::Overwrite`] when [`ENV`] is `overwrite`, else [`Mode::Check`].
    ///
    /// See [`Mode`] for an example.
    #[must_use]
    pub fn from_env() -> Mode {
        match std::env::var_os(ENV) {
            Some(value) if value == "overwrite" => Mode::Overwrite,
            _ => Mode::Check,
        }
    }
}

/// Fails (panics, for a test) when `E`'s errors break the contract locked in the file at `path`;
/// rewrites the file instead when `ERROR_CONTRACT_LOCK=overwrite`.
///
/// A relative `path` is relative to `CARGO_MANIFEST_DIR`. Additions and allowed changes pass,
/// and are written to the test's output. See [the module](self) for what breaks the contract.
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
/// enum ShopError {
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
/// }
///
/// # let dir = std::env::temp_dir().join(format!("error-contract-check-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("errors.lock.json");
/// std::fs::write(&path, ShopError::catalog().to_lock()).unwrap();
/// error_contract::lock::check::<ShopError>(&path);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Panics
///
/// With the [`LockError`] as message: a breaking change, a missing or unreadable lock, or one
/// that is not a lock.
#[track_caller]
pub fn check<E: ApiError>(path: impl AsRef<Path>) {
    let path = path.as_ref();
    let mode = Mode::from_env();
    match verify(&E::catalog(), path, mode) {
        Ok(report) if report.is_empty() => {}
        Ok(report) if mode == Mode::Overwrite => eprintln!(
            "{}: rewrote the lock of `{}`, recording:\n{report}",
            path.display(),
            core::any::type_name::<E>()
        ),
        Ok(report) => eprintln!(
            "{}: the error contract of `{}` changed without breaking it \
             ({ENV}=overwrite records it):\n{report}",
            path.display(),
            core::any::type_name::<E>()
        ),
        Err(error) => panic!("{error}"),
    }
}

/// Fails (panics, for a test) when `E`'s Markdown catalog ([`Catalog::to_markdown`]) differs
/// from the file at `path`; rewrites the file instead when `ERROR_CONTRACT_LOCK=overwrite`.
///
/// A relative `path` is relative to `CARGO_MANIFEST_DIR`: keep the table in a docs folder and
/// this test keeps it true.
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
/// enum ShopError {
///     /// Entity was not found.
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
/// }
///
/// # let dir = std::env::temp_dir().join(format!("error-contract-md-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("errors.md");
/// std::fs::write(
///     &path,
///     "| Status | Code | Message | Description |\n\
///      | --- | --- | --- | --- |\n\
///      | 404 | 3001 | entity not found | Entity was not found. |\n",
/// )
/// .unwrap();
/// error_contract::lock::check_markdown::<ShopError>(&path);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Panics
///
/// With the [`LockError`] as message: the file differs, is missing or cannot be read.
#[track_caller]
pub fn check_markdown<E: ApiError>(path: impl AsRef<Path>) {
    if let Err(error) = verify_markdown(&E::catalog(), path, Mode::from_env()) {
        panic!("{error}");
    }
}

/// What [`check`] does, without panicking and with the mode given: compares `catalog` with the
/// lock at `path` ([`Mode::Check`]) or rewrites the lock ([`Mode::Overwrite`]).
///
/// Returns the changes, none of them breaking in [`Mode::Check`]; in [`Mode::Overwrite`] every
/// change that the rewrite recorded (none when the file was missing or not a lock).
///
/// ```
/// use error_contract::ApiError;
/// use error_contract::lock::{self, LockError, Mode};
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
///     #[api_error(status = 410, code = 3001, message = "entity not found")]
///     NotFound,
/// }
///
/// # let dir = std::env::temp_dir().join(format!("error-contract-verify-doc-{}", std::process::id()));
/// let path = dir.join("errors.lock.json");
/// // Missing: an error in `Check`, written in `Overwrite`.
/// assert!(matches!(
///     lock::verify(&Before::catalog(), &path, Mode::Check),
///     Err(LockError::Missing { .. })
/// ));
/// assert!(lock::verify(&Before::catalog(), &path, Mode::Overwrite).unwrap().is_empty());
///
/// let error = lock::verify(&After::catalog(), &path, Mode::Check).unwrap_err();
/// let LockError::Broken { report, .. } = &error else { panic!("{error}") };
/// assert_eq!(report.to_string(), "breaking  code 3001 (NotFound): status changed from 404 to 410\n");
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Errors
///
/// [`LockError::Broken`] with the report when a change breaks the contract, and in
/// [`Mode::Check`] [`LockError::Missing`] and [`LockError::Invalid`]; [`LockError::Io`] when
/// the file cannot be read or written.
pub fn verify(catalog: &Catalog, path: impl AsRef<Path>, mode: Mode) -> Result<Report, LockError> {
    let shown = path.as_ref();
    let full = resolve(shown);
    let text = catalog.to_lock();
    let locked = match read(shown, &full)? {
        Some(locked) => locked,
        None if mode == Mode::Overwrite => {
            write(shown, &full, &text)?;
            return Ok(Report::default());
        }
        None => return Err(LockError::Missing { path: shown.into() }),
    };
    let report = match (compare(&locked, catalog), mode) {
        (Ok(report), _) => report,
        (Err(_), Mode::Overwrite) => Report::default(),
        (Err(LockError::Invalid { message, .. }), Mode::Check) => {
            return Err(LockError::Invalid {
                path: shown.into(),
                message,
            });
        }
        (Err(error), Mode::Check) => return Err(error),
    };
    match mode {
        Mode::Overwrite => {
            if normalize(&locked) != text {
                write(shown, &full, &text)?;
            }
            Ok(report)
        }
        Mode::Check if report.is_breaking() => Err(LockError::Broken {
            path: shown.into(),
            report,
        }),
        Mode::Check => Ok(report),
    }
}

/// What [`check_markdown`] does, without panicking and with the mode given: compares
/// `catalog`'s Markdown table with the file at `path` ([`Mode::Check`]) or rewrites the file
/// ([`Mode::Overwrite`]). Line endings do not count (a checkout with `\r\n` matches).
///
/// ```
/// use error_contract::ApiError;
/// use error_contract::lock::{self, LockError, Mode};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
/// enum ShopError {
///     /// Entity was not found.
///     #[api_error(status = 404, code = 3001, message = "no such entity")]
///     NotFound,
/// }
///
/// # let dir = std::env::temp_dir().join(format!("error-contract-vmd-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("errors.md");
/// std::fs::write(
///     &path,
///     "| Status | Code | Message | Description |\n\
///      | --- | --- | --- | --- |\n\
///      | 404 | 3001 | entity not found | Entity was not found. |\n",
/// )
/// .unwrap();
/// let error = lock::verify_markdown(&ShopError::catalog(), &path, Mode::Check).unwrap_err();
/// let LockError::Drift { lines, .. } = &error else { panic!("{error}") };
/// assert_eq!(
///     lines,
///     &[
///         "- | 404 | 3001 | entity not found | Entity was not found. |",
///         "+ | 404 | 3001 | no such entity | Entity was not found. |",
///     ]
/// );
///
/// lock::verify_markdown(&ShopError::catalog(), &path, Mode::Overwrite).unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), ShopError::catalog().to_markdown());
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Errors
///
/// In [`Mode::Check`], [`LockError::Drift`] when the file differs and [`LockError::Missing`]
/// when there is none; [`LockError::Io`] when the file cannot be read or written.
pub fn verify_markdown(
    catalog: &Catalog,
    path: impl AsRef<Path>,
    mode: Mode,
) -> Result<(), LockError> {
    let shown = path.as_ref();
    let full = resolve(shown);
    let text = catalog.to_markdown();
    let current = read(shown, &full)?.map(|current| normalize(&current));
    if current.as_deref() == Some(text.as_str()) {
        return Ok(());
    }
    match (mode, current) {
        (Mode::Overwrite, _) => write(shown, &full, &text),
        (Mode::Check, None) => Err(LockError::Missing { path: shown.into() }),
        (Mode::Check, Some(current)) => Err(LockError::Drift {
            path: shown.into(),
            lines: line_diff(&current, &text),
        }),
    }
}

/// Compares the text of a lock with a catalog: every change from the lock to the catalog, in
/// the lock's order of codes, the added codes last.
///
/// ```
/// use error_contract::ApiError;
/// use error_contract::lock::{self, ChangeKind};
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
/// let report = lock::compare(&Before::catalog().to_lock(), &After::catalog()).unwrap();
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
    let old = parse(locked).map_err(|message| LockError::Invalid {
        path: PathBuf::new(),
        message,
    })?;
    Ok(diff(&old, &Locked::all(catalog)))
}

impl Catalog {
    /// The catalog as a lock file: sorted, pretty-printed JSON with one member per line, the
    /// text that [`lock::check`](crate::lock::check) compares and writes. See
    /// [`lock`](crate::lock) for its format.
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
    ///     ShopError::catalog().to_lock(),
    ///     r#"{
    ///   "format": 1,
    ///   "codes": {
    ///     "2006": {
    ///       "name": "Saving",
    ///       "status": 500,
    ///       "style": "dto",
    ///       "message": "entity saving error"
    ///     },
    ///     "200601": {
    ///       "name": "NotUnique",
    ///       "status": 400,
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
    pub fn to_lock(&self) -> String {
        let entries = Locked::all(self);
        let mut out = String::new();
        let _ = write!(out, "{{\n  \"format\": {FORMAT},\n  \"codes\": {{");
        for (i, entry) in entries.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("\n    ");
            push_str(&mut out, &entry.code.text);
            out.push_str(": {\n");
            let mut members: Vec<String> = Vec::new();
            members.push(format!("\"name\": {}", quoted(&entry.name)));
            members.push(format!("\"status\": {}", entry.status));
            members.push(format!("\"style\": {}", quoted(&entry.style)));
            if !entry.renamed.is_empty() {
                let renamed = entry
                    .renamed
                    .iter()
                    .map(|(role, name)| format!("{}: {}", quoted(role), quoted(name)));
                members.push(block("rename_members", '{', renamed));
            }
            if !entry.skipped.is_empty() {
                let skipped = entry.skipped.iter().map(|role| quoted(role));
                members.push(block("skip_members", '[', skipped));
            }
            if let Some(uri) = &entry.problem_type {
                members.push(format!("\"type\": {}", quoted(uri)));
            }
            if let Some(parent) = &entry.parent {
                members.push(format!("\"parent\": {}", parent.json()));
            }
            members.push(format!("\"message\": {}", quoted(&entry.message)));
            if !entry.fields.is_empty() {
                let fields = entry
                    .fields
                    .iter()
                    .map(|(key, ty)| format!("{}: {}", quoted(key), quoted(ty)));
                members.push(block("fields", '{', fields));
            }
            if !entry.members.is_empty() {
                let constants = entry
                    .members
                    .iter()
                    .map(|(name, value)| format!("{}: {value}", quoted(name)));
                members.push(block("members", '{', constants));
            }
            if !entry.headers.is_empty() {
                let headers = entry.headers.iter().map(|h| quoted(h));
                members.push(block("headers", '[', headers));
            }
            out.push_str("      ");
            out.push_str(&members.join(",\n      "));
            out.push_str("\n    }");
        }
        if entries.is_empty() {
            out.push_str("}\n}\n");
        } else {
            out.push_str("\n  }\n}\n");
        }
        out
    }
}

/// A member of a code's entry whose value is an object (`open` `{`) or an array (`[`), one item
/// a line.
fn block(key: &str, open: char, items: impl Iterator<Item = String>) -> String {
    let close = if open == '{' { '}' } else { ']' };
    let items: Vec<String> = items.collect();
    format!(
        "\"{key}\": {open}\n        {}\n      {close}",
        items.join(",\n        ")
    )
}

/// Why a lock or Markdown check failed.
///
/// Its `Display` is what the failing test prints: the file, then one line per change.
///
/// ```
/// use error_contract::lock::LockError;
///
/// let error = LockError::Missing { path: "errors.lock.json".into() };
/// assert_eq!(
///     error.to_string(),
///     "errors.lock.json: no such file; write it with ERROR_CONTRACT_LOCK=overwrite cargo test, then commit it"
/// );
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum LockError {
    /// The contract changed in a way that breaks clients.
    Broken {
        /// The file, as given.
        path: PathBuf,
        /// Every change, breaking or not.
        report: Report,
    },
    /// The Markdown catalog differs from the file.
    Drift {
        /// The file, as given.
        path: PathBuf,
        /// The lines only in the file (`"- ..."`) and only in the catalog (`"+ ..."`), in order.
        lines: Vec<String>,
    },
    /// There is no file at the path.
    Missing {
        /// The file, as given.
        path: PathBuf,
    },
    /// The file is not a lock.
    Invalid {
        /// The file, as given (empty from [`compare`]).
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// The file could not be read or written.
    Io {
        /// The file, as given.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::Broken { path, report } => {
                let count = report.changes().iter().filter(|c| c.is_breaking()).count();
                let s = if count == 1 { "" } else { "s" };
                writeln!(
                    f,
                    "{}: {count} breaking change{s} to the error contract",
                    path.display()
                )?;
                write!(f, "{report}")?;
                write!(
                    f,
                    "If the break is intended, rewrite the lock with {ENV}=overwrite cargo test and commit it."
                )
            }
            LockError::Drift { path, lines } => {
                writeln!(
                    f,
                    "{}: the Markdown error catalog is out of date",
                    path.display()
                )?;
                for line in lines {
                    writeln!(f, "{line}")?;
                }
                write!(f, "Rewrite it with {ENV}=overwrite cargo test.")
            }
            LockError::Missing { path } => write!(
                f,
                "{}: no such file; write it with {ENV}=overwrite cargo test, then commit it",
                path.display()
            ),
            LockError::Invalid { path, message } if path.as_os_str().is_empty() => {
                write!(f, "not an error-contract lock: {message}")
            }
            LockError::Invalid { path, message } => write!(
                f,
                "{}: not an error-contract lock: {message}; rewrite it with {ENV}=overwrite cargo test",
                path.display()
            ),
            LockError::Io { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for LockError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LockError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Every change between a lock and a catalog: breaking, allowed and added.
///
/// Its `Display` is one line per change, labelled `breaking`, `allowed` or `added`. See
/// [`compare`] for an example.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    changes: Vec<Change>,
}

impl Report {
    /// The changes, in the lock's order of codes, the added codes last.
    ///
    /// See [`compare`] for an example.
    #[must_use]
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Whether a change breaks the contract.
    ///
    /// See [`compare`] for an example.
    #[must_use]
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(Change::is_breaking)
    }

    /// Whether nothing changed.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api_error(status = 404)]
    ///     NotFound,
    /// }
    /// let report = error_contract::lock::compare(&E::catalog().to_lock(), &E::catalog()).unwrap();
    /// assert!(report.is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for change in &self.changes {
            let label = if change.is_breaking() {
                "breaking"
            } else if change.kind.is_addition() {
                "added"
            } else {
                "allowed"
            };
            writeln!(f, "{label:<9} {change}")?;
        }
        Ok(())
    }
}

/// One change of one code.
///
/// Its `Display` is the line of the report without the label:
/// `code 3001 (NotFound): status changed from 404 to 410`. The code and the variant's name are
/// those of the lock (of the catalog for an added code).
///
/// ```
/// use error_contract::ApiError;
/// use error_contract::lock::ChangeKind;
///
/// #[derive(Debug, ApiError)]
/// enum Before {
///     #[api_error(status = 404, code = "not_found")]
///     NotFound,
/// }
///
/// #[derive(Debug, ApiError)]
/// enum After {
///     #[api_error(status = 404, code = "missing")]
///     NotFound,
/// }
///
/// let report = error_contract::lock::compare(&Before::catalog().to_lock(), &After::catalog()).unwrap();
/// let change = &report.changes()[0];
/// assert_eq!(change.kind(), ChangeKind::CodeRenumbered);
/// assert!(change.is_breaking());
/// assert_eq!(change.code(), "not_found");
/// assert_eq!(change.name(), "NotFound");
/// assert_eq!(change.to_string(), "code not_found (NotFound): renumbered to missing");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    kind: ChangeKind,
    code: String,
    name: String,
    detail: String,
}

impl Change {
    /// What changed.
    ///
    /// See [`Change`] for an example.
    #[must_use]
    pub fn kind(&self) -> ChangeKind {
        self.kind
    }

    /// Whether the change breaks the contract.
    ///
    /// See [`Change`] for an example.
    #[must_use]
    pub fn is_breaking(&self) -> bool {
        self.kind.is_breaking()
    }

    /// The code, as written in the lock.
    ///
    /// See [`Change`] for an example.
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The variant's name, as written in the lock.
    ///
    /// See [`Change`] for an example.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "code {} ({})", self.code, self.name)?;
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

/// The kinds of [`Change`].
///
/// ```
/// use error_contract::lock::ChangeKind;
///
/// assert!(ChangeKind::StatusChanged.is_breaking());
/// assert!(!ChangeKind::MessageChanged.is_breaking());
/// assert!(ChangeKind::CodeAdded.is_addition());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChangeKind {
    /// Breaking: the code is gone.
    CodeRemoved,
    /// Breaking: the variant of the same name has another code.
    CodeRenumbered,
    /// Breaking: the declared status changed.
    StatusChanged,
    /// Breaking: the body's style changed.
    StyleChanged,
    /// Breaking: the problem `type` URI changed.
    ProblemTypeChanged,
    /// Breaking: the parent code changed, was added or removed.
    ParentChanged,
    /// Breaking: an exposed key is gone.
    FieldRemoved,
    /// Breaking: the one exposed key that is gone has one new key in its place.
    FieldRenamed,
    /// Breaking: an exposed key's type (as written) changed.
    FieldRetyped,
    /// Breaking: a header is no longer sent.
    HeaderRemoved,
    /// Breaking: a header's literal value or template changed, or it moved between a field and
    /// a literal: a client may rely on a fixed header (a cache directive, an authentication
    /// challenge) as on a code.
    HeaderChanged,
    /// Breaking: a member the style writes itself (the code, the message, the envelope) has
    /// another name (`rename_members`): clients read it by name.
    MemberRenamed,
    /// Breaking: a member the style writes itself is left out (`skip_members`).
    MemberSkipped,
    /// Breaking: a constant member (`constants(...)`, and `title` and `type_base` outside the
    /// problem style) is gone.
    ConstantRemoved,
    /// Breaking: a constant member's value changed.
    ConstantChanged,
    /// Breaking: the message of a code in the `message` style changed. Its body has no code,
    /// so clients (and `Decode`) tell its errors apart by their message.
    IdentifyingMessageChanged,
    /// Allowed: the message (template) changed.
    MessageChanged,
    /// Allowed: the variant was renamed; its code is the same.
    VariantRenamed,
    /// Added: a new code.
    CodeAdded,
    /// Added: a new exposed key.
    FieldAdded,
    /// Added: a new header.
    HeaderAdded,
    /// Added: a new constant member.
    ConstantAdded,
    /// Added: a member the style writes itself that was left out is written again.
    MemberRestored,
}

impl ChangeKind {
    /// Whether a change of this kind breaks the contract.
    ///
    /// See [`ChangeKind`] for an example.
    #[must_use]
    pub fn is_breaking(self) -> bool {
        !matches!(
            self,
            ChangeKind::MessageChanged
                | ChangeKind::VariantRenamed
                | ChangeKind::CodeAdded
                | ChangeKind::FieldAdded
                | ChangeKind::HeaderAdded
                | ChangeKind::ConstantAdded
                | ChangeKind::MemberRestored
        )
    }

    /// Whether the change adds to the contract (a code, an exposed key, a header, a constant
    /// member, a style member no longer left out).
    ///
    /// See [`ChangeKind`] for an example.
    #[must_use]
    pub fn is_addition(self) -> bool {
        matches!(
            self,
            ChangeKind::CodeAdded
                | ChangeKind::FieldAdded
                | ChangeKind::HeaderAdded
                | ChangeKind::ConstantAdded
                | ChangeKind::MemberRestored
        )
    }
}

/// A code in a lock: a number or a string, ordered numbers first.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LockCode {
    text: String,
    numeric: Option<u64>,
}

impl LockCode {
    fn of(code: Code<'_>) -> LockCode {
        match code {
            Code::Num(n) => LockCode {
                text: n.to_string(),
                numeric: Some(u64::from(n)),
            },
            Code::Str(s) => LockCode {
                text: s.to_owned(),
                numeric: None,
            },
        }
    }

    /// A code key of the lock: digits are a number.
    fn key(text: &str) -> LockCode {
        LockCode {
            text: text.to_owned(),
            numeric: text
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| text.parse().ok())
                .flatten(),
        }
    }

    fn json(&self) -> String {
        match self.numeric {
            Some(n) => n.to_string(),
            None => quoted(&self.text),
        }
    }

    fn order(&self, other: &LockCode) -> Ordering {
        match (self.numeric, other.numeric) {
            (Some(a), Some(b)) => a.cmp(&b).then_with(|| self.text.cmp(&other.text)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => self.text.cmp(&other.text),
        }
    }
}

/// One code of a lock, from the file or from a catalog.
#[derive(Debug, Clone)]
struct Locked {
    code: LockCode,
    name: String,
    status: u64,
    style: String,
    problem_type: Option<String>,
    parent: Option<LockCode>,
    message: String,
    /// Exposed keys and types, sorted by key.
    fields: Vec<(String, String)>,
    /// Sorted: `Name` for a header from a field, `Name: value` for a literal or a template, as
    /// written in the attribute (a literal's braces doubled).
    headers: Vec<String>,
    /// The style's own members written under another name than the style's (`rename_members`),
    /// as role and name, sorted by role.
    renamed: Vec<(String, String)>,
    /// The roles of the style's own members left out (`skip_members`), sorted.
    skipped: Vec<String>,
    /// The constant members and their values as the body writes them (`{code}` replaced),
    /// sorted by name.
    members: Vec<(String, Value)>,
}

/// The style's own members that an enum may rename, in the lock's (alphabetical) order.
const RENAMED: [Role; 3] = [Role::Code, Role::Envelope, Role::Message];

/// The style's own members that an enum may leave out, in the lock's (alphabetical) order.
const SKIPPED: [Role; 2] = [Role::Code, Role::Status];

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
/// `style`: the renamed members (role, name) and the roles left out. A built-in style records
/// only what changes its bodies (a member it writes, under a name other than its own); a
/// custom style, which may read any of them from `Parts::names`, everything given.
fn style_members(style: &str, names: &Names<'_>) -> (Vec<(String, String)>, Vec<String>) {
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

/// A constant member's value as the body of the code `code` writes it.
fn constant_value(member: &Constant<'_>, code: Code<'_>) -> Value {
    let mut json = Vec::new();
    JsonWriter::buffer(&mut json).constant(member.value, code);
    serde_json::from_slice(&json).unwrap_or(Value::Null)
}

impl Locked {
    fn of(entry: CatalogEntry) -> Locked {
        let mut fields: Vec<(String, String)> = entry
            .fields()
            .iter()
            .enumerate()
            .map(|(i, key)| {
                let ty = entry.field_types().get(i).copied().unwrap_or_default();
                ((*key).to_owned(), ty.to_owned())
            })
            .collect();
        fields.sort();
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
        let problem_type = match entry.table().type_base {
            Some(base) if entry.style() == "problem" => Some(format!("{base}{}", entry.code())),
            _ => None,
        };
        let (renamed, skipped) = style_members(entry.style(), entry.names());
        let mut members: Vec<(String, Value)> = entry
            .constants()
            .iter()
            .map(|member| (member.name.to_owned(), constant_value(member, entry.code())))
            .collect();
        members.sort_by(|a, b| a.0.cmp(&b.0));
        Locked {
            code: LockCode::of(entry.code()),
            name: entry.name().to_owned(),
            status: u64::from(entry.status().as_u16()),
            style: entry.style().to_owned(),
            problem_type,
            parent: entry.parent().map(LockCode::of),
            message: entry.message().to_owned(),
            fields,
            headers,
            renamed,
            skipped,
            members,
        }
    }

    /// The catalog's entries, sorted by code.
    fn all(catalog: &Catalog) -> Vec<Locked> {
        let mut all: Vec<Locked> = catalog.iter().map(Locked::of).collect();
        all.sort_by(|a, b| a.code.order(&b.code));
        all
    }

    /// The key of this code's style member of `role`: as renamed, else the built-in style's
    /// own; `None` for a custom style's own.
    fn own_member(&self, role: Role) -> Option<String> {
        match self.renamed.iter().find(|(r, _)| r == role.name()) {
            Some((_, name)) => Some(name.clone()),
            None => Builtin::from_name(&self.style)
                .and_then(|style| own_name(style, role, &Names::DEFAULT))
                .map(str::to_owned),
        }
    }

    fn skips(&self, role: Role) -> bool {
        self.skipped.iter().any(|r| r == role.name())
    }

    fn change(&self, kind: ChangeKind, detail: String) -> Change {
        Change {
            kind,
            code: self.code.text.clone(),
            name: self.name.clone(),
            detail,
        }
    }
}

/// Reads a lock's text.
fn parse(text: &str) -> Result<Vec<Locked>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    match value.get("format").and_then(Value::as_u64) {
        Some(FORMAT) => {}
        Some(other) => return Err(format!("format {other} is not known to this version")),
        None => return Err("no \"format\" member".into()),
    }
    let codes = value
        .get("codes")
        .and_then(Value::as_object)
        .ok_or("no \"codes\" object")?;
    let mut all = Vec::with_capacity(codes.len());
    for (code, entry) in codes {
        let text = |key: &str| -> Result<String, String> {
            entry
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| format!("code {code}: no string \"{key}\""))
        };
        let status = entry
            .get("status")
            .and_then(Value::as_u64)
            .ok_or_else(|| format!("code {code}: no integer \"status\""))?;
        let parent = match entry.get("parent") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => Some(LockCode::key(&n.to_string())),
            Some(Value::String(s)) => Some(LockCode {
                text: s.clone(),
                numeric: None,
            }),
            Some(_) => return Err(format!("code {code}: \"parent\" is not a code")),
        };
        let mut members: Vec<(String, Value)> = match entry.get("members") {
            None => Vec::new(),
            Some(map) => map
                .as_object()
                .ok_or_else(|| format!("code {code}: \"members\" is not an object"))?
                .iter()
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect(),
        };
        members.sort_by(|a, b| a.0.cmp(&b.0));
        all.push(Locked {
            code: LockCode::key(code),
            name: text("name")?,
            status,
            style: text("style")?,
            problem_type: entry.get("type").and_then(Value::as_str).map(str::to_owned),
            parent,
            message: text("message")?,
            fields: string_map(code, entry, "fields", "the type of field")?,
            headers: string_list(code, entry, "headers", "a header")?,
            renamed: string_map(code, entry, "rename_members", "the name of member")?,
            skipped: string_list(code, entry, "skip_members", "a skipped member")?,
            members,
        });
    }
    all.sort_by(|a, b| a.code.order(&b.code));
    Ok(all)
}

/// The member `key` of the entry of `code`, an object of strings, sorted (empty when there is
/// none); `what` names a value in the error (`the type of field "sku" is not a string`).
fn string_map(
    code: &str,
    entry: &Value,
    key: &str,
    what: &str,
) -> Result<Vec<(String, String)>, String> {
    let Some(map) = entry.get(key) else {
        return Ok(Vec::new());
    };
    let map = map
        .as_object()
        .ok_or_else(|| format!("code {code}: \"{key}\" is not an object"))?;
    let mut pairs = Vec::with_capacity(map.len());
    for (name, value) in map {
        let value = value
            .as_str()
            .ok_or_else(|| format!("code {code}: {what} \"{name}\" is not a string"))?;
        pairs.push((name.clone(), value.to_owned()));
    }
    pairs.sort();
    Ok(pairs)
}

/// The member `key` of the entry of `code`, an array of strings, sorted (empty when there is
/// none); `what` names an item in the error (`a header is not a string`).
fn string_list(code: &str, entry: &Value, key: &str, what: &str) -> Result<Vec<String>, String> {
    let Some(list) = entry.get(key) else {
        return Ok(Vec::new());
    };
    let mut items = Vec::new();
    for item in list
        .as_array()
        .ok_or_else(|| format!("code {code}: \"{key}\" is not an array"))?
    {
        let item = item
            .as_str()
            .ok_or_else(|| format!("code {code}: {what} is not a string"))?;
        items.push(item.to_owned());
    }
    items.sort();
    Ok(items)
}

/// Every change from `old` (the lock) to `new` (the catalog).
fn diff(old: &[Locked], new: &[Locked]) -> Report {
    let find = |list: &'_ [Locked], code: &LockCode| -> Option<usize> {
        list.iter().position(|e| e.code.text == code.text)
    };
    let mut changes = Vec::new();
    let mut renumbered: Vec<usize> = Vec::new();
    for before in old {
        let after = if let Some(index) = find(new, &before.code) {
            &new[index]
        } else {
            // The same variant name under one code the lock does not have: renumbered.
            let candidates: Vec<usize> = new
                .iter()
                .enumerate()
                .filter(|(_, e)| e.name == before.name && find(old, &e.code).is_none())
                .map(|(i, _)| i)
                .collect();
            let [index] = candidates[..] else {
                changes.push(before.change(ChangeKind::CodeRemoved, "removed".into()));
                continue;
            };
            renumbered.push(index);
            let after = &new[index];
            changes.push(before.change(
                ChangeKind::CodeRenumbered,
                format!("renumbered to {}", after.code.text),
            ));
            after
        };
        entry_changes(before, after, &mut changes);
    }
    for (index, after) in new.iter().enumerate() {
        if find(old, &after.code).is_none() && !renumbered.contains(&index) {
            changes.push(after.change(ChangeKind::CodeAdded, String::new()));
        }
    }
    Report { changes }
}

/// The changes of one code that is in both.
fn entry_changes(before: &Locked, after: &Locked, changes: &mut Vec<Change>) {
    let mut push = |kind: ChangeKind, detail: String| changes.push(before.change(kind, detail));
    if before.name != after.name {
        push(
            ChangeKind::VariantRenamed,
            format!("variant renamed to {}", after.name),
        );
    }
    if before.status != after.status {
        push(
            ChangeKind::StatusChanged,
            format!("status changed from {} to {}", before.status, after.status),
        );
    }
    if before.style != after.style {
        push(
            ChangeKind::StyleChanged,
            format!("style changed from {} to {}", before.style, after.style),
        );
    }
    if before.problem_type != after.problem_type {
        push(
            ChangeKind::ProblemTypeChanged,
            format!(
                "problem type changed from {} to {}",
                before.problem_type.as_deref().unwrap_or("none"),
                after.problem_type.as_deref().unwrap_or("none")
            ),
        );
    }
    if before.parent.as_ref().map(|p| &p.text) != after.parent.as_ref().map(|p| &p.text) {
        let show = |p: &Option<LockCode>| p.as_ref().map_or("none".to_owned(), |p| p.text.clone());
        push(
            ChangeKind::ParentChanged,
            format!(
                "parent changed from {} to {}",
                show(&before.parent),
                show(&after.parent)
            ),
        );
    }

    if before.style == after.style {
        // Another style writes other members: its change is reported above.
        style_member_changes(before, after, &mut push);
    }
    field_changes(before, after, &mut push);
    constant_changes(before, after, &mut push);

    // Header names are case-insensitive; a value is what follows the name's `:` (a name has
    // none), absent for a header from a field.
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

    if let Some((kind, detail)) = message_change(before, after) {
        push(kind, detail);
    }
}

/// A changed message: allowed, but in the `message` style, where it is what tells the errors
/// apart.
fn message_change(before: &Locked, after: &Locked) -> Option<(ChangeKind, String)> {
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
fn style_member_changes(
    before: &Locked,
    after: &Locked,
    push: &mut impl FnMut(ChangeKind, String),
) {
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
        let show = |entry: &Locked| show(entry.own_member(role), role);
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
fn constant_changes(before: &Locked, after: &Locked, push: &mut impl FnMut(ChangeKind, String)) {
    let find = |entry: &'_ Locked, name: &str| -> Option<Value> {
        entry
            .members
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    for (name, old) in &before.members {
        match find(after, name) {
            None => push(
                ChangeKind::ConstantRemoved,
                format!("constant member `{name}` removed"),
            ),
            Some(new) if new != *old => push(
                ChangeKind::ConstantChanged,
                format!("constant member `{name}` changed from {old} to {new}"),
            ),
            Some(_) => {}
        }
    }
    for (name, value) in &after.members {
        if find(before, name).is_none() {
            push(
                ChangeKind::ConstantAdded,
                format!("constant member `{name}` added ({value})"),
            );
        }
    }
}

/// The changes of the exposed keys of one code.
fn field_changes(before: &Locked, after: &Locked, push: &mut impl FnMut(ChangeKind, String)) {
    let removed: Vec<&(String, String)> = before
        .fields
        .iter()
        .filter(|(key, _)| !after.fields.iter().any(|(k, _)| k == key))
        .collect();
    let added: Vec<&(String, String)> = after
        .fields
        .iter()
        .filter(|(key, _)| !before.fields.iter().any(|(k, _)| k == key))
        .collect();
    if let ([(old_key, _)], [(new_key, _)]) = (&removed[..], &added[..]) {
        push(
            ChangeKind::FieldRenamed,
            format!("exposed key `{old_key}` renamed to `{new_key}`"),
        );
    } else {
        for (key, _) in &removed {
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
        if let Some((_, new_ty)) = after.fields.iter().find(|(k, _)| k == key) {
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
    let mut out = String::with_capacity(text.len() + 2);
    push_str(&mut out, text);
    out
}

fn push_str(out: &mut String, text: &str) {
    out.push_str(&serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into()));
}

/// A relative path is relative to the crate's directory, as `cargo test` gives it.
fn resolve(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_owned();
    }
    match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(dir) => Path::new(&dir).join(path),
        None => path.to_owned(),
    }
}

/// The file's text, or `None` when there is none.
fn read(shown: &Path, full: &Path) -> Result<Option<String>, LockError> {
    match std::fs::read_to_string(full) {
        Ok(text) => Ok(Some(text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(LockError::Io {
            path: shown.into(),
            error,
        }),
    }
}

fn write(shown: &Path, full: &Path, text: &str) -> Result<(), LockError> {
    let io = |error| LockError::Io {
        path: shown.into(),
        error,
    };
    if let Some(dir) = full.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
    }
    std::fs::write(full, text).map_err(io)
}

/// `\r\n` read as `\n`, as git may check a file out on Windows.
fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// The lines only in `old` (`- `) and only in `new` (`+ `): a table's rows are unique, so this
/// shows each changed row as the row that went and the row that came.
fn line_diff(old: &str, new: &str) -> Vec<String> {
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let mut lines: Vec<String> = old_lines
        .iter()
        .filter(|line| !new_lines.contains(line))
        .map(|line| format!("- {line}"))
        .collect();
    lines.extend(
        new_lines
            .iter()
            .filter(|line| !old_lines.contains(line))
            .map(|line| format!("+ {line}")),
    );
    if lines.is_empty() {
        // The same lines in another order or count, or only the final line break differs.
        lines.push("(the same rows, in another order or with other blank lines)".into());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{Names, style_members};

    fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
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
            (vec![], vec!["code".to_owned(), "status".to_owned()])
        );
        assert_eq!(style_members("problem", &Names::DEFAULT), (vec![], vec![]));
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
