use axum::Router;
use axum::routing::get;
use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
    #[api_error(status = 500, code = 3001, message = "storage failed")]
    Storage(#[from] std::io::Error),
}

async fn config() -> Result<String, AppError> {
    Ok(std::fs::read_to_string("config.toml")?)
}

async fn order() -> Result<String, AppError> {
    Err(AppError::NotFound)
}

fn main() {
    let _app: Router = Router::new()
        .route("/config", get(config))
        .route("/order", get(order));
}
