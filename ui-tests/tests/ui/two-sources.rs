use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(status = 500, code = 9001, message = "storage failed")]
    Storage {
        #[source]
        io: std::io::Error,
        #[source]
        fmt: std::fmt::Error,
    },
}

fn main() {}
