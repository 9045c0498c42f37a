use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 500, statuses(302, 503u8, "5xx", "server", SERVICE_UNAVAILABLE))]
    Internal {
        #[api_error(status)]
        status: u16,
    },
}

fn main() {}
