//! The catalog as `OpenAPI` 3.1 (feature `openapi`, on with `utoipa` and `schemars`): the
//! components of [`Catalog::to_openapi`], the responses the `utoipa` integration hands to
//! utoipa, and [`responses!`](crate::responses) for the errors of one route.

use crate::json::Field;
use crate::style::{ConstantValue, Items, List, Names};
use crate::{Body, Code, Failure, FailureKind, FromFailure, FromViolation, Parts, Status, Style};
use crate::{Catalog, CatalogEntry, HeaderSource, JsonType, StatusRange, Styled, Violation};
use core::fmt::Write as _;
use error_contract_wire::{Builtin, Role};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

impl Catalog {
    /// The catalog as `OpenAPI` 3.1 components: the object that goes under `components` in an
    /// `OpenAPI` document, with `schemas` and `responses`.
    ///
    /// - `schemas` has one schema per wire style the catalog uses: `ErrorDto`, `ErrorNested`,
    ///   `ErrorFlat`, `ErrorMessage` and `ProblemDetails` (RFC 9457) for the built-in styles,
    ///   the style's path (`::` written `.`) for a custom style, whose schema only says that the
    ///   body is an object. An enum that names the style's own members otherwise or leaves some
    ///   out has a schema of its own, named by them (`ErrorFlat.code-error.message-error_description`,
    ///   `ProblemDetails.no-code.no-status`), so that a name means one shape in every document. The code is an `integer` or a `string` as the catalog's codes are;
    ///   the exposed fields of the catalog's variants are optional properties, typed when their
    ///   Rust type is a plain one (integers, floats, `bool`, strings, and `Option`, `Vec`,
    ///   slices of those; one key exposed with two types, or with another type, stays untyped).
    ///   Each schema is written once, and describes its style only: it is shared by every
    ///   response.
    /// - `responses` has one response per status an entry may be sent with, named by the
    ///   status (`"404"`), and one per class a run-time status takes (`"5XX"`, `OpenAPI`'s range
    ///   key; an entry of a class is also under each status of the class that has a key). Its
    ///   description lists the codes with their messages and descriptions; its `headers` are
    ///   those the variants send (`#[api_error(header = "Retry-After")]` and `headers(...)`, a
    ///   string, described with the codes that send it; a header that every one of them sends as
    ///   a literal, like `Cache-Control: no-store`, has those literals as its `enum` and the
    ///   first as its `example`; a template is quoted in the description); its content, per content type, refers to the style's
    ///   schema (`$ref`) together with the codes this response can carry, as the code property's
    ///   `enum` (`allOf`; `anyOf` over such schemas when a content type has several styles), and
    ///   one example per variant, named by the code: the body itself when it has no run-time
    ///   part, else a body built with example values (a field's
    ///   [`example`](derive@crate::ApiError#example), else from its plain type: `0`, `0.0`, `false`,
    ///   `"string"`, a one-item list; the message with these values in place of its fields)
    ///   when every run-time part has one and the style is a built-in one.
    ///
    /// Refer to a response from an operation as `{"$ref": "#/components/responses/404"}`.
    /// With the `utoipa` feature, `#[utoipa::path(responses(MyError))]` documents the same
    /// responses, and [`utoipa::ErrorSchemas`](crate::utoipa::ErrorSchemas) adds the schemas.
    ///
    /// ```
    /// use error_contract::ApiError;
    /// use serde_json::json;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "flat")]
    /// enum ShopError {
    ///     /// Entity was not found.
    ///     #[api_error(status = 404, code = 3001, message = "entity not found")]
    ///     NotFound,
    ///     /// Too many requests.
    ///     #[api_error(status = 429, code = 4029, message = "too many requests")]
    ///     RateLimited {
    ///         #[api_error(expose, rename = "retryAfter")]
    ///         retry_after: u32,
    ///         #[api_error(header = "Retry-After")]
    ///         header: u32,
    ///     },
    /// }
    ///
    /// assert_eq!(
    ///     ShopError::catalog().to_openapi(),
    ///     json!({
    ///         "schemas": {
    ///             "ErrorFlat": {
    ///                 "description": "An error body in the `flat` style.",
    ///                 "type": "object",
    ///                 "required": ["code", "message"],
    ///                 "properties": {
    ///                     "code": {"description": "The stable error code.", "type": "integer"},
    ///                     "message": {"description": "The public message.", "type": "string"},
    ///                     "retryAfter": {
    ///                         "description": "A field that some errors of this style expose.",
    ///                         "type": "integer"
    ///                     }
    ///                 }
    ///             }
    ///         },
    ///         "responses": {
    ///             "404": {
    ///                 "description": "Not Found\n\n- `3001`: entity not found — Entity was not found.",
    ///                 "content": {
    ///                     "application/json": {
    ///                         "schema": {
    ///                             "allOf": [
    ///                                 {"$ref": "#/components/schemas/ErrorFlat"},
    ///                                 {"properties": {"code": {"enum": [3001]}}}
    ///                             ]
    ///                         },
    ///                         "examples": {
    ///                             "3001": {
    ///                                 "summary": "entity not found",
    ///                                 "description": "Entity was not found.",
    ///                                 "value": {"code": 3001, "message": "entity not found"}
    ///                             }
    ///                         }
    ///                     }
    ///                 }
    ///             },
    ///             "429": {
    ///                 "description": "Too Many Requests\n\n- `4029`: too many requests — Too many requests.",
    ///                 "headers": {
    ///                     "Retry-After": {
    ///                         "description": "Sent with code `4029`.",
    ///                         "schema": {"type": "string"}
    ///                     }
    ///                 },
    ///                 "content": {
    ///                     "application/json": {
    ///                         "schema": {
    ///                             "allOf": [
    ///                                 {"$ref": "#/components/schemas/ErrorFlat"},
    ///                                 {"properties": {"code": {"enum": [4029]}}}
    ///                             ]
    ///                         },
    ///                         "examples": {
    ///                             "4029": {
    ///                                 "summary": "too many requests",
    ///                                 "description": "Too many requests.",
    ///                                 "value": {"code": 4029, "message": "too many requests", "retryAfter": 0}
    ///                             }
    ///                         }
    ///                     }
    ///                 }
    ///             }
    ///         }
    ///     })
    /// );
    /// ```
    #[must_use]
    pub fn to_openapi(&self) -> Value {
        Responses::of(self).to_openapi()
    }
}

/// The responses of one route: the errors it can answer, each under the status it is sent with,
/// alone or, for the errors of an [`Errors`](crate::Errors), several in one body. It renders as
/// [`Catalog::to_openapi`] does ([`Responses::to_openapi`]); with the `utoipa` feature,
/// [`responses!`](crate::responses) hands it to utoipa.
///
/// A route's responses are its handler's errors ([`Responses::of`], or [`Responses::several`]
/// for an `Errors<E>`) and those of the parts that answer before it: the extractors and the
/// layer, each an [`Answers`] ([`Responses::with`]).
///
/// ```
/// use error_contract::openapi::Responses;
/// use error_contract::{ApiError, FailureKind};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum ShopError {
///     #[api_error(status = 422, message = "invalid quantity", validate)]
///     InvalidQuantity,
///     #[api_error(status = 415, message = "send JSON", catch = "unsupported_media_type")]
///     NotJson,
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused {
///         #[api_error(status)]
///         status: u16,
///     },
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
///     Internal {
///         #[api_error(status)]
///         status: u16,
///     },
/// }
///
/// let responses = Responses::several::<ShopError>(&ShopError::catalog().only(&["InvalidQuantity"]))
///     .with(Responses::failures::<ShopError>(&[FailureKind::UnsupportedMediaType]));
/// let components = responses.to_openapi();
/// let statuses: Vec<&String> = components["responses"].as_object().unwrap().keys().collect();
/// assert_eq!(statuses, ["415", "422"]);
/// // A 422 is one error's body, or several in one.
/// assert_eq!(
///     components["responses"]["422"]["content"]["application/json"]["schema"]["anyOf"][1]["allOf"][0],
///     serde_json::json!({ "$ref": "#/components/schemas/ErrorFlatList" })
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Responses {
    answers: Vec<Answer>,
}

/// One error a route can answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Answer {
    /// The status it is sent with; 4 or 5 for a status of that class that is not listed
    /// (`statuses("4XX")`, or a run-time status without `statuses`), documented as `"4XX"` or
    /// `"5XX"`.
    status: u16,
    entry: CatalogEntry,
    /// When it can come among others in one body: that body's style and content type.
    several: Option<(&'static str, &'static str)>,
}

impl Responses {
    /// No response.
    ///
    /// ```
    /// let responses = error_contract::openapi::Responses::new();
    /// assert_eq!(responses.to_openapi(), serde_json::json!({ "schemas": {}, "responses": {} }));
    /// ```
    #[must_use]
    pub fn new() -> Responses {
        Responses::default()
    }

    /// The errors of `catalog`, each alone in its body, under each status it may be sent with
    /// ([`CatalogEntry::statuses`]): what a handler that returns the enum answers.
    ///
    /// ```
    /// use error_contract::ApiError;
    /// use error_contract::openapi::Responses;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum ShopError {
    ///     #[api_error(status = 404, code = 3001)]
    ///     NotFound,
    /// }
    ///
    /// assert_eq!(Responses::of(&ShopError::catalog()).to_openapi(), ShopError::catalog().to_openapi());
    /// ```
    #[must_use]
    pub fn of(catalog: &Catalog) -> Responses {
        Responses {
            answers: catalog
                .iter()
                .flat_map(|entry| {
                    entry.statuses().into_iter().map(move |status| Answer {
                        status: answered(status),
                        entry,
                        several: None,
                    })
                })
                .collect(),
        }
    }

    /// The errors of `catalog` (entries of `E`'s), each alone or several in one body, in `E`'s
    /// style: what a handler that returns an [`Errors<E>`](crate::Errors) answers. A body of
    /// several errors has the status they share, else 400 for client errors of different
    /// statuses, or the server error among them (500 when they are different server errors):
    /// those statuses are documented too.
    ///
    /// ```
    /// use error_contract::ApiError;
    /// use error_contract::openapi::Responses;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "problem", rename_all = "snake_case")]
    /// enum FormError {
    ///     #[api_error(status = 422, message = "name is required")]
    ///     NameRequired,
    ///     #[api_error(status = 409, message = "name is taken")]
    ///     NameTaken,
    /// }
    ///
    /// let components = Responses::several::<FormError>(&FormError::catalog()).to_openapi();
    /// let statuses: Vec<&String> = components["responses"].as_object().unwrap().keys().collect();
    /// // A 409 and a 422 in one body: 400.
    /// assert_eq!(statuses, ["400", "409", "422"]);
    /// assert_eq!(
    ///     components["responses"]["400"]["description"],
    ///     "Bad Request\n\nSeveral errors in one body: `name_required`, `name_taken`."
    /// );
    /// ```
    #[must_use]
    pub fn several<E: Styled>(catalog: &Catalog) -> Responses {
        let style = match <E::Style as Style>::__BUILTIN {
            Some(builtin) => Some(builtin.name()),
            // A custom style: the one of the enum's entries that is not built in.
            None => catalog
                .iter()
                .map(CatalogEntry::style)
                .find(|style| Builtin::from_name(style).is_none()),
        };
        let several = style.map(|style| (style, <E::Style as Style>::CONTENT_TYPE));
        // Several in one body under the declared status (a collection's status is merged from
        // its errors' declared ones); alone under the other statuses an entry may be sent with.
        let answers = catalog.iter().flat_map(|entry| {
            entry.statuses().into_iter().map(move |status| Answer {
                status: answered(status),
                entry,
                several: several.filter(|_| status == StatusRange::Exact(entry.status())),
            })
        });
        Responses::default().with_answers(answers)
    }

    /// The variants of `E` that answer these failures of the framework, each under the status it
    /// answers with ([`FromFailure`] picks them).
    ///
    /// ```
    /// use error_contract::openapi::Responses;
    /// use error_contract::{ApiError, FailureKind};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "flat", rename_all = "snake_case")]
    /// enum ShopError {
    ///     #[api_error(status = 400, message = "invalid parameter", catch = "invalid_path")]
    ///     InvalidParameter,
    ///     #[api_error(status = 400, message = "request refused", catch = "status")]
    ///     Refused {
    ///         #[api_error(status)]
    ///         status: u16,
    ///     },
    ///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
    ///     Internal {
    ///         #[api_error(status)]
    ///         status: u16,
    ///     },
    /// }
    ///
    /// let components = Responses::failures::<ShopError>(&[FailureKind::InvalidPath, FailureKind::Panic])
    ///     .to_openapi();
    /// let statuses: Vec<&String> = components["responses"].as_object().unwrap().keys().collect();
    /// assert_eq!(statuses, ["400", "500"]);
    /// ```
    #[must_use]
    pub fn failures<E: FromFailure>(kinds: &[FailureKind]) -> Responses {
        let catalog = E::catalog();
        let answers = kinds.iter().filter_map(|kind| {
            let error = E::from_failure(&Failure::new(*kind));
            let entry = catalog.get(error.code())?;
            Some(Answer {
                status: error.status().as_u16(),
                entry,
                several: None,
            })
        });
        Responses::default().with_answers(answers)
    }

    /// The variants of `E` that answer broken validation rules ([`FromViolation`] picks them),
    /// several in one body, as a validating extractor answers them.
    ///
    /// ```
    /// use error_contract::ApiError;
    /// use error_contract::openapi::Responses;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "problem", rename_all = "snake_case")]
    /// enum FormError {
    ///     #[api_error(status = 422, message = "out of range", validate = "range")]
    ///     OutOfRange,
    ///     #[api_error(status = 422, message = "invalid value", validate)]
    ///     Invalid,
    ///     #[api_error(status = 404, message = "not found")]
    ///     NotFound,
    /// }
    ///
    /// let components = Responses::violations::<FormError>().to_openapi();
    /// assert_eq!(
    ///     components["responses"]["422"]["description"],
    ///     "Unprocessable Content\n\n- `out_of_range`: out of range\n- `invalid`: invalid value\n\n\
    ///      Several errors in one body: `out_of_range`, `invalid`."
    /// );
    /// ```
    #[must_use]
    pub fn violations<E: FromViolation + Styled>() -> Responses {
        let catalog = E::catalog();
        let several = Responses::several::<E>(&catalog);
        // Every rule a variant names, and one none does (`""`) for the variant that answers
        // the others.
        let answers = E::RULES.iter().chain([&""]).filter_map(|rule| {
            let error = E::from_violation(&Violation::new(rule));
            let entry = catalog.get(error.code())?;
            let answer = several.answers.iter().find(|a| a.entry == entry)?;
            Some(Answer {
                status: error.status().as_u16(),
                ..*answer
            })
        });
        Responses::default().with_answers(answers)
    }

    /// These responses and `other`'s.
    ///
    /// See [`Responses`] for an example.
    #[must_use]
    pub fn with(self, other: Responses) -> Responses {
        self.with_answers(other.answers)
    }

    fn with_answers(mut self, answers: impl IntoIterator<Item = Answer>) -> Responses {
        for answer in answers {
            if !self.answers.contains(&answer) {
                self.answers.push(answer);
            }
        }
        self
    }

    /// The responses as `OpenAPI` 3.1 components, `schemas` and `responses`, as
    /// [`Catalog::to_openapi`] writes them; a status whose errors can come several in one body
    /// has, per content type, the schema of one error's body or (`anyOf`) that of several
    /// (`ErrorFlatList`, `ProblemDetailsList`, ...: the style's body of several errors, whose
    /// code is left out when the errors' codes differ), with the codes of that status, and an
    /// example of two errors named `several`.
    ///
    /// See [`Responses`] for an example.
    #[must_use]
    pub fn to_openapi(&self) -> Value {
        let styles = Styles::of(self.uses());
        json!({
            "schemas": styles.schemas(),
            "responses": self.responses_with(&styles),
        })
    }

    /// The `OpenAPI` response objects, by status.
    #[cfg(feature = "utoipa")]
    pub(crate) fn responses(&self) -> Map<String, Value> {
        self.responses_with(&Styles::of(self.uses()))
    }

    /// Each entry with the style and names of each body it is written in, and whether that body
    /// holds several errors.
    fn uses(&self) -> Vec<Use> {
        let mut uses = Vec::new();
        for answer in &self.answers {
            uses.push(Use::one(answer.entry));
        }
        for answer in &self.answers {
            if let Some((style, _)) = answer.several {
                uses.push(Use {
                    style,
                    entry: answer.entry,
                    list: true,
                });
            }
        }
        uses
    }

    fn responses_with(&self, styles: &Styles) -> Map<String, Value> {
        type Key = (&'static str, &'static str, &'static Names<'static>);
        let mut by_status: BTreeMap<u16, Group> = BTreeMap::new();
        for answer in &self.answers {
            let group = by_status.entry(answer.status).or_default();
            if !group.alone.contains(&answer.entry) {
                group.alone.push(answer.entry);
            }
        }
        // An entry of a class is also under each status of that class that has a key: `OpenAPI`
        // documents a response of that status by its own key, not by the class's.
        for class in [4, 5] {
            let Some(entries) = by_status.get(&class).map(|group| group.alone.clone()) else {
                continue;
            };
            for (_, group) in by_status.range_mut(class * 100..class * 100 + 100) {
                for entry in &entries {
                    if !group.alone.contains(entry) {
                        group.alone.push(*entry);
                    }
                }
                // In the order the errors were given (an enum's: its variants').
                let first = |entry: &CatalogEntry| {
                    self.answers
                        .iter()
                        .position(|answer| answer.entry == *entry)
                };
                group.alone.sort_by_key(first);
            }
        }
        // The bodies of several errors, per style and member names, with the statuses they can
        // have.
        let mut lists: Vec<(Key, Vec<&Answer>)> = Vec::new();
        for answer in &self.answers {
            let Some((style, content_type)) = answer.several else {
                continue;
            };
            let key = (style, content_type, answer.entry.names());
            match lists.iter_mut().find(|(k, _)| *k == key) {
                Some((_, answers)) => answers.push(answer),
                None => lists.push((key, vec![answer])),
            }
        }
        for ((style, content_type, _), answers) in &lists {
            for (status, entries) in list_statuses(answers) {
                let group = by_status.entry(status).or_default();
                for entry in entries {
                    let list = Among {
                        style,
                        content_type,
                        entry,
                    };
                    if !group.several.contains(&list) {
                        group.several.push(list);
                    }
                }
            }
        }
        by_status
            .into_iter()
            .map(|(status, group)| (key(status), response(status, &group, styles)))
            .collect()
    }
}

/// The schemas the responses of these entries refer to, as in [`Catalog::to_openapi`]: each
/// style's schema of one error's body, and those of several errors' bodies whose names
/// `referenced` accepts.
#[cfg(feature = "utoipa")]
pub(crate) fn schemas(
    entries: &[CatalogEntry],
    referenced: &dyn Fn(&str) -> bool,
) -> Map<String, Value> {
    let mut uses: Vec<Use> = entries.iter().map(|entry| Use::one(*entry)).collect();
    for (style, _) in Builtin::ALL {
        for entry in entries {
            let several = Use {
                style,
                entry: *entry,
                list: true,
            };
            if referenced(&several.schema_name()) {
                uses.push(several);
            }
        }
    }
    Styles::of(uses).schemas()
}

/// A part of a route that answers some requests itself, before or instead of its handler: an
/// extractor that rejects a request (`Json`, `Path`, `Query`, `ValidJson`, `GardeJson` of
/// [`axum`](crate::axum) and [`actix`](crate::actix)), the layer that answers a wrong method or
/// a panic (`CatchLayer`, `CatchMiddleware`). Its responses join the route's own errors in the
/// route's documentation: [`responses!`](crate::responses) takes them after `with`.
///
/// | part | failures | documented |
/// | --- | --- | --- |
/// | `Json` | `unsupported_media_type`, `payload_too_large`, `json_syntax`, `json_data` | the variant of the enum that answers each, under the status it answers with (415, 413, 400, 422 by default) |
/// | `ValidJson`, `GardeJson` | as `Json` | and every variant that answers a broken rule (`validate`), several in one body |
/// | `Path` | `invalid_path`, `unknown_route` | a parameter that does not parse; an empty one, which matches no route |
/// | `Query` | `invalid_query` | |
/// | `CatchLayer`, `CatchMiddleware` | `method_not_allowed`, `panic` | |
///
/// ```
/// use error_contract::openapi::Answers;
/// use error_contract::{ApiError, FailureKind};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum ShopError {
///     #[api_error(status = 400, message = "invalid parameter", catch("invalid_path", "invalid_query"))]
///     InvalidParameter,
///     #[api_error(status = 404, message = "no such route", catch = "unknown_route")]
///     NoSuchRoute,
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused {
///         #[api_error(status)]
///         status: u16,
///     },
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
///     Internal {
///         #[api_error(status)]
///         status: u16,
///     },
/// }
///
/// /// A part written by hand: a header that must parse.
/// struct ApiVersion;
///
/// impl Answers for ApiVersion {
///     const FAILURES: &'static [FailureKind] = &[FailureKind::InvalidQuery];
///
///     fn responses() -> error_contract::openapi::Responses {
///         error_contract::openapi::Responses::failures::<ShopError>(Self::FAILURES)
///     }
/// }
///
/// let components = ApiVersion::responses().to_openapi();
/// assert_eq!(
///     components["responses"]["400"]["description"],
///     "Bad Request\n\n- `invalid_parameter`: invalid parameter"
/// );
/// ```
pub trait Answers {
    /// The framework's failures it answers.
    const FAILURES: &'static [FailureKind];

    /// Its responses: the variants of the route's enum that answer [`Answers::FAILURES`]
    /// ([`Responses::failures`]), and those that answer broken rules for a validating extractor
    /// ([`Responses::violations`]).
    fn responses() -> Responses;
}

/// `Answers` for an extractor of a framework: `$name<T, E>` answers these kinds, and with
/// `validating` the broken rules too.
#[cfg(any(feature = "axum", feature = "actix-web"))]
macro_rules! answers {
    ($name:ident: $($kind:ident),+) => {
        impl<T, E: crate::FromFailure> crate::openapi::Answers for $name<T, E> {
            const FAILURES: &'static [crate::FailureKind] = &[$(crate::FailureKind::$kind),+];

            fn responses() -> crate::openapi::Responses {
                crate::openapi::Responses::failures::<E>(Self::FAILURES)
            }
        }
    };
    (validating $name:ident: $($kind:ident),+) => {
        impl<T, E> crate::openapi::Answers for $name<T, E>
        where
            E: crate::FromFailure + crate::FromViolation + crate::Styled,
        {
            const FAILURES: &'static [crate::FailureKind] = &[$(crate::FailureKind::$kind),+];

            fn responses() -> crate::openapi::Responses {
                crate::openapi::Responses::failures::<E>(Self::FAILURES)
                    .with(crate::openapi::Responses::violations::<E>())
            }
        }
    };
    (layer $name:ident) => {
        impl<E: crate::FromFailure> crate::openapi::Answers for $name<E> {
            const FAILURES: &'static [crate::FailureKind] =
                &[crate::FailureKind::MethodNotAllowed, crate::FailureKind::Panic];

            fn responses() -> crate::openapi::Responses {
                crate::openapi::Responses::failures::<E>(Self::FAILURES)
            }
        }
    };
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) use answers;

/// The errors of one status: alone in their bodies, and among several in one body.
#[derive(Default)]
struct Group {
    alone: Vec<CatalogEntry>,
    several: Vec<Among>,
}

/// An error that can be among several in one body of this style and content type.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Among {
    style: &'static str,
    content_type: &'static str,
    entry: CatalogEntry,
}

/// The statuses a body of several of these errors can have (see [`Errors`](crate::Errors)), each
/// with the errors it can hold: a status they share, with those of that status; 400, with every
/// client error, when two client errors differ; a server error's, with it and every client error;
/// 500, with every error, when two server errors differ.
fn list_statuses(answers: &[&Answer]) -> BTreeMap<u16, Vec<CatalogEntry>> {
    let mut statuses: BTreeMap<u16, Vec<CatalogEntry>> = BTreeMap::new();
    let is_server = |status: u16| status >= 500;
    let clients: Vec<CatalogEntry> = answers
        .iter()
        .filter(|a| !is_server(a.status))
        .map(|a| a.entry)
        .collect();
    let mut client_statuses: Vec<u16> = answers
        .iter()
        .map(|a| a.status)
        .filter(|s| !is_server(*s))
        .collect();
    client_statuses.dedup();
    let mut server_statuses: Vec<u16> = answers
        .iter()
        .map(|a| a.status)
        .filter(|s| is_server(*s))
        .collect();
    server_statuses.sort_unstable();
    server_statuses.dedup();
    client_statuses.sort_unstable();
    client_statuses.dedup();
    for answer in answers {
        statuses
            .entry(answer.status)
            .or_default()
            .push(answer.entry);
    }
    if client_statuses.len() > 1 {
        statuses
            .entry(400)
            .or_default()
            .extend(clients.iter().copied());
    }
    for server in &server_statuses {
        statuses
            .entry(*server)
            .or_default()
            .extend(clients.iter().copied());
    }
    if server_statuses.len() > 1 {
        statuses
            .entry(500)
            .or_default()
            .extend(answers.iter().map(|a| a.entry));
    }
    for entries in statuses.values_mut() {
        let mut seen = Vec::new();
        entries.retain(|entry| {
            let new = !seen.contains(entry);
            seen.push(*entry);
            new
        });
    }
    statuses
}

/// The response for one status: a description listing the codes, the headers its errors send,
/// and per content type the schema (the style's, with the codes of this status; or one of
/// several) and the examples.
fn response(status: u16, group: &Group, styles: &Styles) -> Value {
    type StyleCodes = Vec<(Use, Vec<Code<'static>>)>;
    let entries = &group.alone;
    let description = description(status, group);

    // Content types and, per content type, the styles with their codes, in order of first use.
    let mut content: Vec<(&'static str, StyleCodes, Map<String, Value>)> = Vec::new();
    let mut media = |content_type: &'static str| {
        content
            .iter()
            .position(|(ct, _, _)| *ct == content_type)
            .unwrap_or_else(|| {
                content.push((content_type, Vec::new(), Map::new()));
                content.len() - 1
            })
    };
    let mut places = Vec::new();
    for entry in entries {
        places.push((media(entry.content_type()), Use::one(*entry)));
    }
    for list in &group.several {
        let key = Use {
            style: list.style,
            entry: list.entry,
            list: true,
        };
        places.push((media(list.content_type), key));
    }
    for (index, key) in places {
        let (_, used, examples) = &mut content[index];
        match used.iter_mut().find(|(other, _)| other.same_schema(&key)) {
            Some((_, codes)) => codes.push(key.entry.code()),
            None => used.push((key, vec![key.entry.code()])),
        }
        if key.list {
            continue;
        }
        let entry = key.entry;
        if let Some(value) = example_body(entry) {
            let mut example = Map::new();
            example.insert("summary".into(), entry.message().into());
            if !entry.description().is_empty() {
                example.insert("description".into(), entry.description().into());
            }
            example.insert("value".into(), value);
            let name = example_name(examples, &entry);
            examples.insert(name, Value::Object(example));
        }
    }

    let content: Map<String, Value> = content
        .into_iter()
        .map(|(content_type, used, mut examples)| {
            for (key, _) in used.iter().filter(|(key, _)| key.list) {
                several_example(key, status, group, &mut examples);
            }
            let mut schema_of = used.iter().filter_map(|(key, codes)| {
                let style = styles.get(key)?;
                Some(if key.list {
                    style.list_response_schema(codes)
                } else {
                    style.response_schema(codes)
                })
            });
            let schema = if used.len() == 1 {
                schema_of.next().unwrap_or_else(|| json!({}))
            } else {
                json!({ "anyOf": schema_of.collect::<Vec<Value>>() })
            };
            let mut media = Map::new();
            media.insert("schema".into(), schema);
            if !examples.is_empty() {
                media.insert("examples".into(), Value::Object(examples));
            }
            (content_type.to_owned(), Value::Object(media))
        })
        .collect();

    let mut response = Map::new();
    response.insert("description".into(), description.into());
    let mut sending = entries.clone();
    for list in &group.several {
        if !sending.contains(&list.entry) {
            sending.push(list.entry);
        }
    }
    let headers = headers(&sending);
    if !headers.is_empty() {
        response.insert("headers".into(), Value::Object(headers));
    }
    response.insert("content".into(), Value::Object(content));
    Value::Object(response)
}

/// A response's description: the status's reason phrase, a line per code of one error's body
/// (with its message and description), and the codes that can come several in one body.
fn description(status: u16, group: &Group) -> String {
    let mut description = String::from(reason(status));
    for (i, entry) in group.alone.iter().enumerate() {
        description.push_str(if i == 0 { "\n\n" } else { "\n" });
        let _ = write!(description, "- `{}`: {}", entry.code(), entry.message());
        if !entry.description().is_empty() {
            let _ = write!(description, " — {}", entry.description());
        }
    }
    if !group.several.is_empty() {
        let codes: Vec<String> = group
            .several
            .iter()
            .map(|among| format!("`{}`", among.entry.code()))
            .collect();
        let _ = write!(
            description,
            "\n\nSeveral errors in one body: {}.",
            codes.join(", ")
        );
    }
    description
}

/// Adds to `examples` a body of several of the errors of `group` that `key`'s schema writes,
/// named `several` (`several errors` when a code has that name).
fn several_example(key: &Use, status: u16, group: &Group, examples: &mut Map<String, Value>) {
    let entries: Vec<CatalogEntry> = group
        .several
        .iter()
        .filter(|among| {
            key.same_schema(&Use {
                style: among.style,
                entry: among.entry,
                list: true,
            })
        })
        .map(|among| among.entry)
        .collect();
    if let Some(value) = example_errors(key.style, status, &entries) {
        let name = if examples.contains_key("several") {
            "several errors"
        } else {
            "several"
        };
        let example = json!({ "summary": "several errors in one body", "value": value });
        examples.insert(name.to_owned(), example);
    }
}

/// The headers that the errors of one response send, by name as first written (names are
/// case-insensitive), each described with the codes that send it. A header every one of those
/// codes sends as a literal has the literals as its schema's `enum` and the first as its
/// `example`; a template is quoted in the description.
fn headers(entries: &[CatalogEntry]) -> Map<String, Value> {
    struct Sent {
        name: &'static str,
        codes: Vec<Code<'static>>,
        /// The distinct literals, or `None` once a code sends it from a field or a template.
        fixed: Option<Vec<&'static str>>,
        templates: Vec<&'static str>,
    }
    let mut headers: Vec<Sent> = Vec::new();
    for entry in entries {
        for (name, source) in entry.header_sources() {
            let index = headers
                .iter()
                .position(|h| h.name.eq_ignore_ascii_case(name))
                .unwrap_or_else(|| {
                    headers.push(Sent {
                        name,
                        codes: Vec::new(),
                        fixed: Some(Vec::new()),
                        templates: Vec::new(),
                    });
                    headers.len() - 1
                });
            let sent = &mut headers[index];
            sent.codes.push(entry.code());
            match source {
                HeaderSource::Fixed(value) => {
                    if let Some(fixed) = &mut sent.fixed {
                        if !fixed.contains(&value) {
                            fixed.push(value);
                        }
                    }
                }
                HeaderSource::Template(template) => {
                    sent.fixed = None;
                    if !sent.templates.contains(&template) {
                        sent.templates.push(template);
                    }
                }
                HeaderSource::Field => sent.fixed = None,
            }
        }
    }
    headers
        .into_iter()
        .map(|sent| {
            let codes: Vec<String> = sent.codes.iter().map(|code| format!("`{code}`")).collect();
            let mut description = match &codes[..] {
                [one] => format!("Sent with code {one}."),
                _ => format!("Sent with codes {}.", codes.join(", ")),
            };
            for template in &sent.templates {
                let _ = write!(description, " Written from `{template}`.");
            }
            let header = match &sent.fixed {
                Some(values) => json!({
                    "description": description,
                    "schema": { "type": "string", "enum": values },
                    "example": values.first(),
                }),
                None => json!({ "description": description, "schema": { "type": "string" } }),
            };
            (sent.name.to_owned(), header)
        })
        .collect()
}

/// The body of an entry as an example: the static body, or one built with example values for a
/// body with run-time parts (an example message, a value per exposed field: the field's
/// `#[api_error(example = ...)]`, else one from its type) when every part has one and the style
/// is a built-in one.
fn example_body(entry: CatalogEntry) -> Option<Value> {
    if let Some(body) = entry.static_body() {
        return serde_json::from_str(body).ok();
    }
    let style = Builtin::from_name(entry.style())?;
    let body = example_parts(entry, |parts| {
        Body::build_with::<{ crate::json::STACK }>(style.content_type(), &|out| {
            crate::style::write::body(style, parts, out);
        })
    })?;
    serde_json::from_str(&body).ok()
}

/// Hands `visit` the parts of an entry with example values (see [`example_body`]), when every
/// run-time part has one.
fn example_parts<R>(entry: CatalogEntry, visit: impl FnOnce(&Parts<'_>) -> R) -> Option<R> {
    let message = if entry.is_interpolated() {
        entry.example_message()?
    } else {
        entry.message()
    };
    let values: Vec<Value> = entry
        .field_json_types()
        .enumerate()
        .map(|(i, ty)| entry.field_example(i).or_else(|| example(ty)))
        .collect::<Option<_>>()?;
    let fields: Vec<Field<'_>> = entry
        .fields()
        .iter()
        .zip(&values)
        .map(|(key, value)| Field::new(key, value))
        .collect();
    // The problem's `instance` is an exposed field written in its RFC place.
    let (instance, fields): (Vec<Field<'_>>, Vec<Field<'_>>) = fields
        .into_iter()
        .partition(|field| field.key() == "instance" && entry.style() == "problem");
    let parts = entry
        .parts(entry.status(), &message)
        .with_fields(&fields)
        .with_instance(instance.first());
    Some(visit(&parts))
}

/// A body of several errors in a built-in style, as an example of a response of `status`: two
/// of these entries (the first two that have example values), or the first twice.
fn example_errors(style: &str, status: u16, entries: &[CatalogEntry]) -> Option<Value> {
    /// Entries with example values, as the errors of a collection.
    struct Examples(Vec<CatalogEntry>);

    impl List for Examples {
        fn len(&self) -> usize {
            self.0.len()
        }

        fn visit(&self, index: usize, visit: &mut dyn FnMut(&Parts<'_>)) {
            if let Some(entry) = self.0.get(index) {
                let _ = example_parts(*entry, |parts| visit(parts));
            }
        }

        fn code(&self) -> Code<'_> {
            self.0.first().map_or(Code::Num(0), |entry| entry.code())
        }
    }

    let style = Builtin::from_name(style)?;
    let mut chosen: Vec<CatalogEntry> = entries
        .iter()
        .copied()
        .filter(|entry| example_parts(*entry, |_| ()).is_some())
        .take(2)
        .collect();
    let first = *chosen.first()?;
    if chosen.len() == 1 {
        chosen.push(first);
    }
    let shared = chosen.iter().all(|entry| entry.code() == first.code());
    let list = Examples(chosen);
    let status = Status::new(status)?;
    let items = Items::new(&list, status, shared);
    let body = Body::build_with::<{ crate::json::STACK_ERRORS }>(style.content_type(), &|out| {
        crate::style::write::errors(style, &items, out);
    });
    serde_json::from_str(&body).ok()
}

/// The schema of a field of a plain type: its JSON type, an array's with its items' when known.
fn schema(ty: JsonType) -> Option<Value> {
    Some(match ty {
        JsonType::Integer { .. } => json!({ "type": "integer" }),
        JsonType::Number => json!({ "type": "number" }),
        JsonType::Boolean => json!({ "type": "boolean" }),
        JsonType::Str { .. } => json!({ "type": "string" }),
        JsonType::Array(items) => match schema(*items) {
            Some(items) => json!({ "type": "array", "items": items }),
            None => json!({ "type": "array" }),
        },
        JsonType::Unknown => return None,
    })
}

/// An example value of a field of a plain type: `0` (`1` for a `NonZero`), `0.0`, `false`,
/// `"string"`, `"a"` for a `char`, a one-item list. The derive writes the same values into
/// example messages (`FieldType::example_text` in the macro crate), so that a message agrees
/// with the fields beside it.
fn example(ty: JsonType) -> Option<Value> {
    Some(match ty {
        JsonType::Integer { non_zero: false } => json!(0),
        JsonType::Integer { non_zero: true } => json!(1),
        JsonType::Number => json!(0.0),
        JsonType::Boolean => json!(false),
        JsonType::Str { char: false } => json!("string"),
        JsonType::Str { char: true } => json!("a"),
        JsonType::Array(item) => json!([example(*item)?]),
        JsonType::Unknown => return None,
    })
}

/// An example's name: the code. Codes are unique in a catalog (the derive rejects a duplicate,
/// nested enums included); should two entries share one anyway, the second is told apart by its
/// variant's name rather than hidden.
fn example_name(examples: &Map<String, Value>, entry: &CatalogEntry) -> String {
    let code = entry.code().to_string();
    if examples.contains_key(&code) {
        format!("{code}-{}", entry.name())
    } else {
        code
    }
}

/// The reason phrase, or "Client Error" / "Server Error" for an unregistered status or a class
/// (4, 5).
fn reason(status: u16) -> &'static str {
    match status {
        4 => "Client Error",
        5 => "Server Error",
        _ => error_contract_wire::reason::title(status),
    }
}

/// A status as [`Answer`] keeps it: the class of `4XX` and `5XX` as 4 and 5.
fn answered(status: StatusRange) -> u16 {
    match status {
        StatusRange::Exact(status) => status.as_u16(),
        StatusRange::ClientErrors => 4,
        StatusRange::ServerErrors => 5,
    }
}

/// The key of a response: `"404"`, or `"4XX"` for the class 4.
fn key(status: u16) -> String {
    match status {
        4 => "4XX".to_owned(),
        5 => "5XX".to_owned(),
        _ => status.to_string(),
    }
}

/// The name of a style's schema under `components/schemas`, the same in every document: the
/// style's (`ErrorDto`, `ErrorNested`, `ErrorFlat`, `ErrorMessage`, `ProblemDetails`; a custom
/// style's path, `::` written `.`), with `List` for a body of several errors (`ErrorFlatList`;
/// a custom style has one schema), followed by each of its own members that the enum names
/// otherwise (`.code-error`, `.message-error_description`) or leaves out (`.no-code`,
/// `.no-status`). A name with a character a component name may not hold (`^[a-zA-Z0-9._-]+$`)
/// or a dot has it replaced by `_` and a hash of the names appended, so that two sets of names
/// never share a schema.
fn schema_name(style: &str, names: &Names<'_>, list: bool) -> String {
    let Some(builtin) = Builtin::from_name(style) else {
        return custom_schema_name(style);
    };
    let mut name = String::from(match builtin {
        Builtin::Dto => "ErrorDto",
        Builtin::Nested => "ErrorNested",
        Builtin::Flat => "ErrorFlat",
        Builtin::Message => "ErrorMessage",
        Builtin::Problem => "ProblemDetails",
    });
    if list {
        name.push_str("List");
    }
    let own = Names::DEFAULT;
    let renamed = [
        (
            Role::Envelope,
            builtin.envelope_name(names),
            builtin.envelope_name(&own),
        ),
        (
            Role::Code,
            builtin.code_name(names),
            builtin.code_name(&own),
        ),
        (
            Role::Message,
            Some(builtin.message_name(names)),
            Some(builtin.message_name(&own)),
        ),
    ];
    let mut hashed = false;
    for (role, given, own) in renamed {
        match given {
            Some(given) if Some(given) != own => {
                let _ = write!(name, ".{}-", role.name());
                for c in given.chars() {
                    if c.is_ascii_alphanumeric() || matches!(c, '-' | '_') {
                        name.push(c);
                    } else {
                        name.push('_');
                        hashed = true;
                    }
                }
            }
            // Left out: the problem's code.
            None if own.is_some() => {
                let _ = write!(name, ".no-{}", role.name());
            }
            _ => {}
        }
    }
    if names.skip_status && builtin.skips(Role::Status) {
        name.push_str(".no-status");
    }
    if hashed {
        // FNV-1a over the names as given.
        let mut hash: u32 = 0x811c_9dc5;
        for given in [names.envelope, names.code, names.message]
            .into_iter()
            .flatten()
        {
            for byte in given.bytes().chain([0]) {
                hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
            }
        }
        let _ = write!(name, ".{hash:08x}");
    }
    name
}

/// A custom style's schema name: its path, `::` written `.`, other characters `_`.
fn custom_schema_name(style: &str) -> String {
    let name: String = style
        .replace("::", ".")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = name.trim_start_matches('.');
    if name.is_empty() {
        "Error".into()
    } else {
        name.into()
    }
}

/// An entry as one body writes it: in a style (the entry's own, or that of a body of several
/// errors), with the entry's member names.
#[derive(Clone, Copy)]
struct Use {
    style: &'static str,
    entry: CatalogEntry,
    /// Among several errors in one body.
    list: bool,
}

impl Use {
    /// The entry alone in its body, in its own style.
    fn one(entry: CatalogEntry) -> Use {
        Use {
            style: entry.style(),
            entry,
            list: false,
        }
    }

    fn schema_name(&self) -> String {
        schema_name(self.style, self.entry.names(), self.list)
    }

    /// Whether the two are written by one schema.
    fn same_schema(&self, other: &Use) -> bool {
        self.list == other.list
            && self.style == other.style
            && self.schema_name() == other.schema_name()
    }
}

/// The styles a catalog uses, in order of first use.
struct Styles {
    list: Vec<StyleUse>,
}

/// One style and what the catalog's entries of that style put in their bodies.
struct StyleUse {
    style: &'static str,
    /// The names of the style's own members, from the entries' enum.
    names: &'static Names<'static>,
    /// The schema's name under `components/schemas`: the style's, followed by the members it
    /// names otherwise (see [`schema_name`]).
    name: String,
    /// A body of several errors.
    list: bool,
    /// The constant members of every entry of this style, in order of first appearance, with
    /// their JSON type.
    members: Vec<(&'static str, &'static str)>,
    numeric_codes: bool,
    string_codes: bool,
    /// The exposed fields of every entry of this style, in order of first appearance, with
    /// their JSON Schema when every entry that exposes the key gives it the same one.
    fields: Vec<(&'static str, Option<Value>)>,
}

impl Styles {
    fn of(uses: impl IntoIterator<Item = Use>) -> Styles {
        let mut list: Vec<StyleUse> = Vec::new();
        for used in uses {
            let entry = used.entry;
            let name = used.schema_name();
            let index = list.iter().position(|s| s.name == name).unwrap_or_else(|| {
                list.push(StyleUse {
                    style: used.style,
                    names: entry.names(),
                    name,
                    list: used.list,
                    members: Vec::new(),
                    numeric_codes: false,
                    string_codes: false,
                    fields: Vec::new(),
                });
                list.len() - 1
            });
            let style = &mut list[index];
            for member in entry.constants() {
                if !style.members.iter().any(|(name, _)| *name == member.name) {
                    let ty = match member.value {
                        ConstantValue::Str(_) => "string",
                        ConstantValue::Number(_) => "number",
                        ConstantValue::Bool(_) => "boolean",
                    };
                    style.members.push((member.name, ty));
                }
            }
            match entry.code() {
                Code::Num(_) => style.numeric_codes = true,
                Code::Str(_) => style.string_codes = true,
            }
            for (i, (field, ty)) in entry
                .fields()
                .iter()
                .zip(entry.field_json_types())
                .enumerate()
            {
                let schema = schema(ty).or_else(|| entry.field_schema(i));
                match style.fields.iter_mut().find(|(key, _)| key == field) {
                    Some((_, known)) => {
                        if *known != schema {
                            *known = None;
                        }
                    }
                    None => style.fields.push((field, schema)),
                }
            }
        }
        Styles { list }
    }

    fn get(&self, used: &Use) -> Option<&StyleUse> {
        let name = used.schema_name();
        self.list.iter().find(|s| s.name == name)
    }

    /// `components/schemas`: one schema per style.
    fn schemas(&self) -> Map<String, Value> {
        self.list
            .iter()
            .map(|style| (style.name.clone(), style.schema()))
            .collect()
    }
}

impl StyleUse {
    /// The schema of one response's bodies of this style: a reference to the style's schema,
    /// and, where the style writes a code, the codes this response can carry as its `enum`.
    fn response_schema(&self, codes: &[Code<'static>]) -> Value {
        let reference = json!({ "$ref": format!("#/components/schemas/{}", self.name) });
        // No code in the body (`message`, a problem without one), or a body whose shape is not
        // known (custom).
        let Some(style) = Builtin::from_name(self.style) else {
            return reference;
        };
        let Some(code_name) = style.code_name(self.names) else {
            return reference;
        };
        let only = json!({ "properties": { code_name: { "enum": code_values(codes) } } });
        let only = match style.envelope_name(self.names) {
            Some(envelope) if style == Builtin::Dto => {
                json!({ "properties": { envelope: { "type": "array", "items": only } } })
            }
            Some(envelope) => json!({ "properties": { envelope: only } }),
            None => only,
        };
        json!({ "allOf": [reference, only] })
    }

    /// The schema of one response's bodies of several errors of this style: a reference to the
    /// style's schema of several, and the codes this response can carry as the `enum` of the
    /// errors' code and of the code of the whole.
    fn list_response_schema(&self, codes: &[Code<'static>]) -> Value {
        let reference = json!({ "$ref": format!("#/components/schemas/{}", self.name) });
        let Some(style) = Builtin::from_name(self.style) else {
            return reference;
        };
        let Some(code_name) = style.code_name(self.names) else {
            return reference;
        };
        let codes = json!({ "enum": code_values(codes) });
        let items = json!({
            "type": "array",
            "items": { "properties": { code_name: codes } },
        });
        let only = match (style.envelope_name(self.names), style.list_name()) {
            (Some(envelope), None) => json!({ "properties": { envelope: items } }),
            (envelope, list) => {
                let whole = json!({
                    "properties": { code_name: codes, list.unwrap_or("errors"): items },
                });
                match envelope {
                    Some(envelope) => json!({ "properties": { envelope: whole } }),
                    None => whole,
                }
            }
        };
        json!({ "allOf": [reference, only] })
    }

    /// The JSON Schema of the style's bodies (of one error, or of several).
    ///
    /// Its description names the style only: the schema is shared by every response, so an
    /// example body here would show one status's error under every other status.
    fn schema(&self) -> Value {
        let Some(style) = Builtin::from_name(self.style) else {
            return json!({
                "description": format!("An error body in the custom style `{}`.", self.style),
                "type": "object",
            });
        };
        if self.list {
            return self.list_schema(style);
        }
        let description = format!("An error body in the `{}` style.", self.style);
        let names = self.names;
        let (required, schemas) = self.own_members(style, false);
        let object = self.object(&required, schemas, true);
        match style.envelope_name(names) {
            Some(envelope) => {
                let inner = if style == Builtin::Dto {
                    json!({ "type": "array", "items": object })
                } else {
                    object
                };
                json!({
                    "description": description,
                    "type": "object",
                    "required": [envelope],
                    "properties": { envelope: inner },
                })
            }
            None if style == Builtin::Problem => {
                with_description(object, format!("{description} RFC 9457 problem details."))
            }
            None => with_description(object, description),
        }
    }

    /// The JSON Schema of the style's bodies of several errors, as
    /// [`Style::write_errors`](crate::Style::write_errors) writes them: `dto`'s envelope lists
    /// them; the others have the members that describe the whole (the code only when every
    /// error has it) and a list of the errors (`details` in `nested`'s envelope, else `errors`),
    /// each as its own body's object holds it, but a problem's, which is
    /// `{"detail":..,"code":..,<fields>}`.
    fn list_schema(&self, style: Builtin) -> Value {
        let names = self.names;
        let description = format!("A body of several errors in the `{}` style.", self.style);
        let item = if style == Builtin::Problem {
            let mut required = vec![style.message_name(names)];
            let mut schemas = vec![message_schema()];
            if let Some(code) = style.code_name(names) {
                required.push(code);
                schemas.push(self.code_schema());
            }
            self.object(&required, schemas, false)
        } else {
            let (required, schemas) = self.own_members(style, false);
            self.object(&required, schemas, true)
        };
        let errors =
            json!({ "description": "Each error, in order.", "type": "array", "items": item });
        let (whole, list) = match (style.envelope_name(names), style.list_name()) {
            (Some(envelope), None) => {
                return json!({
                    "description": description,
                    "type": "object",
                    "required": [envelope],
                    "properties": { envelope: errors },
                });
            }
            (_, list) => (self.own_members(style, true), list.unwrap_or("errors")),
        };
        let (mut required, schemas) = whole;
        let mut properties: Map<String, Value> = style
            .own_members(names)
            .filter(|(_, role)| !matches!(role, Role::Instance | Role::Envelope))
            .map(|(name, _)| name.to_owned())
            .zip(schemas)
            .collect();
        properties.insert(list.to_owned(), errors);
        required.push(list);
        let whole = json!({ "type": "object", "required": required, "properties": properties });
        match style.envelope_name(names) {
            Some(envelope) => json!({
                "description": description,
                "type": "object",
                "required": [envelope],
                "properties": { envelope: whole },
            }),
            None if style == Builtin::Problem => {
                with_description(whole, format!("{description} RFC 9457 problem details."))
            }
            None => with_description(whole, description),
        }
    }

    /// The members the style writes itself in the object of one error, in body order, with
    /// their schemas; those that are required (all, but the code of a whole of several errors,
    /// which has one only when they share it).
    fn own_members(&self, style: Builtin, whole: bool) -> (Vec<&'static str>, Vec<Value>) {
        let mut required = Vec::new();
        let mut schemas = Vec::new();
        for (name, role) in style.own_members(self.names) {
            let schema = match role {
                Role::Code if whole => json!({
                    "description": "The code every error has; left out when their codes differ.",
                    "type": self.code_type(),
                }),
                Role::Code => self.code_schema(),
                Role::Message => message_schema(),
                Role::Type => json!({
                    "description": "A URI reference that identifies the problem type.",
                    "type": "string",
                    "format": "uri-reference",
                }),
                Role::Title => {
                    json!({ "description": "A short summary of the problem type.", "type": "string" })
                }
                Role::Status => json!({
                    "description": "The HTTP status code.",
                    "type": "integer",
                    "minimum": 400,
                    "maximum": 599,
                }),
                // Written when an error has one: an exposed field, below.
                Role::Instance | Role::Envelope => continue,
            };
            if !(whole && role == Role::Code) {
                required.push(name);
            }
            schemas.push(schema);
        }
        (required, schemas)
    }

    fn code_schema(&self) -> Value {
        json!({ "description": "The stable error code.", "type": self.code_type() })
    }

    /// An object schema with these required members, then (with `constants`) the constant
    /// members, and the exposed fields, as optional ones, typed where their Rust type is a plain
    /// one.
    fn object(&self, required: &[&str], schemas: Vec<Value>, constants: bool) -> Value {
        let mut properties: Map<String, Value> = required
            .iter()
            .map(|key| (*key).to_owned())
            .zip(schemas)
            .collect();
        for (name, ty) in self.members.iter().filter(|_| constants) {
            if !properties.contains_key(*name) {
                let property = json!({
                    "description": "A constant member of some errors of this style.",
                    "type": ty,
                });
                properties.insert((*name).to_owned(), property);
            }
        }
        for (field, schema) in &self.fields {
            if !properties.contains_key(*field) {
                let mut property = Map::new();
                property.insert(
                    "description".into(),
                    "A field that some errors of this style expose.".into(),
                );
                if let Some(Value::Object(schema)) = schema {
                    property.extend(schema.clone());
                }
                properties.insert((*field).to_owned(), Value::Object(property));
            }
        }
        json!({ "type": "object", "required": required, "properties": properties })
    }

    fn code_type(&self) -> Value {
        match (self.numeric_codes, self.string_codes) {
            (true, false) => json!("integer"),
            (false, true) => json!("string"),
            _ => json!(["integer", "string"]),
        }
    }
}

fn message_schema() -> Value {
    json!({ "description": "The public message.", "type": "string" })
}

fn code_values(codes: &[Code<'static>]) -> Vec<Value> {
    codes
        .iter()
        .map(|code| match code {
            Code::Num(n) => json!(n),
            Code::Str(s) => json!(s),
        })
        .collect()
}

fn with_description(mut schema: Value, description: String) -> Value {
    if let Value::Object(map) = &mut schema {
        map.insert("description".into(), description.into());
    }
    schema
}

impl Catalog {
    /// The entries whose variant names are among `names`, in catalog order: the errors one route
    /// can answer. [`responses!`](crate::responses) builds one, with the names checked at compile
    /// time against the enum.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum ShopError {
    ///     #[api_error(status = 404, code = 3001)]
    ///     NotFound,
    ///     #[api_error(status = 409, code = 3009)]
    ///     Conflict,
    ///     #[api_error(status = 429, code = 4029)]
    ///     RateLimited,
    /// }
    ///
    /// let catalog = ShopError::catalog().only(&["RateLimited", "NotFound"]);
    /// let names: Vec<&str> = catalog.iter().map(|e| e.name()).collect();
    /// assert_eq!(names, ["NotFound", "RateLimited"]);
    /// ```
    #[must_use]
    pub fn only(&self, names: &[&str]) -> Catalog {
        Catalog::from_entries(
            self.iter()
                .filter(|entry| names.contains(&entry.name()))
                .collect(),
        )
    }
}

/// Declares a marker type for the responses of one route: some variants of an error enum, each
/// checked at compile time (a name that is not a variant of the enum is rustc's "no variant
/// named ..." on that name), and after `with` the parts of the route that answer requests
/// themselves, each an [`Answers`]: its extractors and the layer.
///
/// The type has `catalog()`, the enum's catalog with those variants only (see
/// [`Catalog::only`]), and `responses()`, the route's [`Responses`]: those variants, and the
/// variants that answer the failures of each part, under the statuses they answer with (a
/// `Path` adds its 400, a `Json` its 415, 413, 400 and 422, the layer its 405 and 500); with
/// `Errors<E>` in place of the enum, the variants can come several in one body. With the
/// `utoipa` feature it implements `utoipa::IntoResponses` with them, for
/// `#[utoipa::path(responses(BookResponses))]`: a `GET /books/{id}` documents what it can
/// answer, not every status of the enum. The enum itself stays the default:
/// `responses(ShopError)` documents all of it. A variant whose type has `transparent` variants
/// names its own entries; name the wrapped enum's variants through a marker of that enum.
///
/// ```
/// use error_contract::ApiError;
/// use error_contract::openapi::Answers;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum ShopError {
///     #[api_error(status = 404, code = 3001, message = "entity not found")]
///     NotFound,
///     #[api_error(status = 409, code = 3009, message = "conflict")]
///     Conflict,
///     #[api_error(status = 429, code = 4029, message = "too many requests")]
///     RateLimited {
///         #[api_error(header = "Retry-After")]
///         retry_after: u32,
///     },
///     #[api_error(status = 400, code = 4000, message = "invalid parameter", catch = "invalid_path")]
///     InvalidParameter,
///     #[api_error(status = 400, code = 4999, message = "request refused", catch = "status")]
///     Refused {
///         #[api_error(status)]
///         status: u16,
///     },
///     #[api_error(status = 500, code = 5000, message = "internal error", catch("panic", "status"))]
///     Internal {
///         #[api_error(status)]
///         status: u16,
///     },
/// }
///
/// /// What an extractor of the id answers: a 400.
/// struct BookId;
///
/// impl Answers for BookId {
///     const FAILURES: &'static [error_contract::FailureKind] =
///         &[error_contract::FailureKind::InvalidPath];
///
///     fn responses() -> error_contract::openapi::Responses {
///         error_contract::openapi::Responses::failures::<ShopError>(Self::FAILURES)
///     }
/// }
///
/// error_contract::responses! {
///     /// The errors `GET /books/{id}` can answer.
///     pub struct BookResponses: ShopError { NotFound, RateLimited } with (BookId)
/// }
///
/// let components = BookResponses::catalog().to_openapi();
/// let statuses: Vec<&String> = components["responses"].as_object().unwrap().keys().collect();
/// assert_eq!(statuses, ["404", "429"]);
/// let components = BookResponses::responses().to_openapi();
/// let statuses: Vec<&String> = components["responses"].as_object().unwrap().keys().collect();
/// assert_eq!(statuses, ["400", "404", "429"]);
/// ```
///
/// With axum, a route that takes a JSON body and validates it, answered by `Errors<ShopError>`:
///
/// ```ignore
/// error_contract::responses! {
///     pub struct CreateOrder: Errors<ShopError> { InvalidQuantity, ProductNotFound }
///         with (Json<NewOrder, ShopError>, CatchLayer<ShopError>)
/// }
/// ```
#[macro_export]
#[cfg_attr(docsrs, doc(cfg(feature = "openapi")))]
macro_rules! responses {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident : Errors < $enum:ty > { $($variant:ident),* $(,)? }
        $(with ( $($part:ty),* $(,)? ))? $(;)?
    ) => {
        $crate::responses! {
            @impl [$(#[$meta])*] [$vis] [$name] [$enum] [$($variant)*] [$($($part),*)?]
            [$crate::openapi::Responses::several::<$enum>]
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident : $enum:ty { $($variant:ident),* $(,)? }
        $(with ( $($part:ty),* $(,)? ))? $(;)?
    ) => {
        $crate::responses! {
            @impl [$(#[$meta])*] [$vis] [$name] [$enum] [$($variant)*] [$($($part),*)?]
            [$crate::openapi::Responses::of]
        }
    };
    (
        @impl [$(#[$meta:meta])*] [$vis:vis] [$name:ident] [$enum:ty] [$($variant:ident)*]
        [$($part:ty),*] [$($own:tt)*]
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        $vis struct $name;

        impl $name {
            /// The catalog of the variants this type names.
            $vis fn catalog() -> $crate::Catalog {
                $crate::Catalog::only(
                    &<$enum as $crate::ApiError>::catalog(),
                    &[$(::core::stringify!($variant)),*],
                )
            }

            /// The route's responses: the variants this type names, and those that answer
            /// the failures of the parts it names after `with`.
            $vis fn responses() -> $crate::openapi::Responses {
                $($own)*(&Self::catalog())
                    $(.with(<$part as $crate::openapi::Answers>::responses()))*
            }
        }

        const _: () = {
            // Each name is a variant of the enum: rustc says "no variant named ..." otherwise.
            type Enum = $enum;
            #[allow(unreachable_patterns, unused_variables)]
            fn variants(error: &Enum) {
                match *error {
                    $(Enum::$variant { .. } => {})*
                    _ => {}
                }
            }
        };

        $crate::__error_contract_utoipa_responses!($name);
    };
}

/// `utoipa::IntoResponses` for a [`responses!`] marker (feature `utoipa`).
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_utoipa_responses {
    ($name:ident) => {
        #[automatically_derived]
        impl $crate::__private::hooks::utoipa::IntoResponses for $name {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::hooks::utoipa::openapi::RefOr<
                    $crate::__private::hooks::utoipa::openapi::response::Response,
                >,
            > {
                $crate::__private::hooks::utoipa_responses_of(&$name::responses())
            }
        }
    };
}

/// Feature `utoipa` is off: nothing.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_utoipa_responses {
    ($name:ident) => {};
}

#[cfg(test)]
mod tests {
    use super::{example, schema};
    use crate::JsonType;
    use serde_json::json;

    const INTEGER: JsonType = JsonType::Integer { non_zero: false };
    const STRING: JsonType = JsonType::Str { char: false };

    #[test]
    fn json_types_have_schemas() {
        for (ty, expected) in [
            (INTEGER, json!({ "type": "integer" })),
            (
                JsonType::Integer { non_zero: true },
                json!({ "type": "integer" }),
            ),
            (JsonType::Number, json!({ "type": "number" })),
            (JsonType::Boolean, json!({ "type": "boolean" })),
            (STRING, json!({ "type": "string" })),
            (JsonType::Str { char: true }, json!({ "type": "string" })),
            (
                JsonType::Array(&STRING),
                json!({ "type": "array", "items": { "type": "string" } }),
            ),
            (
                JsonType::Array(&JsonType::Array(&INTEGER)),
                json!({ "type": "array", "items": { "type": "array", "items": { "type": "integer" } } }),
            ),
            (
                JsonType::Array(&JsonType::Unknown),
                json!({ "type": "array" }),
            ),
        ] {
            assert_eq!(schema(ty), Some(expected), "{ty:?}");
        }
        assert_eq!(schema(JsonType::Unknown), None);
    }

    #[test]
    fn json_types_have_examples() {
        for (ty, expected) in [
            (INTEGER, json!(0)),
            (JsonType::Integer { non_zero: true }, json!(1)),
            (JsonType::Number, json!(0.0)),
            (JsonType::Boolean, json!(false)),
            (STRING, json!("string")),
            (JsonType::Str { char: true }, json!("a")),
            (JsonType::Array(&INTEGER), json!([0])),
            (
                JsonType::Array(&JsonType::Array(&STRING)),
                json!([["string"]]),
            ),
        ] {
            assert_eq!(example(ty), Some(expected), "{ty:?}");
        }
        for ty in [JsonType::Unknown, JsonType::Array(&JsonType::Unknown)] {
            assert_eq!(example(ty), None, "{ty:?}");
        }
    }
}
