use error_contract::ApiError;

struct Envelope;

#[derive(Debug, ApiError)]
#[api_error(style = Envelope)]
enum AppError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
}

fn main() {}
