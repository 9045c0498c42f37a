//! The axum rows, shared by both bench targets (axum is a dev-dependency, so these live beside
//! the benches rather than in the library): the response for an error, ours (`IntoResponse`,
//! feature `axum`) against a hand-written `(StatusCode, Json(body))`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use error_contract_benches::{HandError, OrderBody, ShopError, UnitBody};

/// Row: ours, `error.into_response()`.
pub(crate) fn ours(error: ShopError) -> Response {
    error.into_response()
}

/// Row: hand-written `(StatusCode, Json(body)).into_response()`, the message `format!`ed.
pub(crate) fn hand(error: HandError) -> Response {
    match error {
        HandError::NotFound => (
            StatusCode::NOT_FOUND,
            Json(UnitBody {
                code: 3001,
                message: "entity not found",
            }),
        )
            .into_response(),
        HandError::OrderNotFound { user, order } => {
            let message = format!("order {order} of {user} not found");
            (
                StatusCode::NOT_FOUND,
                Json(OrderBody {
                    code: 3002,
                    message: &message,
                    user: &user,
                    order,
                }),
            )
                .into_response()
        }
    }
}
