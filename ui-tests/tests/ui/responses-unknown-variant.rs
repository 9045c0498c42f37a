use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
    #[api_error(status = 429, code = 4029)]
    RateLimited,
}

error_contract::responses! {
    /// What `GET /books/{id}` can answer.
    pub struct BookErrors: ShopError { NotFound, RateLimted }
}

fn main() {
    let _ = BookErrors::catalog();
}
