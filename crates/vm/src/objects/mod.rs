//! One file per built-in type (CPython's `Objects/`).

pub mod attributes;
pub mod bytes;
pub mod code;
pub mod code_attrs;
pub mod dict;
pub mod exception;
pub mod function;
pub mod methods;
pub mod range;
pub mod repr;
pub mod str;
pub mod traceback;
pub mod type_;
pub mod type_call;
