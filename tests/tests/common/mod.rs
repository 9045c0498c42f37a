//! Helpers shared by the files that transcribe an API's error page. Every expected value is a
//! literal typed at the call site; these helpers only compare.

use error_contract::{Catalog, CatalogEntry, Code};

/// Asserts everything a value of a derived error shows: status, code, message, `Display`, the
/// whole body, its content type, and `serde_json::to_string` (which must equal the body).
macro_rules! assert_api_error {
    (
        $error:expr,
        status: $status:expr,
        code: $code:expr,
        message: $message:expr,
        body: $body:expr,
        content_type: $content_type:expr $(,)?
    ) => {{
        let error = &$error;
        assert_eq!(error.status().as_u16(), $status, "status of {error:?}");
        assert_eq!(error.code(), $code, "code of {error:?}");
        assert_eq!(error.message(), $message, "message of {error:?}");
        assert_eq!(error.to_string(), $message, "Display of {error:?}");
        let body = error.body();
        assert_eq!(&*body, $body, "body of {error:?}");
        assert_eq!(
            body.content_type(),
            $content_type,
            "content type of {error:?}"
        );
        assert_eq!(
            serde_json::to_string(error).unwrap(),
            $body,
            "serde_json::to_string of {error:?}"
        );
    }};
}

pub(crate) use assert_api_error;

/// One row of an error table, as the catalog must show it.
pub(crate) struct Row {
    pub(crate) name: &'static str,
    pub(crate) status: u16,
    pub(crate) code: Code<'static>,
    pub(crate) message: &'static str,
    pub(crate) description: &'static str,
    pub(crate) parent: Option<Code<'static>>,
}

/// Asserts that the catalog has exactly these rows, in this order.
pub(crate) fn assert_catalog(catalog: &Catalog, rows: &[Row]) {
    let names: Vec<&str> = catalog.iter().map(CatalogEntry::name).collect();
    let expected: Vec<&str> = rows.iter().map(|row| row.name).collect();
    assert_eq!(names, expected, "catalog entries and their order");
    assert_eq!(catalog.len(), rows.len());
    for (entry, row) in catalog.iter().zip(rows) {
        assert_eq!(entry.name(), row.name);
        assert_eq!(
            entry.status().as_u16(),
            row.status,
            "status of {}",
            row.name
        );
        assert_eq!(entry.code(), row.code, "code of {}", row.name);
        assert_eq!(entry.message(), row.message, "message of {}", row.name);
        assert_eq!(
            entry.description(),
            row.description,
            "description of {}",
            row.name
        );
        assert_eq!(entry.parent(), row.parent, "parent of {}", row.name);
    }
}

/// Asserts that every value decodes back from its own status and body, as an equal value.
#[allow(dead_code)] // not every API's file decodes
pub(crate) fn assert_round_trip<E>(all: &[E])
where
    E: error_contract::ApiError + error_contract::Decode + PartialEq + std::fmt::Debug,
{
    for error in all {
        let status = error.status().as_u16();
        let body = error.body();
        let decoded = E::decode(status, body.as_bytes());
        assert_eq!(decoded.as_ref(), Ok(error), "decode({status}, {})", &*body);
    }
}
