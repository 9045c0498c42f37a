use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 500, code = 9001, catch())]
    Internal,
}

fn main() {}
