use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 500, code = 5000, message = "storage failed")]
    Storage {
        #[source(std::io::Error)]
        cause: std::io::Error,
    },
}

fn main() {}
