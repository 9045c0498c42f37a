//! Feature `utoipa`: `utoipa::IntoResponses` for every derived type, and [`ErrorSchemas`], the
//! components its responses refer to.
//!
//! `#[utoipa::path(responses(ShopError))]` documents one response per status, as
//! [`Catalog::to_openapi`] does: the codes in the description, the headers, the static bodies as
//! examples, and a schema that refers to the style's schema under `components/schemas` (with the
//! codes of that status as the code's `enum`). utoipa does not collect schemas from
//! `IntoResponses`, so put [`ErrorSchemas`] among the document's modifiers; it adds the schemas
//! of the enums it names:
//!
//! ```
//! use error_contract::ApiError;
//! use error_contract::utoipa::ErrorSchemas;
//! use utoipa::OpenApi;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(style = "dto")]
//! enum ShopError {
//!     /// Entity was not found.
//!     #[api_error(status = 404, code = 3001, message = "entity not found")]
//!     NotFound,
//! }
//!
//! /// An order.
//! #[utoipa::path(get, path = "/orders/{id}", responses((status = 200, description = "The order"), ShopError))]
//! fn get_order() {}
//!
//! const ERRORS: ErrorSchemas = ErrorSchemas::new(&[ShopError::catalog]);
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(get_order), modifiers(&ERRORS))]
//! struct ApiDoc;
//!
//! let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
//! let response = &doc["paths"]["/orders/{id}"]["get"]["responses"]["404"];
//! assert_eq!(
//!     response["content"]["application/json"]["schema"]["allOf"][0]["$ref"],
//!     "#/components/schemas/ErrorDto"
//! );
//! assert_eq!(doc["components"]["schemas"]["ErrorDto"]["type"], "object");
//! ```
//!
//! The responses are rebuilt with utoipa's builders from the JSON the catalog renders; the
//! rebuilding knows every keyword that rendering writes.

use crate::openapi;
use crate::{Catalog, CatalogEntry};
use ::utoipa::Modify;
use ::utoipa::openapi::content::ContentBuilder;
use ::utoipa::openapi::example::ExampleBuilder;
use ::utoipa::openapi::header::HeaderBuilder;
use ::utoipa::openapi::response::{Response, ResponseBuilder};
use ::utoipa::openapi::schema::{
    AllOfBuilder, AnyOfBuilder, ArrayBuilder, ObjectBuilder, Ref, Schema, SchemaFormat, SchemaType,
    Type,
};
use ::utoipa::openapi::{Components, OpenApi, RefOr};
use serde_json::Value;

/// A `utoipa::Modify` that adds the schemas the error responses of some enums refer to
/// (`ErrorDto`, `ProblemDetails`, ...) to the document's `components/schemas`, and those of
/// bodies of several errors (`ProblemDetailsList`, ...) that a response of the document refers
/// to.
///
/// utoipa names a modifier by a constant (`modifiers(&ERRORS)`), so this is built in one from
/// the enums' `catalog` functions. Name every enum whose responses the document uses: their
/// schemas are built together, so that a style's schema lists the exposed fields of all of them
/// (see the [module](self) for a whole document).
///
/// ```
/// use error_contract::ApiError;
/// use error_contract::utoipa::ErrorSchemas;
/// use utoipa::Modify;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
/// enum OrderError {
///     #[api_error(status = 404, code = 3001, message = "order not found")]
///     NotFound,
/// }
///
/// #[derive(Debug, ApiError)]
/// enum AuthError {
///     #[api_error(status = 401, code = 4001)]
///     Unauthorized,
/// }
///
/// const ERRORS: ErrorSchemas = ErrorSchemas::new(&[OrderError::catalog, AuthError::catalog]);
///
/// let mut doc = utoipa::openapi::OpenApi::default();
/// ERRORS.modify(&mut doc);
/// let schemas: Vec<&String> = doc.components.as_ref().unwrap().schemas.keys().collect();
/// assert_eq!(schemas, ["ErrorFlat", "ProblemDetails"]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ErrorSchemas {
    catalogs: &'static [fn() -> Catalog],
}

impl ErrorSchemas {
    /// The schemas of the responses of the enums whose `catalog` functions these are
    /// (`&[ShopError::catalog, AuthError::catalog]`).
    ///
    /// See [`ErrorSchemas`] for an example.
    #[must_use]
    pub const fn new(catalogs: &'static [fn() -> Catalog]) -> ErrorSchemas {
        ErrorSchemas { catalogs }
    }
}

impl Modify for ErrorSchemas {
    fn modify(&self, openapi: &mut OpenApi) {
        let catalogs: Vec<Catalog> = self.catalogs.iter().map(|catalog| catalog()).collect();
        let entries: Vec<CatalogEntry> = catalogs.iter().flat_map(Catalog::iter).collect();
        // The schemas of bodies of several errors are added where a response refers to them.
        let mut referenced = Vec::new();
        if let Ok(document) = serde_json::to_value(&*openapi) {
            references(&document, &mut referenced);
        }
        let referenced = |name: &str| {
            referenced
                .iter()
                .any(|reference| reference.strip_prefix("#/components/schemas/") == Some(name))
        };
        let components = openapi.components.get_or_insert_with(Components::new);
        for (name, value) in openapi::schemas(&entries, &referenced) {
            components.schemas.insert(name, schema(&value));
        }
    }
}

/// Every `$ref` in `value`.
fn references(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref") {
                found.push(reference.clone());
            }
            for value in map.values() {
                references(value, found);
            }
        }
        Value::Array(items) => {
            for value in items {
                references(value, found);
            }
        }
        _ => {}
    }
}

/// What the `IntoResponses` impls call. Not public API.
pub(super) mod hook {
    use super::{Catalog, RefOr, Response, response};
    use crate::openapi::Responses;
    use std::collections::BTreeMap;

    /// The catalog's responses, one per status.
    pub fn responses(catalog: &Catalog) -> BTreeMap<String, RefOr<Response>> {
        responses_of(&Responses::of(catalog))
    }

    /// These responses, one per status.
    pub fn responses_of(responses: &Responses) -> BTreeMap<String, RefOr<Response>> {
        responses
            .responses()
            .into_iter()
            .map(|(status, value)| (status, RefOr::T(response(&value))))
            .collect()
    }
}

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn objects<'a>(value: &'a Value, key: &str) -> impl Iterator<Item = (&'a String, &'a Value)> {
    value
        .get(key)
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
}

fn response(value: &Value) -> Response {
    let mut response =
        ResponseBuilder::new().description(text(value, "description").unwrap_or_default());
    for (name, header) in objects(value, "headers") {
        let header = HeaderBuilder::new()
            .schema(header.get("schema").map(schema))
            .description(text(header, "description"))
            .example(header.get("example").cloned())
            .build();
        response = response.header(name.clone(), header);
    }
    for (content_type, media) in objects(value, "content") {
        let examples = objects(media, "examples").map(|(name, example)| {
            let mut builder = ExampleBuilder::new().value(example.get("value").cloned());
            if let Some(summary) = text(example, "summary") {
                builder = builder.summary(summary);
            }
            if let Some(description) = text(example, "description") {
                builder = builder.description(description);
            }
            (name.clone(), builder.build())
        });
        let content = ContentBuilder::new()
            .schema(media.get("schema").map(schema))
            .examples_from_iter(examples)
            .build();
        response = response.content(content_type.clone(), content);
    }
    response.build()
}

/// One of the JSON Schemas the catalog writes: a `$ref`, an `allOf` or `anyOf`, an array
/// (`items`), or an object (with `required`, `properties`, `format`, `minimum`, `maximum`,
/// `enum`), typed or not.
fn schema(value: &Value) -> RefOr<Schema> {
    if let Some(reference) = text(value, "$ref") {
        return Ref::new(reference).into();
    }
    let description = text(value, "description");
    if let Some(items) = value.get("allOf").and_then(Value::as_array) {
        let all_of = items.iter().fold(AllOfBuilder::new(), |all_of, item| {
            all_of.item(schema(item))
        });
        return all_of.description(description).into();
    }
    if let Some(items) = value.get("anyOf").and_then(Value::as_array) {
        let any_of = items.iter().fold(AnyOfBuilder::new(), |any_of, item| {
            any_of.item(schema(item))
        });
        return any_of.description(description).into();
    }
    let types = match value.get("type") {
        Some(Value::String(name)) => vec![name.as_str()],
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if let (["array"], Some(items)) = (&types[..], value.get("items")) {
        return ArrayBuilder::new()
            .items(schema(items))
            .description(description)
            .into();
    }
    let mut object = ObjectBuilder::new()
        .schema_type(schema_type(&types))
        .description(description)
        .format(text(value, "format").map(SchemaFormat::Custom))
        .minimum(value.get("minimum").and_then(Value::as_f64))
        .maximum(value.get("maximum").and_then(Value::as_f64))
        .enum_values(value.get("enum").and_then(Value::as_array).cloned());
    for required in value
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(required) = required.as_str() {
            object = object.required(required);
        }
    }
    for (name, property) in objects(value, "properties") {
        object = object.property(name.clone(), schema(property));
    }
    object.into()
}

fn schema_type(types: &[&str]) -> SchemaType {
    let types: Vec<Type> = types
        .iter()
        .filter_map(|name| match *name {
            "object" => Some(Type::Object),
            "string" => Some(Type::String),
            "integer" => Some(Type::Integer),
            "number" => Some(Type::Number),
            "boolean" => Some(Type::Boolean),
            "array" => Some(Type::Array),
            "null" => Some(Type::Null),
            _ => None,
        })
        .collect();
    match types.as_slice() {
        [] => SchemaType::AnyValue,
        [one] => SchemaType::Type(one.clone()),
        _ => SchemaType::Array(types),
    }
}

/// `utoipa::IntoResponses` (feature `utoipa`).
#[doc(hidden)]
#[macro_export]
macro_rules! __error_contract_utoipa {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::hooks::utoipa::IntoResponses for $($ty)*
        where
            $($where)*
        {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::hooks::utoipa::openapi::RefOr<
                    $crate::__private::hooks::utoipa::openapi::response::Response,
                >,
            > {
                $crate::__private::hooks::utoipa_responses(
                    &<Self as $crate::ApiError>::catalog(),
                )
            }
        }
    };
}

/// The responses of a handler that returns several errors: each error's status, with one error's
/// body or several's (see [`Responses::several`](crate::openapi::Responses::several)).
impl<E: crate::Styled> ::utoipa::IntoResponses for crate::Errors<E> {
    fn responses() -> std::collections::BTreeMap<String, RefOr<Response>> {
        hook::responses_of(&openapi::Responses::several::<E>(&E::catalog()))
    }
}
