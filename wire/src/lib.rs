//! The rules of `error-contract`'s wire formats, in one place for its two users: the derive,
//! which writes the bodies that have no run-time part at compile time, and the runtime, which
//! writes the others and reads them back.
//!
//! - [`reason`]: the registered statuses, their reason phrases, and the title of an
//!   unregistered one.
//! - [`escape`]: JSON string escaping, as `serde_json` escapes.
//! - [`grpc`]: the gRPC status codes, and the mapping from an HTTP status to one and back.
//! - [`Builtin`] and [`write_body`]: the built-in styles, the names of the members they write
//!   (which an enum may rename), the constant members, and the one walk that writes a body of
//!   each style through a [`Sink`].
//!
//! Users depend on `error-contract`, which re-exports what they need; this crate has no
//! dependencies and its API follows `error-contract`'s version.
//!
//! ```
//! use error_contract_wire::{Builtin, Names};
//!
//! assert_eq!(Builtin::from_name("flat"), Some(Builtin::Flat));
//! assert_eq!(Builtin::Flat.code_name(&Names::DEFAULT), Some("code"));
//! ```

#![no_std]

pub mod escape;
pub mod grpc;
pub mod header;
pub mod reason;
mod style;

pub use style::{
    Builtin, Constant, ConstantValue, Envelope, Names, ReadPlan, Role, Sink, write_body,
    write_constant, write_constants, write_errors_start, write_item, write_object,
};
