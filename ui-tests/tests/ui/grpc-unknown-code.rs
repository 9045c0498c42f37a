use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 409, code = 1, grpc = "alredy_exists")]
    Exists,
    #[api_error(status = 404, code = 2, grpc = "NOT_FOUND")]
    Missing,
    #[api_error(status = 400, code = 3, grpc = "ok")]
    Fine,
    #[api_error(status = 418, code = 4, grpc = "teapot")]
    Teapot,
    #[api_error(status = 500, code = 5, grpc = 13)]
    Internal,
}

fn main() {}
