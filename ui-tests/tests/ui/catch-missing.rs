use error_contract::{ApiError, FromFailure};

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
}

fn answer_failures<E: FromFailure>() {}

fn main() {
    answer_failures::<ShopError>();
}
