//! The abstract object protocols (CPython's `Objects/abstract.c` and `object.c`):
//! what `hash`, `==`, `bool`, `repr`, attribute access, arithmetic, calls, iteration
//! and subscription mean for any value. Built-in types take fast paths in Rust; user
//! classes are reached through their dunder methods.

pub mod attr;
pub mod call;
pub mod compare;
pub mod hash;
pub mod instance;
pub mod iter;
pub mod number;
pub mod repr;
pub mod sequence;
pub mod truth;
