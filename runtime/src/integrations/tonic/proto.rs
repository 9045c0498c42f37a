//! The few protobuf messages of Google's error model that an error's status carries
//! (`google.rpc.Status` and the details `ErrorInfo`, `RetryInfo`, `BadRequest`, `Help`), written
//! from borrowed parts into one allocation of their exact size.
//!
//! tonic-types builds the same bytes from owned structs (a `String` per text, a `HashMap` for
//! the metadata, an `Any` per detail, each encoded apart and copied into the status): here each
//! message is measured, then written once, and the metadata keeps the order of the fields (a
//! `HashMap` would write it in a different order at each call).

use core::time::Duration;

/// The type URLs of the details, as `google.protobuf.Any` names them.
pub(crate) const ERROR_INFO: &str = "type.googleapis.com/google.rpc.ErrorInfo";
pub(crate) const RETRY_INFO: &str = "type.googleapis.com/google.rpc.RetryInfo";
pub(crate) const BAD_REQUEST: &str = "type.googleapis.com/google.rpc.BadRequest";
pub(crate) const HELP: &str = "type.googleapis.com/google.rpc.Help";

/// Where a message is written: counted only, or counted and written into `out`.
///
/// The counting pass records the length of each nested message, in the order the messages
/// begin, so that the writing pass writes each length without measuring its message again (a
/// message measured at each level that encloses it would be walked once per level).
pub(crate) struct Writer {
    out: Option<Vec<u8>>,
    len: usize,
    /// The lengths of the first [`LENGTHS`] messages, as the counting pass found them; a
    /// message past them is measured again when it is written.
    lengths: [usize; LENGTHS],
    /// The number of messages begun so far.
    next: usize,
}

/// How many message lengths a [`Writer`] keeps: one error's status has 2 per detail, 1 per
/// metadata entry, link and field violation.
const LENGTHS: usize = 32;

/// A length-delimited field (wire type 2).
const LEN: u8 = 2;
/// A varint field (wire type 0).
const VARINT: u8 = 0;

impl Writer {
    fn counting() -> Writer {
        Writer {
            out: None,
            len: 0,
            lengths: [0; LENGTHS],
            next: 0,
        }
    }

    /// The bytes `write` writes, in one allocation of their size.
    pub(crate) fn bytes(write: &dyn Fn(&mut Writer)) -> Vec<u8> {
        let mut count = Writer::counting();
        write(&mut count);
        let mut writer = Writer {
            out: Some(Vec::with_capacity(count.len)),
            len: 0,
            lengths: count.lengths,
            next: 0,
        };
        write(&mut writer);
        writer.out.unwrap_or_default()
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.len += bytes.len();
        if let Some(out) = &mut self.out {
            out.extend_from_slice(bytes);
        }
    }

    fn varint(&mut self, value: usize) {
        match &mut self.out {
            Some(out) => {
                let start = out.len();
                // A `Vec` grows as needed: encoding into it cannot fail.
                let _ = prost::encode_length_delimiter(value, out);
                self.len += out.len() - start;
            }
            None => self.len += prost::length_delimiter_len(value),
        }
    }

    /// A field's key; every tag written here is below 16, so the key is one byte.
    fn key(&mut self, tag: u8, wire: u8) {
        self.raw(&[(tag << 3) | wire]);
    }

    /// A `uint64`, `int64` (not negative) or enum field; proto3 leaves out a zero.
    pub(crate) fn number(&mut self, tag: u8, value: u64) {
        if value != 0 {
            self.key(tag, VARINT);
            self.varint(usize::try_from(value).unwrap_or(usize::MAX));
        }
    }

    /// A `string` field; proto3 leaves out an empty one.
    pub(crate) fn string(&mut self, tag: u8, text: &str) {
        if !text.is_empty() {
            self.key(tag, LEN);
            self.varint(text.len());
            self.raw(text.as_bytes());
        }
    }

    /// A message field, written by `write`, with its length: found by the counting pass, or
    /// measured here past the first [`LENGTHS`] messages.
    pub(crate) fn message(&mut self, tag: u8, write: &dyn Fn(&mut Writer)) {
        let index = self.next;
        self.next += 1;
        if self.out.is_none() {
            let start = self.len;
            write(self);
            let len = self.len - start;
            self.len += 1 + prost::length_delimiter_len(len);
            if let Some(slot) = self.lengths.get_mut(index) {
                *slot = len;
            }
            return;
        }
        let len = if let Some(len) = self.lengths.get(index) {
            *len
        } else {
            let mut count = Writer::counting();
            write(&mut count);
            count.len
        };
        self.key(tag, LEN);
        self.varint(len);
        write(self);
    }

    /// A `google.protobuf.Any` in field `tag`: the type's URL and the message `write` writes.
    pub(crate) fn any(&mut self, tag: u8, type_url: &str, write: &dyn Fn(&mut Writer)) {
        self.message(tag, &|w| {
            w.string(1, type_url);
            w.message(2, write);
        });
    }
}

/// `google.rpc.ErrorInfo`: `reason`, `domain`, and the `metadata` entries in order.
pub(crate) fn error_info(w: &mut Writer, reason: &str, domain: &str, metadata: &[(&str, &str)]) {
    w.any(3, ERROR_INFO, &|w| {
        w.string(1, reason);
        w.string(2, domain);
        for (key, value) in metadata {
            // A map entry is a message of its key (1) and its value (2).
            w.message(3, &|w| {
                w.string(1, key);
                w.string(2, value);
            });
        }
    });
}

/// `google.rpc.RetryInfo` with its `retry_delay`.
pub(crate) fn retry_info(w: &mut Writer, delay: Duration) {
    w.any(3, RETRY_INFO, &|w| {
        // `retry_delay` is a `google.protobuf.Duration`, written even when zero.
        w.message(1, &|w| {
            w.number(1, delay.as_secs());
            w.number(2, u64::from(delay.subsec_nanos()));
        });
    });
}

/// One `google.rpc.BadRequest.FieldViolation`: `field`, `description`, `reason`.
pub(crate) struct Violation<'a> {
    pub(crate) field: &'a str,
    pub(crate) description: &'a str,
    pub(crate) reason: &'a str,
}

/// `google.rpc.BadRequest` with its field violations.
pub(crate) fn bad_request(w: &mut Writer, violations: &[Violation<'_>]) {
    w.any(3, BAD_REQUEST, &|w| {
        for violation in violations {
            w.message(1, &|w| {
                w.string(1, violation.field);
                w.string(2, violation.description);
                w.string(3, violation.reason);
            });
        }
    });
}

/// `google.rpc.Help` with its links, each a description and a URL.
pub(crate) fn help(w: &mut Writer, links: &[(&str, &str)]) {
    w.any(3, HELP, &|w| {
        for (description, url) in links {
            w.message(1, &|w| {
                w.string(1, description);
                w.string(2, url);
            });
        }
    });
}
