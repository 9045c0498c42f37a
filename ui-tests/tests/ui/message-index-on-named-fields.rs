use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 3001, message = "entity {0} not found")]
    NotFound { entity_id: u64 },
}

fn main() {}
