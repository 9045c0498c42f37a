use error_contract::ApiError;

#[derive(Debug, ApiError)]
enum AppError {
    #[api_error(status = 404, code = 3001)]
    NotFound,
    #[api_error(status = 500, code = 3001, message = "storage failed")]
    Storage(#[from] std::io::Error),
}

fn read_config() -> Result<String, AppError> {
    let text = std::fs::read_to_string("config.toml")?;
    Ok(text)
}

fn describe(error: &AppError) -> String {
    let body = error.body();
    format!(
        "{} {} {}: {}",
        error.status().as_u16(),
        error.code(),
        error,
        &*body
    )
}

fn log(error: &(dyn std::error::Error + 'static)) {
    println!("{error}: {:?}", error.source());
}

fn serialize<T: serde::Serialize>(_: &T) {}

fn main() {
    match read_config() {
        Ok(text) => println!("{text}"),
        Err(error) => {
            println!("{}", describe(&error));
            log(&error);
            let _catalog = AppError::catalog();
            let _headers = error.headers();
            serialize(&error);
        }
    }
}
