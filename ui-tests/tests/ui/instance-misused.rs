use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
enum FlatError {
    #[api_error(status = 404, code = 3001)]
    NotFound {
        #[api_error(instance)]
        path: String,
    },
}

#[derive(Debug, ApiError)]
enum ProblemError {
    #[api_error(status = 404, code = 3001)]
    NotFound {
        #[api_error(instance, expose)]
        path: String,
        #[api_error(instance)]
        other: String,
    },
}

fn main() {}
