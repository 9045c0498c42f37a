use error_contract::ApiError;

const ID: u64 = 7;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 3002, message = "order {id} not found")]
    NotFound {
        #[api_error(expose, example = ID)]
        id: u64,
        #[api_error(expose, example = 'x')]
        grade: char,
        #[api_error(expose, example = 1e999)]
        ratio: f64,
    },
}

fn main() {}
