//! `code.replace(**changes)` and `code.__replace__` (`copy.replace`): a new code object
//! with some `co_*` fields changed, with CPython's argument errors.
//!
//! CPython trusts whatever bytecode it is given; adder must never let a code object
//! crash the VM. So the fields that shape execution (`co_code`, argument counts, the
//! number and kinds of fast locals, the exception table) may only be "replaced" by
//! their current value, `co_stacksize` may only grow, and `co_flags` may only change
//! bits the VM does not rely on; anything else is a ValueError. Names, constants (at
//! least as many as before, so every index stays valid), the first line (which shifts
//! every position, as CPython's relative line table does), the positions table (any
//! bytes, as CPython: every reader of positions stops at the first entry it cannot
//! parse, and the table never steers execution), the file name and the names of
//! locals, cells and free variables change freely.

use std::rc::Rc;

use adder_bytecode::{CodeFlags, CodeObject};

use crate::error::PyResult;
use crate::frame::code_data;
use crate::object::{ObjRef, Payload};
use crate::objects::function::Args;
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::protocol::number::{as_int, IntRef};
use crate::value::Value;
use crate::vm::Vm;

/// `co_flags` bits a program may set or clear: informational ones, and
/// `CO_ITERABLE_COROUTINE`, which `types.coroutine` sets on generator functions.
const FREE_FLAGS: u32 = CodeFlags::NESTED
    | CodeFlags::NOFREE
    | CodeFlags::ITERABLE_COROUTINE
    | CodeFlags::HAS_DOCSTRING
    | CodeFlags::METHOD;

/// The keywords `code.replace` accepts, in CPython's signature order.
const KEYWORDS: &[&str] = &[
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_stacksize",
    "co_flags",
    "co_firstlineno",
    "co_code",
    "co_consts",
    "co_names",
    "co_varnames",
    "co_freevars",
    "co_cellvars",
    "co_filename",
    "co_name",
    "co_qualname",
    "co_linetable",
    "co_exceptiontable",
];

/// `code.replace(**changes)`.
pub fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let receiver = match args.pos() {
        [Value::Obj(o)] if matches!(o.payload, Payload::Code(_)) => o.clone(),
        _ => return Err(vm.type_error("replace() takes no positional arguments")),
    };
    let mut changes: Vec<(&str, Value)> = Vec::new();
    for (key, value) in args.kwargs() {
        let name = name_str(key);
        let Some(known) = KEYWORDS.iter().find(|k| **k == name) else {
            return Err(unexpected_keyword(vm, "replace", key));
        };
        changes.push((known, value.clone()));
    }
    changes.sort_by_key(|(name, _)| KEYWORDS.iter().position(|k| k == name));
    let mut edit = Edit::new(&receiver);
    for (name, value) in &changes {
        edit.apply(vm, name, value)?;
    }
    edit.finish(vm)
}

/// The code object being built: the compiled form plus the Python-level constants
/// and names, which `replace` may set to any objects.
struct Edit {
    code: CodeObject,
    consts: Vec<Value>,
    names: Vec<Value>,
}

impl Edit {
    fn new(receiver: &ObjRef) -> Edit {
        let data = code_data(receiver);
        Edit {
            code: (*data.code).clone(),
            consts: data.consts.clone(),
            names: data.names.clone(),
        }
    }

    fn apply(&mut self, vm: &mut Vm, name: &str, value: &Value) -> PyResult<()> {
        let code = &mut self.code;
        match name {
            "co_argcount" => same(c_int(vm, name, value)?, code.argcount, vm, name),
            "co_posonlyargcount" => same(c_int(vm, name, value)?, code.posonlyargcount, vm, name),
            "co_kwonlyargcount" => same(c_int(vm, name, value)?, code.kwonlyargcount, vm, name),
            "co_nlocals" => {
                let nlocals = c_int(vm, name, value)?;
                if nlocals as usize != code.varnames().len() {
                    return Err(vm.value_error("code: co_nlocals != len(co_varnames)"));
                }
                Ok(())
            }
            "co_stacksize" => {
                let size = c_int(vm, name, value)?;
                if size < code.stacksize {
                    return Err(unsupported(vm, "lower co_stacksize"));
                }
                code.stacksize = size;
                Ok(())
            }
            "co_flags" => {
                let flags = c_int(vm, name, value)?;
                if (flags ^ code.flags) & !FREE_FLAGS != 0 {
                    return Err(unsupported(vm, "change these co_flags bits"));
                }
                code.flags = flags;
                Ok(())
            }
            "co_firstlineno" => {
                let first = c_int(vm, name, value)?;
                code.firstlineno = first;
                Ok(())
            }
            "co_code" => {
                let bytes = bytes_arg(vm, name, value)?;
                let current: Vec<u8> = code.code.iter().flat_map(|u| [u.op, u.arg]).collect();
                same(bytes, current, vm, name)
            }
            "co_linetable" => {
                code.linetable = bytes_arg(vm, name, value)?;
                Ok(())
            }
            "co_exceptiontable" => {
                let bytes = bytes_arg(vm, name, value)?;
                let current = adder_bytecode::line_table::encode_exception_table(code);
                same(bytes, current, vm, name)
            }
            "co_consts" => {
                let items = tuple_arg(vm, name, value)?;
                if items.len() < self.consts.len() {
                    return Err(unsupported(vm, "remove constants"));
                }
                self.consts = items;
                Ok(())
            }
            "co_names" => {
                let items = str_tuple(vm, name, value)?;
                if items.len() < self.names.len() {
                    return Err(unsupported(vm, "remove names"));
                }
                self.names = items;
                Ok(())
            }
            "co_varnames" => self.rename_locals(vm, value, Kind::Var),
            "co_cellvars" => self.rename_locals(vm, value, Kind::Cell),
            "co_freevars" => self.rename_locals(vm, value, Kind::Free),
            "co_filename" => set_str(vm, name, value, &mut code.filename),
            "co_name" => set_str(vm, name, value, &mut code.name),
            "co_qualname" => set_str(vm, name, value, &mut code.qualname),
            _ => Ok(()),
        }
    }

    /// `co_varnames`/`co_cellvars`/`co_freevars`: new names for the same slots.
    fn rename_locals(&mut self, vm: &mut Vm, value: &Value, kind: Kind) -> PyResult<()> {
        let name = kind.keyword();
        let new_names = str_tuple(vm, name, value)?;
        let slots: Vec<usize> = (0..self.code.localsplus_names.len())
            .filter(|&i| kind.matches(&self.code, i))
            .collect();
        if new_names.len() < slots.len() {
            return Err(vm.value_error(format!("code: {name} is too small")));
        }
        if new_names.len() > slots.len() {
            return Err(match kind {
                Kind::Var => vm.value_error("code: co_nlocals != len(co_varnames)"),
                _ => unsupported(vm, "add cells or free variables"),
            });
        }
        for (slot, new_name) in slots.into_iter().zip(&new_names) {
            self.code.localsplus_names[slot] = Rc::from(name_str(new_name));
        }
        Ok(())
    }

    fn finish(self, vm: &mut Vm) -> PyResult<Value> {
        let mut object = vm.code_object(Rc::new(self.code));
        if let Some(crate::object::PyObject {
            payload: Payload::Code(data),
            ..
        }) = Rc::get_mut(&mut object)
        {
            data.consts = self.consts;
            data.names = self.names;
        }
        Ok(Value::Obj(object))
    }
}

/// Which fast-local slots a name tuple describes.
#[derive(Clone, Copy)]
enum Kind {
    Var,
    Cell,
    Free,
}

impl Kind {
    fn keyword(self) -> &'static str {
        match self {
            Kind::Var => "co_varnames",
            Kind::Cell => "co_cellvars",
            Kind::Free => "co_freevars",
        }
    }

    /// The same selection as `CodeObject::varnames`/`cellvars`/`freevars`.
    fn matches(self, code: &CodeObject, slot: usize) -> bool {
        use adder_bytecode::LocalKind;
        let Some(kind) = code.localsplus_kinds.get(slot) else {
            return false;
        };
        match self {
            Kind::Var => {
                kind.is(LocalKind::LOCAL | LocalKind::ARGUMENT) && !kind.is(LocalKind::HIDDEN)
            }
            Kind::Cell => kind.is(LocalKind::CELL),
            Kind::Free => kind.is(LocalKind::FREE),
        }
    }
}

fn unsupported(vm: &Vm, what: &str) -> crate::error::PyErr {
    vm.value_error(format!(
        "code.replace(): adder cannot {what} (the bytecode could no longer be trusted)"
    ))
}

/// A field that may only be "replaced" by its current value.
fn same<T: PartialEq>(new: T, current: T, vm: &Vm, name: &str) -> PyResult<()> {
    if new == current {
        Ok(())
    } else {
        Err(unsupported(vm, &format!("change {name}")))
    }
}

/// An argument CPython converts to a non-negative C `int`.
fn c_int(vm: &mut Vm, name: &str, value: &Value) -> PyResult<u32> {
    let too_large = |vm: &Vm| vm.overflow_error("Python int too large to convert to C int");
    let number = match as_int(value) {
        Some(IntRef::Small(n)) => n,
        Some(IntRef::Big(_)) => return Err(too_large(vm)),
        None => vm.index_value(value)? as i64,
    };
    if i32::try_from(number).is_err() {
        return Err(too_large(vm));
    }
    u32::try_from(number).map_err(|_| vm.value_error(format!("{name} must be a positive integer")))
}

fn wrong_type(vm: &Vm, name: &str, expected: &str, value: &Value) -> crate::error::PyErr {
    let found = match value {
        Value::None => "None".to_string(),
        _ => vm.type_name(value).to_string(),
    };
    vm.type_error(format!(
        "replace() argument '{name}' must be {expected}, not {found}"
    ))
}

fn bytes_arg(vm: &Vm, name: &str, value: &Value) -> PyResult<Vec<u8>> {
    match value.payload() {
        Some(Payload::Bytes(b)) => Ok(b.to_vec()),
        _ => Err(wrong_type(vm, name, "bytes", value)),
    }
}

fn tuple_arg(vm: &Vm, name: &str, value: &Value) -> PyResult<Vec<Value>> {
    match value.payload() {
        Some(Payload::Tuple(items)) => Ok(items.to_vec()),
        _ => Err(wrong_type(vm, name, "tuple", value)),
    }
}

/// A tuple of names; CPython reports a non-str item as a SystemError.
fn str_tuple(vm: &Vm, name: &str, value: &Value) -> PyResult<Vec<Value>> {
    let items = tuple_arg(vm, name, value)?;
    if items
        .iter()
        .any(|item| !matches!(item.payload(), Some(Payload::Str(_))))
    {
        return Err(vm.error(
            &vm.types().exc.system_error.clone(),
            "non-string found in code slot",
        ));
    }
    Ok(items)
}

fn set_str(vm: &Vm, name: &str, value: &Value, field: &mut Rc<str>) -> PyResult<()> {
    match value.payload() {
        Some(Payload::Str(_)) => {
            *field = Rc::from(name_str(value));
            Ok(())
        }
        _ => Err(wrong_type(vm, name, "str", value)),
    }
}
