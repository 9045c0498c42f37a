//! Reading and writing the files: the lock and the Markdown catalog, each compared with the
//! catalog or rewritten from it.

use crate::report::Report;
use crate::{ENV, Mode};
use core::fmt;
use error_contract::Catalog;
use std::path::{Path, PathBuf};

/// What [`assert_locked`](crate::assert_locked) does, without panicking and with the mode
/// given: compares `catalog` with the lock at `path` ([`Mode::Check`]) or rewrites the lock
/// ([`Mode::Overwrite`]).
///
/// Returns the changes, none of them breaking in [`Mode::Check`]; in [`Mode::Overwrite`] every
/// change that the rewrite recorded (none when the file was missing or not a lock).
///
/// ```
/// use error_contract::ApiError;
/// use error_contract_lock::{LockError, Mode, verify};
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
///     verify(&Before::catalog(), &path, Mode::Check),
///     Err(LockError::Missing { .. })
/// ));
/// assert!(verify(&Before::catalog(), &path, Mode::Overwrite).unwrap().is_empty());
///
/// let error = verify(&After::catalog(), &path, Mode::Check).unwrap_err();
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
    let text = crate::to_lock(catalog);
    let locked = match read(shown, &full)? {
        Some(locked) => locked,
        None if mode == Mode::Overwrite => {
            write(shown, &full, &text)?;
            return Ok(Report::default());
        }
        None => return Err(LockError::Missing { path: shown.into() }),
    };
    let report = match (crate::compare(&locked, catalog), mode) {
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

/// What [`assert_markdown`](crate::assert_markdown) does, without panicking and with the mode
/// given: compares `catalog`'s Markdown table with the file at `path` ([`Mode::Check`]) or
/// rewrites the file ([`Mode::Overwrite`]). Line endings do not count (a checkout with `\r\n`
/// matches).
///
/// ```
/// use error_contract::ApiError;
/// use error_contract_lock::{LockError, Mode, verify_markdown};
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
///     "| Status | gRPC | Code | Message | Description |\n\
///      | --- | --- | --- | --- | --- |\n\
///      | 404 | NOT_FOUND | 3001 | entity not found | Entity was not found. |\n",
/// )
/// .unwrap();
/// let error = verify_markdown(&ShopError::catalog(), &path, Mode::Check).unwrap_err();
/// let LockError::Drift { lines, .. } = &error else { panic!("{error}") };
/// assert_eq!(
///     lines,
///     &[
///         "- | 404 | NOT_FOUND | 3001 | entity not found | Entity was not found. |",
///         "+ | 404 | NOT_FOUND | 3001 | no such entity | Entity was not found. |",
///     ]
/// );
///
/// verify_markdown(&ShopError::catalog(), &path, Mode::Overwrite).unwrap();
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

/// Why a lock or Markdown check failed.
///
/// Its `Display` is what the failing test prints: the file, then one line per change.
///
/// ```
/// use error_contract_lock::LockError;
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
        /// The file, as given (empty from [`compare`](crate::compare)).
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
