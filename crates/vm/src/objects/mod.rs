//! One file per built-in type (CPython's `Objects/`).

pub mod attributes;
pub mod bytes;
pub mod code;
pub mod code_attrs;
pub mod dict;
pub mod dict_methods;
pub mod exception;
pub mod function;
pub mod generator;
pub mod iterators;
pub mod list;
pub mod methods;
pub mod range;
pub mod range_methods;
pub mod repr;
pub mod set;
pub mod set_methods;
pub mod str;
pub mod traceback;
pub mod tuple;
pub mod type_;
pub mod type_call;
