//! The catalog as the Markdown table API pages show (feature `markdown`).

use crate::Catalog;
use core::fmt::Write as _;

impl Catalog {
    /// The catalog as the Markdown table API pages show:
    /// `| Status | gRPC | Code | Message | Description |`, one row per entry, in catalog order.
    ///
    /// The status is each one the variant may be sent with
    /// ([`CatalogEntry::statuses`](crate::CatalogEntry::statuses)): the declared one, then, for a
    /// variant with a run-time status, its `statuses(...)` or its class (`500, 502, 503, 504`;
    /// `400, 4XX`). The gRPC code is the entry's [`grpc_code`](crate::CatalogEntry::grpc_code)
    /// (the one named with `grpc = "..."`, else the one of the declared status) by its name in
    /// `code.proto`, shown whether or not the `tonic` feature is on. The message is the template
    /// as written (`order {id} not found`), and the description is the doc comment. A `|` in a
    /// cell is written `\|` and a line break `<br>`, so every row stays one row; nothing else is
    /// escaped, so Markdown in doc comments renders.
    ///
    /// ```
    /// use error_contract::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(style = "dto")]
    /// enum ShopError {
    ///     /// Entity was not found.
    ///     #[api_error(status = 404, code = 3001, message = "entity not found")]
    ///     NotFound,
    ///     /// Either `a | b` was expected.
    ///     #[api_error(status = 400, code = 5000, message = "validation error: {field}")]
    ///     Validation { field: String },
    ///     /// Upstream failure.
    ///     #[api_error(status = 500, code = 9001, statuses(502, 503), message = "upstream failed")]
    ///     Upstream {
    ///         #[api_error(status)]
    ///         status: u16,
    ///     },
    ///     /// The order was placed before.
    ///     #[api_error(status = 409, code = 4090, message = "duplicate order", grpc = "already_exists")]
    ///     Duplicate,
    /// }
    ///
    /// assert_eq!(
    ///     ShopError::catalog().to_markdown(),
    ///     "| Status | gRPC | Code | Message | Description |\n\
    ///      | --- | --- | --- | --- | --- |\n\
    ///      | 404 | NOT_FOUND | 3001 | entity not found | Entity was not found. |\n\
    ///      | 400 | INVALID_ARGUMENT | 5000 | validation error: {field} | Either `a \\| b` was expected. |\n\
    ///      | 500, 502, 503 | INTERNAL | 9001 | upstream failed | Upstream failure. |\n\
    ///      | 409 | ALREADY_EXISTS | 4090 | duplicate order | The order was placed before. |\n"
    /// );
    /// ```
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let mut out = String::from(
            "| Status | gRPC | Code | Message | Description |\n| --- | --- | --- | --- | --- |\n",
        );
        for entry in self {
            out.push_str("| ");
            for (i, status) in entry.statuses().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let _ = write!(out, "{status}");
            }
            out.push_str(" | ");
            out.push_str(entry.grpc_code().name());
            out.push_str(" | ");
            push_cell(&mut out, &entry.code().to_string());
            out.push_str(" | ");
            push_cell(&mut out, entry.message());
            out.push_str(" | ");
            push_cell(&mut out, entry.description());
            out.push_str(" |\n");
        }
        out
    }
}

/// Writes `text` as the inside of a table cell: `|` escaped, line breaks as `<br>`.
fn push_cell(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '|' => out.push_str("\\|"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
}
