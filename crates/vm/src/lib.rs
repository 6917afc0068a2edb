//! adder's virtual machine: the runtime, interpreter and thread states, the object
//! model and built-in types, and the bytecode evaluation loop.

pub mod ast_objects;
pub mod builtins;
pub mod codec_registry;
mod compile_warnings;
pub mod error;
pub mod eval;
pub mod frame;
pub mod gc;
pub mod gil;
pub mod import;
pub mod interpreter;
pub mod native_module;
pub mod native_state;
pub mod object;
pub mod objects;
pub mod output;
pub mod protocol;
pub mod runtime;
pub mod signals;
pub mod suggestions;
pub mod sys;
mod sys_info;
pub mod threads;
pub mod traceback;
pub mod traceback_format;
pub mod types;
pub mod value;
pub mod vm;
pub mod warnings;

pub use error::{PyErr, PyResult};
pub use runtime::{Config, Runtime};
pub use value::Value;
pub use vm::Vm;
