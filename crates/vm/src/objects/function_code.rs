//! `func.__code__ = code`: replacing a function's code object, with CPython's
//! checks (`func_set_code` in `Objects/funcobject.c`). `types.coroutine` relies on
//! it to turn a generator function into an awaitable one.

use adder_bytecode::CodeFlags;

use crate::error::PyResult;
use crate::frame::code_data;
use crate::object::Payload;
use crate::objects::function::Function;
use crate::value::Value;
use crate::vm::Vm;

/// The flags that decide what calling the function makes (a generator, a coroutine,
/// an async generator or a plain result).
const KIND_FLAGS: u32 = CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR;

/// Set (`Some`) or delete (`None`, refused as CPython does) the code of `fun`. The
/// call path reads the code from the function at each call, so nothing else needs
/// to be told.
pub fn set_code(vm: &mut Vm, fun: &Function, value: Option<&Value>) -> PyResult<()> {
    let Some(new_code) = value
        .and_then(Value::as_obj)
        .filter(|o| matches!(o.payload, Payload::Code(_)))
        .cloned()
    else {
        return Err(vm.type_error("__code__ must be set to a code object"));
    };
    let free_vars = code_data(&new_code).code.freevars().len();
    let closure_cells = fun
        .closure
        .borrow()
        .as_obj()
        .and_then(|o| o.as_tuple())
        .map_or(0, |cells| cells.len());
    if closure_cells != free_vars {
        let name = vm.to_str(&fun.name.borrow().clone())?;
        return Err(vm.value_error(format!(
            "{name}() requires a code object with {closure_cells} free vars, not {free_vars}"
        )));
    }
    let old_kind = code_data(&fun.code.borrow()).code.flags & KIND_FLAGS;
    if old_kind != code_data(&new_code).code.flags & KIND_FLAGS {
        let category = vm.types().exc.deprecation_warning.clone();
        vm.warn(
            &category,
            "Assigning a code object of non-matching type is deprecated \
             (e.g., from a generator to a plain function)",
            1,
        )?;
    }
    *fun.code.borrow_mut() = new_code;
    Ok(())
}
