//! Feature `tracing`: a 5xx turned into a framework response is logged with its causes; a failure
//! of the framework is logged at debug level with the framework's own text; a panic is logged
//! with its message.

use crate::{ApiError, Fact, Failure};
use core::fmt;
use std::error::Error;

/// Logs `error` as one `ERROR` event (target `error_contract`) when its status is 5xx, with the
/// fields `status`, `code`, `error` (its `Display`, the public message) and `sources` (every
/// error of its `source()` chain, outermost first). The response body is unchanged: the causes
/// stay in the log.
pub(crate) fn server_error<E: ApiError + Error + ?Sized>(error: &E) {
    let status = error.status();
    if !status.is_server_error() {
        return;
    }
    ::tracing::error!(
        target: "error_contract",
        status = status.as_u16(),
        code = %error.code(),
        error = %error,
        sources = ?Sources(error.source()),
        "server error response",
    );
}

/// The most sources logged, so that a chain that loops back on itself still ends.
const MAX_SOURCES: usize = 64;

/// The `source()` chain, from the first source down, as a list of `Display` strings.
struct Sources<'a>(Option<&'a (dyn Error + 'static)>);

impl fmt::Debug for Sources<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut list = f.debug_list();
        let chain = core::iter::successors(self.0, |&source| source.source());
        for source in chain.take(MAX_SOURCES) {
            list.entry(&source.to_string());
        }
        list.finish()
    }
}

/// Logs a failure of the framework as one `DEBUG` event (target `error_contract`) with the
/// fields `kind`, `status`, its facts and `cause` (the framework's own text: a serde message,
/// a rejection's text), which never reaches a body.
pub(crate) fn failure(failure: &Failure<'_>) {
    ::tracing::debug!(
        target: "error_contract",
        kind = failure.kind().name(),
        status = failure.status().as_u16(),
        facts = ?Facts(failure),
        cause = failure.cause().map(::tracing::field::display),
        "framework failure",
    );
}

/// Logs a handler's panic as one `ERROR` event (target `error_contract`) with the fields
/// `status` and `code` of the response that answers it, and `panic` (the panic's message),
/// which never reaches a body.
pub(crate) fn panic<E: ApiError + ?Sized>(error: &E, message: &str) {
    ::tracing::error!(
        target: "error_contract",
        status = error.status().as_u16(),
        code = %error.code(),
        panic = message,
        "handler panicked",
    );
}

/// The facts a failure carries, `{method: "DELETE", path: "/checkout"}`, without its cause
/// (logged as a field of its own).
struct Facts<'a>(&'a Failure<'a>);

impl fmt::Debug for Facts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for fact in Fact::ALL {
            if let Some(value) = self.0.fact(fact) {
                map.entry(&format_args!("{}", fact.name()), &value);
            }
        }
        map.finish()
    }
}
