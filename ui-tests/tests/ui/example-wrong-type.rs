use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 3002, message = "order {id} of {owner} not found")]
    NotFound {
        #[api_error(expose, example = "1042")]
        id: u64,
        #[api_error(example = 7)]
        owner: String,
        #[api_error(expose, example = -1)]
        attempts: Option<u32>,
        #[api_error(expose, example = "yes")]
        strict: bool,
        #[api_error(expose, example = "ab")]
        grade: char,
        #[api_error(expose, example = "a")]
        tags: Vec<String>,
        #[api_error(expose, example = true)]
        ratio: f64,
    },
}

fn main() {}
