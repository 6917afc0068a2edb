//! The `_functools` module, in part (CPython's `Modules/_functoolsmodule.c`): `reduce`
//! and `cmp_to_key`. `functools.py` keeps its pure-Python `partial` and
//! `_lru_cache_wrapper`, which it uses when these names are missing here.

use adder_vm::native_module::{add_functions, new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::ObjRef;
use adder_vm::objects::dict;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::protocol::compare::CmpOp;
use adder_vm::{PyResult, Value, Vm};

use crate::args::{bind, Params};
use crate::native_util::after_receiver as rest;

/// `reduce(function, iterable, /, initial=<missing>)`.
fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let given = args.pos().len();
    if given < 2 {
        return Err(vm.type_error(format!(
            "reduce() takes at least 2 positional arguments ({given} given)"
        )));
    }
    let params = Params {
        func: "reduce",
        names: &["function", "iterable", "initial"],
        required: 2,
        positional: 3,
    };
    let slots = bind(vm, &args, &params)?;
    let function = slots[0].clone().unwrap_or(Value::None);
    let iterable = slots[1].clone().unwrap_or(Value::None);
    let it = vm.get_iter(&iterable).map_err(|e| {
        if e.0
            .class
            .borrow()
            .as_ref()
            .is_some_and(|c| std::rc::Rc::ptr_eq(c, &vm.types().exc.type_error))
        {
            vm.type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc = slots[2].clone();
    while let Some(item) = vm.next(&it)? {
        acc = Some(match acc {
            None => item,
            Some(a) => vm.call(&function, &[a, item])?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}

/// What `cmp_to_key(mycmp)` returns, and what calling that returns: a key holding
/// `obj` (absent in the first), ordered by `mycmp(a.obj, b.obj)` against 0.
struct KeyWrapper {
    cmp: Value,
    obj: Option<Value>,
}

impl NativeObject for KeyWrapper {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cmp);
        if let Some(o) = &self.obj {
            visit(o);
        }
    }
}

const TYPE_NAME: &str = "functools.KeyWrapper";

struct FunctoolsState {
    key_wrapper: ObjRef,
}

fn key_type(vm: &Vm) -> PyResult<ObjRef> {
    vm.native_state::<FunctoolsState>()
        .map(|s| s.key_wrapper.clone())
        .ok_or_else(|| vm.system_error("_functools is not initialised"))
}

fn cmp_to_key(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let params = Params {
        func: "cmp_to_key",
        names: &["mycmp"],
        required: 1,
        positional: 1,
    };
    let slots = bind(vm, &args, &params)?;
    let cmp = slots[0].clone().unwrap_or(Value::None);
    let cls = key_type(vm)?;
    Ok(vm.new_native_instance(&cls, KeyWrapper { cmp, obj: None }))
}

/// `K(obj)`: a key for `obj` with the same comparison function.
fn call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let k = vm.native_self::<KeyWrapper>(&args, "__call__", TYPE_NAME)?;
    let params = Params {
        func: "K",
        names: &["obj"],
        required: 1,
        positional: 1,
    };
    let slots = bind(vm, &rest(&args), &params)?;
    let key = KeyWrapper {
        cmp: k.cmp.clone(),
        obj: slots[0].clone(),
    };
    let cls = key_type(vm)?;
    Ok(vm.new_native_instance(&cls, key))
}

fn compare(vm: &mut Vm, args: Args, op: CmpOp, name: &str) -> PyResult<Value> {
    let k = vm.native_self::<KeyWrapper>(&args, name, TYPE_NAME)?;
    let other = crate::arity::one(vm, &rest(&args), name)?;
    let Some(o) = other.native::<KeyWrapper>() else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let (a, b) = (k.obj.clone(), o.obj.clone());
    let (Some(a), Some(b)) = (a, b) else {
        return Err(vm.error(&vm.types().exc.attribute_error, "obj"));
    };
    let res = vm.call(&k.cmp, &[a, b])?;
    vm.rich_compare(&res, &Value::Int(0), op)
}

macro_rules! comparisons {
    ($($name:ident => $op:expr),*) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            compare(vm, args, $op, concat!("__", stringify!($name), "__"))
        }
    )*};
}

comparisons!(lt => CmpOp::Lt, le => CmpOp::Le, eq => CmpOp::Eq, ne => CmpOp::Ne, gt => CmpOp::Gt, ge => CmpOp::Ge);

fn obj_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let k = vm.native_self::<KeyWrapper>(&args, "obj", TYPE_NAME)?;
    k.obj
        .clone()
        .ok_or_else(|| vm.error(&vm.types().exc.attribute_error, "obj"))
}

const KEY_METHODS: &[(&str, NativeFn)] = &[
    ("__call__", call),
    ("__lt__", lt),
    ("__le__", le),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__gt__", gt),
    ("__ge__", ge),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let key_wrapper = new_native_type(
        vm,
        NativeTypeSpec {
            name: "KeyWrapper",
            module: "functools",
            base: None,
            new: None,
            init: None,
            methods: KEY_METHODS,
            subclassable: false,
        },
    );
    crate::native_util::add_getters(vm, &key_wrapper, &[("obj", obj_getter)]);
    if let Some(ns) = key_wrapper.dict_obj() {
        dict::set_str(vm, &ns, "__hash__", Value::None);
    }
    add_functions(
        vm,
        module,
        &[("reduce", reduce), ("cmp_to_key", cmp_to_key)],
    );
    vm.set_native_state(FunctoolsState { key_wrapper });
    Ok(())
}
