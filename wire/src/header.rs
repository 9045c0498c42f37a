//! Header values written at run time.

/// Whether `value` may be sent as a header's value as it is: RFC 9110 field values are visible
/// characters, spaces, tabs and obs-text (bytes from 0x80), so a control character (CR, LF, NUL,
/// DEL, ...) anywhere makes the value unfit. A value that is not fit is left out of the response,
/// never sent split or corrupted; the derive applies the same rule to a template it writes out at
/// expansion time.
///
/// ```
/// use error_contract_wire::header::is_valid_value;
///
/// assert!(is_valid_value("https://docs.example.com/errors/3001"));
/// assert!(is_valid_value("Bearer realm=\"api\",\terror=\"invalid_token\""));
/// assert!(is_valid_value("prix: 3 €"));
/// assert!(!is_valid_value("one\r\nSet-Cookie: two"));
/// ```
#[must_use]
pub fn is_valid_value(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b == b'\t' || (b >= 0x20 && b != 0x7f))
}
