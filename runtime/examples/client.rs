//! A client of the shop API of `axum_server.rs`: each call is one `Result<T, ClientError<E>>`,
//! and this prints what each kind of result looks like.
//!
//! ```sh
//! cargo run -p error-contract --example axum_server --features axum,tracing   # one terminal
//! cargo run -p error-contract --example client --features reqwest             # another
//! cargo run -p error-contract --example client --features reqwest -- 8080     # another port
//! ```
//!
//! Without the server, every call is `ClientError::Transport` of kind `Connect`.

use error_contract::decode::reqwest::{read_limited, send};
use error_contract::decode::{BodyLimits, ClientError, SuccessBody, TransportKind};
use error_contract::{ApiError, RetryAfter, Unknown};
use serde::Deserialize;
use std::fmt::Debug;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};

/// The shop's errors as this client knows them: the same contract as the server's enum (style,
/// codes, exposed fields, the `Retry-After` header), with `other` for the codes it does not know.
#[derive(Debug, ApiError)]
#[api_error(
    style = "problem",
    rename_all = "snake_case",
    type_base = "https://shop.example/errors/",
    decode
)]
enum ShopError {
    #[api_error(status = 404, message = "product not found")]
    ProductNotFound,
    #[api_error(status = 404, message = "order {id} not found")]
    OrderNotFound {
        #[api_error(expose)]
        id: u64,
    },
    #[api_error(status = 429, message = "too many checkouts")]
    RateLimited {
        #[api_error(header = "Retry-After")]
        retry_after: RetryAfter,
    },
    #[api_error(status = 404, message = "no such route")]
    NoSuchRoute {
        #[api_error(instance)]
        path: String,
    },
    #[api_error(other)]
    Other(Unknown),
}

/// A product, as the shop sends it.
#[derive(Debug, Deserialize)]
#[allow(dead_code, reason = "printed through `Debug`")]
struct Product {
    id: u64,
    name: String,
}

/// The shop at `base`.
struct Shop<'a> {
    client: &'a reqwest::Client,
    base: &'a str,
}

impl Shop<'_> {
    /// One call, printed: the request, then what it became.
    async fn call<T: SuccessBody + Debug + Send + 'static>(
        &self,
        what: &str,
        method: &str,
        path: &str,
    ) {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("a method");
        let request = self
            .client
            .request(method.clone(), format!("{}{path}", self.base));
        let result = send::<T, ShopError>(request).await;
        print(what, &format!("{method} {path}"), &result);
    }
}

fn print<T: Debug>(what: &str, request: &str, result: &Result<T, ClientError<ShopError>>) {
    println!("{what}\n  {request}");
    match result {
        Ok(value) => println!("  Ok({value:?})"),
        Err(ClientError::Api {
            error: ShopError::RateLimited { retry_after },
            ..
        }) => println!(
            "  Err(Api(RateLimited {{ retry_after: {retry_after:?} }})): wait {:?}",
            retry_after.delay()
        ),
        Err(ClientError::Api {
            error: ShopError::Other(unknown),
            ..
        }) => println!(
            "  Err(Api(Other)): {} {} \"{}\", body {}",
            unknown.status().as_u16(),
            unknown.code(),
            unknown.message(),
            &*unknown.body()
        ),
        Err(ClientError::Api { error, status }) => {
            println!("  Err(Api({error:?}, {status})): {error}");
        }
        Err(ClientError::Transport(transport)) => {
            println!("  Err(Transport({:?})): {transport}", transport.kind());
        }
        Err(other) => println!("  Err({}): {other}", kind(other)),
    }
    println!();
}

fn kind(err: &ClientError<ShopError>) -> &'static str {
    match err {
        ClientError::Api { error: _, .. } => "Api",
        ClientError::Unrecognized(_) => "Unrecognized",
        ClientError::Transport(_) => "Transport",
        ClientError::InvalidBody(_) => "InvalidBody",
        ClientError::TooLarge(_) => "TooLarge",
    }
}

/// The shop's port: the first argument, else `$PORT`, else 3000.
fn port() -> Result<u16, String> {
    match std::env::args()
        .nth(1)
        .or_else(|| std::env::var("PORT").ok())
    {
        Some(port) => port
            .parse()
            .map_err(|_| format!("`{port}` is not a port number")),
        None => Ok(3000),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = format!("http://127.0.0.1:{}", port()?);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(5))
            .build()?;
        println!("The shop API at {base}\n");
        let shop = Shop {
            client: &client,
            base: &base,
        };
        shop.call::<Product>("A success body, as a struct:", "GET", "/products/1")
            .await;
        shop.call::<Vec<Product>>("A success body, as a list:", "GET", "/products?limit=2")
            .await;
        shop.call::<Product>("The API's error, decoded:", "GET", "/products/7")
            .await;
        shop.call::<Product>(
            "The API's error with a field from the body:",
            "GET",
            "/orders/42",
        )
        .await;
        shop.call::<Product>(
            "The API's error with a field from a header (Retry-After):",
            "POST",
            "/checkout",
        )
        .await;
        shop.call::<Product>(
            "The framework's own failure, in the same enum:",
            "GET",
            "/no/such/route",
        )
        .await;
        shop.call::<Product>(
            "An error this client does not know: the `other` variant:",
            "GET",
            "/orders/abc",
        )
        .await;
        shop.call::<Vec<Product>>("A success body of another shape:", "GET", "/products/1")
            .await;

        let limits = BodyLimits {
            success: 16,
            ..BodyLimits::default()
        };
        let result = match client.get(format!("{base}/products")).send().await {
            Ok(response) => read_limited::<Vec<Product>, ShopError>(response, limits).await,
            Err(err) => Err(err.into()),
        };
        print(
            "A success body over the limit (16 bytes here):",
            "GET /products",
            &result,
        );

        // A port with nothing listening: the server not running.
        let closed = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))?.local_addr()?;
        let url = format!("http://{closed}/products/1");
        let result = send::<Product, ShopError>(client.get(&url)).await;
        print("The server not running:", &format!("GET {url}"), &result);
        if let Err(ClientError::Transport(transport)) = &result {
            assert_eq!(transport.kind(), TransportKind::Connect);
        }
        Ok(())
    })
}
