use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum Storage {
    #[api_error(status = 500, code = "unavailable", message = "storage unavailable")]
    Unavailable,
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum Orders {
    #[api_error(status = 404, code = "order_not_found", message = "order not found")]
    NotFound,
    #[api_error(transparent)]
    Storage(Storage),
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum Api {
    #[api_error(status = 503, code = "unavailable", message = "try again later")]
    Unavailable,
    #[api_error(transparent)]
    Orders(Box<Orders>),
}

fn main() {}
