//! A `tonic::Status` back into the enum: by its `ErrorInfo` (or each `BadRequest` violation),
//! through the enum's own decoding of the body the same error would have had on HTTP.

use super::proto;
use super::status::INSTANCE;
use crate::decode::ResponseHeaders;
use crate::json::Field;
use crate::style::{Items, List};
use crate::{
    Body, CatalogEntry, Code, Decode, DecodeError, GrpcCode, JsonType, Parts, Status, Style, Styled,
};
use prost::Message as _;
use serde_json::value::RawValue;
use tonic_types::pb;

/// Decodes `status` into `T`: an error of the enum, or an [`Errors`](crate::Errors) of it.
///
/// - The `ErrorInfo` of the enum's domain names the variant by its `reason` (the code as the
///   HTTP body writes it), and its `metadata` gives the exposed fields; a `RetryInfo` gives a
///   `Retry-After` header field (in whole seconds, rounded up).
/// - A `BadRequest` is several errors, one per field violation (its `reason` the code, its
///   `description` the message), their fields in the `ErrorInfo`'s metadata as `key[index]`;
///   asked for as one error, it is the first (as a body of several errors is on HTTP).
/// - The HTTP status is the variant's, when the status has its gRPC code; else the one
///   `code.proto` gives the code ([`GrpcCode::http_status`]).
/// - A status without details, or whose `ErrorInfo` is of another domain, decodes by its code
///   alone, as an HTTP response without a body decodes by its status: to the `other` variant.
///   A reason the enum does not know goes to `other` too, with its code.
///
/// Details that are not protobuf, or not of these types, are passed over: any bytes decode to a
/// value or an error, never a panic.
///
/// # Errors
///
/// [`DecodeError::NotAnError`] for `OK` (as 200), [`DecodeError::Unrecognized`] when no variant
/// has the reason and the enum has no `other` variant.
///
/// ```
/// use error_contract::{ApiError, Decode, Unknown};
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api_error(rename_all = "snake_case", grpc_domain = "shop.example.com", decode)]
/// enum ShopError {
///     #[api_error(status = 404, message = "order {id} not found")]
///     OrderNotFound {
///         #[api_error(expose)]
///         id: u64,
///     },
///     #[api_error(other)]
///     Other(Unknown),
/// }
///
/// let status = tonic::Status::from(ShopError::OrderNotFound { id: 7 });
/// assert_eq!(status.code(), tonic::Code::NotFound);
/// let decoded: ShopError = error_contract::tonic::decode(&status).unwrap();
/// assert_eq!(decoded, ShopError::OrderNotFound { id: 7 });
/// ```
pub fn decode<T: Decode + Styled>(status: &tonic::Status) -> Result<T, DecodeError> {
    let received = status.code();
    if received == tonic::Code::Ok {
        return Err(DecodeError::NotAnError(200));
    }
    let code = GrpcCode::from_i32(received as i32).unwrap_or(GrpcCode::Unknown);
    let details = Details::read(status.details());
    let catalog = T::catalog();
    let entries = catalog.entries();
    let info = details.info.filter(|info| {
        entries.is_empty() || entries.iter().any(|e| e.grpc_domain() == info.domain)
    });
    let retry = details.retry.map(|(seconds, nanos)| {
        let seconds = u64::try_from(seconds).unwrap_or(0);
        seconds.saturating_add(u64::from(nanos > 0)).to_string()
    });
    let headers = RetryHeader(retry.as_deref());
    let base = entries.first().copied();
    let Some(info) = info else {
        return T::decode_with_headers(code.http_status().as_u16(), &headers, b"");
    };
    let entry = find(entries, &info.reason);
    let http = match entry {
        Some(entry) if entry.grpc_code() == code => entry.status(),
        _ => match info.reason.parse::<u16>() {
            // The code of a collection whose errors' codes differ is its status.
            Ok(n @ 400..=599) if details.violations.is_some() => Status::checked(n),
            _ => code.http_status(),
        },
    };
    let message = status.message();
    let body = match details.violations {
        Some(violations) if !violations.is_empty() => {
            several::<T::Style>(entries, base, http, &info, &violations)
        }
        _ => {
            let values = values(
                entry,
                info.metadata.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            );
            let fields: Vec<Field<'_>> = values.iter().map(|(k, v)| Field::new(k, v)).collect();
            let code = reason_code(&info.reason);
            Body::build::<T::Style>(&parts(entry, base, http, code, &message).with_fields(&fields))
        }
    };
    T::decode_with_headers(http.as_u16(), &headers, body.as_bytes())
}

/// The details of a status that decoding reads: the first of each kind that decodes.
#[derive(Default)]
struct Details {
    info: Option<pb::ErrorInfo>,
    /// The retry delay's seconds and nanoseconds.
    retry: Option<(i64, i32)>,
    violations: Option<Vec<pb::bad_request::FieldViolation>>,
}

impl Details {
    fn read(bytes: &[u8]) -> Details {
        let mut details = Details::default();
        if bytes.is_empty() {
            return details;
        }
        let Ok(status) = pb::Status::decode(bytes) else {
            return details;
        };
        for any in status.details {
            let value = any.value.as_slice();
            match any.type_url.as_str() {
                proto::ERROR_INFO if details.info.is_none() => {
                    details.info = pb::ErrorInfo::decode(value).ok();
                }
                proto::RETRY_INFO if details.retry.is_none() => {
                    details.retry = pb::RetryInfo::decode(value)
                        .ok()
                        .and_then(|info| info.retry_delay)
                        .map(|delay| (delay.seconds, delay.nanos));
                }
                proto::BAD_REQUEST if details.violations.is_none() => {
                    details.violations = pb::BadRequest::decode(value)
                        .ok()
                        .map(|request| request.field_violations);
                }
                _ => {}
            }
        }
        details
    }
}

/// The entry whose code is `reason`, as the body writes it.
fn find(entries: &[CatalogEntry], reason: &str) -> Option<CatalogEntry> {
    entries.iter().copied().find(|entry| match entry.code() {
        Code::Str(code) => code == reason,
        Code::Num(n) => reason.parse::<u32>() == Ok(n),
    })
}

/// The code of a reason: a number when it is one (as an enum of numeric codes writes it).
fn reason_code(reason: &str) -> Code<'_> {
    match reason.parse::<u32>() {
        Ok(n) if !reason.starts_with('+') && (reason == "0" || !reason.starts_with('0')) => {
            Code::Num(n)
        }
        _ => Code::Str(reason),
    }
}

/// The parts of a body of the enum's style with this code, message and status: with the
/// entry's member names and constants, else the first entry's names (one enum's, every
/// entry's).
fn parts<'a>(
    entry: Option<CatalogEntry>,
    base: Option<CatalogEntry>,
    status: Status,
    code: Code<'a>,
    message: &'a dyn core::fmt::Display,
) -> Parts<'a> {
    match (entry, base) {
        (Some(entry), _) => entry.parts(status, message),
        (None, Some(base)) => Parts::new(status, code, message)
            .with_names(base.names())
            .with_type_base(base.type_base()),
        (None, None) => Parts::new(status, code, message),
    }
}

/// A metadata value as JSON: a string for a field the entry types as a string, else its text
/// when it is JSON (a number, a bool, an array, ...), else a string.
enum Value<'a> {
    Str(&'a str),
    Raw(&'a RawValue),
}

impl serde::Serialize for Value<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Str(text) => serializer.serialize_str(text),
            Value::Raw(raw) => raw.serialize(serializer),
        }
    }
}

/// The metadata as JSON values, typed by the entry's fields.
fn values<'a>(
    entry: Option<CatalogEntry>,
    metadata: impl Iterator<Item = (&'a str, &'a str)>,
) -> Vec<(&'a str, Value<'a>)> {
    metadata
        .map(|(key, text)| {
            let typed = entry.and_then(|entry| {
                let at = entry.fields().iter().position(|k| *k == key)?;
                entry.field_json_types().nth(at)
            });
            let value = match typed {
                Some(JsonType::Str { .. }) => Value::Str(text),
                _ => match serde_json::from_str::<&RawValue>(text) {
                    Ok(raw) if !text.trim_start().starts_with('"') => Value::Raw(raw),
                    _ => Value::Str(text),
                },
            };
            (key, value)
        })
        .collect()
}

/// The fields of the body, and its problem `instance` (the metadata's `instance`, unless the
/// entry exposes a field of that name).
fn fields<'a>(
    entry: Option<CatalogEntry>,
    values: &'a [(&'a str, Value<'a>)],
) -> (Vec<Field<'a>>, Option<Field<'a>>) {
    let exposed = |key: &str| entry.is_some_and(|entry| entry.fields().contains(&key));
    let mut fields = Vec::with_capacity(values.len());
    let mut instance = None;
    for (key, value) in values {
        if *key == INSTANCE && !exposed(key) {
            instance = Some(Field::new(INSTANCE, value));
        } else {
            fields.push(Field::new(key, value));
        }
    }
    (fields, instance)
}

/// One error of a `BadRequest`: its code, message and fields.
struct Item<'a> {
    entry: Option<CatalogEntry>,
    code: Code<'a>,
    message: &'a str,
    fields: Vec<(&'a str, Value<'a>)>,
}

/// The errors of a `BadRequest`, for a style's `write_errors`.
struct ItemList<'a> {
    base: Option<CatalogEntry>,
    status: Status,
    items: Vec<Item<'a>>,
}

impl List for ItemList<'_> {
    fn len(&self) -> usize {
        self.items.len()
    }

    fn visit(&self, index: usize, visit: &mut dyn FnMut(&Parts<'_>)) {
        let Some(item) = self.items.get(index) else {
            return;
        };
        let (fields, instance) = fields(item.entry, &item.fields);
        let message: &dyn core::fmt::Display = &item.message;
        visit(
            &parts(item.entry, self.base, self.status, item.code, message)
                .with_fields(&fields)
                .with_instance(instance.as_ref()),
        );
    }

    fn code(&self) -> Code<'_> {
        self.items.first().map_or(Code::Num(0), |item| item.code)
    }
}

/// The body of the errors of a `BadRequest` in the style `S`: one error's own body, or the body
/// of several.
fn several<S: Style>(
    entries: &[CatalogEntry],
    base: Option<CatalogEntry>,
    status: Status,
    info: &pb::ErrorInfo,
    violations: &[pb::bad_request::FieldViolation],
) -> Body {
    let pointers: Vec<String> = violations
        .iter()
        .map(|v| path_to_pointer(&v.field))
        .collect();
    let mut list = ItemList {
        base,
        status,
        items: Vec::with_capacity(violations.len()),
    };
    for (index, violation) in violations.iter().enumerate() {
        let reason = if violation.reason.is_empty() {
            info.reason.as_str()
        } else {
            violation.reason.as_str()
        };
        let entry = find(entries, reason);
        let suffix = format!("[{index}]");
        let mut metadata: Vec<(&str, &str)> = info
            .metadata
            .iter()
            .filter_map(|(key, value)| Some((key.strip_suffix(suffix.as_str())?, value.as_str())))
            .collect();
        // The metadata is a map: its order is lost; the body's is the entry's.
        if let Some(entry) = entry {
            let keys = entry.fields();
            metadata.sort_by_key(|(key, _)| keys.iter().position(|k| k == key));
            // A `BadRequest` from elsewhere has no metadata: the path is the field's.
            for (key, path) in [
                ("pointer", pointers[index].as_str()),
                ("parameter", &violation.field),
            ] {
                if keys.contains(&key)
                    && !metadata.iter().any(|(k, _)| *k == key)
                    && !path.is_empty()
                {
                    metadata.push((key, path));
                }
            }
        }
        list.items.push(Item {
            entry,
            code: reason_code(reason),
            message: violation.description.as_str(),
            fields: values(entry, metadata.into_iter()),
        });
    }
    if list.items.len() == 1 {
        let mut body = None;
        list.visit(0, &mut |parts| body = Some(Body::build::<S>(parts)));
        return body.unwrap_or_else(|| Body::from_static("", S::CONTENT_TYPE));
    }
    let shared = list
        .items
        .iter()
        .all(|item| item.code == list.items[0].code);
    let items = Items::new(&list, status, shared);
    Body::build_with::<{ crate::json::STACK_ERRORS }>(S::CONTENT_TYPE, &|out| {
        S::write_errors(&items, out);
    })
}

/// A protobuf field path as a JSON Pointer: `items[2].quantity` is `/items/2/quantity`.
fn path_to_pointer(path: &str) -> String {
    let mut pointer = String::with_capacity(path.len() + 1);
    if path.is_empty() {
        return pointer;
    }
    for segment in path.split('.') {
        let (name, indexes) = segment.split_once('[').unwrap_or((segment, ""));
        pointer.push('/');
        pointer.push_str(&name.replace('~', "~0").replace('/', "~1"));
        for index in indexes.split('[') {
            let index = index.trim_end_matches(']');
            if !index.is_empty() {
                pointer.push('/');
                pointer.push_str(index);
            }
        }
    }
    pointer
}

/// The headers a decoded status has: a `Retry-After` from its `RetryInfo`.
struct RetryHeader<'a>(Option<&'a str>);

impl ResponseHeaders for RetryHeader<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.0.filter(|_| name.eq_ignore_ascii_case("retry-after"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_as_pointers() {
        assert_eq!(path_to_pointer(""), "");
        assert_eq!(path_to_pointer("quantity"), "/quantity");
        assert_eq!(path_to_pointer("items[2].quantity"), "/items/2/quantity");
        assert_eq!(path_to_pointer("a[1][2]"), "/a/1/2");
        for path in ["quantity", "items[2].quantity", "a.b[0]"] {
            assert_eq!(
                super::super::status::pointer_to_path(&path_to_pointer(path)),
                path
            );
        }
    }

    #[test]
    fn reasons_as_codes() {
        assert_eq!(reason_code("3001"), Code::Num(3001));
        assert_eq!(reason_code("0"), Code::Num(0));
        assert_eq!(reason_code("007"), Code::Str("007"));
        assert_eq!(reason_code("+1"), Code::Str("+1"));
        assert_eq!(reason_code("not_found"), Code::Str("not_found"));
    }
}
