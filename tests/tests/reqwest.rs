//! `decode::from_response`: a real `reqwest` client against a loopback server that answers
//! with canned responses. The status is read first; the body is read with a size limit.

use error_contract::decode::{from_response, from_response_limited};
use error_contract::{ApiError, DecodeError, Unknown};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case", decode)]
enum Certifier {
    #[api_error(status = 404, message = "The requested object does not exist.")]
    NotFound,
    #[api_error(status = 400, message = "A parameter is missing or malformed.")]
    ValidationError {
        #[api_error(expose)]
        parameter: String,
    },
    #[api_error(other)]
    Other(Unknown),
}

/// Serves one response per connection, in order, on 127.0.0.1; returns the base URL.
fn serve(responses: Vec<Vec<u8>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for response in responses {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            let mut request = Vec::new();
            let mut buf = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            // The client may hang up early (it stops reading past the limit).
            let _ = stream.write_all(&response);
        }
    });
    format!("http://{address}/")
}

fn response(status: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// A chunked response with no content-length, so the limit is enforced while reading.
fn chunked(status: &str, body: &[u8], chunk: usize) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
    )
    .into_bytes();
    for piece in body.chunks(chunk) {
        out.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        out.extend_from_slice(piece);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

async fn get(url: &str) -> reqwest::Response {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
        .get(url)
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn decodes_real_responses() {
    let big = format!(
        r#"{{"error":{{"code":"validation_error","message":"x","parameter":"{}"}}}}"#,
        "p".repeat(100_000)
    );
    let url = serve(vec![
        response(
            "404 Not Found",
            br#"{"error":{"code":"not_found","message":"The requested object does not exist."}}"#,
        ),
        chunked(
            "400 Bad Request",
            br#"{"error":{"code":"validation_error","message":"A parameter is missing or malformed.","parameter":"name"}}"#,
            7,
        ),
        response("200 OK", br#"{"orders":[]}"#),
        response("400 Bad Request", big.as_bytes()),
        chunked("400 Bad Request", big.as_bytes(), 4096),
        response("502 Bad Gateway", b"<html>upstream down</html>"),
    ]);

    assert_eq!(
        from_response::<Certifier>(get(&url).await).await,
        Ok(Certifier::NotFound)
    );
    assert_eq!(
        from_response::<Certifier>(get(&url).await).await,
        Ok(Certifier::ValidationError {
            parameter: "name".into()
        })
    );
    assert_eq!(
        from_response::<Certifier>(get(&url).await).await,
        Err(DecodeError::NotAnError(200))
    );

    // Over the limit, announced by content-length: not read, decoded by the status alone.
    let Ok(Certifier::Other(unknown)) =
        from_response_limited::<Certifier>(get(&url).await, 1024).await
    else {
        panic!("over the limit");
    };
    assert_eq!(unknown.status().as_u16(), 400);
    assert_eq!(unknown.received_code(), None);

    // Over the limit while reading a chunked body: the same.
    let Ok(Certifier::Other(unknown)) =
        from_response_limited::<Certifier>(get(&url).await, 1024).await
    else {
        panic!("over the limit, chunked");
    };
    assert_eq!(unknown.received_code(), None);
    assert_eq!(
        &*unknown.body(),
        r#"{"error":{"code":400,"message":"Bad Request"}}"#
    );

    let Ok(Certifier::Other(unknown)) = from_response::<Certifier>(get(&url).await).await else {
        panic!("html");
    };
    assert_eq!(unknown.status().as_u16(), 502);
    assert_eq!(unknown.message(), "Bad Gateway");
}
