use error_contract::ApiError;

#[derive(Debug)]
struct Subject {
    kind: String,
}

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 422, code = 3002)]
    Invalid {
        #[api_error(expose)]
        subject: Subject,
    },
}

fn main() {}
