//! `Status`, and the agreement between the macro's reason phrases (default messages and problem
//! titles written at compile time) and the runtime's, for every registered status.

use error_contract::{ApiError, Status};

macro_rules! every_status {
    ($($status:literal $variant:ident,)*) => {
        #[derive(Debug, ApiError)]
        #[api_error(style = "problem")]
        enum Every {
            $(
                #[api_error(status = $status)]
                $variant,
            )*
        }

        const ALL: &[Every] = &[$(Every::$variant),*];
    };
}

every_status! {
    400 S400, 401 S401, 402 S402, 403 S403, 404 S404, 405 S405, 406 S406, 407 S407, 408 S408,
    409 S409, 410 S410, 411 S411, 412 S412, 413 S413, 414 S414, 415 S415, 416 S416, 417 S417,
    418 S418, 421 S421, 422 S422, 423 S423, 424 S424, 425 S425, 426 S426, 428 S428, 429 S429,
    431 S431, 451 S451,
    500 S500, 501 S501, 502 S502, 503 S503, 504 S504, 505 S505, 506 S506, 507 S507, 508 S508,
    510 S510, 511 S511,
}

#[test]
fn macro_and_runtime_reason_phrases_agree() {
    let registered: Vec<u16> = (400..=599)
        .filter(|&code| Status::new(code).unwrap().reason().is_some())
        .collect();
    let derived: Vec<u16> = ALL.iter().map(|e| e.status().as_u16()).collect();
    assert_eq!(derived, registered, "the registered statuses");
    for err in ALL {
        let reason = err.status().reason().unwrap();
        assert_eq!(err.message(), reason, "{err:?}");
        let title: serde_json::Value = serde_json::from_str(&err.body()).unwrap();
        assert_eq!(title["title"], reason, "{err:?}");
        assert_eq!(title["detail"], reason, "{err:?}");
    }
}

#[test]
fn rfc_9110_phrases() {
    assert_eq!(
        Status::CONTENT_TOO_LARGE.reason(),
        Some("Content Too Large")
    );
    assert_eq!(
        Status::UNPROCESSABLE_CONTENT.reason(),
        Some("Unprocessable Content")
    );
    assert_eq!(
        Status::RANGE_NOT_SATISFIABLE.reason(),
        Some("Range Not Satisfiable")
    );
    assert_eq!(Status::URI_TOO_LONG.reason(), Some("URI Too Long"));
    assert_eq!(Every::S413.message(), "Content Too Large");
    assert_eq!(Every::S422.message(), "Unprocessable Content");
}

#[test]
fn status_api() {
    let s = Status::new(404).unwrap();
    assert_eq!(s.as_u16(), 404);
    assert_eq!(u16::from(s), 404);
    assert!(s.is_client_error() && !s.is_server_error() && s.is_error());
    assert!(Status::BAD_GATEWAY.is_server_error());
    assert_eq!(s.to_string(), "404 Not Found");
    assert_eq!(format!("{:?}", Status::new(499).unwrap()), "499");
    assert_eq!(Status::new(99), None);
    assert_eq!(Status::new(1000), None);
    assert_eq!(Status::try_from(1000).unwrap_err().0, 1000);
    assert_eq!(serde_json::to_string(&s).unwrap(), "404");
    assert_eq!(s, 404);
}

/// A status with no reason phrase needs an explicit message; the problem title falls back to
/// the status class.
#[derive(Debug, ApiError)]
enum Unregistered {
    #[api_error(status = 499, code = 1, message = "client closed request")]
    ClientClosed,
    #[api_error(status = 520, code = 2, message = "unknown upstream error")]
    Unknown,
}

#[test]
fn unregistered_statuses() {
    assert_eq!(
        &*Unregistered::ClientClosed.body(),
        r#"{"type":"about:blank","title":"Client Error","status":499,"detail":"client closed request","code":1}"#
    );
    assert_eq!(
        &*Unregistered::Unknown.body(),
        r#"{"type":"about:blank","title":"Server Error","status":520,"detail":"unknown upstream error","code":2}"#
    );
}
