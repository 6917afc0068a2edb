//! Lazily evaluated parts of type parameters and aliases (PEP 695/649): a bound,
//! constraints, default or alias value is either given (`TypeVar('T', bound=int)`) or
//! computed on first read by a function the compiler made (`def f[T: Undefined]`
//! raises NameError only when `T.__bound__` is read). `evaluate_bound` and friends
//! expose that function, or a `_typing._ConstEvaluator` wrapping a given value.

use std::cell::RefCell;

use crate::error::PyResult;
use crate::native_module::{new_native_type, NativeObject, NativeTypeSpec};
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::function::Args;
use crate::objects::typevar_types::typing_types;
use crate::value::Value;
use crate::vm::Vm;

/// `annotationlib.Format.STRING`: the evaluator returns source-like text.
const FORMAT_STRING: i64 = 4;

/// A value known now or computed once on demand. `Null` marks what is absent.
pub struct Lazy {
    value: RefCell<Value>,
    evaluate: RefCell<Value>,
}

impl Lazy {
    /// A value given now (`None` when absent).
    pub fn given(value: Option<Value>) -> Lazy {
        Lazy {
            value: RefCell::new(value.unwrap_or(Value::Null)),
            evaluate: RefCell::new(Value::Null),
        }
    }

    /// A value computed by calling `evaluate` when first read (`None`: absent).
    pub fn deferred(evaluate: Option<Value>) -> Lazy {
        Lazy {
            value: RefCell::new(Value::Null),
            evaluate: RefCell::new(evaluate.unwrap_or(Value::Null)),
        }
    }

    /// Replace the evaluation function (`INTRINSIC_SET_TYPEPARAM_DEFAULT`).
    pub fn set_evaluate(&self, evaluate: Value) {
        *self.evaluate.borrow_mut() = evaluate;
    }

    /// The value: the one given or computed before, else computed now and kept, else
    /// `absent` when there is neither a value nor a function.
    pub fn get(&self, vm: &mut Vm, absent: impl FnOnce(&Vm) -> Value) -> PyResult<Value> {
        let known = self.value.borrow().clone();
        if !known.is_null() {
            return Ok(known);
        }
        let evaluate = self.evaluate.borrow().clone();
        if evaluate.is_null() {
            return Ok(absent(vm));
        }
        let computed = vm.call(&evaluate, &[])?;
        *self.value.borrow_mut() = computed.clone();
        Ok(computed)
    }

    /// `evaluate_*`: the function, or a constant evaluator of a given value, or `None`.
    pub fn evaluator(&self, vm: &Vm) -> Value {
        let evaluate = self.evaluate.borrow().clone();
        if !evaluate.is_null() {
            return evaluate;
        }
        let known = self.value.borrow().clone();
        if known.is_null() {
            return Value::None;
        }
        let cls = typing_types(vm).constevaluator.clone();
        Value::obj(PyObject::new(
            cls,
            Payload::Native(Box::new(ConstEvaluator { value: known })),
        ))
    }

    /// Whether there is a function, or a given value other than `typing.NoDefault`
    /// (`has_default()`).
    pub fn is_present(&self, vm: &Vm) -> bool {
        if !self.evaluate.borrow().is_null() {
            return true;
        }
        let known = self.value.borrow();
        !known.is_null() && !known.is(&typing_types(vm).no_default)
    }

    /// The values held, for the cycle collector.
    pub fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.value.borrow());
        visit(&self.evaluate.borrow());
    }
}

/// `_typing._ConstEvaluator`: `evaluate_*` of a value given at construction.
struct ConstEvaluator {
    value: Value,
}

impl NativeObject for ConstEvaluator {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.value);
    }
}

pub fn make_type(vm: &Vm) -> ObjRef {
    new_native_type(
        vm,
        NativeTypeSpec {
            name: "_ConstEvaluator",
            module: "_typing",
            base: None,
            new: None,
            init: None,
            methods: &[
                ("__call__", const_evaluator_call),
                ("__repr__", const_evaluator_repr),
            ],
            subclassable: false,
        },
    )
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a ConstEvaluator> {
    crate::objects::typevar_types::receiver::<ConstEvaluator>(vm, args, "_typing._ConstEvaluator")
}

fn const_evaluator_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let value = this(vm, &args)?.value.clone();
    let shown = vm.repr(&value)?;
    Ok(vm.new_str(&format!("<constevaluator {shown}>")))
}

/// `evaluator(format)`: the value, or for `Format.STRING` its source-like text.
fn const_evaluator_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let value = this(vm, &args)?.value.clone();
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("constevaluator.__call__() takes no keyword arguments"));
    }
    let format = match args.pos() {
        [_, format] => format.clone(),
        p => {
            return Err(vm.type_error(format!(
                "constevaluator.__call__() takes exactly 1 argument ({} given)",
                p.len().saturating_sub(1)
            )))
        }
    };
    let format = match format {
        Value::Int(i) => i,
        Value::Bool(b) => i64::from(b),
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&other)
            )))
        }
    };
    if format != FORMAT_STRING {
        return Ok(value);
    }
    let text = match value.as_obj().and_then(|o| o.as_tuple()) {
        Some(items) => {
            let mut parts = Vec::with_capacity(items.len());
            for item in items {
                parts.push(type_repr(vm, item)?);
            }
            format!("({})", parts.join(", "))
        }
        None => type_repr(vm, &value)?,
    };
    Ok(vm.new_str(&text))
}

/// How a type hint is written in source (CPython's `_Py_typing_type_repr`): `...`,
/// `None` for `NoneType`, an alias's repr, `module.qualname` for classes (no module
/// for builtins), otherwise `repr()`.
pub fn type_repr(vm: &mut Vm, hint: &Value) -> PyResult<String> {
    if hint.is(&vm.types().ellipsis) {
        return Ok("...".into());
    }
    if hint.is(&Value::Obj(vm.types().none_type.clone())) {
        return Ok("None".into());
    }
    let origin = vm.new_str("__origin__");
    let args = vm.new_str("__args__");
    if vm.get_optional_attr(hint, &origin)?.is_some()
        && vm.get_optional_attr(hint, &args)?.is_some()
    {
        return vm.repr(hint);
    }
    let qualname_key = vm.new_str("__qualname__");
    let Some(qualname) = vm.get_optional_attr(hint, &qualname_key)? else {
        return vm.repr(hint);
    };
    let module_key = vm.new_str("__module__");
    let module = match vm.get_optional_attr(hint, &module_key)? {
        None | Some(Value::None) => return vm.repr(hint),
        Some(m) => m,
    };
    let qualname = vm.to_str(&qualname)?;
    if module
        .as_obj()
        .and_then(|o| o.as_str())
        .is_some_and(|s| s.as_str() == "builtins")
    {
        return Ok(qualname);
    }
    let module = vm.to_str(&module)?;
    Ok(format!("{module}.{qualname}"))
}
