//! Python's numeric semantics, shared by the compiler (constant folding) and the VM:
//! arbitrary-precision integers, float repr/parsing/formatting, numeric hashing.
//!
//! Nothing here knows about Python objects: inputs and outputs are plain Rust values,
//! and errors are small enums the VM turns into Python exceptions.

/// Arbitrary-precision signed integer. Kept behind this alias so the crate can be swapped.
pub use dashu_int::IBig as BigInt;

pub mod complex;
pub mod complex_format;
mod error;
mod float_decimal;
pub mod float_format;
pub mod float_hex;
pub mod float_ops;
pub mod float_parse;
pub mod float_repr;
pub mod format_spec;
pub mod hash;
pub mod int;
pub mod int_bytes;
pub mod int_float;
pub mod int_format;
pub mod int_format_spec;
pub mod int_parse;
mod number_layout;
mod numeric_text;

pub use error::{NumError, NumResult};
pub use float_repr::float_repr;
