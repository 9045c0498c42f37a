use error_contract::{ApiError, Catch};

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
}

fn answer_failures<E: Catch>() {}

fn main() {
    answer_failures::<ShopError>();
}
