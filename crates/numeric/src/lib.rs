//! Python's numeric semantics, shared by the compiler (constant folding) and the VM:
//! arbitrary-precision integers, float repr/parsing/formatting, numeric hashing.
//!
//! Nothing here knows about Python objects: inputs and outputs are plain Rust values,
//! and errors are small enums the VM turns into Python exceptions.

/// Arbitrary-precision signed integer. Kept behind this alias so the crate can be swapped.
pub use dashu_int::IBig as BigInt;

mod error;
mod float_decimal;
pub mod float_repr;

pub use error::{NumError, NumResult};
pub use float_repr::float_repr;
