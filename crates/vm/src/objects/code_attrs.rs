//! The `co_*` attributes of code objects.
//!
//! Most object-valued ones are made once per code object and kept (see
//! [`crate::objects::code::CodeAttrs`]): CPython stores or caches each of them, so that
//! reading one twice gives the same object. Not `co_consts` and `co_code`: CPython's
//! `co_consts` is the tuple its eval loop reads (ours is a vector), and code that walks
//! code objects reads these two once per object, so that keeping them costs more than
//! it saves: in the stdlib compile benchmark, keeping a tuple and a bytes object per
//! code object made reading them and freeing the code objects about 15 ms slower (the
//! kept tuples are more for the collector to visit, and fresh memory is touched where a
//! dropped temporary's memory was reused).

use std::cell::OnceCell;

use crate::error::PyResult;
use crate::frame::code_data;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

pub fn code_attribute(vm: &mut Vm, o: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    let c = code_data(o);
    let co = &c.code;
    let strs = |vm: &Vm, names: Vec<std::rc::Rc<str>>| {
        vm.new_tuple(names.iter().map(|n| vm.new_str(n)).collect())
    };
    let kept = |cell: &OnceCell<Value>, make: &dyn Fn() -> Value| cell.get_or_init(make).clone();
    Ok(Some(match name {
        "co_firstlineno" => Value::Int(co.firstlineno as i64),
        "co_argcount" => Value::Int(co.argcount as i64),
        "co_posonlyargcount" => Value::Int(co.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(co.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(co.varnames().len() as i64),
        "co_flags" => Value::Int(co.flags as i64),
        "co_stacksize" => Value::Int(co.stacksize as i64),
        "co_consts" => vm.new_tuple(c.consts.clone()),
        "co_code" => {
            let bytes: Vec<u8> = co.code.iter().flat_map(|u| [u.op, u.arg]).collect();
            crate::objects::bytes::new_bytes(vm, bytes)
        }
        _ if !name.starts_with("co_") => return Ok(None),
        _ => {
            let attrs = c.attrs();
            match name {
                "co_name" => kept(&attrs.name, &|| vm.new_str(&co.name)),
                "co_qualname" => kept(&attrs.qualname, &|| vm.new_str(&co.qualname)),
                "co_filename" => kept(&attrs.filename, &|| vm.new_str(&co.filename)),
                "co_varnames" => kept(&attrs.varnames, &|| strs(vm, co.varnames())),
                "co_cellvars" => kept(&attrs.cellvars, &|| strs(vm, co.cellvars())),
                "co_freevars" => kept(&attrs.freevars, &|| strs(vm, co.freevars())),
                "co_names" => kept(&attrs.names, &|| vm.new_tuple(c.names.clone())),
                "co_linetable" => kept(&attrs.linetable, &|| {
                    crate::objects::bytes::new_bytes(vm, co.linetable.clone())
                }),
                "co_exceptiontable" => kept(&attrs.exceptiontable, &|| {
                    let table = adder_bytecode::line_table::encode_exception_table(co);
                    crate::objects::bytes::new_bytes(vm, table)
                }),
                _ => return Ok(None),
            }
        }
    }))
}
