use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AuthError {
    #[api_error(status = 401, code = 1)]
    Expired,
}

#[derive(Debug, ApiError)]
#[api_error(grpcdomain = "shop.example.com")]
enum ShopError {
    #[api_error(transparent, grpc = "unauthenticated")]
    Auth(AuthError),
}

fn main() {}
