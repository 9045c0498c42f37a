use error_contract::{ApiError, Body, Catalog, Code, Status};
use std::borrow::Cow;

/// A hand-written `ApiError`, without `Codes`.
#[derive(Debug)]
struct Legacy;

impl std::fmt::Display for Legacy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("legacy failure")
    }
}

impl std::error::Error for Legacy {}

impl ApiError for Legacy {
    fn status(&self) -> Status {
        Status::INTERNAL_SERVER_ERROR
    }
    fn code(&self) -> Code<'_> {
        Code::Num(9999)
    }
    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed("legacy failure")
    }
    fn body(&self) -> Body {
        Body::from_static("{}", "application/json")
    }
    fn catalog() -> Catalog {
        Catalog::new()
    }
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum ShopError {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(transparent)]
    Legacy(Legacy),
}

fn main() {}
