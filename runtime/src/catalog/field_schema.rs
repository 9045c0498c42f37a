//! JSON Schemas of exposed fields from the schema traits of the field's type: `utoipa::ToSchema`
//! (feature `utoipa`), else `schemars::JsonSchema` (feature `schemars`), else none.
//!
//! The derive cannot know whether a type implements either trait, nor which features of this
//! crate are on, so it asks through autoref specialization: for every exposed field of a type
//! that names no generic parameter it writes a function
//! `(&&&Probe::<FieldType>::NEW).field_schema()`. Method resolution tries `&&Probe<T>` first
//! (`Utoipa`, implemented only with the feature and only for `T: PartialSchema`), then `&Probe<T>`
//! (`Schemars`), then `Probe<T>` (`Untyped`, always). A type that implements neither, or a build
//! without the features, still compiles, and its field stays untyped. A plain type (integers,
//! strings, ...) is typed from its [`JsonType`](crate::JsonType) first, so these schemas only
//! matter for the others (a struct, an enum, a map).

use core::marker::PhantomData;
use serde_json::Value;

/// What the derive stores per exposed field: the field type's schema, if its type has one.
pub type FieldSchema = fn() -> Option<Value>;

/// A field of a type whose schema is not asked for (it names a generic parameter or a lifetime).
pub fn untyped() -> Option<Value> {
    None
}

/// Stands for the type `T` in method resolution.
pub struct Probe<T: ?Sized>(PhantomData<fn() -> *const T>);

impl<T: ?Sized> Probe<T> {
    /// The probe, to take references of.
    pub const NEW: Probe<T> = Probe(PhantomData);
}

/// The first choice: `utoipa::PartialSchema` (every `ToSchema` type), with feature `utoipa`.
pub trait Utoipa {
    /// The schema of the probed type.
    fn field_schema(&self) -> Option<Value>;
}

#[cfg(feature = "utoipa")]
impl<T: ?Sized + ::utoipa::PartialSchema> Utoipa for &&Probe<T> {
    fn field_schema(&self) -> Option<Value> {
        serde_json::to_value(T::schema()).ok()
    }
}

/// The second choice: `schemars::JsonSchema`, with feature `schemars`; subschemas inlined, so
/// that the schema refers to nothing outside itself.
pub trait Schemars {
    /// The schema of the probed type.
    fn field_schema(&self) -> Option<Value>;
}

#[cfg(feature = "schemars")]
impl<T: ?Sized + ::schemars::JsonSchema> Schemars for &Probe<T> {
    fn field_schema(&self) -> Option<Value> {
        let generator = ::schemars::generate::SchemaSettings::draft2020_12()
            .with(|settings| settings.inline_subschemas = true)
            .into_generator();
        let mut schema = generator.into_root_schema_for::<T>().to_value();
        if let Value::Object(map) = &mut schema {
            map.remove("$schema");
        }
        Some(schema)
    }
}

/// The fallback: no schema.
pub trait Untyped {
    /// `None`.
    fn field_schema(&self) -> Option<Value>;
}

impl<T: ?Sized> Untyped for Probe<T> {
    fn field_schema(&self) -> Option<Value> {
        None
    }
}
