use error_contract::ApiError;

#[derive(Debug)]
struct DbError;

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection refused")
    }
}

impl std::error::Error for DbError {}

#[derive(Debug, ApiError)]
#[api_error(style = "flat", decode)]
enum ShopError {
    #[api_error(status = 500, code = 1, message = "database unavailable")]
    Database(#[from] DbError),
    #[api_error(status = 503, code = 2, message = "store unavailable")]
    Store {
        #[source]
        cause: std::io::Error,
    },
}

fn main() {}
