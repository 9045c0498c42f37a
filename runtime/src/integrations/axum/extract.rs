//! `Json`, `Path` and `Query`: axum's extractors, with the user's enum as their rejection.

use crate::integrations::caught;
use crate::integrations::extract as read;
#[cfg(any(feature = "validator", feature = "garde"))]
use crate::{Errors, FromViolation, Styled};
use crate::{Fact, Failure, FailureKind, FromFailure, Status};
use ::axum::extract::RawPathParams;
use ::axum::extract::path::ErrorKind;
use ::axum::extract::rejection::{BytesRejection, FailedToBufferBody, PathRejection};
use ::axum_core::extract::{FromRequest, FromRequestParts, Request};
use ::axum_core::response::{IntoResponse, Response};
use ::bytes::{BufMut, Bytes, BytesMut};
use ::http::header::{CONTENT_TYPE, HeaderValue};
use ::http::request::Parts;
use core::marker::PhantomData;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A JSON request body deserialized into `T`, whose rejection is a variant of `E`; and, as a
/// response, `T` serialized as JSON (status 200, `Content-Type: application/json`).
///
/// Extracting it:
///
/// 1. the `Content-Type` must be `application/json` or `application/<x>+json`, with any
///    parameters, in any case: else [`FailureKind::UnsupportedMediaType`], with the fact
///    `content_type` when the request sent one;
/// 2. the body is read within axum's limit (`DefaultBodyLimit`, 2 MB unless set): over it,
///    [`FailureKind::PayloadTooLarge`];
/// 3. the body must be JSON ([`FailureKind::JsonSyntax`], also for bytes that are not UTF-8 and
///    nesting too deep) of `T`'s shape ([`FailureKind::JsonData`], with the fact `pointer`,
///    the JSON Pointer of the member at fault: `/quantity`, `/items/2/id`, `""` for the whole
///    body).
///
/// Each failure becomes the variant of `E` that [`FromFailure`] picks; serde's own text is logged at
/// debug level (feature `tracing`), never sent.
///
/// ```
/// use axum::Router;
/// use axum::body::Body;
/// use axum::http::{Request, StatusCode};
/// use axum::routing::post;
/// use error_contract::ApiError;
/// use error_contract::axum::Json;
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
/// async fn place(order: Json<Order, ApiFailure>) -> (StatusCode, Json<Order, ApiFailure>) {
///     (StatusCode::CREATED, order)
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let mut app = Router::new().route("/orders", post(place));
/// let request = |body: &'static str| {
///     Request::post("/orders")
///         .header("content-type", "application/json")
///         .body(Body::from(body))
///         .unwrap()
/// };
/// let mut call = |request| tower_service::Service::<Request<Body>>::call(&mut app, request);
///
/// let response = call(request(r#"{"product":1,"quantity":"two"}"#)).await.unwrap();
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
/// assert_eq!(body, r#"{"code":"invalid_body","message":"invalid body","pointer":"/quantity"}"#);
///
/// let response = call(request(r#"{"product":1,"quantity":2}"#)).await.unwrap();
/// assert_eq!(response.status(), StatusCode::CREATED);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
/// assert_eq!(body, r#"{"product":1,"quantity":2}"#);
/// # });
/// ```
pub struct Json<T, E: FromFailure> {
    value: T,
    error: PhantomData<fn() -> E>,
}

read::extractor!("axum", Json);
#[cfg(feature = "openapi")]
crate::openapi::answers!(Json: UnsupportedMediaType, PayloadTooLarge, JsonSyntax, JsonData);

impl<T, E, S> FromRequest<S> for Json<T, E>
where
    T: DeserializeOwned,
    E: FromFailure + IntoResponse,
    S: Send + Sync,
{
    type Rejection = E;

    async fn from_request(request: Request, state: &S) -> Result<Json<T, E>, E> {
        if let Some(failure) = media_type_failure(request.headers().get(CONTENT_TYPE)) {
            return Err(caught(&failure));
        }
        let bytes = match Bytes::from_request(request, state).await {
            Ok(bytes) => bytes,
            Err(rejection) => return Err(caught(&body_failure(&rejection))),
        };
        match read::json::<T>(&bytes) {
            Ok(value) => Ok(Json::new(value)),
            Err(error) => Err(caught(&error.failure())),
        }
    }
}

/// `None` when `content_type` announces JSON, else the `unsupported_media_type` failure.
fn media_type_failure(content_type: Option<&HeaderValue>) -> Option<Failure<'_>> {
    match content_type {
        Some(value) if read::is_json(value.as_bytes()) => None,
        _ => Some(Failure::new(FailureKind::UnsupportedMediaType).with_opt(
            Fact::ContentType,
            content_type.and_then(|v| v.to_str().ok()),
        )),
    }
}

/// The failure of reading the body: over the limit, or the connection's own error.
fn body_failure(rejection: &BytesRejection) -> Failure<'_> {
    let failure = match rejection {
        BytesRejection::FailedToBufferBody(FailedToBufferBody::LengthLimitError(_)) => {
            Failure::new(FailureKind::PayloadTooLarge)
        }
        _ => Failure::from_status(Status::from(rejection.status())),
    };
    failure.with_cause(rejection)
}

/// `T` as a JSON body: status 200 and `Content-Type: application/json`. A `T` whose
/// `Serialize` fails (a map with non-string keys, say) gives the variant of `E` for a 500 of
/// [`FailureKind::Status`], with serde's message in the log only.
///
/// ```
/// use axum::response::IntoResponse;
/// use error_contract::ApiError;
/// use error_contract::axum::Json;
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
/// let response = Json::<_, ApiFailure>::new(vec![1, 2, 3]).into_response();
/// assert_eq!(response.status(), 200);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// ```
impl<T, E> IntoResponse for Json<T, E>
where
    T: Serialize,
    E: FromFailure + IntoResponse,
{
    fn into_response(self) -> Response {
        // As axum's `Json` does: a 128-byte start, grown as needed, handed over without a copy.
        let mut writer = BytesMut::with_capacity(128).writer();
        match serde_json::to_writer(&mut writer, &self.value) {
            Ok(()) => {
                let mut response = Response::new(writer.into_inner().freeze().into());
                response
                    .headers_mut()
                    .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                response
            }
            Err(error) => {
                let failure =
                    Failure::from_status(Status::INTERNAL_SERVER_ERROR).with_cause(&error);
                caught::<E>(&failure).into_response()
            }
        }
    }
}

/// The route's path parameters deserialized into `T`, whose rejection is a variant of `E`.
///
/// A parameter that does not parse (`/orders/abc` for a `u64`, or text that is not UTF-8 once
/// percent-decoded) is [`FailureKind::InvalidPath`] with the fact `parameter`: the key, as
/// the route names it (`{id}` gives `id`), also for a single unnamed parameter or a tuple. A
/// route whose parameters do not fit `T` at all (a programming error, axum's 500) is a
/// [`FailureKind::Status`] failure of status 500.
///
/// ```
/// use axum::Router;
/// use axum::body::Body;
/// use axum::http::{Request, StatusCode};
/// use axum::routing::get;
/// use error_contract::ApiError;
/// use error_contract::axum::Path;
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
/// async fn order(id: Path<u64, ApiFailure>) -> String {
///     format!("order {}", *id)
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let mut app = Router::new().route("/orders/{id}", get(order));
/// let request = Request::get("/orders/abc").body(Body::empty()).unwrap();
/// let response = tower_service::Service::<Request<Body>>::call(&mut app, request).await.unwrap();
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
/// assert_eq!(body, r#"{"code":"invalid_parameter","message":"invalid parameter","parameter":"id"}"#);
/// # });
/// ```
pub struct Path<T, E: FromFailure> {
    value: T,
    error: PhantomData<fn() -> E>,
}

read::extractor!("axum", Path);
#[cfg(feature = "openapi")]
crate::openapi::answers!(Path: InvalidPath, UnknownRoute);

impl<T, E, S> FromRequestParts<S> for Path<T, E>
where
    T: DeserializeOwned + Send,
    E: FromFailure + IntoResponse,
    S: Send + Sync,
{
    type Rejection = E;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Path<T, E>, E> {
        let rejection = match ::axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Path(value)) => return Ok(Path::new(value)),
            Err(rejection) => rejection,
        };
        // The route's keys, in order, for a failure that axum reports by position.
        let keys = RawPathParams::from_request_parts(parts, state).await.ok();
        let parameter = parameter(&rejection, keys.as_ref());
        Err(caught(&path_failure(&rejection, parameter)))
    }
}

/// The key of the parameter at fault, when the rejection is about one parameter's value.
fn parameter<'a>(rejection: &'a PathRejection, keys: Option<&'a RawPathParams>) -> Option<&'a str> {
    let PathRejection::FailedToDeserializePathParams(failed) = rejection else {
        return None;
    };
    let nth_key = |index: usize| {
        keys.and_then(|keys| keys.iter().nth(index))
            .map(|(key, _)| key)
    };
    match failed.kind() {
        ErrorKind::ParseErrorAtKey { key, .. }
        | ErrorKind::InvalidUtf8InPathParam { key }
        | ErrorKind::DeserializeError { key, .. } => Some(key),
        ErrorKind::ParseErrorAtIndex { index, .. } => nth_key(*index),
        // `T` is one value (`u64`, `String`), so the route has exactly one parameter.
        ErrorKind::ParseError { .. } => nth_key(0),
        // A custom `Deserialize` error without a place: the parameter only when there is one.
        ErrorKind::Message(_) => match keys.map(|keys| keys.iter().count()) {
            Some(1) => nth_key(0),
            _ => None,
        },
        _ => None,
    }
}

/// `invalid_path` for a value that does not parse; axum's own status (500) for a route whose
/// parameters do not fit `T`, which is a programming error rather than the client's.
fn path_failure<'a>(rejection: &'a PathRejection, parameter: Option<&'a str>) -> Failure<'a> {
    let failure = match rejection {
        PathRejection::FailedToDeserializePathParams(failed)
            if failed.status().is_client_error() =>
        {
            Failure::new(FailureKind::InvalidPath).with_opt(Fact::Parameter, parameter)
        }
        _ => Failure::from_status(Status::from(rejection.status())),
    };
    failure.with_cause(rejection)
}

/// The query string deserialized into `T` (`serde_urlencoded`), whose rejection is a variant
/// of `E`.
///
/// A query that does not deserialize (`?limit=ten` for a `u32`, a required parameter missing)
/// is [`FailureKind::InvalidQuery`] with the fact `parameter` when one parameter is at fault.
///
/// ```
/// use axum::Router;
/// use axum::body::Body;
/// use axum::http::{Request, StatusCode};
/// use axum::routing::get;
/// use error_contract::ApiError;
/// use error_contract::axum::Query;
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
///     limit: u32,
/// }
///
/// async fn products(page: Query<Page, ApiFailure>) -> String {
///     format!("{} products", page.limit)
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let mut app = Router::new().route("/products", get(products));
/// let request = Request::get("/products?limit=ten").body(Body::empty()).unwrap();
/// let response = tower_service::Service::<Request<Body>>::call(&mut app, request).await.unwrap();
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
/// assert_eq!(body, r#"{"code":"invalid_parameter","message":"invalid parameter","parameter":"limit"}"#);
/// # });
/// ```
pub struct Query<T, E: FromFailure> {
    value: T,
    error: PhantomData<fn() -> E>,
}

read::extractor!("axum", Query);
#[cfg(feature = "openapi")]
crate::openapi::answers!(Query: InvalidQuery);

impl<T, E, S> FromRequestParts<S> for Query<T, E>
where
    T: DeserializeOwned,
    E: FromFailure + IntoResponse,
    S: Send + Sync,
{
    type Rejection = E;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Query<T, E>, E> {
        match read::query::<T>(parts.uri.query().unwrap_or_default()) {
            Ok(value) => Ok(Query::new(value)),
            Err(error) => Err(caught(&error.failure())),
        }
    }
}

/// A JSON request body deserialized into `T` and validated with `validator` (feature
/// `validator`): as [`Json`], and then every rule `T` breaks, at once, as an
/// [`Errors<E>`](crate::Errors), each the variant of `E` that names its rule with `validate`
/// (see [`crate::validator`]). A body that is not JSON of `T`'s shape is answered as by
/// [`Json`], as a collection of one (whose body is that one error's).
///
/// ```
/// use axum::Router;
/// use axum::body::Body;
/// use axum::http::{Request, StatusCode};
/// use axum::routing::post;
/// use error_contract::ApiError;
/// use error_contract::axum::ValidJson;
/// use serde::Deserialize;
/// use validator::Validate;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "problem", rename_all = "snake_case")]
/// enum ApiFailure {
///     #[api_error(status = 422, message = "out of range", validate = "range")]
///     OutOfRange {
///         #[api_error(expose, fact = "pointer")]
///         pointer: String,
///     },
///     #[api_error(status = 422, message = "invalid value", validate)]
///     Invalid {
///         #[api_error(expose, fact = "pointer")]
///         pointer: String,
///     },
///     #[api_error(status = 400, message = "invalid body", catch("json_syntax", "json_data"))]
///     InvalidBody,
///     #[api_error(status = 400, message = "request refused", catch = "status")]
///     Refused { #[api_error(status)] status: u16 },
///     #[api_error(status = 500, message = "internal error", catch("panic", "status"))]
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
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let mut app = Router::new().route("/orders", post(place));
/// let request = Request::post("/orders")
///     .header("content-type", "application/json")
///     .body(Body::from(r#"{"product":0,"quantity":100}"#))
///     .unwrap();
/// let response = tower_service::Service::<Request<Body>>::call(&mut app, request).await.unwrap();
/// assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
/// let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
/// assert_eq!(
///     body,
///     r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"out of range","code":"out_of_range","errors":[{"detail":"out of range","code":"out_of_range","pointer":"/product"},{"detail":"out of range","code":"out_of_range","pointer":"/quantity"}]}"#
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
read::extractor!("axum", ValidJson);
#[cfg(all(feature = "validator", feature = "openapi"))]
crate::openapi::answers!(validating ValidJson: UnsupportedMediaType, PayloadTooLarge, JsonSyntax, JsonData);

#[cfg(feature = "validator")]
impl<T, E, S> FromRequest<S> for ValidJson<T, E>
where
    T: DeserializeOwned + ::validator::Validate,
    E: FromFailure + FromViolation + Styled + std::error::Error + 'static,
    S: Send + Sync,
{
    type Rejection = Errors<E>;

    async fn from_request(request: Request, state: &S) -> Result<ValidJson<T, E>, Errors<E>> {
        let value = Json::<T, Errors<E>>::from_request(request, state)
            .await?
            .into_inner();
        crate::validator::validate(&value)?;
        Ok(ValidJson::new(value))
    }
}

/// A JSON request body deserialized into `T` and validated with `garde` (feature `garde`), with
/// the context `T::Context::default()`: as [`Json`], and then every rule `T` breaks, at once, as
/// an [`Errors<E>`](crate::Errors), each the variant of `E` that names its rule with `validate`
/// (see [`crate::garde`]). A body that is not JSON of `T`'s shape is answered as by [`Json`], as
/// a collection of one (whose body is that one error's).
///
/// ```
/// use axum::Router;
/// use axum::body::Body;
/// use axum::http::{Request, StatusCode};
/// use axum::routing::post;
/// use error_contract::ApiError;
/// use error_contract::axum::GardeJson;
/// use serde::Deserialize;
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
/// #[derive(Deserialize, garde::Validate)]
/// struct Signup {
///     #[garde(length(min = 1))]
///     first_name: String,
///     #[garde(length(min = 1))]
///     last_name: String,
/// }
///
/// async fn signup(form: GardeJson<Signup, ApiFailure>) -> String {
///     format!("hello {}", form.first_name)
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let mut app = Router::new().route("/signup", post(signup));
/// let request = Request::post("/signup")
///     .header("content-type", "application/json")
///     .body(Body::from(r#"{"first_name":"","last_name":""}"#))
///     .unwrap();
/// let response = tower_service::Service::<Request<Body>>::call(&mut app, request).await.unwrap();
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
/// assert_eq!(
///     body,
///     r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"first_name"},{"errorCode":5000,"message":"validation error","subject":"last_name"}]}"#
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
read::extractor!("axum", GardeJson);
#[cfg(all(feature = "garde", feature = "openapi"))]
crate::openapi::answers!(validating GardeJson: UnsupportedMediaType, PayloadTooLarge, JsonSyntax, JsonData);

#[cfg(feature = "garde")]
impl<T, E, S> FromRequest<S> for GardeJson<T, E>
where
    T: DeserializeOwned + ::garde::Validate,
    T::Context: Default,
    E: FromFailure + FromViolation + Styled + std::error::Error + 'static,
    S: Send + Sync,
{
    type Rejection = Errors<E>;

    async fn from_request(request: Request, state: &S) -> Result<GardeJson<T, E>, Errors<E>> {
        let value = Json::<T, Errors<E>>::from_request(request, state)
            .await?
            .into_inner();
        crate::garde::validate(&value, &T::Context::default())?;
        Ok(GardeJson::new(value))
    }
}
