//! The `code` object: a compiled `CodeObject` plus its constants and names already
//! turned into Python values, so the eval loop never converts anything at run time;
//! and its introspection methods `co_lines()` and `co_positions()`.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use adder_bytecode::line_table::line_ranges;
use adder_bytecode::CodeObject;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::vm::Vm;

use crate::value::Value;

pub struct CodeData {
    pub code: Rc<CodeObject>,
    pub consts: Vec<Value>,
    /// `co_names` as str objects.
    pub names: Vec<Value>,
    /// Names of the fast slots as str objects (for keyword-argument matching).
    pub localsplus_names: Vec<Value>,
    /// Slot indexes that are cells (MAKE_CELL wraps them on entry).
    pub cell_slots: Vec<usize>,
    /// One word per code unit: the specializing interpreter's memory for the
    /// instruction whose cache units sit there (CPython keeps it in the cache units
    /// themselves; our code units stay immutable). See `eval::inline_cache`. Made when
    /// the code first runs an instruction with a cache (read through
    /// [`CodeData::inline_cache`]): most code objects of a program never run (a
    /// compile of the standard library made 16 MB of them).
    inline_cache: OnceCell<Box<[Cell<u64>]>>,
    /// The `co_*` values made on first access (see `code_attrs`): one object per code
    /// object, as CPython keeps them, so that `c.co_names is c.co_names`.
    attrs: OnceCell<Box<CodeAttrs>>,
}

/// The `co_*` attribute values a code object keeps once made.
#[derive(Default)]
pub struct CodeAttrs {
    pub names: OnceCell<Value>,
    pub varnames: OnceCell<Value>,
    pub cellvars: OnceCell<Value>,
    pub freevars: OnceCell<Value>,
    pub linetable: OnceCell<Value>,
    pub exceptiontable: OnceCell<Value>,
    pub name: OnceCell<Value>,
    pub qualname: OnceCell<Value>,
    pub filename: OnceCell<Value>,
}

impl CodeData {
    /// A code object's data with no inline caches yet.
    pub fn new(
        code: Rc<CodeObject>,
        consts: Vec<Value>,
        names: Vec<Value>,
        localsplus_names: Vec<Value>,
        cell_slots: Vec<usize>,
    ) -> CodeData {
        CodeData {
            code,
            consts,
            names,
            localsplus_names,
            cell_slots,
            inline_cache: OnceCell::new(),
            attrs: OnceCell::new(),
        }
    }

    /// The `co_*` values made so far (none until one is read).
    pub fn attrs(&self) -> &CodeAttrs {
        self.attrs.get_or_init(Box::default)
    }

    /// The inline-cache words, one per code unit (zero until an instruction writes).
    #[inline]
    pub fn inline_cache(&self) -> &[Cell<u64>] {
        match self.inline_cache.get() {
            Some(words) => words,
            None => self.first_inline_cache(),
        }
    }

    #[cold]
    #[inline(never)]
    fn first_inline_cache(&self) -> &[Cell<u64>] {
        self.inline_cache
            .get_or_init(|| (0..self.code.code.len()).map(|_| Cell::new(0)).collect())
    }
}

/// Register the code type's methods.
pub fn install(vm: &Vm) {
    crate::builtins::add_methods(
        vm,
        &vm.types().code.clone(),
        &[
            ("co_lines", co_lines),
            ("co_positions", co_positions),
            ("replace", crate::objects::code_replace::replace),
            ("__replace__", crate::objects::code_replace::replace),
            ("_varname_from_oparg", varname_from_oparg),
        ],
    );
}

/// The receiver of a no-argument code method.
fn receiver<'a>(vm: &Vm, args: &Args<'a>, name: &'static str) -> PyResult<&'a ObjRef> {
    receiver_of(vm, args, name, &Shape::NoArgs).map(|(code, _)| code)
}

/// The receiver of a code method and its arguments, checked against `shape`.
fn receiver_of<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &'static str,
    shape: &Shape,
) -> PyResult<(&'a ObjRef, Vec<Option<&'a Value>>)> {
    let method = MethodName {
        owner: "code",
        name,
    };
    let (recv, rest) = bind(vm, args, method, shape)?;
    match recv {
        Value::Obj(o) if matches!(o.payload, Payload::Code(_)) => Ok((o, rest)),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'code' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}

fn optional_int(v: Option<u32>) -> Value {
    v.map_or(Value::None, |n| Value::Int(n as i64))
}

/// An iterator over `(start, end, line)`: byte ranges of the bytecode and their line.
fn co_lines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = receiver(vm, &args, "co_lines")?;
    let ranges = line_ranges(&crate::frame::code_data(code).code);
    let items = ranges
        .into_iter()
        .map(|(start, end, line)| {
            vm.new_tuple(vec![
                Value::Int(start as i64),
                Value::Int(end as i64),
                optional_int(line),
            ])
        })
        .collect();
    let list = vm.new_list(items);
    vm.get_iter(&list)
}

/// An iterator over each code unit's `(line, end_line, column, end_column)`.
fn co_positions(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = receiver(vm, &args, "co_positions")?;
    let items = crate::frame::code_data(code)
        .code
        .locations()
        .map(|l| {
            vm.new_tuple(vec![
                optional_int(l.lineno),
                optional_int(l.end_lineno),
                optional_int(l.col_offset),
                optional_int(l.end_col_offset),
            ])
        })
        .collect();
    let list = vm.new_list(items);
    vm.get_iter(&list)
}

/// `_varname_from_oparg(oparg)`: the name of fast-locals slot `oparg` (what `dis`
/// shows for LOAD_FAST and friends).
fn varname_from_oparg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (code, rest) = receiver_of(vm, &args, "_varname_from_oparg", &Shape::One)?;
    let oparg = match rest.first() {
        Some(Some(v)) => vm.index_value(v)?,
        _ => 0,
    };
    usize::try_from(oparg)
        .ok()
        .and_then(|i| {
            crate::frame::code_data(code)
                .localsplus_names
                .get(i)
                .cloned()
        })
        .ok_or_else(|| vm.index_error("tuple index out of range"))
}
