//! `cargo test -p error-contract-lock --example shop`: the shop API's errors locked, as a user's
//! crate locks its own. The test checks the enum against its lock (`examples/errors.lock.json`)
//! and its Markdown table (`examples/errors.md`): a change that breaks clients fails it;
//! `ERROR_CONTRACT_LOCK=overwrite` rewrites both files.
//!
//! `cargo run -p error-contract-lock --example shop` prints the lock.
//!
//! The enum is the one `runtime/examples/catalog.rs` renders as Markdown and `OpenAPI`.

use error_contract::ApiError;

/// The shop API's errors, in seed 001's `dto` style.
#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
#[allow(dead_code, reason = "the handlers of a real API would build these")]
enum ShopError {
    /// Error occurred while saving the entity.
    #[api_error(status = 500, code = 2006, message = "entity saving error")]
    EntitySaving,
    /// Error occurred while saving the entity. The SKU must be unique.
    #[api_error(
        status = 400,
        code = 200601,
        parent = 2006,
        message = "entity saving error: SKU must be unique"
    )]
    SkuNotUnique,
    /// Entity was not found.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    /// The order does not exist, or belongs to another customer.
    #[api_error(status = 404, code = 3002, message = "order {id} not found")]
    OrderNotFound { id: u64 },
    /// Validation error. `subject` names the invalid parameter, `subjectType` says where it
    /// is.
    #[api_error(status = 400, code = 5000, message = "validation error")]
    Validation {
        #[api_error(expose)]
        subject: String,
        #[api_error(expose, rename = "subjectType")]
        subject_type: String,
    },
    /// Too many requests; try again after `Retry-After` seconds.
    #[api_error(status = 429, code = 4029, message = "too many requests")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: u32,
    },
    /// Unexpected system error.
    #[api_error(status = 500, code = 9001, message = "unexpected system error")]
    Io(#[from] std::io::Error),
}

fn main() {
    print!("{}", error_contract_lock::to_lock(&ShopError::catalog()));
}

#[cfg(test)]
mod tests {
    /// The contract as committed: additions pass, breaking changes fail.
    #[test]
    fn error_contract() {
        error_contract_lock::assert_locked::<super::ShopError>("examples/errors.lock.json");
        error_contract_lock::assert_markdown::<super::ShopError>("examples/errors.md");
    }
}
