use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "flat", skip_members(code))]
enum FlatError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api_error(skip_members(message, stauts))]
enum ProblemError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
}

fn main() {}
