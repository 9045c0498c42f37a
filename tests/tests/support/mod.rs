//! Helpers of the server tests (axum.rs, actix.rs, tracing.rs): a real HTTP client with
//! timeouts, exact header checks, and a tracing subscriber that writes into a buffer.
//!
//! Every expected value is written at the call site; these helpers only fetch and compare.

#![allow(dead_code, reason = "each test binary uses a part of this module")]

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The longest any request may take, connection included.
pub(crate) const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The longest a server may take to stop once asked.
pub(crate) const STOP_TIMEOUT: Duration = Duration::from_secs(10);

/// A response as it came over the wire.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    /// Every header, names lowercased, in the order received.
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

/// An HTTP/1.1 client (reqwest, plain HTTP, no proxy): every request has a timeout.
pub(crate) fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .build()
        .expect("the client builds")
}

/// Sends `request` and reads the whole response, on a runtime of its own.
pub(crate) fn send(request: reqwest::RequestBuilder) -> Reply {
    send_all(vec![request]).pop().expect("one reply")
}

/// Sends the requests one after the other on one runtime, so that the client's pooled
/// connection outlives each request and the next one can reuse it.
pub(crate) fn send_all(requests: Vec<reqwest::RequestBuilder>) -> Vec<Reply> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime for the client");
    runtime.block_on(async {
        let mut replies = Vec::with_capacity(requests.len());
        for request in requests {
            replies.push(read(request).await);
        }
        replies
    })
}

async fn read(request: reqwest::RequestBuilder) -> Reply {
    let response = request.send().await.expect("the request failed");
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            let value = value.to_str().expect("a header value that is not text");
            (name.as_str().to_owned(), value.to_owned())
        })
        .collect();
    let body = response.bytes().await.expect("reading the body failed");
    Reply {
        status,
        headers,
        body: body.to_vec(),
    }
}

pub(crate) fn get(client: &reqwest::Client, url: &str) -> Reply {
    send(client.get(url))
}

pub(crate) fn post(client: &reqwest::Client, url: &str) -> Reply {
    send(client.post(url))
}

/// Asserts the status, every header and the exact body. `Date` changes with every response:
/// its presence and its IMF-fixdate shape are checked, and it is left out of `headers`.
#[track_caller]
pub(crate) fn assert_reply(reply: &Reply, status: u16, headers: &[(&str, &str)], body: &str) {
    assert_eq!(reply.status, status, "status of {reply:?}");
    let dates: Vec<&str> = reply
        .headers
        .iter()
        .filter(|(name, _)| name == "date")
        .map(|(_, value)| value.as_str())
        .collect();
    assert_eq!(dates.len(), 1, "one Date header in {reply:?}");
    assert_imf_fixdate(dates[0]);
    let mut actual: Vec<(&str, &str)> = reply
        .headers
        .iter()
        .filter(|(name, _)| name != "date")
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    actual.sort_unstable();
    let mut expected = headers.to_vec();
    expected.sort_unstable();
    assert_eq!(actual, expected, "headers of {reply:?}");
    assert_eq!(
        String::from_utf8_lossy(&reply.body),
        body,
        "body of {reply:?}"
    );
    assert_eq!(reply.body, body.as_bytes(), "body bytes of {reply:?}");
}

/// `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110, section 5.6.7).
#[track_caller]
fn assert_imf_fixdate(date: &str) {
    let bytes = date.as_bytes();
    let shape_ok = bytes.len() == 29
        && ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].contains(&&date[..3])
        && &date[3..5] == ", "
        && bytes[5..7].iter().all(u8::is_ascii_digit)
        && [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]
        .contains(&&date[8..11])
        && bytes[12..16].iter().all(u8::is_ascii_digit)
        && bytes[17..19].iter().all(u8::is_ascii_digit)
        && bytes[20..22].iter().all(u8::is_ascii_digit)
        && bytes[23..25].iter().all(u8::is_ascii_digit)
        && &date[25..] == " GMT";
    assert!(shape_ok, "`{date}` is not an IMF-fixdate");
}

/// Waits for a server thread to end, at most [`STOP_TIMEOUT`].
#[track_caller]
pub(crate) fn join_bounded<T>(thread: JoinHandle<T>) -> T {
    let deadline = Instant::now() + STOP_TIMEOUT;
    while !thread.is_finished() {
        assert!(
            Instant::now() < deadline,
            "the server did not stop within {STOP_TIMEOUT:?}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    thread.join().expect("the server thread panicked")
}

/// Where the process's tracing events go: a buffer, one line per event, no time and no color,
/// so that a line can be compared whole.
#[derive(Clone, Default)]
pub(crate) struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl LogBuffer {
    /// A subscriber of every level from `DEBUG` up that writes into this buffer: for a server
    /// thread's own default (`tracing::subscriber::set_default`), so that its events stay apart
    /// from those of the other tests of the binary, which run in parallel.
    pub(crate) fn debug_subscriber(&self) -> impl tracing::Subscriber + Send + Sync + 'static {
        self.subscriber(tracing::Level::DEBUG)
    }

    /// A subscriber of every level from `level` up that writes into this buffer, as
    /// [`debug_subscriber`](Self::debug_subscriber).
    pub(crate) fn subscriber(
        &self,
        level: tracing::Level,
    ) -> impl tracing::Subscriber + Send + Sync + 'static {
        tracing_subscriber::fmt()
            .with_writer(self.clone())
            .with_ansi(false)
            .without_time()
            .with_max_level(level)
            .finish()
    }

    /// The lines written so far.
    pub(crate) fn lines(&self) -> Vec<String> {
        let bytes = self.0.lock().expect("poisoned log buffer");
        String::from_utf8_lossy(&bytes)
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// The lines logged by error-contract (target `error_contract`) so far.
    pub(crate) fn error_contract_lines(&self) -> Vec<String> {
        self.lines()
            .into_iter()
            .filter(|line| line.contains(" error_contract: "))
            .collect()
    }
}

impl Write for LogBuffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .expect("poisoned log buffer")
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogBuffer {
    type Writer = LogBuffer;

    fn make_writer(&'a self) -> LogBuffer {
        self.clone()
    }
}

/// A server on a free loopback port, served by `serve` in a thread of its own with a
/// current-thread tokio runtime, until dropped (then asked to stop, and joined within
/// [`STOP_TIMEOUT`]).
pub(crate) struct Loopback {
    base: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<std::io::Result<()>>>,
}

impl Loopback {
    /// Binds a port and runs `serve(listener, stopped)`, which must return once `stopped`
    /// resolves.
    pub(crate) fn start<F, Fut>(serve: F) -> Loopback
    where
        F: FnOnce(tokio::net::TcpListener, tokio::sync::oneshot::Receiver<()>) -> Fut
            + Send
            + 'static,
        Fut: std::future::Future<Output = std::io::Result<()>>,
    {
        Loopback::start_with(|| (), serve)
    }

    /// As [`Loopback::start`], with `setup` run first on the server's thread and its result
    /// (a tracing default's guard, say) kept until the server stops.
    pub(crate) fn start_with<S, G, F, Fut>(setup: S, serve: F) -> Loopback
    where
        S: FnOnce() -> G + Send + 'static,
        F: FnOnce(tokio::net::TcpListener, tokio::sync::oneshot::Receiver<()>) -> Fut
            + Send
            + 'static,
        Fut: std::future::Future<Output = std::io::Result<()>>,
    {
        let address = std::net::SocketAddr::from((std::net::Ipv4Addr::LOCALHOST, 0));
        let listener = std::net::TcpListener::bind(address).expect("no free loopback port");
        listener.set_nonblocking(true).unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let _setup = setup();
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)?;
                serve(listener, stopped).await
            })
        });
        Loopback {
            base,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:<port><path>`.
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Loopback {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let result = join_bounded(thread);
            if !std::thread::panicking() {
                result.expect("the server failed");
            }
        }
    }
}

/// [`mixed_load`] of 100 rounds on the shop example at `base`: every request answered with its
/// round's status, `None` (a refused body reset while it was written) only where
/// [`mixed_load`] allows it.
pub(crate) fn assert_no_request_lost(base: &str) {
    let statuses = mixed_load(base, 100);
    assert_eq!(statuses.len(), 600);
    for round in statuses.chunks(6) {
        for (status, expected) in round.iter().zip([415, 413, 404, 201, 200, 400]) {
            // `None`: a body the server refused, reset while it was still being written.
            assert!(status.is_none_or(|status| status == expected), "{round:?}");
        }
        assert!(round[3..].iter().all(Option::is_some), "{round:?}");
    }
}

/// Mixed requests on a few kept-alive connections, four at a time: bodies the server does not
/// read (too large, not JSON, to unknown routes), bodies it reads, and plain requests. Returns
/// the statuses, one per request, in order; a request lost (a connection closed under it
/// without `Connection: close`) fails the test.
///
/// One outcome is not a loss: the first three requests of a round carry bodies the server
/// answers without reading, and closes the connection after. Closing a socket with bytes still
/// unread makes the kernel reset it, so a client still writing such a body can see the reset
/// (a broken pipe) before it reads the answer; no HTTP/1 server that closes without lingering
/// avoids that, and hyper and actix-web do not linger. Those requests give `None`; any other
/// failure, on any request, fails the test.
pub(crate) fn mixed_load(base: &str, rounds: usize) -> Vec<Option<u16>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime for the client");
    let client = reqwest::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .pool_max_idle_per_host(4)
        .build()
        .expect("the client builds");
    let large_text = "x".repeat(200 * 1024);
    let too_large = format!("\"{}\"", "a".repeat(1024 * 1024));
    runtime.block_on(async {
        let mut statuses = Vec::with_capacity(rounds * 6);
        for _ in 0..rounds {
            let requests = [
                client
                    .post(format!("{base}/orders"))
                    .header("content-type", "text/plain")
                    .body(large_text.clone()),
                client
                    .post(format!("{base}/orders"))
                    .header("content-type", "application/json")
                    .body(too_large.clone()),
                client
                    .post(format!("{base}/no/such/route"))
                    .header("content-type", "application/json")
                    .body(large_text.clone()),
                client
                    .post(format!("{base}/orders"))
                    .header("content-type", "application/json")
                    .body(r#"{"product":1,"quantity":2}"#),
                client.get(format!("{base}/products/1")),
                client.get(format!("{base}/products/abc")),
            ];
            let mut sent = Vec::new();
            for request in requests {
                sent.push(tokio::spawn(request.send()));
            }
            for (i, response) in sent.into_iter().enumerate() {
                match response.await.expect("the request's task") {
                    Ok(response) => {
                        statuses.push(Some(response.status().as_u16()));
                        let _ = response.bytes().await;
                    }
                    Err(error) if i < 3 && reset_while_writing(&error) => statuses.push(None),
                    Err(error) => panic!("request {i} of a round was lost: {error:?}"),
                }
            }
        }
        statuses
    })
}

/// Whether a request failed because the server reset the connection while its body was being
/// written (an I/O error, broken pipe or reset, under the client's error).
fn reset_while_writing(error: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = source {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            return matches!(
                io.kind(),
                std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::ConnectionReset
            );
        }
        source = error.source();
    }
    false
}
