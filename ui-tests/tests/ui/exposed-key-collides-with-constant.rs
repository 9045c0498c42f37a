use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "flat", constants(doc_url = "https://example.com/{code}"))]
enum AppError {
    #[api_error(status = 400, code = "bad")]
    Bad {
        #[api_error(expose)]
        doc_url: String,
    },
}

fn main() {}
