//! The `Retry-After` header: when a client may try again.

use core::fmt;
use core::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The value of a `Retry-After` header (RFC 9110, section 10.2.3): a delay in seconds, or an HTTP
/// date. A 429 or a 503 sends it to say when the client may try again.
///
/// On the server side it is what a `header` field displays; on the client side it parses both
/// forms, and [`delay`](RetryAfter::delay) turns either into a [`Duration`] to wait.
///
/// ```
/// use error_contract::{ApiError, RetryAfter};
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
///
/// #[derive(Debug, ApiError)]
/// enum LimitError {
///     #[api_error(status = 429, code = "rate_limited", message = "slow down")]
///     RateLimited {
///         #[api_error(header = "Retry-After")]
///         retry_after: RetryAfter,
///     },
/// }
///
/// let err = LimitError::RateLimited { retry_after: RetryAfter::Seconds(30) };
/// assert_eq!(err.headers().get("retry-after"), Some("30"));
///
/// // Both forms parse; a date becomes the time left until it.
/// let date: RetryAfter = "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap();
/// let at = UNIX_EPOCH + Duration::from_secs(1_445_412_480);
/// assert_eq!(date, RetryAfter::Date(at));
/// assert_eq!(date.delay_from(at - Duration::from_secs(90)), Duration::from_secs(90));
/// assert_eq!("120".parse::<RetryAfter>().unwrap().delay(), Duration::from_secs(120));
/// assert!("-1".parse::<RetryAfter>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryAfter {
    /// `Retry-After: 120`: this many seconds from the response. A number past `u64::MAX` reads
    /// as `u64::MAX` (a very long time), as RFC 9111 asks of delta-seconds.
    Seconds(u64),
    /// `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`: not before this time. The three date forms
    /// of RFC 9110 parse (IMF-fixdate, RFC 850 and asctime); years 1970 to 9999.
    Date(SystemTime),
}

/// The last second an HTTP date can name: 9999-12-31T23:59:59Z.
const LAST_DATE: u64 = 253_402_300_799;

impl RetryAfter {
    /// How long to wait from now: the seconds, or the time left until the date (zero for a
    /// date past).
    ///
    /// ```
    /// use error_contract::RetryAfter;
    /// use std::time::{Duration, UNIX_EPOCH};
    ///
    /// assert_eq!(RetryAfter::Seconds(5).delay(), Duration::from_secs(5));
    /// assert_eq!(RetryAfter::Date(UNIX_EPOCH).delay(), Duration::ZERO);
    /// ```
    #[must_use]
    pub fn delay(&self) -> Duration {
        self.delay_from(SystemTime::now())
    }

    /// How long to wait from `now`: the seconds, or the time from `now` until the date (zero
    /// for a date before `now`).
    ///
    /// ```
    /// use error_contract::RetryAfter;
    /// use std::time::{Duration, UNIX_EPOCH};
    ///
    /// let now = UNIX_EPOCH + Duration::from_secs(1_000);
    /// let date = RetryAfter::Date(UNIX_EPOCH + Duration::from_secs(1_030));
    /// assert_eq!(date.delay_from(now), Duration::from_secs(30));
    /// assert_eq!(RetryAfter::Seconds(7).delay_from(now), Duration::from_secs(7));
    /// ```
    #[must_use]
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match *self {
            RetryAfter::Seconds(seconds) => Duration::from_secs(seconds),
            RetryAfter::Date(date) => date.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

/// Writes the header value: the seconds, or the date as an IMF-fixdate (a date before 1970 or
/// after 9999 is written as the nearest one an HTTP date can name).
impl fmt::Display for RetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            RetryAfter::Seconds(seconds) => write!(f, "{seconds}"),
            RetryAfter::Date(date) => {
                let seconds = date
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |since| since.as_secs())
                    .min(LAST_DATE);
                let date = UNIX_EPOCH + Duration::from_secs(seconds);
                write!(f, "{}", httpdate::HttpDate::from(date))
            }
        }
    }
}

/// Why a `Retry-After` value did not parse: neither digits nor an HTTP date.
///
/// ```
/// use error_contract::RetryAfter;
///
/// let err = "soon".parse::<RetryAfter>().unwrap_err();
/// assert_eq!(err.to_string(), "`Retry-After` is neither a number of seconds nor an HTTP date");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidRetryAfter;

impl fmt::Display for InvalidRetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`Retry-After` is neither a number of seconds nor an HTTP date")
    }
}

impl std::error::Error for InvalidRetryAfter {}

/// Parses a header value: `1*DIGIT` seconds (no sign, no fraction), or an HTTP date; spaces and
/// tabs around it are ignored.
impl FromStr for RetryAfter {
    type Err = InvalidRetryAfter;

    fn from_str(value: &str) -> Result<RetryAfter, InvalidRetryAfter> {
        let value = value.trim_matches([' ', '\t']);
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            // Only digits: the one failure left is overflow.
            return Ok(RetryAfter::Seconds(value.parse().unwrap_or(u64::MAX)));
        }
        httpdate::parse_http_date(value)
            .map(RetryAfter::Date)
            .map_err(|_| InvalidRetryAfter)
    }
}
