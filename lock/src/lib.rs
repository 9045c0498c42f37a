//! # error-contract-lock
//!
//! The error contract of an [`error-contract`](error_contract) enum, checked in beside the code,
//! and a test that fails on every change that would break a client.
//!
//! A derived enum is the contract of an HTTP API's errors: each code with its status, its body's
//! members, its headers. Clients are written against that contract, so a code renumbered, a
//! status changed or a key renamed breaks them, however harmless the change looks in the enum.
//! The lock is the contract as a file in the repository: the enum's
//! [catalog](error_contract::Catalog) written as JSON, and compared with the catalog of every
//! later build. A breaking change fails a test with one line per change; an addition passes.
//! The same test keeps the Markdown catalog of an API's documentation true.
//!
//! The lock is a tool for tests: add it as a dev-dependency, beside `error-contract`.
//!
//! ```toml
//! [dev-dependencies]
//! error-contract-lock = "0.1"
//! ```
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
//!     error_contract_lock::assert_locked::<ShopError>("errors.lock.json");
//!     error_contract_lock::assert_markdown::<ShopError>("docs/errors.md");
//! }
//! ```
//!
//! - A relative path is relative to the crate's directory (`CARGO_MANIFEST_DIR`, which
//!   `cargo test` sets when it runs a test), so the test finds its file whatever directory it
//!   runs in. A test binary run by other means resolves it from its working directory; pass
//!   `concat!(env!("CARGO_MANIFEST_DIR"), "/errors.lock.json")` to fix the path at build time.
//! - [`assert_locked`] compares the enum with the lock, and fails on a breaking change (below).
//! - [`assert_markdown`] fails when the Markdown catalog
//!   ([`Catalog::to_markdown`](error_contract::Catalog::to_markdown)) differs from the file,
//!   showing the lines that differ.
//! - With `ERROR_CONTRACT_LOCK=overwrite` in the environment ([`ENV`]) both rewrite their file
//!   instead (and create it, with its folder), like `TRYBUILD=overwrite`:
//!   `ERROR_CONTRACT_LOCK=overwrite cargo test`. A missing file is an error otherwise, so CI does
//!   not pass on a lock nobody committed.
//!
//! [`verify`] and [`verify_markdown`] do the same without panicking, in the [`Mode`] given;
//! [`compare`] compares the text of a lock with a catalog, and [`to_lock`] writes one.
//!
//! # What breaks the contract
//!
//! New codes, new exposed keys, new headers, new statuses and new constant members pass: a
//! client that does not know them is not broken (the lock is left as it is; the test says what
//! it does not record yet), and so does a style member that `skip_members` no longer leaves out. A message
//! or a variant's name that changed passes too, reported as allowed, except the message of a
//! code in the `message` style: its body has no code, so clients tell its errors apart by their
//! message, and that change breaks.
//!
//! Everything else fails the test with one line per change ([`ChangeKind`] lists them): a code
//! removed, renumbered (the same variant name under another code), its status, gRPC code, a
//! status its run-time status could take and no longer does (a client may rely on it), its
//! style, problem `type` or parent changed, an exposed key removed, renamed or retyped, a header removed, a
//! fixed header's value (`headers("Cache-Control" = "no-store")`) or template changed, a member
//! the style writes itself renamed (`rename_members`, back to the style's own name included:
//! clients read members by name) or left out (`skip_members`), and a constant member
//! (`constants(...)`, `title` and `type_base` outside the problem style) removed or with
//! another value.
//!
//! Not recorded, as they may change without breaking a client: descriptions, problem titles
//! (RFC 9457 makes `title` advisory), and whether a field carries the message at run time
//! (`#[api_error(message)]`): the body has its message member either way, and the message's
//! text is free to change. Nor does the Markdown catalog show member names or constants: they
//! are the same for most codes, and its table keeps to status, gRPC code, code, message and
//! description.
//!
//! # gRPC
//!
//! Each code's gRPC code is recorded, and shown in the Markdown catalog, whether or not the
//! service serves gRPC (`error-contract`'s feature `tonic`): it is the one the variant names with
//! `grpc = "..."`, else the one its status maps to
//! ([`CatalogEntry::grpc_code`](error_contract::CatalogEntry::grpc_code)), a rule of the wire
//! crate that needs no feature. So turning `tonic` on changes neither file. A changed gRPC code
//! breaks the contract (gRPC clients tell errors apart by their code first), including one that follows
//! from a changed status: a status moved from 400 to 409 is reported twice, once as a status and
//! once as a gRPC code (`INVALID_ARGUMENT` to `ABORTED`); one moved from 400 to 422 once.
//!
//! # The file
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
//!       "grpc": "NOT_FOUND",
//!       "style": "dto",
//!       "message": "entity not found"
//!     },
//!     "4029": {
//!       "name": "RateLimited",
//!       "status": 429,
//!       "grpc": "RESOURCE_EXHAUSTED",
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
//! has its variant's `name`, declared `status`, `grpc` (its gRPC code's name in `code.proto`),
//! `statuses` (with a run-time status: the others it may take, as `OpenAPI` keys, `"503"` or
//! `"5XX"`), `style`, `type` (problem style with a
//! `type_base` only: the problem type URI), `parent` (if any), `message` (the template as
//! written), `fields` (exposed key and Rust type as written in the enum) and `headers` (a
//! header from a field by its name, a fixed or templated one as `"Name: value"`, the value as
//! written in the attribute). Types are compared as written: `String` and
//! `std::string::String` are two texts, so spelling a type differently is reported as retyped
//! (rewrite the lock if the type is the same).
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
//!       "grpc": "PERMISSION_DENIED",
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
//!       "constants": {
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
//!   style, which may read them all from
//!   [`Parts::names`](error_contract::Parts::names), has every one the enum gives.
//! - `skip_members`: the members the style leaves out (`code`, `status`: `problem` only, or a
//!   custom style).
//! - `constants`: the constant members by name, each with the JSON value the body writes: a
//!   string with its `{code}` replaced by the code, a number, a bool. `title` and `type_base`
//!   outside the problem style are the constants `title` and `type`.
//! - The problem's `instance` (`#[api_error(instance)]`) is in `fields` under the key
//!   `instance`, like an exposed field: removed or retyped, it breaks.
//!
//! A lock without these members (written before they were recorded) still reads: none of them
//! means the style's own names, nothing left out and no constant member; a lock without
//! `statuses` reads as no other status (a run-time status's are then reported as added). A code
//! without `grpc` (a lock written before gRPC codes were recorded) reads as the gRPC code of its
//! status, so such a lock passes until a code's gRPC code changes; the next overwrite records
//! them. A lock that calls the constants `"members"` (written before the attribute `members(...)` was renamed
//! `constants(...)`) reads too, and is rewritten with `"constants"` by the next overwrite.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod compare;
mod files;
mod format;
mod report;

pub use compare::compare;
pub use files::{LockError, verify, verify_markdown};
pub use format::to_lock;
pub use report::{Change, ChangeKind, Report};

use error_contract::ApiError;
use std::path::Path;

/// The environment variable that makes [`assert_locked`] and [`assert_markdown`] rewrite their
/// file: `ERROR_CONTRACT_LOCK=overwrite`.
///
/// ```
/// assert_eq!(error_contract_lock::ENV, "ERROR_CONTRACT_LOCK");
/// ```
pub const ENV: &str = "ERROR_CONTRACT_LOCK";

/// What [`verify`] and [`verify_markdown`] do with the file: compare it, or rewrite it.
///
/// ```
/// use error_contract_lock::Mode;
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
/// and are written to the test's output. See [the crate](crate) for what breaks the contract.
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
/// std::fs::write(&path, error_contract_lock::to_lock(&ShopError::catalog())).unwrap();
/// error_contract_lock::assert_locked::<ShopError>(&path);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Panics
///
/// With the [`LockError`] as message: a breaking change, a missing or unreadable lock, or one
/// that is not a lock.
#[track_caller]
pub fn assert_locked<E: ApiError>(path: impl AsRef<Path>) {
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

/// Fails (panics, for a test) when `E`'s Markdown catalog
/// ([`Catalog::to_markdown`](error_contract::Catalog::to_markdown)) differs from the file at
/// `path`; rewrites the file instead when `ERROR_CONTRACT_LOCK=overwrite`.
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
///     "| Status | gRPC | Code | Message | Description |\n\
///      | --- | --- | --- | --- | --- |\n\
///      | 404 | NOT_FOUND | 3001 | entity not found | Entity was not found. |\n",
/// )
/// .unwrap();
/// error_contract_lock::assert_markdown::<ShopError>(&path);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Panics
///
/// With the [`LockError`] as message: the file differs, is missing or cannot be read.
#[track_caller]
pub fn assert_markdown<E: ApiError>(path: impl AsRef<Path>) {
    if let Err(error) = verify_markdown(&E::catalog(), path, Mode::from_env()) {
        panic!("{error}");
    }
}
