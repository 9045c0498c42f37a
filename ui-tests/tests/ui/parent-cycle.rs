use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(rename_all = "snake_case")]
enum ShopError {
    #[api_error(status = 400, parent = "b")]
    A,
    #[api_error(status = 400, parent = "a")]
    B,
}

fn main() {}
