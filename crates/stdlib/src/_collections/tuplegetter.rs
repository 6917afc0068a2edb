//! `_tuplegetter(index, doc)`: the descriptor `namedtuple` makes for each field, which
//! reads item `index` of the tuple it is found on and refuses assignment.

use std::cell::RefCell;

use adder_vm::native_module::NativeObject;
use adder_vm::object::Payload;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::deque::{receiver, rest};
use crate::arity;

pub(crate) struct TupleGetter {
    index: usize,
    doc: RefCell<Value>,
}

impl NativeObject for TupleGetter {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(doc) = self.doc.try_borrow() {
            visit(&doc);
        }
    }
}

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a TupleGetter> {
    vm.native_self::<TupleGetter>(args, method, "collections._tuplegetter")
}

/// `_tuplegetter.__new__(cls, index, doc)`.
pub(crate) fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos().first().cloned() else {
        return Err(vm.type_error("_tuplegetter.__new__(X): X is not a type object"));
    };
    let rest_args = rest(&args);
    let pos = arity::positional(vm, &rest_args, "_tuplegetter", "_tuplegetter", 2, 2)?;
    let index = crate::number_args::to_ssize(vm, &pos[0])?;
    let getter = TupleGetter {
        index: usize::try_from(index).unwrap_or(usize::MAX),
        doc: RefCell::new(pos[1].clone()),
    };
    Ok(vm.new_native_instance(&cls, getter))
}

/// `__get__(obj, type=None)`: `obj[index]`; the descriptor itself on the class.
pub(crate) fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args, "__get__")?;
    let rest_args = rest(&args);
    let pos = arity::positional(vm, &rest_args, "__get__", "__get__", 1, 2)?;
    let obj = &pos[0];
    if obj.is_none() {
        return Ok(receiver(&args));
    }
    match obj.payload() {
        Some(Payload::Tuple(items)) => items
            .get(g.index)
            .cloned()
            .ok_or_else(|| vm.index_error("tuple index out of range")),
        _ => Err(vm.type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            g.index,
            vm.type_name(obj)
        ))),
    }
}

pub(crate) fn set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__set__")?;
    Err(vm.error(&vm.types().exc.attribute_error, "can't set attribute"))
}

pub(crate) fn delete(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__delete__")?;
    Err(vm.error(&vm.types().exc.attribute_error, "can't delete attribute"))
}

pub(crate) fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args, "__repr__")?;
    let doc = g.doc.borrow().clone();
    let doc = vm.repr(&doc)?;
    let name = vm.type_name(&receiver(&args));
    Ok(vm.new_str(&format!("{name}({}, {doc})", g.index)))
}

pub(crate) fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args, "__reduce__")?;
    let cls = Value::Obj(vm.type_of(&receiver(&args)));
    let doc = g.doc.borrow().clone();
    let ctor = vm.new_tuple(vec![Value::Int(g.index as i64), doc]);
    Ok(vm.new_tuple(vec![cls, ctor]))
}

pub(crate) fn doc_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args, "__doc__")?;
    Ok(g.doc.borrow().clone())
}

pub(crate) fn doc_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args, "__doc__")?;
    let value = arity::one(vm, &rest(&args), "__doc__")?;
    let old = g.doc.replace(value.clone());
    drop(old);
    Ok(Value::None)
}
