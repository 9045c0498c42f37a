//! Headers: fixed ones per enum and per variant (`headers("Name" = "value")`), a variant's
//! overriding the enum's by name; templates over the code, the message and the fields; `Option`
//! header fields; what a value with a line break becomes; the headers of a real axum response
//! (an OAuth 2.0 bearer-token error); an `Option` header field decoded from a real response; and
//! the catalog and `OpenAPI` of fixed and templated headers.

use crate::support;

use error_contract::{ApiError, Decode, HeaderSource, Unknown};
use support::{Loopback, assert_reply, client, get};

/// The headers as `(name, value)` pairs, in the order sent.
fn pairs(error: &impl ApiError) -> Vec<(&'static str, String)> {
    error.headers().into_iter().collect()
}

fn owned(list: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    list.iter().map(|(n, v)| (*n, (*v).to_owned())).collect()
}

/// OAuth 2.0 (RFC 6749, section 5.2) and bearer tokens (RFC 6750, section 3): every token error
/// says `Cache-Control: no-store`; a 401 names the scheme, the code and the message in
/// `WWW-Authenticate`.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case", decode)]
#[api_error(headers("Cache-Control" = "no-store", "Pragma" = "no-cache"))]
enum OAuth {
    #[api_error(status = 400, message = "the request is missing a parameter")]
    InvalidRequest,
    #[api_error(status = 401, message = "the access token expired")]
    #[api_error(headers(
        "WWW-Authenticate" = "Bearer realm=\"example\", error=\"{code}\", error_description=\"{message}\""
    ))]
    InvalidToken,
    /// The enum's `Pragma` replaced (names are case-insensitive), a header of its own added.
    #[api_error(status = 403, message = "the token lacks scope {scope}")]
    #[api_error(headers(
        "pragma" = "no-transform",
        "WWW-Authenticate" = "Bearer error=\"{code}\", scope=\"{scope}\""
    ))]
    InsufficientScope {
        #[api_error(expose)]
        scope: String,
    },
    /// A header field replaces the enum's header of that name.
    #[api_error(status = 429, message = "slow down")]
    SlowDown {
        #[api_error(header = "Retry-After")]
        retry_after: Option<u64>,
        #[api_error(header = "Cache-Control", default)]
        cache: String,
    },
    #[api_error(other)]
    Other(Unknown),
}

#[test]
fn the_enums_headers_go_with_every_variant() {
    assert_eq!(
        pairs(&OAuth::InvalidRequest),
        owned(&[("Cache-Control", "no-store"), ("Pragma", "no-cache")])
    );
}

#[test]
fn a_template_names_the_code_and_the_message() {
    assert_eq!(
        pairs(&OAuth::InvalidToken),
        owned(&[
            ("Cache-Control", "no-store"),
            ("Pragma", "no-cache"),
            (
                "WWW-Authenticate",
                "Bearer realm=\"example\", error=\"invalid_token\", error_description=\"the access token expired\""
            ),
        ])
    );
}

#[test]
fn a_variant_overrides_the_enums_header_by_name_and_names_its_fields() {
    let error = OAuth::InsufficientScope {
        scope: "orders:write".into(),
    };
    assert_eq!(
        pairs(&error),
        owned(&[
            ("Cache-Control", "no-store"),
            ("pragma", "no-transform"),
            (
                "WWW-Authenticate",
                "Bearer error=\"insufficient_scope\", scope=\"orders:write\""
            ),
        ])
    );
    assert_eq!(error.headers().get("PRAGMA"), Some("no-transform"));
}

#[test]
fn option_header_fields_send_nothing_when_none() {
    let some = OAuth::SlowDown {
        retry_after: Some(30),
        cache: "private".into(),
    };
    assert_eq!(
        pairs(&some),
        owned(&[
            ("Pragma", "no-cache"),
            ("Retry-After", "30"),
            ("Cache-Control", "private"),
        ])
    );
    let none = OAuth::SlowDown {
        retry_after: None,
        cache: "private".into(),
    };
    assert_eq!(
        pairs(&none),
        owned(&[("Pragma", "no-cache"), ("Cache-Control", "private")])
    );
}

/// Templates with tuple fields and escaped braces; a field whose value would put a line break
/// (or any control character) into a header leaves that header out, and only that one.
#[derive(Debug, ApiError)]
#[api_error(style = "nested", rename_all = "kebab-case")]
enum Upload {
    #[api_error(status = 413, message = "{0} bytes is too large")]
    #[api_error(headers(
        "X-Limit" = "{{max}} {1}",
        "Link" = "<https://docs.example/errors/{code}>; rel=\"help\"",
        "X-Fixed" = "{{literal}}"
    ))]
    TooLarge(u64, u64),
    #[api_error(status = 422, message = "bad name")]
    #[api_error(headers("X-Name" = "name={name}", "X-Kept" = "yes"))]
    BadName {
        name: String,
        #[api_error(header = "X-Raw")]
        raw: String,
    },
}

#[test]
fn templates_over_tuple_fields_and_escaped_braces() {
    assert_eq!(
        pairs(&Upload::TooLarge(2_000_000, 1_000_000)),
        owned(&[
            ("X-Limit", "{max} 1000000"),
            (
                "Link",
                "<https://docs.example/errors/too-large>; rel=\"help\""
            ),
            ("X-Fixed", "{literal}"),
        ])
    );
}

#[test]
fn a_line_break_in_a_field_value_drops_that_header() {
    let plain = Upload::BadName {
        name: "ok".into(),
        raw: "raw".into(),
    };
    assert_eq!(
        pairs(&plain),
        owned(&[("X-Name", "name=ok"), ("X-Kept", "yes"), ("X-Raw", "raw")])
    );
    let injected = Upload::BadName {
        name: "x\r\nSet-Cookie: session=stolen".into(),
        raw: "a\nb".into(),
    };
    assert_eq!(pairs(&injected), owned(&[("X-Kept", "yes")]));
    let nul = Upload::BadName {
        name: "a\0b".into(),
        raw: "tab\tis fine".into(),
    };
    assert_eq!(
        pairs(&nul),
        owned(&[("X-Kept", "yes"), ("X-Raw", "tab\tis fine")])
    );
}

/// A struct takes `headers` as a variant does.
#[derive(Debug, ApiError)]
#[api_error(status = 503, code = "maintenance", message = "back soon")]
#[api_error(headers("Retry-After" = "3600"))]
struct Maintenance;

#[test]
fn a_struct_has_fixed_headers() {
    assert_eq!(pairs(&Maintenance), owned(&[("Retry-After", "3600")]));
}

#[test]
fn the_catalog_shows_where_each_value_comes_from() {
    let catalog = OAuth::catalog();
    let sources: Vec<Vec<(&str, HeaderSource)>> = catalog
        .iter()
        .map(|entry| entry.header_sources().collect())
        .collect();
    let fixed = |v| HeaderSource::Fixed(v);
    assert_eq!(
        sources,
        [
            vec![
                ("Cache-Control", fixed("no-store")),
                ("Pragma", fixed("no-cache"))
            ],
            vec![
                ("Cache-Control", fixed("no-store")),
                ("Pragma", fixed("no-cache")),
                (
                    "WWW-Authenticate",
                    HeaderSource::Template(
                        "Bearer realm=\"example\", error=\"{code}\", error_description=\"{message}\""
                    )
                ),
            ],
            vec![
                ("Cache-Control", fixed("no-store")),
                ("pragma", fixed("no-transform")),
                (
                    "WWW-Authenticate",
                    HeaderSource::Template("Bearer error=\"{code}\", scope=\"{scope}\"")
                ),
            ],
            vec![
                ("Pragma", fixed("no-cache")),
                ("Retry-After", HeaderSource::Field),
                ("Cache-Control", HeaderSource::Field),
            ],
        ]
    );
    let upload = Upload::catalog();
    assert_eq!(
        upload.entries()[0].headers(),
        ["X-Limit", "Link", "X-Fixed"]
    );
    assert_eq!(
        upload.entries()[0].header_sources().nth(2),
        Some(("X-Fixed", HeaderSource::Fixed("{literal}")))
    );
}

/// A real axum server on loopback answering every route with an `OAuth` error.
fn oauth_server() -> Loopback {
    async fn token() -> Result<&'static str, OAuth> {
        Err(OAuth::InvalidToken)
    }
    async fn slow() -> Result<&'static str, OAuth> {
        Err(OAuth::SlowDown {
            retry_after: Some(120),
            cache: "private".into(),
        })
    }
    async fn slow_no_retry() -> Result<&'static str, OAuth> {
        Err(OAuth::SlowDown {
            retry_after: None,
            cache: "private".into(),
        })
    }
    let app = axum::Router::new()
        .route("/token", axum::routing::get(token))
        .route("/slow", axum::routing::get(slow))
        .route("/slow-no-retry", axum::routing::get(slow_no_retry));
    Loopback::start(|listener, stopped| async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = stopped.await;
            })
            .await
    })
}

#[test]
fn axum_sends_an_oauth_bearer_error() {
    let server = oauth_server();
    let reply = get(&client(), &server.url("/token"));
    assert_reply(
        &reply,
        401,
        &[
            ("content-type", "application/json"),
            ("content-length", "61"),
            ("cache-control", "no-store"),
            ("pragma", "no-cache"),
            (
                "www-authenticate",
                "Bearer realm=\"example\", error=\"invalid_token\", error_description=\"the access token expired\"",
            ),
        ],
        r#"{"code":"invalid_token","message":"the access token expired"}"#,
    );
}

#[test]
fn an_option_header_field_is_decoded_from_a_real_response() {
    let server = oauth_server();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let decode = |path: &str| {
        runtime.block_on(async {
            let response = client().get(server.url(path)).send().await.unwrap();
            error_contract::decode::from_response::<OAuth>(response).await
        })
    };
    assert_eq!(
        decode("/slow"),
        Ok(OAuth::SlowDown {
            retry_after: Some(120),
            cache: "private".into(),
        })
    );
    assert_eq!(
        decode("/slow-no-retry"),
        Ok(OAuth::SlowDown {
            retry_after: None,
            cache: "private".into(),
        })
    );
    // The same response, read by hand: every header, exactly.
    let reply = get(&client(), &server.url("/slow"));
    assert_reply(
        &reply,
        429,
        &[
            ("content-type", "application/json"),
            ("content-length", "42"),
            ("pragma", "no-cache"),
            ("retry-after", "120"),
            ("cache-control", "private"),
        ],
        r#"{"code":"slow_down","message":"slow down"}"#,
    );
    assert_eq!(
        OAuth::decode_with_headers(429, &reply.headers, &reply.body),
        Ok(OAuth::SlowDown {
            retry_after: Some(120),
            cache: "private".into(),
        })
    );
}

/// Two codes of one status, two literals of one header.
#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Two {
    #[api_error(status = 503, code = 1, headers("Retry-After" = "60"))]
    Short,
    #[api_error(status = 503, code = 2, headers("retry-after" = "3600"))]
    Long,
}

#[test]
fn openapi_documents_fixed_values_and_templates() {
    let openapi = OAuth::catalog().to_openapi();
    let headers = |status: &str| openapi["responses"][status]["headers"].clone();
    assert_eq!(
        headers("400"),
        serde_json::json!({
            "Cache-Control": {
                "description": "Sent with code `invalid_request`.",
                "schema": {"type": "string", "enum": ["no-store"]},
                "example": "no-store"
            },
            "Pragma": {
                "description": "Sent with code `invalid_request`.",
                "schema": {"type": "string", "enum": ["no-cache"]},
                "example": "no-cache"
            }
        })
    );
    assert_eq!(
        headers("401"),
        serde_json::json!({
            "Cache-Control": {
                "description": "Sent with code `invalid_token`.",
                "schema": {"type": "string", "enum": ["no-store"]},
                "example": "no-store"
            },
            "Pragma": {
                "description": "Sent with code `invalid_token`.",
                "schema": {"type": "string", "enum": ["no-cache"]},
                "example": "no-cache"
            },
            "WWW-Authenticate": {
                "description": "Sent with code `invalid_token`. Written from `Bearer realm=\"example\", error=\"{code}\", error_description=\"{message}\"`.",
                "schema": {"type": "string"}
            }
        })
    );
    // One status, two values of one header: both in the `enum`; a field's value makes it free.
    assert_eq!(
        headers("429"),
        serde_json::json!({
            "Pragma": {
                "description": "Sent with code `slow_down`.",
                "schema": {"type": "string", "enum": ["no-cache"]},
                "example": "no-cache"
            },
            "Retry-After": {
                "description": "Sent with code `slow_down`.",
                "schema": {"type": "string"}
            },
            "Cache-Control": {
                "description": "Sent with code `slow_down`.",
                "schema": {"type": "string"}
            }
        })
    );

    assert_eq!(
        Two::catalog().to_openapi()["responses"]["503"]["headers"],
        serde_json::json!({
            "Retry-After": {
                "description": "Sent with codes `1`, `2`.",
                "schema": {"type": "string", "enum": ["60", "3600"]},
                "example": "60"
            }
        })
    );
}
