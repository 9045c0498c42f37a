use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(grpc_domain = " ")]
enum ShopError {
    #[api_error(status = 404, code = 1, grpc_domain = "shop.example.com")]
    Missing,
}

fn main() {}
