//! `cargo run --example quickstart`: one enum is the contract of an API's errors.
//!
//! The same small error table in three wire styles, each response printed as it would go out:
//! status line, headers, body.

use error_contract::ApiError;

/// The shop API's errors, as RFC 9457 problem details (the default style).
#[derive(Debug, ApiError)]
#[api_error(rename_all = "snake_case", type_base = "https://shop.example/errors/")]
enum ShopError {
    /// The order does not exist.
    #[api_error(status = 404, message = "order {id} not found")]
    OrderNotFound {
        #[api_error(expose)]
        id: u64,
    },
    /// Too many requests; retry later.
    #[api_error(status = 429, message = "slow down")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: u32,
    },
    /// The database failed. The cause is logged, never sent.
    #[api_error(status = 500, message = "internal error")]
    Database(#[from] std::io::Error),
}

/// The same table for a client that expects `{"error":{"code":...,"message":...}}`.
#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case")]
enum NestedError {
    #[api_error(status = 404, message = "order not found")]
    OrderNotFound,
    #[api_error(status = 429, message = "slow down")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: u32,
    },
}

/// And with numeric codes in the `{"errors":[...]}` envelope.
#[derive(Debug, ApiError)]
#[api_error(style = "dto")]
enum DtoError {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(status = 400, code = 5000, message = "validation error")]
    Validation {
        #[api_error(expose)]
        subject: &'static str,
        #[api_error(expose, rename = "subjectType")]
        subject_type: &'static str,
    },
}

/// Prints a response the way it goes on the wire.
fn print_response(error: &impl ApiError) {
    let status = error.status();
    let body = error.body();
    println!("HTTP/1.1 {status}");
    println!("content-type: {}", body.content_type());
    for (name, value) in error.headers() {
        println!("{name}: {value}");
    }
    println!();
    println!("{}", &*body);
    println!();
}

fn main() {
    println!("== problem (RFC 9457)\n");
    print_response(&ShopError::OrderNotFound { id: 42 });
    print_response(&ShopError::RateLimited { retry_after: 30 });
    let database = ShopError::from(std::io::Error::other(
        "connection refused: db.internal:5432",
    ));
    print_response(&database);
    if let Some(cause) = std::error::Error::source(&database) {
        println!("(logged on the server only: {cause})\n");
    }

    println!("== nested\n");
    print_response(&NestedError::OrderNotFound);
    print_response(&NestedError::RateLimited { retry_after: 5 });

    println!("== dto\n");
    print_response(&DtoError::NotFound);
    print_response(&DtoError::Validation {
        subject: "firstName",
        subject_type: "parameter",
    });

    println!("== the catalog, from the same enum\n");
    for entry in &ShopError::catalog() {
        println!(
            "{} | {} | {} | {}",
            entry.status().as_u16(),
            entry.code(),
            entry.message(),
            entry.description()
        );
    }
}
