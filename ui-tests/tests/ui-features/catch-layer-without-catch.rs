use axum::Router;
use error_contract::ApiError;
use error_contract::axum::{CatchLayer, Json};

#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
enum ShopError {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
}

async fn place(order: Json<u64, ShopError>) -> String {
    drop(order);
    String::new()
}

fn main() {
    let _app: Router = Router::new()
        .route("/orders", axum::routing::post(place))
        .layer(CatchLayer::<ShopError>::new());
}
