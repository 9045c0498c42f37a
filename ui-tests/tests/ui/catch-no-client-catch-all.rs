use error_contract::ApiError;

// A bare 409 of another layer would have no variant of its status.
#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
enum CertifierError {
    #[api_error(status = 400, catch = "json_syntax")]
    InvalidJson,
    #[api_error(status = 404, catch = "unknown_route")]
    NotFound,
    #[api_error(status = 500, catch("panic", "status"))]
    InternalServerError {
        #[api_error(status)]
        status: u16,
    },
}

fn main() {}
