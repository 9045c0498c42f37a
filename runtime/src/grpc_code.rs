//! `GrpcCode`: an error's code on gRPC.

use crate::Status;
use core::fmt;

macro_rules! grpc_code {
    ($($n:literal $variant:ident $name:ident $key:ident $http:literal;)*) => {
        /// A gRPC error code (`google/rpc/code.proto`, every code but `OK`): what an error is
        /// on gRPC. A variant's follows from its HTTP status ([`GrpcCode::of_status`]), unless
        /// it names one with `#[api_error(grpc = "already_exists")]`.
        ///
        /// ```
        /// use error_contract::{ApiError, GrpcCode, Status};
        ///
        /// #[derive(Debug, ApiError)]
        /// enum ShopError {
        ///     #[api_error(status = 404, code = "product_not_found")]
        ///     ProductNotFound,
        ///     #[api_error(status = 409, code = "duplicate_order", grpc = "already_exists")]
        ///     DuplicateOrder,
        /// }
        ///
        /// let entries = ShopError::catalog();
        /// assert_eq!(entries.entries()[0].grpc_code(), GrpcCode::NotFound);
        /// assert_eq!(entries.entries()[1].grpc_code(), GrpcCode::AlreadyExists);
        /// assert_eq!(GrpcCode::of_status(Status::CONFLICT), GrpcCode::Aborted);
        /// assert_eq!(GrpcCode::AlreadyExists.name(), "ALREADY_EXISTS");
        /// assert_eq!(GrpcCode::AlreadyExists.as_i32(), 6);
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #[repr(u8)]
        pub enum GrpcCode {
            $(
                #[doc = concat!("`", stringify!($name), "` (", stringify!($n), "); `code.proto` maps it to HTTP ", stringify!($http), ".")]
                $variant = $n,
            )*
        }

        impl GrpcCode {
            /// The code numbered `n`; `None` for `OK` (0) and numbers `code.proto` does not
            /// define.
            ///
            /// ```
            /// use error_contract::GrpcCode;
            ///
            /// assert_eq!(GrpcCode::from_i32(5), Some(GrpcCode::NotFound));
            /// assert_eq!(GrpcCode::from_i32(0), None);
            /// assert_eq!(GrpcCode::from_i32(17), None);
            /// ```
            #[must_use]
            pub const fn from_i32(n: i32) -> Option<GrpcCode> {
                match n {
                    $($n => Some(GrpcCode::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

error_contract_wire::grpc_codes!(grpc_code);

impl GrpcCode {
    /// The code of an error of HTTP status `status`, by `code.proto`'s mapping read backwards
    /// (the table is in the [derive's page](derive@crate::ApiError#grpc)): 404 is `NOT_FOUND`,
    /// 429 `RESOURCE_EXHAUSTED`, 401 `UNAUTHENTICATED`, 422 `INVALID_ARGUMENT`.
    ///
    /// ```
    /// use error_contract::{GrpcCode, Status};
    ///
    /// assert_eq!(GrpcCode::of_status(Status::TOO_MANY_REQUESTS), GrpcCode::ResourceExhausted);
    /// assert_eq!(GrpcCode::of_status(Status::UNPROCESSABLE_CONTENT), GrpcCode::InvalidArgument);
    /// ```
    #[must_use]
    pub const fn of_status(status: Status) -> GrpcCode {
        match GrpcCode::from_i32(error_contract_wire::grpc::from_http(status.as_u16()) as i32) {
            Some(code) => code,
            None => GrpcCode::Unknown,
        }
    }

    /// The number of the code (`NOT_FOUND` is 5).
    ///
    /// See [`GrpcCode`] for an example.
    #[must_use]
    pub const fn as_i32(self) -> i32 {
        self as i32
    }

    /// The name in `code.proto` (`NOT_FOUND`).
    ///
    /// See [`GrpcCode`] for an example.
    #[must_use]
    pub fn name(self) -> &'static str {
        error_contract_wire::grpc::name(self as u8).unwrap_or("UNKNOWN")
    }

    /// The HTTP status `code.proto` gives the code (`NOT_FOUND`: 404; `INTERNAL`, `UNKNOWN` and
    /// `DATA_LOSS`: 500).
    ///
    /// ```
    /// use error_contract::{GrpcCode, Status};
    ///
    /// assert_eq!(GrpcCode::Unauthenticated.http_status(), Status::UNAUTHORIZED);
    /// ```
    #[must_use]
    pub const fn http_status(self) -> Status {
        Status::checked(error_contract_wire::grpc::to_http(self as u8))
    }
}

/// The name in `code.proto`.
impl fmt::Display for GrpcCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
