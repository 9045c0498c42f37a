//! `error_contract_lock`: the lock file and the Markdown catalog, checked against the enum. One
//! test per kind of break with the exact report, then what passes, then overwriting.

use error_contract::{ApiError, Catalog};
use error_contract_lock::{self as lock, ChangeKind, LockError, Mode};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The contract as locked.
#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Shop {
    /// Error occurred while saving the entity.
    #[api_error(status = 500, code = 2006, message = "entity saving error")]
    Saving,
    /// The SKU must be unique.
    #[api_error(
        status = 400,
        code = 200601,
        parent = 2006,
        message = "SKU {sku} is taken"
    )]
    SkuTaken {
        #[api_error(expose)]
        sku: String,
    },
    /// Entity was not found.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    /// Validation error.
    #[api_error(status = 400, code = 5000, message = "validation error")]
    Validation {
        #[api_error(expose)]
        subject: String,
        #[api_error(expose, rename = "subjectType")]
        subject_type: &'static str,
    },
    /// Too many requests.
    #[api_error(status = 429, code = 4029, message = "too many requests")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: u32,
    },
}

const SHOP_LOCK: &str = r#"{
  "format": 1,
  "codes": {
    "2006": {
      "name": "Saving",
      "status": 500,
      "grpc": "INTERNAL",
      "style": "dto",
      "message": "entity saving error"
    },
    "3001": {
      "name": "NotFound",
      "status": 404,
      "grpc": "NOT_FOUND",
      "style": "dto",
      "message": "entity not found"
    },
    "4029": {
      "name": "RateLimited",
      "status": 429,
      "grpc": "RESOURCE_EXHAUSTED",
      "style": "dto",
      "message": "too many requests",
      "headers": [
        "Retry-After"
      ]
    },
    "5000": {
      "name": "Validation",
      "status": 400,
      "grpc": "INVALID_ARGUMENT",
      "style": "dto",
      "message": "validation error",
      "fields": {
        "subject": "String",
        "subjectType": "&'static str"
      }
    },
    "200601": {
      "name": "SkuTaken",
      "status": 400,
      "grpc": "INVALID_ARGUMENT",
      "style": "dto",
      "parent": 2006,
      "message": "SKU {sku} is taken"
    }
  }
}
"#;

/// Codes sorted by value, members in a fixed order, keys sorted, one member per line.
#[test]
fn the_lock_is_sorted_and_one_member_per_line() {
    let lock = lock::to_lock(&Shop::catalog());
    let expected = SHOP_LOCK.replace(
        "      \"message\": \"SKU {sku} is taken\"\n",
        "      \"message\": \"SKU {sku} is taken\",\n      \"fields\": {\n        \"sku\": \"String\"\n      }\n",
    );
    assert_eq!(lock, expected);
    // It is JSON.
    let _: serde_json::Value = serde_json::from_str(&lock).unwrap();
}

/// A directory of its own under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "error-contract-lock-{name}-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn join(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The full failure message of checking `catalog` against the lock `locked`, with the file's
/// path written `errors.lock.json`.
fn failure(locked: &str, catalog: &Catalog) -> String {
    let dir = TempDir::new("broken");
    let path = dir.join("errors.lock.json");
    std::fs::write(&path, locked).unwrap();
    let error = lock::verify(catalog, &path, Mode::Check).unwrap_err();
    assert!(matches!(error, LockError::Broken { .. }), "{error}");
    // The lock is never written in `Check`.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), locked);
    error
        .to_string()
        .replace(&path.display().to_string(), "errors.lock.json")
}

fn shop_lock() -> String {
    lock::to_lock(&Shop::catalog())
}

const FOOTER: &str = "If the break is intended, rewrite the lock with ERROR_CONTRACT_LOCK=overwrite cargo test and commit it.";

mod removed {
    use super::*;

    #[derive(Debug, ApiError)]
    #[api_error(style = "dto")]
    #[allow(dead_code, reason = "only the catalog is read")]
    pub(super) enum Shop {
        #[api_error(status = 500, code = 2006, message = "entity saving error")]
        Saving,
        #[api_error(
            status = 400,
            code = 200601,
            parent = 2006,
            message = "SKU {sku} is taken"
        )]
        SkuTaken {
            #[api_error(expose)]
            sku: String,
        },
        #[api_error(status = 400, code = 5000, message = "validation error")]
        Validation {
            #[api_error(expose)]
            subject: String,
            #[api_error(expose, rename = "subjectType")]
            subject_type: &'static str,
        },
        #[api_error(status = 429, code = 4029, message = "too many requests")]
        RateLimited {
            #[api_error(header = "Retry-After")]
            retry_after: u32,
        },
    }

    #[test]
    fn a_removed_code_breaks() {
        assert_eq!(
            failure(&shop_lock(), &Shop::catalog()),
            format!(
                "errors.lock.json: 1 breaking change to the error contract\n\
                 breaking  code 3001 (NotFound): removed\n{FOOTER}"
            )
        );
    }
}

mod renumbered {
    use super::*;

    #[derive(Debug, ApiError)]
    #[api_error(style = "dto")]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Shop {
        #[api_error(status = 500, code = 2006, message = "entity saving error")]
        Saving,
        #[api_error(
            status = 400,
            code = 200601,
            parent = 2006,
            message = "SKU {sku} is taken"
        )]
        SkuTaken {
            #[api_error(expose)]
            sku: String,
        },
        #[api_error(status = 404, code = 3004, message = "entity not found")]
        NotFound,
        #[api_error(status = 400, code = 5000, message = "validation error")]
        Validation {
            #[api_error(expose)]
            subject: String,
            #[api_error(expose, rename = "subjectType")]
            subject_type: &'static str,
        },
        #[api_error(status = 429, code = 4029, message = "too many requests")]
        RateLimited {
            #[api_error(header = "Retry-After")]
            retry_after: u32,
        },
    }

    /// The same variant under a code the lock does not have: renumbered, not removed + added.
    #[test]
    fn a_renumbered_code_breaks() {
        assert_eq!(
            failure(&shop_lock(), &Shop::catalog()),
            format!(
                "errors.lock.json: 1 breaking change to the error contract\n\
                 breaking  code 3001 (NotFound): renumbered to 3004\n{FOOTER}"
            )
        );
    }
}

mod status_and_style {
    use super::*;

    #[derive(Debug, ApiError)]
    #[api_error(style = "dto")]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Shop {
        #[api_error(status = 500, code = 2006, message = "entity saving error")]
        Saving,
        #[api_error(
            status = 409,
            code = 200601,
            parent = 2006,
            message = "SKU {sku} is taken"
        )]
        SkuTaken {
            #[api_error(expose)]
            sku: String,
        },
        #[api_error(
            status = 404,
            code = 3001,
            style = "flat",
            message = "entity not found"
        )]
        NotFound,
        #[api_error(status = 422, code = 5000, message = "validation error")]
        Validation {
            #[api_error(expose)]
            subject: String,
            #[api_error(expose, rename = "subjectType")]
            subject_type: &'static str,
        },
        #[api_error(status = 429, code = 4029, message = "too many requests")]
        RateLimited {
            #[api_error(header = "Retry-After")]
            retry_after: u32,
        },
    }

    /// A status that moves the gRPC code (400 to 409: `INVALID_ARGUMENT` to `ABORTED`) breaks
    /// twice; one that keeps it (400 to 422) once.
    #[test]
    fn a_changed_status_or_style_breaks() {
        assert_eq!(
            failure(&shop_lock(), &Shop::catalog()),
            format!(
                "errors.lock.json: 4 breaking changes to the error contract\n\
                 breaking  code 3001 (NotFound): style changed from dto to flat\n\
                 breaking  code 5000 (Validation): status changed from 400 to 422\n\
                 breaking  code 200601 (SkuTaken): status changed from 400 to 409\n\
                 breaking  code 200601 (SkuTaken): gRPC code changed from INVALID_ARGUMENT to ABORTED\n{FOOTER}"
            )
        );
    }
}

mod grpc {
    use super::*;

    /// `Shop` with gRPC codes named: one that the status gives anyway, two others.
    #[derive(Debug, ApiError)]
    #[api_error(style = "dto")]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Shop {
        #[api_error(status = 500, code = 2006, message = "entity saving error")]
        Saving,
        #[api_error(
            status = 400,
            code = 200601,
            parent = 2006,
            message = "SKU {sku} is taken",
            grpc = "already_exists"
        )]
        SkuTaken {
            #[api_error(expose)]
            sku: String,
        },
        #[api_error(
            status = 404,
            code = 3001,
            message = "entity not found",
            grpc = "not_found"
        )]
        NotFound,
        #[api_error(
            status = 400,
            code = 5000,
            message = "validation error",
            grpc = "failed_precondition"
        )]
        Validation {
            #[api_error(expose)]
            subject: String,
            #[api_error(expose, rename = "subjectType")]
            subject_type: &'static str,
        },
        #[api_error(status = 429, code = 4029, message = "too many requests")]
        RateLimited {
            #[api_error(header = "Retry-After")]
            retry_after: u32,
        },
    }

    /// The lock records the code named, by its name in `code.proto`.
    #[test]
    fn the_lock_records_the_code_named() {
        let lock = lock::to_lock(&Shop::catalog());
        assert_eq!(
            lock,
            shop_lock()
                .replacen(
                    "\"grpc\": \"INVALID_ARGUMENT\"",
                    "\"grpc\": \"FAILED_PRECONDITION\"",
                    1
                )
                .replacen(
                    "\"grpc\": \"INVALID_ARGUMENT\"",
                    "\"grpc\": \"ALREADY_EXISTS\"",
                    1
                )
        );
    }

    /// Another gRPC code breaks gRPC clients as another status breaks HTTP clients; naming the
    /// code the status gives changes nothing.
    #[test]
    fn a_changed_grpc_code_breaks() {
        assert_eq!(
            failure(&shop_lock(), &Shop::catalog()),
            format!(
                "errors.lock.json: 2 breaking changes to the error contract\n\
                 breaking  code 5000 (Validation): gRPC code changed from INVALID_ARGUMENT to FAILED_PRECONDITION\n\
                 breaking  code 200601 (SkuTaken): gRPC code changed from INVALID_ARGUMENT to ALREADY_EXISTS\n{FOOTER}"
            )
        );
    }

    /// A lock written before the gRPC code was recorded: each code's is the one of its status.
    #[test]
    fn a_lock_without_grpc_codes_reads_as_the_codes_of_the_statuses() {
        let old: String = shop_lock()
            .split_inclusive('\n')
            .filter(|line| !line.contains("\"grpc\""))
            .collect();
        assert!(!old.contains("grpc"));
        assert!(
            lock::compare(&old, &super::Shop::catalog())
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            lock::compare(&old, &Shop::catalog()).unwrap().to_string(),
            "breaking  code 5000 (Validation): gRPC code changed from INVALID_ARGUMENT to FAILED_PRECONDITION\n\
             breaking  code 200601 (SkuTaken): gRPC code changed from INVALID_ARGUMENT to ALREADY_EXISTS\n"
        );
    }
}

mod fields {
    use super::*;

    #[derive(Debug, ApiError)]
    #[api_error(style = "dto")]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Shop {
        #[api_error(status = 500, code = 2006, message = "entity saving error")]
        Saving,
        #[api_error(
            status = 400,
            code = 200601,
            parent = 2006,
            message = "SKU {sku} is taken"
        )]
        SkuTaken {
            #[api_error(expose, rename = "stockKeepingUnit")]
            sku: String,
        },
        #[api_error(status = 404, code = 3001, message = "entity not found")]
        NotFound,
        #[api_error(status = 400, code = 5000, message = "validation error")]
        Validation {
            #[api_error(expose)]
            subject: Option<String>,
            subject_type: &'static str,
        },
        #[api_error(status = 429, code = 4029, message = "too many requests")]
        RateLimited {
            #[api_error(header = "Retry-After")]
            retry_after: u32,
        },
    }

    /// Removed, renamed (one key gone, one new in its place) and retyped, each on its line.
    #[test]
    fn a_removed_renamed_or_retyped_key_breaks() {
        assert_eq!(
            failure(&shop_lock(), &Shop::catalog()),
            format!(
                "errors.lock.json: 3 breaking changes to the error contract\n\
                 breaking  code 5000 (Validation): exposed key `subjectType` removed\n\
                 breaking  code 5000 (Validation): exposed key `subject` retyped from String to Option<String>\n\
                 breaking  code 200601 (SkuTaken): exposed key `sku` renamed to `stockKeepingUnit`\n{FOOTER}"
            )
        );
    }
}

mod headers_and_parent {
    use super::*;

    #[derive(Debug, ApiError)]
    #[api_error(style = "dto")]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Shop {
        #[api_error(status = 500, code = 2006, message = "entity saving error")]
        Saving,
        #[api_error(status = 400, code = 200601, message = "SKU {sku} is taken")]
        SkuTaken {
            #[api_error(expose)]
            sku: String,
        },
        #[api_error(status = 404, code = 3001, message = "entity not found")]
        NotFound,
        #[api_error(status = 400, code = 5000, message = "validation error")]
        Validation {
            #[api_error(expose)]
            subject: String,
            #[api_error(expose, rename = "subjectType")]
            subject_type: &'static str,
        },
        #[api_error(status = 429, code = 4029, message = "too many requests")]
        RateLimited { retry_after: u32 },
    }

    #[test]
    fn a_removed_header_or_changed_parent_breaks() {
        assert_eq!(
            failure(&shop_lock(), &Shop::catalog()),
            format!(
                "errors.lock.json: 2 breaking changes to the error contract\n\
                 breaking  code 4029 (RateLimited): header `Retry-After` removed\n\
                 breaking  code 200601 (SkuTaken): parent changed from 2006 to none\n{FOOTER}"
            )
        );
    }
}

mod problem_type {
    use super::*;

    #[derive(Debug, ApiError)]
    #[api_error(rename_all = "snake_case", type_base = "https://example.com/errors/")]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Before {
        #[api_error(status = 404)]
        NotFound,
    }

    #[derive(Debug, ApiError)]
    #[api_error(rename_all = "snake_case", type_base = "https://example.com/problems/")]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum After {
        #[api_error(status = 404)]
        NotFound,
    }

    /// Clients match on a problem's `type`: a new `type_base` breaks them.
    #[test]
    fn a_changed_problem_type_breaks() {
        assert_eq!(
            failure(&lock::to_lock(&Before::catalog()), &After::catalog()),
            format!(
                "errors.lock.json: 1 breaking change to the error contract\n\
                 breaking  code not_found (NotFound): problem type changed from https://example.com/errors/not_found to https://example.com/problems/not_found\n{FOOTER}"
            )
        );
    }
}

/// The parts of the wire beside codes, keys and headers: the style's own members renamed
/// (`rename_members`) or left out (`skip_members`), constant members (`constants`, and `title` and
/// `type_base` outside the problem style) and the problem's `instance`.
mod wire {
    use super::*;

    /// The contract as locked: a flat, a problem and a nested variant sharing the enum's member
    /// names and constants.
    #[derive(Debug, ApiError)]
    #[api_error(
        style = "flat",
        rename_members(code = "errorCode", message = "error_description"),
        skip_members(status),
        type_base = "https://example.com/errors/",
        constants(more_info = "https://example.com/docs/{code}")
    )]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Wire {
        #[api_error(
            status = 404,
            code = 3001,
            message = "entity not found",
            title = "Not here",
            constants(retryable = false, version = 2)
        )]
        NotFound,
        #[api_error(
            status = 403,
            code = 4003,
            style = "problem",
            title = "Out of credit",
            message = "no credit"
        )]
        OutOfCredit {
            #[api_error(instance)]
            instance: Option<String>,
        },
        #[api_error(
            status = 400,
            code = 5000,
            style = "nested",
            message = "validation error"
        )]
        Validation,
    }

    /// Each code records the renames its style follows (the problem's message is RFC 9457's
    /// `detail`, so `4003` has no `message` rename; `status` is left out by the problem style
    /// only), its constant members as its body writes them (`{code}` replaced), and the
    /// problem's `instance` among its fields.
    const WIRE_LOCK: &str = r#"{
  "format": 1,
  "codes": {
    "3001": {
      "name": "NotFound",
      "status": 404,
      "grpc": "NOT_FOUND",
      "style": "flat",
      "rename_members": {
        "code": "errorCode",
        "message": "error_description"
      },
      "message": "entity not found",
      "constants": {
        "more_info": "https://example.com/docs/3001",
        "retryable": false,
        "title": "Not here",
        "type": "https://example.com/errors/3001",
        "version": 2
      }
    },
    "4003": {
      "name": "OutOfCredit",
      "status": 403,
      "grpc": "PERMISSION_DENIED",
      "style": "problem",
      "rename_members": {
        "code": "errorCode"
      },
      "skip_members": [
        "status"
      ],
      "type": "https://example.com/errors/4003",
      "message": "no credit",
      "fields": {
        "instance": "Option<String>"
      },
      "constants": {
        "more_info": "https://example.com/docs/4003"
      }
    },
    "5000": {
      "name": "Validation",
      "status": 400,
      "grpc": "INVALID_ARGUMENT",
      "style": "nested",
      "rename_members": {
        "code": "errorCode",
        "message": "error_description"
      },
      "message": "validation error",
      "constants": {
        "more_info": "https://example.com/docs/5000",
        "type": "https://example.com/errors/5000"
      }
    }
  }
}
"#;

    #[test]
    fn the_lock_records_member_names_constants_and_the_instance() {
        assert_eq!(lock::to_lock(&Wire::catalog()), WIRE_LOCK);
        // What the lock records is what the bodies write.
        assert_eq!(
            &*Wire::NotFound.body(),
            r#"{"errorCode":3001,"error_description":"entity not found","type":"https://example.com/errors/3001","title":"Not here","more_info":"https://example.com/docs/3001","retryable":false,"version":2}"#
        );
        assert_eq!(
            &*Wire::OutOfCredit {
                instance: Some("/accounts/7".into())
            }
            .body(),
            r#"{"type":"https://example.com/errors/4003","title":"Out of credit","detail":"no credit","instance":"/accounts/7","errorCode":4003,"more_info":"https://example.com/docs/4003"}"#
        );
        assert_eq!(
            &*Wire::Validation.body(),
            r#"{"error":{"errorCode":5000,"error_description":"validation error","type":"https://example.com/errors/5000","more_info":"https://example.com/docs/5000"}}"#
        );
        assert!(
            lock::compare(WIRE_LOCK, &Wire::catalog())
                .unwrap()
                .is_empty()
        );
    }

    mod renamed {
        use super::*;

        /// The code renamed again, the message's rename dropped, `nested`'s envelope renamed.
        #[derive(Debug, ApiError)]
        #[api_error(
            style = "flat",
            rename_members(code = "error_code", envelope = "failure"),
            skip_members(status),
            type_base = "https://example.com/errors/",
            constants(more_info = "https://example.com/docs/{code}")
        )]
        #[allow(dead_code, reason = "only the catalog is read")]
        enum Wire {
            #[api_error(
                status = 404,
                code = 3001,
                message = "entity not found",
                title = "Not here",
                constants(retryable = false, version = 2)
            )]
            NotFound,
            #[api_error(
                status = 403,
                code = 4003,
                style = "problem",
                title = "Out of credit",
                message = "no credit"
            )]
            OutOfCredit {
                #[api_error(instance)]
                instance: Option<String>,
            },
            #[api_error(
                status = 400,
                code = 5000,
                style = "nested",
                message = "validation error"
            )]
            Validation,
        }

        /// Clients read a body's members by name: a rename breaks them, even back to the
        /// style's own name.
        #[test]
        fn a_renamed_style_member_breaks() {
            assert_eq!(
                failure(WIRE_LOCK, &Wire::catalog()),
                format!(
                    "errors.lock.json: 6 breaking changes to the error contract\n\
                     breaking  code 3001 (NotFound): style member `errorCode` renamed to `error_code`\n\
                     breaking  code 3001 (NotFound): style member `error_description` renamed to `message`\n\
                     breaking  code 4003 (OutOfCredit): style member `errorCode` renamed to `error_code`\n\
                     breaking  code 5000 (Validation): style member `errorCode` renamed to `error_code`\n\
                     breaking  code 5000 (Validation): style member `error` renamed to `failure`\n\
                     breaking  code 5000 (Validation): style member `error_description` renamed to `message`\n{FOOTER}"
                )
            );
            let report = lock::compare(WIRE_LOCK, &Wire::catalog()).unwrap();
            assert!(
                report
                    .changes()
                    .iter()
                    .all(|c| c.kind() == ChangeKind::MemberRenamed)
            );
        }
    }

    mod skipped {
        use super::*;

        /// The problem's code left out too.
        #[derive(Debug, ApiError)]
        #[api_error(
            style = "flat",
            rename_members(code = "errorCode", message = "error_description"),
            skip_members(code, status),
            type_base = "https://example.com/errors/",
            constants(more_info = "https://example.com/docs/{code}")
        )]
        #[allow(dead_code, reason = "only the catalog is read")]
        enum Skipped {
            #[api_error(
                status = 404,
                code = 3001,
                message = "entity not found",
                title = "Not here",
                constants(retryable = false, version = 2)
            )]
            NotFound,
            #[api_error(
                status = 403,
                code = 4003,
                style = "problem",
                title = "Out of credit",
                message = "no credit"
            )]
            OutOfCredit {
                #[api_error(instance)]
                instance: Option<String>,
            },
            #[api_error(
                status = 400,
                code = 5000,
                style = "nested",
                message = "validation error"
            )]
            Validation,
        }

        /// Nothing left out.
        #[derive(Debug, ApiError)]
        #[api_error(
            style = "flat",
            rename_members(code = "errorCode", message = "error_description"),
            type_base = "https://example.com/errors/",
            constants(more_info = "https://example.com/docs/{code}")
        )]
        #[allow(dead_code, reason = "only the catalog is read")]
        enum Unskipped {
            #[api_error(
                status = 404,
                code = 3001,
                message = "entity not found",
                title = "Not here",
                constants(retryable = false, version = 2)
            )]
            NotFound,
            #[api_error(
                status = 403,
                code = 4003,
                style = "problem",
                title = "Out of credit",
                message = "no credit"
            )]
            OutOfCredit {
                #[api_error(instance)]
                instance: Option<String>,
            },
            #[api_error(
                status = 400,
                code = 5000,
                style = "nested",
                message = "validation error"
            )]
            Validation,
        }

        #[test]
        fn a_member_left_out_breaks() {
            assert_eq!(
                failure(WIRE_LOCK, &Skipped::catalog()),
                format!(
                    "errors.lock.json: 1 breaking change to the error contract\n\
                     breaking  code 4003 (OutOfCredit): style member `errorCode` left out\n{FOOTER}"
                )
            );
            let report = lock::compare(WIRE_LOCK, &Skipped::catalog()).unwrap();
            assert_eq!(report.changes()[0].kind(), ChangeKind::MemberSkipped);
            // The lock of a problem without its code records no rename of it.
            assert!(lock::to_lock(&Skipped::catalog()).contains(
                "      \"style\": \"problem\",\n      \"skip_members\": [\n        \"code\",\n        \"status\"\n      ],\n"
            ));
        }

        /// A member written again is an addition: a client that does not read it is not broken.
        #[test]
        fn a_member_written_again_passes() {
            let report =
                lock::compare(&lock::to_lock(&Skipped::catalog()), &Unskipped::catalog()).unwrap();
            assert!(!report.is_breaking());
            assert_eq!(
                report.to_string(),
                "added     code 4003 (OutOfCredit): style member `errorCode` added back\n\
                 added     code 4003 (OutOfCredit): style member `status` added back\n"
            );
            let kinds: Vec<ChangeKind> = report.changes().iter().map(lock::Change::kind).collect();
            assert_eq!(
                kinds,
                [ChangeKind::MemberRestored, ChangeKind::MemberRestored]
            );
        }
    }

    mod constants {
        use super::*;

        /// Every constant changed, one removed (`retryable`), one added (`kind`).
        #[derive(Debug, ApiError)]
        #[api_error(
            style = "flat",
            rename_members(code = "errorCode", message = "error_description"),
            skip_members(status),
            type_base = "https://example.com/problems/",
            constants(more_info = "https://example.com/help/{code}")
        )]
        #[allow(dead_code, reason = "only the catalog is read")]
        enum Wire {
            #[api_error(
                status = 404,
                code = 3001,
                message = "entity not found",
                title = "Not found",
                constants(version = 3, kind = "client")
            )]
            NotFound,
            #[api_error(
                status = 403,
                code = 4003,
                style = "problem",
                title = "Out of credit",
                message = "no credit"
            )]
            OutOfCredit {
                #[api_error(instance)]
                instance: Option<String>,
            },
            #[api_error(
                status = 400,
                code = 5000,
                style = "nested",
                message = "validation error"
            )]
            Validation,
        }

        /// A constant removed or changed breaks (a string, a link from the code, a number, a
        /// `title` or `type_base` outside the problem style); one added is an addition.
        #[test]
        fn a_removed_or_changed_constant_breaks() {
            assert_eq!(
                failure(WIRE_LOCK, &Wire::catalog()),
                format!(
                    "errors.lock.json: 9 breaking changes to the error contract\n\
                     breaking  code 3001 (NotFound): constant member `more_info` changed from \"https://example.com/docs/3001\" to \"https://example.com/help/3001\"\n\
                     breaking  code 3001 (NotFound): constant member `retryable` removed\n\
                     breaking  code 3001 (NotFound): constant member `title` changed from \"Not here\" to \"Not found\"\n\
                     breaking  code 3001 (NotFound): constant member `type` changed from \"https://example.com/errors/3001\" to \"https://example.com/problems/3001\"\n\
                     breaking  code 3001 (NotFound): constant member `version` changed from 2 to 3\n\
                     added     code 3001 (NotFound): constant member `kind` added (\"client\")\n\
                     breaking  code 4003 (OutOfCredit): problem type changed from https://example.com/errors/4003 to https://example.com/problems/4003\n\
                     breaking  code 4003 (OutOfCredit): constant member `more_info` changed from \"https://example.com/docs/4003\" to \"https://example.com/help/4003\"\n\
                     breaking  code 5000 (Validation): constant member `more_info` changed from \"https://example.com/docs/5000\" to \"https://example.com/help/5000\"\n\
                     breaking  code 5000 (Validation): constant member `type` changed from \"https://example.com/errors/5000\" to \"https://example.com/problems/5000\"\n{FOOTER}"
                )
            );
            let report = lock::compare(WIRE_LOCK, &Wire::catalog()).unwrap();
            let kinds: Vec<ChangeKind> = report.changes()[..6]
                .iter()
                .map(lock::Change::kind)
                .collect();
            assert_eq!(
                kinds,
                [
                    ChangeKind::ConstantChanged,
                    ChangeKind::ConstantRemoved,
                    ChangeKind::ConstantChanged,
                    ChangeKind::ConstantChanged,
                    ChangeKind::ConstantChanged,
                    ChangeKind::ConstantAdded,
                ]
            );
        }
    }

    mod instance {
        use super::*;

        #[derive(Debug, ApiError)]
        #[api_error(
            style = "flat",
            rename_members(code = "errorCode", message = "error_description"),
            skip_members(status),
            type_base = "https://example.com/errors/",
            constants(more_info = "https://example.com/docs/{code}")
        )]
        #[allow(dead_code, reason = "only the catalog is read")]
        enum Removed {
            #[api_error(
                status = 404,
                code = 3001,
                message = "entity not found",
                title = "Not here",
                constants(retryable = false, version = 2)
            )]
            NotFound,
            #[api_error(
                status = 403,
                code = 4003,
                style = "problem",
                title = "Out of credit",
                message = "no credit"
            )]
            OutOfCredit,
            #[api_error(
                status = 400,
                code = 5000,
                style = "nested",
                message = "validation error"
            )]
            Validation,
        }

        #[derive(Debug, ApiError)]
        #[api_error(
            style = "flat",
            rename_members(code = "errorCode", message = "error_description"),
            skip_members(status),
            type_base = "https://example.com/errors/",
            constants(more_info = "https://example.com/docs/{code}")
        )]
        #[allow(dead_code, reason = "only the catalog is read")]
        enum Retyped {
            #[api_error(
                status = 404,
                code = 3001,
                message = "entity not found",
                title = "Not here",
                constants(retryable = false, version = 2)
            )]
            NotFound,
            #[api_error(
                status = 403,
                code = 4003,
                style = "problem",
                title = "Out of credit",
                message = "no credit"
            )]
            OutOfCredit {
                #[api_error(instance)]
                path: String,
            },
            #[api_error(
                status = 400,
                code = 5000,
                style = "nested",
                message = "validation error"
            )]
            Validation,
        }

        /// The problem's `instance` is locked as the field it comes from.
        #[test]
        fn a_removed_or_retyped_instance_breaks() {
            assert_eq!(
                failure(WIRE_LOCK, &Removed::catalog()),
                format!(
                    "errors.lock.json: 1 breaking change to the error contract\n\
                     breaking  code 4003 (OutOfCredit): exposed key `instance` removed\n{FOOTER}"
                )
            );
            assert_eq!(
                failure(WIRE_LOCK, &Retyped::catalog()),
                format!(
                    "errors.lock.json: 1 breaking change to the error contract\n\
                     breaking  code 4003 (OutOfCredit): exposed key `instance` retyped from Option<String> to String\n{FOOTER}"
                )
            );
        }
    }

    /// The new members of a lock, of another shape: not a lock, with what is wrong and where
    /// (serde's message, with the line and column; a lock has one member per line).
    #[test]
    fn a_member_of_another_shape_is_not_a_lock() {
        for (member, message) in [
            (
                r#""rename_members": ["code"]"#,
                "invalid type: sequence, expected a map at line 1 column 109",
            ),
            (
                r#""rename_members": {"code": 1}"#,
                "invalid type: integer `1`, expected a string at line 1 column 119",
            ),
            (
                r#""skip_members": "code""#,
                r#"invalid type: string "code", expected a sequence at line 1 column 113"#,
            ),
            (
                r#""skip_members": [1]"#,
                "invalid type: integer `1`, expected a string at line 1 column 109",
            ),
            (
                r#""members": ["type"]"#,
                "invalid type: sequence, expected a map at line 1 column 102",
            ),
            (
                r#""constants": ["type"]"#,
                "invalid type: sequence, expected a map at line 1 column 104",
            ),
        ] {
            let locked = format!(
                r#"{{"format": 1, "codes": {{"1": {{"name": "A", "status": 404, "style": "flat", "message": "m", {member}}}}}}}"#
            );
            let error = lock::compare(&locked, &Wire::catalog()).unwrap_err();
            assert!(matches!(error, LockError::Invalid { .. }), "{error}");
            assert_eq!(
                error.to_string(),
                format!("not an error-contract lock: {message}")
            );
        }

        // In a lock as written, the line is the member's.
        let locked = WIRE_LOCK.replace(
            "\"skip_members\": [\n        \"status\"\n      ]",
            "\"skip_members\": \"status\"",
        );
        assert_ne!(locked, WIRE_LOCK);
        assert_eq!(
            lock::compare(&locked, &Wire::catalog())
                .unwrap_err()
                .to_string(),
            r#"not an error-contract lock: invalid type: string "status", expected a sequence at line 30 column 30"#
        );
    }

    /// `Wire` before the lock recorded member names and constants: the same enum without them.
    #[derive(Debug, ApiError)]
    #[api_error(
        style = "flat",
        type_base = "https://example.com/errors/",
        constants(more_info = "https://example.com/docs/{code}")
    )]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Plain {
        #[api_error(
            status = 404,
            code = 3001,
            message = "entity not found",
            title = "Not here",
            constants(retryable = false, version = 2)
        )]
        NotFound,
        #[api_error(
            status = 403,
            code = 4003,
            style = "problem",
            title = "Out of credit",
            message = "no credit"
        )]
        OutOfCredit {
            #[api_error(instance)]
            instance: Option<String>,
        },
        #[api_error(
            status = 400,
            code = 5000,
            style = "nested",
            message = "validation error"
        )]
        Validation,
    }

    /// A lock written before the lock recorded member names and constants.
    const OLD_LOCK: &str = r#"{
  "format": 1,
  "codes": {
    "3001": {
      "name": "NotFound",
      "status": 404,
      "grpc": "NOT_FOUND",
      "style": "flat",
      "message": "entity not found"
    },
    "4003": {
      "name": "OutOfCredit",
      "status": 403,
      "grpc": "PERMISSION_DENIED",
      "style": "problem",
      "type": "https://example.com/errors/4003",
      "message": "no credit",
      "fields": {
        "instance": "Option<String>"
      }
    },
    "5000": {
      "name": "Validation",
      "status": 400,
      "grpc": "INVALID_ARGUMENT",
      "style": "nested",
      "message": "validation error"
    }
  }
}
"#;

    /// An old lock still reads: no `rename_members`, `skip_members` or `constants` is the style's
    /// own names, nothing left out and no constant. Its constants are then additions; a rename
    /// or a member left out breaks.
    #[test]
    fn an_old_lock_still_verifies() {
        let dir = TempDir::new("old");
        let path = dir.join("errors.lock.json");
        std::fs::write(&path, OLD_LOCK).unwrap();
        let report = lock::verify(&Plain::catalog(), &path, Mode::Check).unwrap();
        assert_eq!(
            report.to_string(),
            "added     code 3001 (NotFound): constant member `more_info` added (\"https://example.com/docs/3001\")\n\
             added     code 3001 (NotFound): constant member `retryable` added (false)\n\
             added     code 3001 (NotFound): constant member `title` added (\"Not here\")\n\
             added     code 3001 (NotFound): constant member `type` added (\"https://example.com/errors/3001\")\n\
             added     code 3001 (NotFound): constant member `version` added (2)\n\
             added     code 4003 (OutOfCredit): constant member `more_info` added (\"https://example.com/docs/4003\")\n\
             added     code 5000 (Validation): constant member `more_info` added (\"https://example.com/docs/5000\")\n\
             added     code 5000 (Validation): constant member `type` added (\"https://example.com/errors/5000\")\n"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), OLD_LOCK);

        assert_eq!(
            failure(OLD_LOCK, &Wire::catalog())
                .lines()
                .filter(|line| line.starts_with("breaking"))
                .collect::<Vec<_>>(),
            [
                "breaking  code 3001 (NotFound): style member `code` renamed to `errorCode`",
                "breaking  code 3001 (NotFound): style member `message` renamed to `error_description`",
                "breaking  code 4003 (OutOfCredit): style member `code` renamed to `errorCode`",
                "breaking  code 4003 (OutOfCredit): style member `status` left out",
                "breaking  code 5000 (Validation): style member `code` renamed to `errorCode`",
                "breaking  code 5000 (Validation): style member `message` renamed to `error_description`",
            ]
        );

        // Rewritten, it records them.
        lock::verify(&Plain::catalog(), &path, Mode::Overwrite).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            lock::to_lock(&Plain::catalog())
        );
        assert!(
            lock::verify(&Plain::catalog(), &path, Mode::Check)
                .unwrap()
                .is_empty()
        );
    }

    /// A lock written before `members(...)` was renamed `constants(...)` calls the constants
    /// `"members"`: it still reads, compares equal, and is left as it is; an overwrite writes it
    /// with `"constants"`.
    #[test]
    fn a_lock_with_members_for_constants_still_reads_and_compares_equal() {
        let old = WIRE_LOCK.replace("\"constants\": {", "\"members\": {");
        assert_eq!(old.matches("\"members\": {").count(), 3);
        assert!(lock::compare(&old, &Wire::catalog()).unwrap().is_empty());

        let dir = TempDir::new("members");
        let path = dir.join("errors.lock.json");
        std::fs::write(&path, &old).unwrap();
        assert!(
            lock::verify(&Wire::catalog(), &path, Mode::Check)
                .unwrap()
                .is_empty()
        );
        lock::assert_locked::<Wire>(&path);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), old);

        // A constant changed under the old name is still a change.
        let changed = old.replace("\"retryable\": false", "\"retryable\": true");
        let report = lock::compare(&changed, &Wire::catalog()).unwrap();
        assert_eq!(
            report.to_string(),
            "breaking  code 3001 (NotFound): constant member `retryable` changed from true to false\n"
        );

        assert!(
            lock::verify(&Wire::catalog(), &path, Mode::Overwrite)
                .unwrap()
                .is_empty()
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), WIRE_LOCK);
    }
}

mod identifying_message {
    use super::*;

    /// The `message` style writes no code: its errors are told apart by their message.
    #[derive(Debug, ApiError)]
    #[api_error(style = "message")]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Before {
        #[api_error(status = 404, code = 3001, message = "entity not found")]
        NotFound,
        #[api_error(status = 409, code = 3002, message = "entity exists", style = "flat")]
        Exists,
    }

    #[derive(Debug, ApiError)]
    #[api_error(style = "message")]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum After {
        #[api_error(status = 404, code = 3001, message = "no such entity")]
        NotFound,
        #[api_error(
            status = 409,
            code = 3002,
            message = "the entity exists",
            style = "flat"
        )]
        Exists,
    }

    #[test]
    fn a_message_style_message_change_breaks_and_a_flat_one_does_not() {
        let locked = lock::to_lock(&Before::catalog());
        let report = lock::compare(&locked, &After::catalog()).unwrap();
        assert!(report.is_breaking());
        assert_eq!(
            report.to_string(),
            "breaking  code 3001 (NotFound): message changed from \"entity not found\" to \"no such entity\"\n\
             allowed   code 3002 (Exists): message changed from \"entity exists\" to \"the entity exists\"\n"
        );
        let kinds: Vec<ChangeKind> = report.changes().iter().map(lock::Change::kind).collect();
        assert_eq!(
            kinds,
            [
                ChangeKind::IdentifyingMessageChanged,
                ChangeKind::MessageChanged
            ]
        );
    }
}

mod allowed {
    use super::*;

    /// New codes, a new key, a new header, a changed message and a renamed variant.
    #[derive(Debug, ApiError)]
    #[api_error(style = "dto")]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Shop {
        #[api_error(status = 500, code = 2006, message = "could not save the entity")]
        Saving,
        #[api_error(
            status = 400,
            code = 200601,
            parent = 2006,
            message = "SKU {sku} is taken"
        )]
        SkuTaken {
            #[api_error(expose)]
            sku: String,
        },
        #[api_error(status = 400, code = 200602, parent = 2006, message = "name taken")]
        NameTaken,
        #[api_error(status = 404, code = 3001, message = "entity not found")]
        EntityNotFound,
        #[api_error(status = 400, code = 5000, message = "validation error")]
        Validation {
            #[api_error(expose)]
            subject: String,
            #[api_error(expose, rename = "subjectType")]
            subject_type: &'static str,
            #[api_error(expose)]
            hint: Option<String>,
        },
        #[api_error(status = 429, code = 4029, message = "too many requests")]
        RateLimited {
            #[api_error(header = "Retry-After")]
            retry_after: u32,
            #[api_error(header = "RateLimit-Policy")]
            policy: String,
        },
        #[api_error(status = 503, code = 9003, message = "maintenance")]
        Maintenance,
    }

    #[test]
    fn additions_and_message_changes_pass_and_write_nothing() {
        let dir = TempDir::new("allowed");
        let path = dir.join("errors.lock.json");
        let locked = shop_lock();
        std::fs::write(&path, &locked).unwrap();
        let report = lock::verify(&Shop::catalog(), &path, Mode::Check).unwrap();
        assert!(!report.is_breaking());
        assert_eq!(
            report.to_string(),
            "allowed   code 2006 (Saving): message changed from \"entity saving error\" to \"could not save the entity\"\n\
             allowed   code 3001 (NotFound): variant renamed to EntityNotFound\n\
             added     code 4029 (RateLimited): header `RateLimit-Policy` added\n\
             added     code 5000 (Validation): exposed key `hint` added (Option<String>)\n\
             added     code 9003 (Maintenance)\n\
             added     code 200602 (NameTaken)\n"
        );
        let kinds: Vec<ChangeKind> = report.changes().iter().map(lock::Change::kind).collect();
        assert_eq!(
            kinds,
            [
                ChangeKind::MessageChanged,
                ChangeKind::VariantRenamed,
                ChangeKind::HeaderAdded,
                ChangeKind::FieldAdded,
                ChangeKind::CodeAdded,
                ChangeKind::CodeAdded,
            ]
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), locked);
        // The panicking form passes too (it only prints the report).
        lock::assert_locked::<Shop>(&path);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), locked);
    }

    /// A break among allowed changes: the report shows all of them, the breaking one counted.
    #[test]
    fn a_break_shows_the_allowed_changes_beside_it() {
        #[derive(Debug, ApiError)]
        #[api_error(style = "dto")]
        #[allow(dead_code, reason = "only the catalog is read")]
        enum Shop {
            #[api_error(status = 500, code = 2006, message = "could not save the entity")]
            Saving,
            #[api_error(status = 404, code = 3002, message = "order not found")]
            OrderNotFound,
        }
        assert_eq!(
            failure(&shop_lock(), &Shop::catalog()),
            format!(
                "errors.lock.json: 4 breaking changes to the error contract\n\
                 allowed   code 2006 (Saving): message changed from \"entity saving error\" to \"could not save the entity\"\n\
                 breaking  code 3001 (NotFound): removed\n\
                 breaking  code 4029 (RateLimited): removed\n\
                 breaking  code 5000 (Validation): removed\n\
                 breaking  code 200601 (SkuTaken): removed\n\
                 added     code 3002 (OrderNotFound)\n{FOOTER}"
            )
        );
    }
}

#[test]
fn an_unchanged_enum_passes_with_an_empty_report() {
    let dir = TempDir::new("same");
    let path = dir.join("errors.lock.json");
    std::fs::write(&path, SHOP_LOCK.replace('\n', "\r\n")).unwrap();
    // `SHOP_LOCK` lacks `SkuTaken`'s field: that one is an addition.
    let report = lock::verify(&Shop::catalog(), &path, Mode::Check).unwrap();
    assert_eq!(
        report.to_string(),
        "added     code 200601 (SkuTaken): exposed key `sku` added (String)\n"
    );
    std::fs::write(&path, shop_lock()).unwrap();
    assert!(
        lock::verify(&Shop::catalog(), &path, Mode::Check)
            .unwrap()
            .is_empty()
    );
    lock::assert_locked::<Shop>(&path);
}

#[test]
fn overwrite_writes_the_lock_and_its_folder() {
    let dir = TempDir::new("overwrite");
    let path = dir.join("docs/errors.lock.json");
    // Missing: an error, unless overwriting.
    let error = lock::verify(&Shop::catalog(), &path, Mode::Check).unwrap_err();
    assert_eq!(
        error
            .to_string()
            .replace(&path.display().to_string(), "docs/errors.lock.json"),
        "docs/errors.lock.json: no such file; write it with ERROR_CONTRACT_LOCK=overwrite cargo test, then commit it"
    );
    assert!(
        lock::verify(&Shop::catalog(), &path, Mode::Overwrite)
            .unwrap()
            .is_empty()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), shop_lock());

    // A breaking change, overwritten: the report says what the new lock records.
    let report = lock::verify(&removed_shop(), &path, Mode::Overwrite).unwrap();
    assert_eq!(
        report.to_string(),
        "breaking  code 3001 (NotFound): removed\n"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        lock::to_lock(&removed_shop())
    );
    assert!(
        lock::verify(&removed_shop(), &path, Mode::Check)
            .unwrap()
            .is_empty()
    );

    // Not a lock: an error, unless overwriting.
    std::fs::write(&path, "{\"codes\": {}}").unwrap();
    let error = lock::verify(&Shop::catalog(), &path, Mode::Check).unwrap_err();
    assert!(
        error.to_string().ends_with(
            ": not an error-contract lock: no \"format\" member; rewrite it with ERROR_CONTRACT_LOCK=overwrite cargo test"
        ),
        "{error}"
    );
    lock::verify(&Shop::catalog(), &path, Mode::Overwrite).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), shop_lock());
}

/// A text that is not a lock is an error that says what is wrong, never a panic.
#[test]
fn a_text_that_is_not_a_lock_is_an_error() {
    for (text, message) in [
        ("", "EOF while parsing a value at line 1 column 0"),
        ("{", "EOF while parsing an object at line 1 column 1"),
        (
            "null",
            r#"invalid type: null, expected a lock: an object of "format" and "codes" at line 1 column 4"#,
        ),
        (
            "[1]",
            r#"invalid length 1, expected a lock: an object of "format" and "codes" at line 1 column 3"#,
        ),
        ("{}", "no \"format\" member"),
        (
            r#"{"format": 2, "codes": []}"#,
            "format 2 is not known to this version",
        ),
        (
            r#"{"format": "1"}"#,
            r#"invalid type: string "1", expected u64 at line 1 column 14"#,
        ),
        (
            r#"{"format": 1}"#,
            "missing field `codes` at line 1 column 13",
        ),
        (
            r#"{"format": 1, "codes": {"1": "A"}}"#,
            r#"invalid type: string "A", expected a code's entry: an object of its "name", "status", "style", "message"... at line 1 column 32"#,
        ),
        (
            r#"{"format": 1, "codes": []}"#,
            "invalid type: sequence, expected a map at line 1 column 23",
        ),
        (
            r#"{"format": 1, "codes": {"1": {"name": "A", "style": "flat", "message": "m"}}}"#,
            "missing field `status` at line 1 column 75",
        ),
        (
            r#"{"format": 1, "codes": {"1": {"name": "A", "status": -404, "style": "flat", "message": "m"}}}"#,
            "invalid value: integer `-404`, expected u64 at line 1 column 57",
        ),
        (
            r#"{"format": 1, "codes": {"1": {"name": "A", "status": 404, "style": "flat", "message": "m", "parent": {}}}}"#,
            "a parent code: a number or a string at line 1 column 104",
        ),
    ] {
        let error = lock::compare(text, &Shop::catalog()).unwrap_err();
        assert!(matches!(error, LockError::Invalid { .. }), "{error}");
        assert_eq!(
            error.to_string(),
            format!("not an error-contract lock: {message}"),
            "{text}"
        );
    }
}

fn removed_shop() -> Catalog {
    #[derive(Debug, ApiError)]
    #[api_error(style = "dto")]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Shop {
        #[api_error(status = 500, code = 2006, message = "entity saving error")]
        Saving,
        #[api_error(
            status = 400,
            code = 200601,
            parent = 2006,
            message = "SKU {sku} is taken"
        )]
        SkuTaken {
            #[api_error(expose)]
            sku: String,
        },
        #[api_error(status = 400, code = 5000, message = "validation error")]
        Validation {
            #[api_error(expose)]
            subject: String,
            #[api_error(expose, rename = "subjectType")]
            subject_type: &'static str,
        },
        #[api_error(status = 429, code = 4029, message = "too many requests")]
        RateLimited {
            #[api_error(header = "Retry-After")]
            retry_after: u32,
        },
    }
    Shop::catalog()
}

#[test]
#[should_panic(
    expected = "1 breaking change to the error contract\nbreaking  code 3001 (NotFound): removed\n"
)]
fn check_panics_with_the_report() {
    let dir = TempDir::new("panics");
    let path = dir.join("errors.lock.json");
    std::fs::write(&path, shop_lock()).unwrap();
    lock::assert_locked::<removed::Shop>(&path);
}

mod markdown {
    use super::*;

    #[derive(Debug, ApiError)]
    #[api_error(style = "dto")]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Shop {
        /// Entity was not found.
        #[api_error(status = 404, code = 3001, message = "no such entity")]
        NotFound,
        /// Validation error.
        #[api_error(status = 400, code = 5000, message = "validation error")]
        Validation,
        /// The service is down for maintenance.
        #[api_error(status = 503, code = 9003, message = "maintenance")]
        Maintenance,
    }

    const TABLE: &str = "| Status | gRPC | Code | Message | Description |\n\
                         | --- | --- | --- | --- | --- |\n\
                         | 404 | NOT_FOUND | 3001 | entity not found | Entity was not found. |\n\
                         | 400 | INVALID_ARGUMENT | 5000 | validation error | Validation error. |\n";

    #[test]
    fn drift_fails_with_the_rows_that_differ() {
        let dir = TempDir::new("markdown");
        let path = dir.join("docs/errors.md");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, TABLE).unwrap();
        let error = lock::verify_markdown(&Shop::catalog(), &path, Mode::Check).unwrap_err();
        assert_eq!(
            error
                .to_string()
                .replace(&path.display().to_string(), "docs/errors.md"),
            "docs/errors.md: the Markdown error catalog is out of date\n\
             - | 404 | NOT_FOUND | 3001 | entity not found | Entity was not found. |\n\
             + | 404 | NOT_FOUND | 3001 | no such entity | Entity was not found. |\n\
             + | 503 | UNAVAILABLE | 9003 | maintenance | The service is down for maintenance. |\n\
             Rewrite it with ERROR_CONTRACT_LOCK=overwrite cargo test."
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), TABLE);

        lock::verify_markdown(&Shop::catalog(), &path, Mode::Overwrite).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            Shop::catalog().to_markdown()
        );
        lock::verify_markdown(&Shop::catalog(), &path, Mode::Check).unwrap();
        lock::assert_markdown::<Shop>(&path);

        // A checkout with `\r\n` line ends is the same table.
        std::fs::write(&path, Shop::catalog().to_markdown().replace('\n', "\r\n")).unwrap();
        lock::assert_markdown::<Shop>(&path);
    }

    #[test]
    fn a_missing_table_is_written_only_when_overwriting() {
        let dir = TempDir::new("markdown-missing");
        let path = dir.join("docs/errors.md");
        let error = lock::verify_markdown(&Shop::catalog(), &path, Mode::Check).unwrap_err();
        assert!(matches!(error, LockError::Missing { .. }), "{error}");
        lock::verify_markdown(&Shop::catalog(), &path, Mode::Overwrite).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            Shop::catalog().to_markdown()
        );
    }
}

/// `ERROR_CONTRACT_LOCK=overwrite` makes `assert_locked` and `assert_markdown` rewrite their files: this
/// test runs `env_var_child` in a child process of this test binary, with and without it.
#[test]
fn the_env_var_rewrites_both_files() {
    let dir = TempDir::new("env");
    let lock_path = dir.join("errors.lock.json");
    let markdown_path = dir.join("docs/errors.md");
    std::fs::write(&lock_path, shop_lock()).unwrap();
    let run = |overwrite: bool| {
        let mut command = std::process::Command::new(std::env::current_exe().unwrap());
        command
            .args(["--exact", "env_var_child", "--test-threads=1"])
            .env("LOCK_TEST_DIR", &dir.0)
            .env_remove("ERROR_CONTRACT_LOCK");
        if overwrite {
            command.env("ERROR_CONTRACT_LOCK", "overwrite");
        }
        command.output().unwrap()
    };

    let output = run(false);
    assert!(!output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("breaking  code 3001 (NotFound): removed"),
        "{stdout}"
    );
    assert_eq!(std::fs::read_to_string(&lock_path).unwrap(), shop_lock());

    let output = run(true);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        std::fs::read_to_string(&lock_path).unwrap(),
        lock::to_lock(&removed_shop())
    );
    assert_eq!(
        std::fs::read_to_string(&markdown_path).unwrap(),
        removed_shop().to_markdown()
    );

    // Now both match: the check passes without the variable.
    assert!(run(false).status.success());
}

/// Run by `the_env_var_rewrites_both_files` only (it passes in a normal run).
#[test]
fn env_var_child() {
    let Some(dir) = std::env::var_os("LOCK_TEST_DIR") else {
        return;
    };
    let dir = PathBuf::from(dir);
    lock::assert_locked::<removed::Shop>(dir.join("errors.lock.json"));
    lock::assert_markdown::<removed::Shop>(dir.join("docs/errors.md"));
}

/// The lock of fixed and templated headers (the enums of `tests/tests/headers.rs`).
mod headers {
    use super::*;
    use error_contract::Unknown;

    /// OAuth 2.0 (RFC 6749, section 5.2) and bearer tokens (RFC 6750, section 3): every token
    /// error says `Cache-Control: no-store`; a 401 names the scheme, the code and the message in
    /// `WWW-Authenticate`.
    #[derive(Debug, PartialEq, ApiError)]
    #[api_error(style = "flat", rename_all = "snake_case", decode)]
    #[api_error(headers("Cache-Control" = "no-store", "Pragma" = "no-cache"))]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum OAuth {
        #[api_error(status = 400, message = "the request is missing a parameter")]
        InvalidRequest,
        #[api_error(status = 401, message = "the access token expired")]
        #[api_error(headers(
            "WWW-Authenticate" = "Bearer realm=\"example\", error=\"{code}\", error_description=\"{message}\""
        ))]
        InvalidToken,
        /// The enum's `Pragma` replaced (names are case-insensitive), a header of its own added.
        #[api_error(status = 403, message = "the token lacks scope {scope}")]
        #[api_error(headers(
            "pragma" = "no-transform",
            "WWW-Authenticate" = "Bearer error=\"{code}\", scope=\"{scope}\""
        ))]
        InsufficientScope {
            #[api_error(expose)]
            scope: String,
        },
        /// A header field replaces the enum's header of that name.
        #[api_error(status = 429, message = "slow down")]
        SlowDown {
            #[api_error(header = "Retry-After")]
            retry_after: Option<u64>,
            #[api_error(header = "Cache-Control", default)]
            cache: String,
        },
        #[api_error(other)]
        Other(Unknown),
    }

    /// `OAuth` with its fixed headers changed, for the lock.
    #[derive(Debug, ApiError)]
    #[api_error(style = "flat", rename_all = "snake_case")]
    #[api_error(headers("Cache-Control" = "no-cache", "Pragma" = "no-cache"))]
    #[allow(dead_code, reason = "only the catalog is read")]
    enum Changed {
        #[api_error(status = 400, message = "the request is missing a parameter")]
        InvalidRequest,
        #[api_error(status = 401, message = "the access token expired")]
        #[api_error(headers("WWW-Authenticate" = "Bearer error=\"{code}\""))]
        InvalidToken,
        #[api_error(status = 403, message = "the token lacks scope {scope}")]
        #[api_error(headers(
            "pragma" = "no-transform",
            "WWW-Authenticate" = "Bearer error=\"{code}\", scope=\"{scope}\""
        ))]
        InsufficientScope {
            #[api_error(expose)]
            scope: String,
        },
        #[api_error(status = 429, message = "slow down")]
        #[api_error(headers("Retry-After" = "60"))]
        SlowDown {
            #[api_error(header = "Cache-Control")]
            cache: String,
        },
    }

    #[test]
    fn the_lock_records_values_and_a_changed_value_breaks() {
        let before = lock::to_lock(&OAuth::catalog());
        let start = before.find("\"invalid_token\"").unwrap();
        let end = start + before[start..].find("\n    }").unwrap() + 6;
        assert_eq!(
            &before[start..end],
            "\"invalid_token\": {\n      \"name\": \"InvalidToken\",\n      \"status\": 401,\n      \"grpc\": \"UNAUTHENTICATED\",\n      \"style\": \"flat\",\n      \"message\": \"the access token expired\",\n      \"headers\": [\n        \"Cache-Control: no-store\",\n        \"Pragma: no-cache\",\n        \"WWW-Authenticate: Bearer realm=\\\"example\\\", error=\\\"{code}\\\", error_description=\\\"{message}\\\"\"\n      ]\n    }"
        );

        let dir =
            std::env::temp_dir().join(format!("error-contract-headers-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("errors.lock.json");
        std::fs::write(&path, &before).unwrap();
        let error = lock::verify(&Changed::catalog(), &path, Mode::Check).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        let LockError::Broken { report, .. } = &error else {
            panic!("{error}")
        };
        assert_eq!(
            report.to_string(),
            "breaking  code insufficient_scope (InsufficientScope): header `Cache-Control` changed from \"no-store\" to \"no-cache\"\n\
             breaking  code invalid_request (InvalidRequest): header `Cache-Control` changed from \"no-store\" to \"no-cache\"\n\
             breaking  code invalid_token (InvalidToken): header `Cache-Control` changed from \"no-store\" to \"no-cache\"\n\
             breaking  code invalid_token (InvalidToken): header `WWW-Authenticate` changed from \"Bearer realm=\\\"example\\\", error=\\\"{code}\\\", error_description=\\\"{message}\\\"\" to \"Bearer error=\\\"{code}\\\"\"\n\
             breaking  code slow_down (SlowDown): header `Retry-After` changed from a field to \"60\"\n"
        );
        assert!(ChangeKind::HeaderChanged.is_breaking());
    }
}

/// The statuses a run-time status may take are in the lock; one no longer taken breaks, a new
/// one is an addition.
mod statuses {
    use super::*;

    mod before {
        #[derive(Debug, error_contract::ApiError)]
        #[api_error(style = "nested", rename_all = "snake_case")]
        #[allow(dead_code, reason = "only the catalog is read")]
        pub(super) enum Certifier {
            #[api_error(status = 500, statuses(502, 503, 504))]
            InternalServerError {
                #[api_error(status)]
                status: u16,
            },
            #[api_error(status = 400, message = "request refused")]
            Refused {
                #[api_error(status)]
                status: u16,
            },
        }
    }

    mod after {
        #[derive(Debug, error_contract::ApiError)]
        #[api_error(style = "nested", rename_all = "snake_case")]
        #[allow(dead_code, reason = "only the catalog is read")]
        pub(super) enum Certifier {
            #[api_error(status = 500, statuses(502, 503, 507))]
            InternalServerError {
                #[api_error(status)]
                status: u16,
            },
            #[api_error(status = 400, statuses(409, 429), message = "request refused")]
            Refused {
                #[api_error(status)]
                status: u16,
            },
        }
    }

    #[test]
    fn a_status_no_longer_taken_breaks_and_a_new_one_is_added() {
        let locked = lock::to_lock(&before::Certifier::catalog());
        assert!(
            locked.contains(
                "\"status\": 500,\n      \"grpc\": \"INTERNAL\",\n      \"statuses\": [\n        \"502\",\n        \"503\",\n        \"504\"\n      ],"
            ),
            "{locked}"
        );
        assert!(
            locked.contains("\"status\": 400,\n      \"grpc\": \"INVALID_ARGUMENT\",\n      \"statuses\": [\n        \"4XX\"\n      ],"),
            "{locked}"
        );
        let report = lock::compare(&locked, &after::Certifier::catalog()).unwrap();
        assert_eq!(
            report.to_string(),
            "breaking  code internal_server_error (InternalServerError): no longer sent with 504\n\
             added     code internal_server_error (InternalServerError): also sent with 507\n\
             breaking  code refused (Refused): no longer sent with 4XX\n"
        );
        let kinds: Vec<ChangeKind> = report.changes().iter().map(lock::Change::kind).collect();
        assert_eq!(
            kinds,
            [
                ChangeKind::StatusRemoved,
                ChangeKind::StatusAdded,
                ChangeKind::StatusRemoved
            ]
        );
        // Narrowed back from the class, 409 and 429 were in 4XX: nothing added. And the lock of
        // an unchanged enum compares equal.
        let report = lock::compare(&locked, &before::Certifier::catalog()).unwrap();
        assert!(report.is_empty(), "{report}");
    }
}
