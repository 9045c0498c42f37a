use error_contract::{ApiError, Decode};

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum ShopError {
    #[api_error(status = 404, code = 1, message = "entity not found")]
    NotFound,
}

fn decode_any<E: Decode>(status: u16, body: &[u8]) -> Option<E> {
    E::decode(status, body).ok()
}

fn main() {
    let _ = ShopError::decode(404, br#"{"code":1,"message":"entity not found"}"#);
    let _ = decode_any::<ShopError>(404, b"");
}
