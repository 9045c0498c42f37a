use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum Inner {
    #[api_error(status = 404)]
    NotFound,
}

#[derive(Debug, ApiError)]
enum Outer {
    #[api_error(transparent, statuses(502))]
    Inner(Inner),
}

fn main() {}
