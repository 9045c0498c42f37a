use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum ShopError {
    #[api_error(status = 404, code = 1, message = "entity not found")]
    NotFound,
}

async fn product(client: reqwest::Client) {
    let _ = error_contract::decode::reqwest::send::<(), ShopError>(client.get("http://x")).await;
}

fn main() {
    let _ = product;
}
