//! JSON string escaping, byte for byte as `serde_json` escapes: `"`, `\` and the control
//! characters, with `\b`, `\f`, `\n`, `\r`, `\t` for those that have a short form and `\u00XX`
//! (lower-case hex) for the others; everything else, non-ASCII included, as is.

/// Writes `text`'s escaped form (without quotes) to `out`, as runs of bytes: the plain runs of
/// `text` whole, each escape on its own. Plain bytes are found eight at a time.
///
/// ```
/// let mut out = Vec::new();
/// error_contract_wire::escape::escape("a\"b\n\u{1}é", |bytes| out.extend_from_slice(bytes));
/// assert_eq!(out, b"a\\\"b\\n\\u0001\xc3\xa9");
/// ```
#[inline]
pub fn escape(text: &str, mut out: impl FnMut(&[u8])) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip eight plain bytes at once while no byte of them needs escaping.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if !needs_escape(u64::from_le_bytes(word)) {
                i += 8;
                continue;
            }
        }
        let byte = bytes[i];
        let escape = ESCAPE[usize::from(byte)];
        if escape != 0 {
            if start < i {
                out(&bytes[start..i]);
            }
            if escape == b'u' {
                out(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(byte >> 4)],
                    HEX[usize::from(byte & 0xf)],
                ]);
            } else {
                out(&[b'\\', escape]);
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < bytes.len() {
        out(&bytes[start..]);
    }
}

/// Whether any of the eight bytes of `word` is below 0x20, `"` or `\`.
const fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x20, and bytes equal to `"` and `\`: each sets that byte's high bit.
    let below = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * 0x22);
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = word ^ (ONES * 0x5c);
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    (below | quote | backslash) & HIGHS != 0
}

/// Per byte: 0 when it is written as is, else the character after the backslash (`u` for the
/// `\u00XX` form).
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[0x08] = b'b';
    table[0x0c] = b'f';
    table[b'\n' as usize] = b'n';
    table[b'\r' as usize] = b'r';
    table[b'\t' as usize] = b't';
    table
};

#[cfg(test)]
mod tests {
    extern crate std;
    use std::string::String;
    use std::vec::Vec;

    fn escaped(text: &str) -> String {
        let mut out = Vec::new();
        super::escape(text, |bytes| out.extend_from_slice(bytes));
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_byte_below_0x80_as_serde_json() {
        for byte in 0u8..0x80 {
            let text = String::from(char::from(byte));
            // serde_json is not a dependency here; its table, for the bytes that differ:
            let expected = match byte {
                b'"' => String::from("\\\""),
                b'\\' => String::from("\\\\"),
                0x08 => String::from("\\b"),
                0x0c => String::from("\\f"),
                b'\n' => String::from("\\n"),
                b'\r' => String::from("\\r"),
                b'\t' => String::from("\\t"),
                0..0x20 => std::format!("\\u{byte:04x}"),
                _ => text.clone(),
            };
            assert_eq!(escaped(&text), expected, "byte {byte:#x}");
        }
    }

    #[test]
    fn runs_longer_than_a_word() {
        assert_eq!(
            escaped("0123456789\"abcdefgh\u{7f}é\u{1F600}"),
            "0123456789\\\"abcdefgh\u{7f}é\u{1F600}"
        );
    }
}
