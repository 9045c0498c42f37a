use error_contract::ApiError;

#[derive(Debug, serde::Serialize)]
struct Limit {
    requests: u32,
}

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 429, code = 4290)]
    OverQuota {
        #[api_error(schema)]
        limit: Limit,
    },
}

fn main() {}
