use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(skip_members(code), decode)]
enum ProblemError {
    #[api_error(status = 404, code = "not-found")]
    NotFound,
}

fn main() {}
