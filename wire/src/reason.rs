//! The registered client and server error statuses and their reason phrases.

/// Calls `$callback! { 400 BAD_REQUEST "Bad Request"; ... }` with every registered status of 400
/// to 599 (IANA HTTP Status Code Registry, RFC 9110): the code, a constant name, the phrase.
///
/// The one table of reason phrases: the runtime's `Status` constants are generated from it.
/// 418 is "(Unused)" in RFC 9110; the table keeps RFC 2324's well-known phrase for it.
///
/// ```
/// macro_rules! count {
///     ($($code:literal $name:ident $phrase:literal;)*) => { [$($code),*].len() };
/// }
/// assert_eq!(error_contract_wire::registered_statuses!(count), 40);
/// ```
#[macro_export]
macro_rules! registered_statuses {
    ($callback:ident) => {
        $callback! {
            400 BAD_REQUEST "Bad Request";
            401 UNAUTHORIZED "Unauthorized";
            402 PAYMENT_REQUIRED "Payment Required";
            403 FORBIDDEN "Forbidden";
            404 NOT_FOUND "Not Found";
            405 METHOD_NOT_ALLOWED "Method Not Allowed";
            406 NOT_ACCEPTABLE "Not Acceptable";
            407 PROXY_AUTHENTICATION_REQUIRED "Proxy Authentication Required";
            408 REQUEST_TIMEOUT "Request Timeout";
            409 CONFLICT "Conflict";
            410 GONE "Gone";
            411 LENGTH_REQUIRED "Length Required";
            412 PRECONDITION_FAILED "Precondition Failed";
            413 CONTENT_TOO_LARGE "Content Too Large";
            414 URI_TOO_LONG "URI Too Long";
            415 UNSUPPORTED_MEDIA_TYPE "Unsupported Media Type";
            416 RANGE_NOT_SATISFIABLE "Range Not Satisfiable";
            417 EXPECTATION_FAILED "Expectation Failed";
            418 IM_A_TEAPOT "I'm a teapot";
            421 MISDIRECTED_REQUEST "Misdirected Request";
            422 UNPROCESSABLE_CONTENT "Unprocessable Content";
            423 LOCKED "Locked";
            424 FAILED_DEPENDENCY "Failed Dependency";
            425 TOO_EARLY "Too Early";
            426 UPGRADE_REQUIRED "Upgrade Required";
            428 PRECONDITION_REQUIRED "Precondition Required";
            429 TOO_MANY_REQUESTS "Too Many Requests";
            431 REQUEST_HEADER_FIELDS_TOO_LARGE "Request Header Fields Too Large";
            451 UNAVAILABLE_FOR_LEGAL_REASONS "Unavailable For Legal Reasons";
            500 INTERNAL_SERVER_ERROR "Internal Server Error";
            501 NOT_IMPLEMENTED "Not Implemented";
            502 BAD_GATEWAY "Bad Gateway";
            503 SERVICE_UNAVAILABLE "Service Unavailable";
            504 GATEWAY_TIMEOUT "Gateway Timeout";
            505 HTTP_VERSION_NOT_SUPPORTED "HTTP Version Not Supported";
            506 VARIANT_ALSO_NEGOTIATES "Variant Also Negotiates";
            507 INSUFFICIENT_STORAGE "Insufficient Storage";
            508 LOOP_DETECTED "Loop Detected";
            510 NOT_EXTENDED "Not Extended";
            511 NETWORK_AUTHENTICATION_REQUIRED "Network Authentication Required";
        }
    };
}

macro_rules! phrases {
    ($($code:literal $name:ident $phrase:literal;)*) => {
        /// The RFC 9110 reason phrase of a registered status, `None` for any other.
        ///
        /// ```
        /// use error_contract_wire::reason::phrase;
        ///
        /// assert_eq!(phrase(413), Some("Content Too Large"));
        /// assert_eq!(phrase(499), None);
        /// ```
        #[must_use]
        pub const fn phrase(status: u16) -> Option<&'static str> {
            match status {
                $($code => Some($phrase),)*
                _ => None,
            }
        }
    };
}

registered_statuses!(phrases);

/// A problem's title when none is given: the reason phrase, else `"Server Error"` for a status
/// of 500 and above and `"Client Error"` below.
///
/// ```
/// use error_contract_wire::reason::title;
///
/// assert_eq!(title(404), "Not Found");
/// assert_eq!(title(599), "Server Error");
/// assert_eq!(title(499), "Client Error");
/// ```
#[must_use]
pub const fn title(status: u16) -> &'static str {
    match phrase(status) {
        Some(phrase) => phrase,
        None if status >= 500 => "Server Error",
        None => "Client Error",
    }
}
