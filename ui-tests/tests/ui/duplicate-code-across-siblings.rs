use error_contract::ApiError;

#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
enum Billing {
    #[api_error(status = 402)]
    PaymentRequired,
    #[api_error(status = 409)]
    Conflict,
}

#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
enum Inventory {
    #[api_error(status = 409)]
    Conflict,
}

#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
enum Gateway {
    #[api_error(status = 502)]
    Upstream,
    #[api_error(transparent)]
    Billing(Billing),
    #[api_error(transparent)]
    Inventory(Inventory),
}

fn main() {}
