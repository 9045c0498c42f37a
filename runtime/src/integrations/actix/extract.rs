//! `Json`, `Path` and `Query`: actix-web's extractors, with the user's enum as their error.

use super::BodyUnread;
use super::response::error_response;
use crate::integrations::caught;
use crate::integrations::extract as read;
use crate::{Fact, Failure, FailureKind, FromFailure, Status};
use ::actix_router::PathDeserializer;
use ::actix_web::body::BoxBody;
use ::actix_web::dev::{Payload, Url};
use ::actix_web::error::PayloadError;
use ::actix_web::http::header::{CONTENT_TYPE, HeaderValue};
use ::actix_web::web::Bytes;
use ::actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, Responder, ResponseError};
use core::fmt;
use core::future::{Future, Ready, ready};
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::borrow::Cow;

/// A JSON request body deserialized into `T`, whose error is a variant of `E`; and, as a
/// response, `T` serialized as JSON (status 200, `Content-Type: application/json`).
///
/// Extracting it:
///
/// 1. the `Content-Type` must be `application/json` or `application/<x>+json`, with any
///    parameters, in any case: else [`FailureKind::UnsupportedMediaType`], with the fact
///    `content_type` when the request sent one;
/// 2. the body is read within the limit of actix-web's `web::PayloadConfig` (256 KiB unless
///    set with `.app_data(web::PayloadConfig::new(limit))`): over it (by its `Content-Length`,
///    or as it arrives), [`FailureKind::PayloadTooLarge`]; a body that ends early is
///    [`FailureKind::JsonSyntax`]; a `Content-Type` that the config's `mimetype` refuses is
///    [`FailureKind::UnsupportedMediaType`];
/// 3. the body must be JSON ([`FailureKind::JsonSyntax`], also for bytes that are not UTF-8 and
///    nesting too deep) of `T`'s shape ([`FailureKind::JsonData`], with the fact `pointer`,
///    the JSON Pointer of the member at fault: `/quantity`, `/items/2/id`, `""` for the whole
///    body).
///
/// Each failure becomes the variant of `E` that [`FromFailure`] picks; serde's and actix-web's own
/// text is logged at debug level (feature `tracing`), never sent. actix-web's own
/// `web::JsonConfig` does not apply.
///
/// ```
/// use actix_web::http::StatusCode;
/// use actix_web::{App, test, web};
/// use error_contract::ApiError;
/// use error_contract::actix::Json;
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum ApiFailure {
///     #[api_error(status = 400, message = "invalid body", catch("json_syntax", "json_data"))]
///     InvalidBody {
///         #[api_error(expose, fact = "pointer")]
///         pointer: Option<String>,
///     },
///     #[api_error(status = 415, message = "send JSON", catch = "unsupported_media_type")]
///     NotJson,
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused { #[api_error(status)] status: u16 },
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
///     Internal { #[api_error(status)] status: u16 },
/// }
///
/// #[derive(Deserialize, Serialize)]
/// struct Order {
///     product: u64,
///     quantity: i64,
/// }
///
/// async fn place(order: Json<Order, ApiFailure>) -> (Json<Order, ApiFailure>, StatusCode) {
///     (order, StatusCode::CREATED)
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(App::new().route("/orders", web::post().to(place))).await;
/// let request = |body: &'static str| {
///     test::TestRequest::post()
///         .uri("/orders")
///         .insert_header(("content-type", "application/json"))
///         .set_payload(body)
///         .to_request()
/// };
///
/// let response = test::call_service(&app, request(r#"{"product":1,"quantity":"two"}"#)).await;
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// let body = test::read_body(response).await;
/// assert_eq!(body, r#"{"code":"invalid_body","message":"invalid body","pointer":"/quantity"}"#);
///
/// let response = test::call_service(&app, request(r#"{"product":1,"quantity":2}"#)).await;
/// assert_eq!(response.status(), StatusCode::CREATED);
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
/// let body = test::read_body(response).await;
/// assert_eq!(body, r#"{"product":1,"quantity":2}"#);
/// # });
/// ```
pub struct Json<T, E: FromFailure> {
    value: T,
    error: PhantomData<fn() -> E>,
}

read::extractor!("actix", Json);
#[cfg(feature = "openapi")]
crate::openapi::answers!(Json: UnsupportedMediaType, PayloadTooLarge, JsonSyntax, JsonData);

impl<T, E> FromRequest for Json<T, E>
where
    T: DeserializeOwned,
    E: FromFailure + ResponseError + 'static,
{
    type Error = E;
    type Future = JsonFuture<T, E>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> JsonFuture<T, E> {
        let content_type = req.headers().get(CONTENT_TYPE);
        let state = match content_type {
            Some(value) if read::is_json(value.as_bytes()) => JsonState::Reading {
                body: Bytes::from_request(req, payload),
                request: req.clone(),
            },
            _ => {
                req.extensions_mut().insert(BodyUnread);
                let sent = content_type.map(sent_type);
                let failure = Failure::new(FailureKind::UnsupportedMediaType)
                    .with_opt(Fact::ContentType, sent.as_deref());
                JsonState::Rejected {
                    error: Some(caught(&failure)),
                }
            }
        };
        JsonFuture {
            state,
            value: PhantomData,
        }
    }
}

/// The `Content-Type` a request sent, for the fact `content_type`: a value that is not visible
/// ASCII still names what was sent.
fn sent_type(value: &HeaderValue) -> Cow<'_, str> {
    String::from_utf8_lossy(value.as_bytes())
}

pin_project_lite::pin_project! {
    /// The future of [`Json`]'s extraction: reads the body within the `PayloadConfig` limit,
    /// then deserializes it.
    ///
    /// It is what `Json::<T, E>::from_request` returns; handlers never name it.
    ///
    /// ```
    /// use actix_web::{FromRequest, test};
    /// use error_contract::ApiError;
    /// use error_contract::actix::{Json, JsonFuture};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "flat", rename_all = "snake_case")]
    /// enum ApiFailure {
    ///     #[api_error(status = 415, message = "send JSON", catch = "unsupported_media_type")]
    ///     NotJson,
    ///     #[api_error(status = 400, message = "invalid request", catch("json_syntax", "json_data"))]
    ///     Invalid,
    ///     #[api_error(status = 400, message = "request refused", catch = "status")]
    ///     Refused { #[api_error(status)] status: u16 },
    ///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
    ///     Internal { #[api_error(status)] status: u16 },
    /// }
    ///
    /// # actix_web::rt::System::new().block_on(async {
    /// let (request, mut payload) = test::TestRequest::post().set_payload("[1, 2]").to_http_parts();
    /// let future: JsonFuture<Vec<u8>, ApiFailure> = Json::from_request(&request, &mut payload);
    /// assert_eq!(future.await.unwrap_err().code(), "not_json");
    /// # });
    /// ```
    #[must_use = "futures do nothing unless polled"]
    pub struct JsonFuture<T, E> {
        #[pin]
        state: JsonState<E>,
        value: PhantomData<fn() -> T>,
    }
}

pin_project_lite::pin_project! {
    #[project = JsonStateProj]
    enum JsonState<E> {
        Reading {
            #[pin]
            body: <Bytes as FromRequest>::Future,
            // To mark a body left unread (an `Rc` clone).
            request: HttpRequest,
        },
        Rejected { error: Option<E> },
    }
}

impl<T, E> fmt::Debug for JsonFuture<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonFuture").finish_non_exhaustive()
    }
}

impl<T, E> Future for JsonFuture<T, E>
where
    T: DeserializeOwned,
    E: FromFailure,
{
    type Output = Result<Json<T, E>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project().state.project() {
            JsonStateProj::Rejected { error } => Poll::Ready(Err(error
                .take()
                .expect("`JsonFuture` polled after it completed"))),
            JsonStateProj::Reading { body, request } => {
                Poll::Ready(match core::task::ready!(body.poll(cx)) {
                    Ok(bytes) => read::json(&bytes)
                        .map(Json::new)
                        .map_err(|error| caught(&error.failure())),
                    Err(error) => {
                        // Not read to its end either way: over the limit; ended before its
                        // length (the client went away, or sent less than it announced: not a
                        // JSON document); or refused by a `PayloadConfig::mimetype`.
                        request.extensions_mut().insert(BodyUnread);
                        let sent = request.headers().get(CONTENT_TYPE).map(sent_type);
                        let failure = match error.as_error::<PayloadError>() {
                            Some(PayloadError::Overflow) => {
                                Failure::new(FailureKind::PayloadTooLarge)
                            }
                            Some(_) => Failure::new(FailureKind::JsonSyntax),
                            None => Failure::new(FailureKind::UnsupportedMediaType)
                                .with_opt(Fact::ContentType, sent.as_deref()),
                        };
                        Err(caught(&failure.with_cause(&error)))
                    }
                })
            }
        }
    }
}

/// `T` as a JSON response: status 200 (pair it with a `StatusCode` for another),
/// `Content-Type: application/json`. A `T` whose `Serialize` fails answers with the variant of `E`
/// that catches a 500 (the serializer's text is logged, never sent).
///
/// ```
/// use actix_web::{Responder, test};
/// use error_contract::ApiError;
/// use error_contract::actix::Json;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum ApiFailure {
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused { #[api_error(status)] status: u16 },
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
///     Internal { #[api_error(status)] status: u16 },
/// }
///
/// let request = test::TestRequest::default().to_http_request();
/// let response = Json::<_, ApiFailure>::new([1, 2, 3]).respond_to(&request);
/// assert_eq!(response.status().as_u16(), 200);
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
/// ```
impl<T, E> Responder for Json<T, E>
where
    T: Serialize,
    E: FromFailure + std::error::Error,
{
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse<BoxBody> {
        match serde_json::to_vec(&self.value) {
            Ok(body) => {
                let mut response = HttpResponse::Ok().body(body);
                response
                    .headers_mut()
                    .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                response
            }
            Err(error) => {
                let failure =
                    Failure::from_status(Status::INTERNAL_SERVER_ERROR).with_cause(&error);
                error_response(&caught::<E>(&failure))
            }
        }
    }
}

/// The path parameters of the route deserialized into `T` (one value, a tuple, or a struct
/// whose fields are named as the route's `{parameters}`), whose error is a variant of `E`.
///
/// A parameter that does not parse into its type is [`FailureKind::InvalidPath`] (400, where
/// actix-web's own `web::Path` answers 404), with the fact `parameter`: the parameter's name
/// in the route (`id` for `/products/{id}`), also for a single value or a tuple. Its error is
/// the variant of `E` that [`FromFailure`] picks; actix-web's text (`can not parse "abc" to a u64`) is
/// logged at debug level (feature `tracing`), never sent.
///
/// ```
/// use actix_web::http::StatusCode;
/// use actix_web::{App, test, web};
/// use error_contract::ApiError;
/// use error_contract::actix::Path;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum ApiFailure {
///     #[api_error(status = 400, message = "invalid parameter", catch = "invalid_path")]
///     InvalidParameter {
///         #[api_error(expose, fact = "parameter")]
///         parameter: String,
///     },
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused { #[api_error(status)] status: u16 },
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
///     Internal { #[api_error(status)] status: u16 },
/// }
///
/// async fn product(id: Path<u64, ApiFailure>) -> String {
///     format!("product {}", *id)
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(App::new().route("/products/{id}", web::get().to(product))).await;
///
/// let request = test::TestRequest::get().uri("/products/abc").to_request();
/// let response = test::call_service(&app, request).await;
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// let body = test::read_body(response).await;
/// assert_eq!(body, r#"{"code":"invalid_parameter","message":"invalid parameter","parameter":"id"}"#);
///
/// let request = test::TestRequest::get().uri("/products/7").to_request();
/// assert_eq!(test::call_and_read_body(&app, request).await, "product 7");
/// # });
/// ```
pub struct Path<T, E: FromFailure> {
    value: T,
    error: PhantomData<fn() -> E>,
}

read::extractor!("actix", Path);
#[cfg(feature = "openapi")]
crate::openapi::answers!(Path: InvalidPath, UnknownRoute);

impl<T, E> FromRequest for Path<T, E>
where
    T: DeserializeOwned,
    E: FromFailure + ResponseError + 'static,
{
    type Error = E;
    type Future = Ready<Result<Path<T, E>, E>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(path(req.match_info()).map(Path::new).map_err(|error| {
            caught(
                &Failure::new(FailureKind::InvalidPath)
                    .with_opt(Fact::Parameter, error.parameter.as_deref())
                    .with_cause(&error.error),
            )
        }))
    }
}

/// Why the path parameters did not deserialize.
struct PathError<'a> {
    parameter: Option<Cow<'a, str>>,
    error: serde::de::value::Error,
}

/// Deserializes the path parameters, keeping the name of the one at fault.
fn path<T: DeserializeOwned>(params: &::actix_router::Path<Url>) -> Result<T, PathError<'_>> {
    use serde_path_to_error::Segment;
    serde_path_to_error::deserialize(PathDeserializer::new(params)).map_err(|error| {
        let name = |index: usize| {
            params
                .iter()
                .nth(index)
                .map(|(name, _)| Cow::Borrowed(name))
        };
        let parameter = match error.path().iter().next_back() {
            Some(Segment::Map { key }) => Some(Cow::Owned(key.clone())),
            // A tuple: the parameter at that position.
            Some(Segment::Seq { index }) => name(*index),
            // A single value: the route's one parameter; a struct field the route lacks: its
            // name, from serde's "missing field".
            _ => read::named_field(&error.inner().to_string())
                .map(|field| Cow::Owned(field.to_owned()))
                .or_else(|| (params.segment_count() == 1).then(|| name(0)).flatten()),
        };
        PathError {
            parameter,
            error: error.into_inner(),
        }
    })
}

/// The query string deserialized into `T` (usually a struct with a field per parameter),
/// whose error is a variant of `E`.
///
/// A query that does not parse is [`FailureKind::InvalidQuery`], with the fact `parameter`
/// naming the parameter at fault (a value that does not parse, or a required parameter that is
/// missing). Its error is the variant of `E` that [`FromFailure`] picks; serde's text is logged at
/// debug level (feature `tracing`), never sent.
///
/// ```
/// use actix_web::http::StatusCode;
/// use actix_web::{App, test, web};
/// use error_contract::ApiError;
/// use error_contract::actix::Query;
/// use serde::Deserialize;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum ApiFailure {
///     #[api_error(status = 400, message = "invalid parameter", catch = "invalid_query")]
///     InvalidParameter {
///         #[api_error(expose, fact = "parameter")]
///         parameter: Option<String>,
///     },
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused { #[api_error(status)] status: u16 },
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
///     Internal { #[api_error(status)] status: u16 },
/// }
///
/// #[derive(Deserialize)]
/// struct Page {
///     limit: Option<u32>,
/// }
///
/// async fn products(page: Query<Page, ApiFailure>) -> String {
///     format!("{} products", page.limit.unwrap_or(10))
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(App::new().route("/products", web::get().to(products))).await;
///
/// let request = test::TestRequest::get().uri("/products?limit=ten").to_request();
/// let response = test::call_service(&app, request).await;
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// let body = test::read_body(response).await;
/// assert_eq!(body, r#"{"code":"invalid_parameter","message":"invalid parameter","parameter":"limit"}"#);
///
/// let request = test::TestRequest::get().uri("/products?limit=3").to_request();
/// assert_eq!(test::call_and_read_body(&app, request).await, "3 products");
/// # });
/// ```
pub struct Query<T, E: FromFailure> {
    value: T,
    error: PhantomData<fn() -> E>,
}

read::extractor!("actix", Query);
#[cfg(feature = "openapi")]
crate::openapi::answers!(Query: InvalidQuery);

impl<T, E> FromRequest for Query<T, E>
where
    T: DeserializeOwned,
    E: FromFailure + ResponseError + 'static,
{
    type Error = E;
    type Future = Ready<Result<Query<T, E>, E>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            read::query(req.query_string())
                .map(Query::new)
                .map_err(|error| caught(&error.failure())),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::actix_web::dev::ResourceDef;
    use serde::Deserialize;

    fn parameter<T: DeserializeOwned>(pattern: &str, path: &str) -> Option<String> {
        let mut params = ::actix_router::Path::new(Url::new(path.parse().unwrap()));
        assert!(ResourceDef::new(pattern).capture_match_info(&mut params));
        let error = super::path::<T>(&params).err().expect("the path parses");
        error.parameter.map(Cow::into_owned)
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code, reason = "only deserialized")]
    struct Ids {
        shop: u32,
        id: u64,
    }

    #[test]
    fn the_parameter_at_fault() {
        assert_eq!(
            parameter::<u64>("/products/{id}", "/products/abc").as_deref(),
            Some("id")
        );
        assert_eq!(
            parameter::<(u32, u64)>("/shops/{shop}/products/{id}", "/shops/1/products/x")
                .as_deref(),
            Some("id")
        );
        assert_eq!(
            parameter::<(u32, u64)>("/shops/{shop}/products/{id}", "/shops/x/products/1")
                .as_deref(),
            Some("shop")
        );
        assert_eq!(
            parameter::<Ids>("/shops/{shop}/products/{id}", "/shops/1/products/-1").as_deref(),
            Some("id")
        );
        assert_eq!(
            parameter::<Ids>("/shops/{shop}", "/shops/1").as_deref(),
            Some("id")
        );
        // Two parameters for one value: no single one is at fault.
        assert_eq!(
            parameter::<u64>("/shops/{shop}/products/{id}", "/shops/1/products/2"),
            None
        );
    }
}

/// The future of [`ValidJson`]'s and [`GardeJson`]'s extraction: [`JsonFuture`], then the
/// validation (boxed: one allocation per request).
#[cfg(any(feature = "validator", feature = "garde"))]
type ValidFuture<W, E> = Pin<Box<dyn Future<Output = Result<W, crate::Errors<E>>>>>;

/// A JSON request body deserialized into `T` and validated with `validator` (feature
/// `validator`): as [`Json`], and then every rule `T` breaks, at once, as an
/// [`Errors<E>`](crate::Errors), each the variant of `E` that names its rule with `validate`
/// (see [`crate::validator`]). A body that is not JSON of `T`'s shape is answered as by
/// [`Json`], as a collection of one (whose body is that one error's).
///
/// ```
/// use actix_web::http::StatusCode;
/// use actix_web::{App, test, web};
/// use error_contract::ApiError;
/// use error_contract::actix::ValidJson;
/// use serde::Deserialize;
/// use validator::Validate;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "dto")]
/// enum ApiFailure {
///     #[api_error(status = 400, code = 5000, message = "validation error", validate)]
///     Validation {
///         #[api_error(expose, rename = "subject", fact = "parameter")]
///         parameter: Option<String>,
///     },
///     #[api_error(status = 400, code = 9002, message = "invalid body", catch("json_syntax", "json_data"))]
///     InvalidBody,
///     #[api_error(status = 400, code = 9000, message = "request refused", catch = "status")]
///     Refused { #[api_error(status)] status: u16 },
///     #[api_error(status = 500, code = 9001, message = "internal error", catch("panic", "status"))]
///     Internal { #[api_error(status)] status: u16 },
/// }
///
/// #[derive(Deserialize, Validate)]
/// struct Order {
///     #[validate(range(min = 1))]
///     product: u64,
///     #[validate(range(min = 1, max = 99))]
///     quantity: i64,
/// }
///
/// async fn place(order: ValidJson<Order, ApiFailure>) -> String {
///     format!("{} of {}", order.quantity, order.product)
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(App::new().route("/orders", web::post().to(place))).await;
/// let request = test::TestRequest::post()
///     .uri("/orders")
///     .insert_header(("content-type", "application/json"))
///     .set_payload(r#"{"product":0,"quantity":100}"#)
///     .to_request();
/// let response = test::call_service(&app, request).await;
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// assert_eq!(
///     test::read_body(response).await,
///     r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"product"},{"errorCode":5000,"message":"validation error","subject":"quantity"}]}"#
/// );
/// # });
/// ```
#[cfg(feature = "validator")]
#[cfg_attr(docsrs, doc(cfg(feature = "validator")))]
pub struct ValidJson<T, E: FromFailure> {
    value: T,
    error: PhantomData<fn() -> E>,
}

#[cfg(feature = "validator")]
read::extractor!("actix", ValidJson);
#[cfg(all(feature = "validator", feature = "openapi"))]
crate::openapi::answers!(validating ValidJson: UnsupportedMediaType, PayloadTooLarge, JsonSyntax, JsonData);

#[cfg(feature = "validator")]
impl<T, E> FromRequest for ValidJson<T, E>
where
    T: DeserializeOwned + ::validator::Validate + 'static,
    E: FromFailure + crate::FromViolation + crate::Styled + std::error::Error + 'static,
{
    type Error = crate::Errors<E>;
    type Future = ValidFuture<ValidJson<T, E>, E>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = Json::<T, crate::Errors<E>>::from_request(req, payload);
        Box::pin(async move {
            let value = json.await?.into_inner();
            crate::validator::validate(&value)?;
            Ok(ValidJson::new(value))
        })
    }
}

/// A JSON request body deserialized into `T` and validated with `garde` (feature `garde`), with
/// the context `T::Context::default()`: as [`Json`], and then every rule `T` breaks, at once, as
/// an [`Errors<E>`](crate::Errors), each the variant of `E` that names its rule with `validate`
/// (see [`crate::garde`]). A body that is not JSON of `T`'s shape is answered as by [`Json`], as
/// a collection of one (whose body is that one error's).
///
/// ```
/// use actix_web::http::StatusCode;
/// use actix_web::{App, test, web};
/// use error_contract::ApiError;
/// use error_contract::actix::GardeJson;
/// use serde::Deserialize;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat", rename_all = "snake_case")]
/// enum ApiFailure {
///     #[api_error(status = 422, message = "too short", validate = "length")]
///     TooShort {
///         #[api_error(expose, rename = "field", fact = "pointer")]
///         pointer: String,
///     },
///     #[api_error(status = 422, message = "invalid", validate)]
///     Invalid,
///     #[api_error(status = 400, message = "invalid body", catch("json_syntax", "json_data"))]
///     InvalidBody,
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused { #[api_error(status)] status: u16 },
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
///     Internal { #[api_error(status)] status: u16 },
/// }
///
/// #[derive(Deserialize, garde::Validate)]
/// struct Post {
///     #[garde(length(min = 1))]
///     title: String,
///     #[garde(length(min = 1))]
///     body: String,
/// }
///
/// async fn publish(post: GardeJson<Post, ApiFailure>) -> String {
///     post.into_inner().title
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(App::new().route("/posts", web::post().to(publish))).await;
/// let request = test::TestRequest::post()
///     .uri("/posts")
///     .insert_header(("content-type", "application/json"))
///     .set_payload(r#"{"title":"","body":""}"#)
///     .to_request();
/// let response = test::call_service(&app, request).await;
/// assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
/// assert_eq!(
///     test::read_body(response).await,
///     r#"{"code":"too_short","message":"too short","errors":[{"code":"too_short","message":"too short","field":"/body"},{"code":"too_short","message":"too short","field":"/title"}]}"#
/// );
/// # });
/// ```
#[cfg(feature = "garde")]
#[cfg_attr(docsrs, doc(cfg(feature = "garde")))]
pub struct GardeJson<T, E: FromFailure> {
    value: T,
    error: PhantomData<fn() -> E>,
}

#[cfg(feature = "garde")]
read::extractor!("actix", GardeJson);
#[cfg(all(feature = "garde", feature = "openapi"))]
crate::openapi::answers!(validating GardeJson: UnsupportedMediaType, PayloadTooLarge, JsonSyntax, JsonData);

#[cfg(feature = "garde")]
impl<T, E> FromRequest for GardeJson<T, E>
where
    T: DeserializeOwned + ::garde::Validate + 'static,
    T::Context: Default,
    E: FromFailure + crate::FromViolation + crate::Styled + std::error::Error + 'static,
{
    type Error = crate::Errors<E>;
    type Future = ValidFuture<GardeJson<T, E>, E>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = Json::<T, crate::Errors<E>>::from_request(req, payload);
        Box::pin(async move {
            let value = json.await?.into_inner();
            crate::garde::validate(&value, &T::Context::default())?;
            Ok(GardeJson::new(value))
        })
    }
}
