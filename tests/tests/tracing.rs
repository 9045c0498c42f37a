//! Feature `tracing`: a 5xx turned into an axum or actix-web response is logged as one `ERROR`
//! event with its status, code, public message and whole `source()` chain; a 4xx is not
//! logged; the body keeps only the public message.
//!
//! A subscriber that records every event's fields, set for the test's thread, sees exactly
//! what the conversion logs. (The server tests, axum.rs and actix.rs, check the same event as
//! a formatted log line of a running server.)

use actix_web::ResponseError;
use actix_web::body::MessageBody;
use axum::response::IntoResponse;
use core::fmt;
use error_contract::ApiError;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// One event as a subscriber sees it.
#[derive(Debug, PartialEq)]
struct Logged {
    level: String,
    target: String,
    fields: BTreeMap<String, String>,
}

/// A subscriber that keeps every event.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<Logged>>>);

impl Recorder {
    /// Runs `f` with this recorder as the thread's subscriber and returns what it logged.
    fn events_of(f: impl FnOnce()) -> Vec<Logged> {
        let recorder = Recorder::default();
        tracing::subscriber::with_default(recorder.clone(), f);
        let mut events = recorder.0.lock().unwrap();
        std::mem::take(&mut *events)
    }
}

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0
            .insert(field.name().to_owned(), format!("u64:{value}"));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        self.0.lock().unwrap().push(Logged {
            level: event.metadata().level().to_string(),
            target: event.metadata().target().to_owned(),
            fields,
        });
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

/// The event error-contract logs for a 5xx.
fn server_error_event(status: u64, code: &str, error: &str, sources: &str) -> Logged {
    let fields = [
        ("message", "server error response".to_owned()),
        ("status", format!("u64:{status}")),
        ("code", code.to_owned()),
        ("error", error.to_owned()),
        ("sources", sources.to_owned()),
    ];
    Logged {
        level: "ERROR".to_owned(),
        target: "error_contract".to_owned(),
        fields: fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
    }
}

/// A cause with a cause of its own.
#[derive(Debug)]
struct QueryError {
    source: std::io::Error,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("query \"select stock\" failed")
    }
}

impl std::error::Error for QueryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// A cause of three levels: the variant's source, its source, and the I/O error under it.
#[derive(Debug)]
struct PoolError {
    source: QueryError,
}

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("pool: connection lost")
    }
}

impl std::error::Error for PoolError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
enum StockError {
    /// The item is unknown.
    #[api_error(status = 404, message = "unknown item")]
    UnknownItem,
    /// The stock could not be read.
    #[api_error(status = 500, message = "stock unavailable")]
    Unavailable(#[from] PoolError),
    /// An upstream failed, with the status it answered.
    #[api_error(status = 502, message = "upstream failed")]
    Upstream {
        #[api_error(status)]
        status: u16,
    },
    /// Too many requests.
    #[api_error(status = 429, message = "slow down")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: u32,
    },
    #[api_error(transparent)]
    Inner(InnerError),
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum InnerError {
    /// The inner service failed.
    #[api_error(status = 503, code = 7001, message = "inner service unavailable")]
    Down(#[source] std::io::Error),
}

fn pool_error() -> PoolError {
    PoolError {
        source: QueryError {
            source: std::io::Error::other("socket closed: \"db:5432\""),
        },
    }
}

const POOL_SOURCES: &str =
    r#"["pool: connection lost", "query \"select stock\" failed", "socket closed: \"db:5432\""]"#;

fn axum_body(response: axum::response::Response) -> Vec<u8> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime
        .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
        .unwrap()
        .to_vec()
}

fn actix_body(response: actix_web::HttpResponse) -> Vec<u8> {
    MessageBody::try_into_bytes(response.into_body())
        .expect("the body is not in one piece")
        .to_vec()
}

#[test]
fn axum_logs_a_500_with_its_whole_source_chain() {
    let mut body = Vec::new();
    let events = Recorder::events_of(|| {
        body = axum_body(StockError::from(pool_error()).into_response());
    });
    assert_eq!(
        events,
        [server_error_event(
            500,
            "unavailable",
            "stock unavailable",
            POOL_SOURCES
        )]
    );
    assert_eq!(
        body,
        br#"{"error":{"code":"unavailable","message":"stock unavailable"}}"#
    );
}

#[test]
fn actix_logs_a_500_with_its_whole_source_chain() {
    let mut body = Vec::new();
    let events = Recorder::events_of(|| {
        body = actix_body(StockError::from(pool_error()).error_response());
    });
    assert_eq!(
        events,
        [server_error_event(
            500,
            "unavailable",
            "stock unavailable",
            POOL_SOURCES
        )]
    );
    assert_eq!(
        body,
        br#"{"error":{"code":"unavailable","message":"stock unavailable"}}"#
    );
}

#[test]
fn run_time_5xx_status_is_logged_as_sent() {
    let events = Recorder::events_of(|| {
        let response = StockError::Upstream { status: 504 }.into_response();
        assert_eq!(response.status().as_u16(), 504);
        let response = StockError::Upstream { status: 503 }.error_response();
        assert_eq!(response.status().as_u16(), 503);
    });
    assert_eq!(
        events,
        [
            server_error_event(504, "upstream", "upstream failed", "[]"),
            server_error_event(503, "upstream", "upstream failed", "[]"),
        ]
    );
}

#[test]
fn transparent_variant_logs_its_inner_error() {
    let events = Recorder::events_of(|| {
        let error = StockError::Inner(InnerError::Down(std::io::Error::other("refused")));
        let body = axum_body(error.into_response());
        assert_eq!(
            body,
            br#"{"code":7001,"message":"inner service unavailable"}"#
        );
    });
    // As in thiserror, a transparent variant's `source()` is its inner error's source.
    assert_eq!(
        events,
        [server_error_event(
            503,
            "7001",
            "inner service unavailable",
            r#"["refused"]"#
        )]
    );
}

#[test]
fn client_errors_are_not_logged() {
    let events = Recorder::events_of(|| {
        let _ = StockError::UnknownItem.into_response();
        let _ = StockError::RateLimited { retry_after: 3 }.into_response();
        let _ = StockError::UnknownItem.error_response();
        let _ = StockError::RateLimited { retry_after: 3 }.error_response();
    });
    assert_eq!(events, []);
}

#[test]
fn status_code_alone_logs_nothing() {
    let events = Recorder::events_of(|| {
        assert_eq!(
            StockError::from(pool_error()).status_code(),
            actix_web::http::StatusCode::INTERNAL_SERVER_ERROR
        );
    });
    assert_eq!(events, []);
}
