//! JSON string escaping, byte for byte as `serde_json` escapes: `"`, `\` and the control
//! characters, with `\b`, `\f`, `\n`, `\r`, `\t` for those that have a short form and `\u00XX`
//! (lower-case hex) for the others; everything else, non-ASCII included, as is.

/// Writes `text`'s escaped form (without quotes) to `out`, as runs of bytes: the plain runs of
/// `text` whole, each escape on its own. A text with nothing to escape (most are: member names,
/// messages, codes) is found so a word at a time and written whole, in one call of `out`.
///
/// ```
/// let mut out = Vec::new();
/// error_contract_wire::escape::escape("a\"b\n\u{1}é", |bytes| out.extend_from_slice(bytes));
/// assert_eq!(out, b"a\\\"b\\n\\u0001\xc3\xa9");
/// ```
#[inline]
pub fn escape(text: &str, mut out: impl FnMut(&[u8])) {
    let bytes = text.as_bytes();
    if is_plain(bytes) {
        if !bytes.is_empty() {
            out(bytes);
        }
    } else {
        escape_runs(bytes, &mut out);
    }
}

/// Whether no byte of `bytes` needs escaping (then [`escape`] writes them as they are), tested
/// eight bytes at a time: whole words, then the last eight bytes (overlapping the words before);
/// a text shorter than a word as one word made of its bytes (some of them twice) and spaces.
///
/// ```
/// use error_contract_wire::escape::is_plain;
///
/// assert!(is_plain("order 42 of alice not found".as_bytes()));
/// assert!(is_plain("é".as_bytes()));
/// assert!(!is_plain(b"say \"hi\""));
/// assert!(!is_plain(b"a\tb"));
/// ```
#[inline]
#[must_use]
pub fn is_plain(bytes: &[u8]) -> bool {
    let len = bytes.len();
    let word = if len >= 8 {
        let mut words = bytes.chunks_exact(8);
        for chunk in &mut words {
            if needs_escape(word(chunk)) {
                return false;
            }
        }
        if words.remainder().is_empty() {
            return true;
        }
        word(&bytes[len - 8..])
    } else if len >= 4 {
        // The first four bytes and the last four cover every byte.
        let first = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        let last = u32::from_le_bytes([
            bytes[len - 4],
            bytes[len - 3],
            bytes[len - 2],
            bytes[len - 1],
        ]);
        u64::from(first) | (u64::from(last) << 32)
    } else if len > 0 {
        // The first, middle and last bytes cover one, two or three bytes; spaces need no escape.
        let [a, b, c] = [bytes[0], bytes[len / 2], bytes[len - 1]];
        u64::from_le_bytes([a, b, c, b' ', b' ', b' ', b' ', b' '])
    } else {
        return true;
    };
    !needs_escape(word)
}

/// Eight bytes as a little-endian word.
#[inline]
fn word(chunk: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    u64::from_le_bytes(word)
}

/// [`escape`] of a text with something to escape: plain bytes are skipped eight at a time.
#[inline(never)]
fn escape_runs(bytes: &[u8], out: &mut impl FnMut(&[u8])) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip eight plain bytes at once while no byte of them needs escaping.
        if let Some(chunk) = bytes.get(i..i + 8) {
            if !needs_escape(word(chunk)) {
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
    fn every_length_and_place_of_an_escape() {
        // Lengths around the word tests (under four, under eight, a word and a tail), with each
        // byte that needs escaping at each place, beside plain ASCII and non-ASCII.
        for len in 0..=20 {
            let plain: String = "abcdéfghijklmnopqrstu".chars().take(len).collect();
            assert_eq!(escaped(&plain), plain, "{plain:?}");
            for at in 0..len {
                for bad in ['"', '\\', '\n', '\u{1f}', '\u{0}'] {
                    let mut text: Vec<char> = "abcdefghijklmnopqrstu".chars().take(len).collect();
                    text[at] = bad;
                    let text: String = text.into_iter().collect();
                    let expected: String =
                        text.chars().map(|c| escaped(&String::from(c))).collect();
                    assert!(expected.contains('\\'), "{text:?}");
                    assert_eq!(escaped(&text), expected, "{text:?}");
                }
            }
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
