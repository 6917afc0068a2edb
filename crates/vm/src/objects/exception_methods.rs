//! Methods of `BaseException` written in Rust: `__init__` (so that subclasses calling
//! `super().__init__(msg)` set `args`), `add_note` and `with_traceback`.

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    crate::objects::exception_group::install(vm);
    let base = vm.types().exc.base_exception.clone();
    crate::builtins::add_methods(
        vm,
        &base,
        &[
            ("__init__", exception_init),
            ("add_note", exception_add_note),
            ("with_traceback", exception_with_traceback),
        ],
    );
}

fn receiver(vm: &Vm, args: &Args, method: &str) -> PyResult<ObjRef> {
    match args.pos().first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Exception(_)) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor '{method}' requires a 'BaseException' object"
        ))),
    }
}

/// `BaseException.__init__(self, *args)`: `self.args = args`.
fn exception_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = receiver(vm, &args, "__init__")?;
    if !args.kwnames.is_empty() {
        let name = vm.type_name(&Value::Obj(exc.clone()));
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let new_args = vm.new_tuple(args.pos()[1..].to_vec());
    if let Some(d) = vm.exception_data(&exc) {
        d.borrow_mut().args = new_args;
    }
    crate::objects::exception_fields::init_attributes(vm, &exc, &args.pos()[1..])?;
    Ok(Value::None)
}

/// Append `note` (a str) to `exc.__notes__`, creating the list.
pub fn add_note(vm: &mut Vm, exc: &ObjRef, note: Value) -> PyResult<()> {
    if !matches!(note.payload(), Some(Payload::Str(_))) {
        return Err(vm.type_error(format!(
            "add_note() argument must be str, not {}",
            vm.type_name(&note)
        )));
    }
    let Some(d) = vm.exception_data(exc) else {
        return Ok(());
    };
    let notes = d.borrow().notes.clone();
    match notes.payload() {
        Some(Payload::List(l)) => l.borrow_mut().push(note),
        _ if notes.is_null() => d.borrow_mut().notes = vm.new_list(vec![note]),
        _ => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(())
}

fn exception_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = receiver(vm, &args, "add_note")?;
    let [_, note] = args.pos() else {
        return Err(vm.type_error(format!(
            "BaseException.add_note() takes exactly one argument ({} given)",
            args.pos().len().saturating_sub(1)
        )));
    };
    add_note(vm, &exc, note.clone())?;
    Ok(Value::None)
}

/// `exc.with_traceback(tb)`: set `__traceback__` and return the exception.
fn exception_with_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = receiver(vm, &args, "with_traceback")?;
    let [_, tb] = args.pos() else {
        return Err(vm.type_error("with_traceback() takes exactly one argument"));
    };
    if !tb.is_none() && !matches!(tb.payload(), Some(Payload::Traceback(_))) {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    if let Some(d) = vm.exception_data(&exc) {
        d.borrow_mut().traceback = tb.clone();
    }
    Ok(Value::Obj(exc))
}
