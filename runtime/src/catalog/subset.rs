//! The errors of one route: a subset of an enum's variants, checked at compile time.

use super::Catalog;

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
        Catalog {
            entries: self
                .iter()
                .filter(|entry| names.contains(&entry.name()))
                .collect(),
        }
    }
}

/// Declares a marker type for the errors one route can answer: some variants of an error enum,
/// each checked at compile time (a name that is not a variant of the enum is rustc's "no variant
/// named ..." on that name).
///
/// The type has `catalog()`, the enum's catalog with those variants only (see
/// [`Catalog::only`]), for [`Catalog::to_openapi`]; with the `utoipa` feature it implements
/// `utoipa::IntoResponses` with their responses, for `#[utoipa::path(responses(BookErrors))]`:
/// a `GET /books/{id}` documents its 404 and 429, not every status of the enum. The enum itself
/// stays the default: `responses(ShopError)` documents all of it. A variant whose type has
/// `transparent` variants names its own entries; name the wrapped enum's variants through a
/// marker of that enum.
///
/// ```
/// use error_contract::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(style = "flat")]
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
/// }
///
/// error_contract::responses! {
///     /// The errors `GET /books/{id}` can answer.
///     pub struct BookErrors: ShopError { NotFound, RateLimited }
/// }
///
/// let components = BookErrors::catalog().to_openapi();
/// let statuses: Vec<&String> = components["responses"].as_object().unwrap().keys().collect();
/// assert_eq!(statuses, ["404", "429"]);
/// ```
#[macro_export]
macro_rules! responses {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident : $enum:ty { $($variant:ident),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        $vis struct $name;

        impl $name {
            /// The catalog of the variants this type names.
            $vis fn catalog() -> $crate::Catalog {
                $crate::Catalog::only(
                    &<$enum as $crate::ApiError>::catalog(),
                    &[$(::core::stringify!($variant)),+],
                )
            }
        }

        const _: () = {
            // Each name is a variant of the enum: rustc says "no variant named ..." otherwise.
            type Enum = $enum;
            #[allow(unreachable_patterns)]
            fn variants(error: &Enum) {
                match *error {
                    $(Enum::$variant { .. } => {})+
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
                $crate::__private::hooks::utoipa_responses(&$name::catalog())
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
