//! An error into a `tonic::Status`: its gRPC code, its public message, and Google's rich error
//! model in the details.

use super::proto::{self, Violation, Writer};
use crate::json::{Field, JsonWriter};
use crate::style::ConstantValue;
use crate::{ApiError, Code, Errors, GrpcCode, Headers, Parts, RetryAfter, Styled};
use core::time::Duration;
use std::borrow::Cow;

/// The status of `error`: the code of its parts, its message, and the details (see the
/// module's page).
///
/// This is what the derived `From<E> for tonic::Status` calls (through `__private::hooks`).
/// With the `tracing` feature a server error is logged first, with its source chain.
pub fn status<E: ApiError + std::error::Error + ?Sized>(error: &E) -> tonic::Status {
    #[cfg(feature = "tracing")]
    crate::integrations::tracing::server_error(error);
    status_unlogged(error)
}

/// [`status`] without the log: for a panic, which is logged as such.
pub(crate) fn status_unlogged<E: ApiError + ?Sized>(error: &E) -> tonic::Status {
    let retry = retry_delay(&error.headers());
    // The message of the parts, without formatting a static one.
    let message = error.message().into_owned();
    let mut message = Some(message);
    let mut status = None;
    error.with_parts(&mut |parts| {
        let message = message
            .take()
            .unwrap_or_else(|| parts.message().to_string());
        status = Some(of_parts(parts, retry, message));
    });
    status.unwrap_or_else(|| tonic::Status::unknown(error.message()))
}

/// The status of one error's parts, whose message is `message`.
fn of_parts(parts: &Parts<'_>, retry: Option<Duration>, message: String) -> tonic::Status {
    let code = parts.grpc_code();
    let reason = code_text(parts.code());
    let reason = reason.as_str();
    // A key and a value per field and the instance, each of a few bytes: one allocation each
    // for most errors, none without fields.
    let pairs = parts.fields().len() + usize::from(parts.instance().is_some());
    let mut texts = Texts::with_capacity(pairs);
    for field in parts.fields().iter().filter(|field| field.is_present()) {
        texts.field(field.key(), field);
    }
    if let Some(instance) = parts.instance().filter(|field| field.is_present()) {
        texts.field(INSTANCE, instance);
    }
    let metadata = texts.pairs();
    let links = links(parts);
    let links: Vec<(&str, &str)> = links.iter().map(|(d, u)| (*d, u.as_ref())).collect();
    let details = Writer::bytes(&|w| {
        w.number(1, code.as_i32().unsigned_abs().into());
        w.string(2, &message);
        if let Some(domain) = parts.grpc_domain() {
            proto::error_info(w, reason, domain, &metadata);
        }
        if let Some(delay) = retry {
            proto::retry_info(w, delay);
        }
        if !links.is_empty() {
            proto::help(w, &links);
        }
    });
    tonic::Status::with_details(tonic_code(code), message, details.into())
}

/// The status of several errors: the code they share (else the one of the collection's
/// status), the collection's message, a `BadRequest` with a field violation per error, and one
/// `ErrorInfo` whose metadata holds each error's fields as `key[index]`.
pub(crate) fn errors_status<E: Styled>(errors: &Errors<E>) -> tonic::Status {
    let mut texts = Texts::default();
    // Per error: its code, its message, its path, and its metadata's range of `texts`.
    let mut items: Vec<(usize, usize, usize, core::ops::Range<usize>)> =
        Vec::with_capacity(errors.len());
    let mut codes: Option<Option<GrpcCode>> = None;
    let mut domain: Option<usize> = None;
    for (index, error) in errors.iter().enumerate() {
        error.with_parts(&mut |parts| {
            let code = parts.grpc_code();
            codes = Some(match codes {
                None => Some(code),
                Some(shared) => shared.filter(|shared| *shared == code),
            });
            let reason = texts.push(code_text(parts.code()).as_str());
            let message = texts.push(&parts.message().to_string());
            let path = texts.push(&path_of(parts.fields()));
            let start = texts.ranges.len();
            for field in parts.fields().iter().filter(|field| field.is_present()) {
                texts.field(&format!("{}[{index}]", field.key()), field);
            }
            if let Some(instance) = parts.instance().filter(|field| field.is_present()) {
                texts.field(&format!("{INSTANCE}[{index}]"), instance);
            }
            items.push((reason, message, path, start..texts.ranges.len()));
            if let (None, Some(known)) = (domain, parts.grpc_domain()) {
                domain = Some(texts.push(known));
            }
        });
    }
    let code = codes
        .flatten()
        .unwrap_or_else(|| GrpcCode::of_status(errors.status()));
    let message = errors.message().into_owned();
    let reason = code_text(errors.code());
    let reason = reason.as_str();
    let retry = retry_delay(&errors.headers());
    let violations: Vec<Violation<'_>> = items
        .iter()
        .map(|(reason, message, path, _)| Violation {
            field: texts.get(*path),
            description: texts.get(*message),
            reason: texts.get(*reason),
        })
        .collect();
    let metadata: Vec<(&str, &str)> = items
        .iter()
        .flat_map(|(_, _, _, fields)| fields.clone().step_by(2))
        .map(|key| (texts.get(key), texts.get(key + 1)))
        .collect();
    let details = Writer::bytes(&|w| {
        w.number(1, code.as_i32().unsigned_abs().into());
        w.string(2, &message);
        if let Some(domain) = domain {
            proto::error_info(w, reason, texts.get(domain), &metadata);
        }
        if let Some(delay) = retry {
            proto::retry_info(w, delay);
        }
        proto::bad_request(w, &violations);
    });
    tonic::Status::with_details(tonic_code(code), message, details.into())
}

/// The metadata key of a problem's `instance` (`#[api_error(instance)]`).
pub(crate) const INSTANCE: &str = "instance";

/// `tonic::Code` of a code.
pub(crate) fn tonic_code(code: GrpcCode) -> tonic::Code {
    tonic::Code::from_i32(code.as_i32())
}

/// A code as text: a string as it is, a number in decimal digits on the stack.
enum CodeText<'a> {
    Str(&'a str),
    Num([u8; 20], usize),
}

impl CodeText<'_> {
    fn as_str(&self) -> &str {
        match self {
            CodeText::Str(text) => text,
            // Decimal digits are ASCII.
            CodeText::Num(digits, start) => core::str::from_utf8(&digits[*start..]).unwrap_or(""),
        }
    }
}

/// The code as text: a string as it is, a number in decimal.
fn code_text(code: Code<'_>) -> CodeText<'_> {
    match code {
        Code::Str(text) => CodeText::Str(text),
        Code::Num(n) => {
            let (digits, start) = crate::json::decimal(n.into());
            CodeText::Num(digits, start)
        }
    }
}

/// How long to wait, from a `Retry-After` header.
fn retry_delay(headers: &Headers) -> Option<Duration> {
    let value = headers.get("retry-after")?;
    value.trim().parse::<RetryAfter>().ok().map(|r| r.delay())
}

/// The help links of an error: its constant members that are links to the code (`{code}` in
/// a string), and the problem `type` of a `type_base`, each described by its member's name.
fn links<'a>(parts: &Parts<'a>) -> Vec<(&'a str, Cow<'a, str>)> {
    let mut links: Vec<(&'a str, Cow<'a, str>)> = Vec::new();
    let code = code_text(parts.code());
    let code = code.as_str();
    for constant in parts.constants() {
        if let ConstantValue::Str(template) = constant.value {
            if template.contains("{code}") {
                links.push((
                    constant.name,
                    Cow::Owned(template.replacen("{code}", code, 1)),
                ));
            }
        }
    }
    if let Some(base) = parts.type_base() {
        let url = format!("{base}{code}");
        if !links.iter().any(|(_, known)| *known == url) {
            links.push(("type", Cow::Owned(url)));
        }
    }
    links
}

/// The path of a field violation: the error's `pointer` field (a JSON Pointer, written as a
/// protobuf field path: `/items/2/quantity` is `items[2].quantity`), else its `parameter`.
pub(crate) fn path_of(fields: &[Field<'_>]) -> String {
    let mut texts = Texts::default();
    for key in ["pointer", "parameter"] {
        if let Some(field) = fields.iter().find(|f| f.key() == key && f.is_present()) {
            texts.field("", field);
            let value = texts.get(1);
            return if key == "pointer" {
                pointer_to_path(value)
            } else {
                value.to_owned()
            };
        }
    }
    String::new()
}

/// A JSON Pointer as a protobuf field path: `/items/2/quantity` is `items[2].quantity`.
pub(crate) fn pointer_to_path(pointer: &str) -> String {
    let mut path = String::with_capacity(pointer.len());
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) && !path.is_empty() {
            path.push('[');
            path.push_str(&token);
            path.push(']');
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&token);
        }
    }
    path
}

/// Texts written one after another into one `String`, each kept as a range.
#[derive(Default)]
struct Texts {
    text: String,
    ranges: Vec<(usize, usize)>,
}

impl Texts {
    /// Room for `pairs` keys and values of 16 bytes each on average, without growing.
    fn with_capacity(pairs: usize) -> Texts {
        Texts {
            text: String::with_capacity(32 * pairs),
            ranges: Vec::with_capacity(2 * pairs),
        }
    }

    fn push(&mut self, text: &str) -> usize {
        let start = self.text.len();
        self.text.push_str(text);
        self.ranges.push((start, self.text.len()));
        self.ranges.len() - 1
    }

    fn get(&self, index: usize) -> &str {
        let (start, end) = self.ranges[index];
        &self.text[start..end]
    }

    /// A field's key, then its value as text: a JSON string's content, any other JSON as it is
    /// written in a body.
    fn field(&mut self, key: &str, field: &Field<'_>) {
        self.push(key);
        let mut stack = [0u8; 256];
        let mut out = JsonWriter::counting(&mut stack);
        out.field_value(field);
        let built;
        let json = if let Some(written) = out.written() {
            core::str::from_utf8(written).unwrap_or("null")
        } else {
            built = crate::Body::build_with::<256>("", &|out| out.field_value(field));
            built.as_str()
        };
        match json.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            Some(plain) if !plain.contains('\\') => self.push(plain),
            Some(_) => {
                let text: String = serde_json::from_str(json).unwrap_or_default();
                self.push(&text)
            }
            None => self.push(json),
        };
    }

    /// The texts as pairs: key, value, key, value, ...
    fn pairs(&self) -> Vec<(&str, &str)> {
        (0..self.ranges.len() / 2)
            .map(|i| (self.get(2 * i), self.get(2 * i + 1)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::pointer_to_path;

    #[test]
    fn pointers_as_paths() {
        assert_eq!(pointer_to_path(""), "");
        assert_eq!(pointer_to_path("/quantity"), "quantity");
        assert_eq!(pointer_to_path("/items/2/quantity"), "items[2].quantity");
        assert_eq!(pointer_to_path("/a~1b/c~0d"), "a/b.c~d");
        assert_eq!(pointer_to_path("/0"), "0");
    }
}
