use error_contract::ApiError;

// A struct answers every failure itself, a panic's 500 too.
#[derive(Debug, ApiError)]
#[api_error(
    status = 400,
    code = "bad_request",
    catch("json_syntax", "json_data", "status")
)]
struct BadRequest {
    #[api_error(status)]
    status: u16,
}

fn main() {}
