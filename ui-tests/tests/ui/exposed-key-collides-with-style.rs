use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "nested")]
enum AppError {
    #[api_error(status = 400, code = "bad")]
    Bad {
        #[api_error(expose, rename = "code")]
        detail: String,
    },
}

#[derive(Debug, ApiError)]
enum ProblemError {
    #[api_error(status = 400, code = "bad")]
    Bad {
        #[api_error(expose)]
        title: String,
    },
}

fn main() {}
