use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "flat", constants(kind = 'x', retry = f64::INFINITY, kind = "y", "" = 1))]
enum AppError {
    #[api_error(status = 404, code = 3001, constants(big = 1e999))]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat", members = "kind")]
enum Other {
    #[api_error(status = 404, code = 3001)]
    NotFound,
}

fn main() {}
