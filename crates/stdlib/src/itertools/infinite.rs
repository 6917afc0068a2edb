//! `count`, `cycle` and `repeat`.

use std::cell::{Cell, RefCell};

use adder_vm::native_module::NativeObject;
use adder_vm::objects::function::Args;
use adder_vm::protocol::number::{as_float, as_int, IntRef};
use adder_vm::{PyResult, Value, Vm};

use super::{cls_arg, ctor_args, receiver, stop, IterType};
use crate::arity::{self, Signature};

pub(super) const TYPES: &[IterType] = &[
    IterType {
        name: "count",
        new: Some(count_new),
        next: count_next,
        methods: &[("__repr__", count_repr)],
        subclassable: true,
    },
    IterType {
        name: "cycle",
        new: Some(cycle_new),
        next: cycle_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "repeat",
        new: Some(repeat_new),
        next: repeat_next,
        methods: &[
            ("__repr__", repeat_repr),
            ("__length_hint__", repeat_length_hint),
        ],
        subclassable: true,
    },
];

const NB_ADD: u32 = 0;

struct Count {
    current: RefCell<Value>,
    step: Value,
}

impl NativeObject for Count {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.current.borrow());
        visit(&self.step);
    }
}

/// `PyNumber_Check`: what count() accepts as start and step.
fn is_number(vm: &Vm, v: &Value) -> bool {
    as_int(v).is_some()
        || as_float(v).is_some()
        || ["__index__", "__int__", "__float__", "__complex__"]
            .iter()
            .any(|m| vm.type_lookup(&vm.type_of(v), m).is_some())
}

const COUNT: Signature = Signature {
    name: "count",
    names: &["start", "step"],
    posonly: 0,
    required: 0,
    max_positional: 2,
};

fn count_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let slots = arity::bind(vm, &ctor_args(&args), &COUNT)?;
    let start = slots[0].clone().unwrap_or(Value::Int(0));
    let step = slots[1].clone().unwrap_or(Value::Int(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(vm.type_error("a number is required"));
    }
    Ok(vm.new_native_instance(
        &cls,
        Count {
            current: RefCell::new(start),
            step,
        },
    ))
}

fn count_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = receiver::<Count>(vm, &args, "itertools.count")?;
    let current = c.current.borrow().clone();
    let next = vm.binary_op(&current, &c.step, NB_ADD)?;
    *c.current.borrow_mut() = next;
    Ok(current)
}

fn count_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = vm.native_self::<Count>(&args, "__repr__", "itertools.count")?;
    let name = vm.type_name(&args.pos()[0]);
    let current = c.current.borrow().clone();
    let start = vm.repr(&current)?;
    let step_is_one = matches!(as_int(&c.step), Some(IntRef::Small(1)));
    let text = if step_is_one {
        format!("{name}({start})")
    } else {
        format!("{name}({start}, {})", vm.repr(&c.step)?)
    };
    Ok(vm.new_str(&text))
}

struct Cycle {
    it: RefCell<Option<Value>>,
    saved: RefCell<Vec<Value>>,
    index: Cell<usize>,
}

impl NativeObject for Cycle {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        super::visit_opt(&self.it, visit);
        self.saved.borrow().iter().for_each(visit);
    }
}

fn cycle_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let rest = ctor_args(&args);
    let pos = arity::positional(vm, &rest, "cycle", "cycle", 1, 1)?;
    let it = vm.get_iter(&pos[0])?;
    Ok(vm.new_native_instance(
        &cls,
        Cycle {
            it: RefCell::new(Some(it)),
            saved: RefCell::new(Vec::new()),
            index: Cell::new(0),
        },
    ))
}

fn cycle_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = receiver::<Cycle>(vm, &args, "itertools.cycle")?;
    let it = c.it.borrow().clone();
    if let Some(it) = it {
        if let Some(item) = vm.next(&it)? {
            c.saved.borrow_mut().push(item.clone());
            return Ok(item);
        }
        *c.it.borrow_mut() = None;
    }
    let saved = c.saved.borrow();
    if saved.is_empty() {
        return Err(stop(vm));
    }
    let i = c.index.get() % saved.len();
    c.index.set((i + 1) % saved.len());
    Ok(saved[i].clone())
}

struct Repeat {
    element: Value,
    /// Remaining count; `None` repeats forever.
    remaining: Cell<Option<i64>>,
}

impl NativeObject for Repeat {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.element);
    }
}

const REPEAT: Signature = Signature {
    name: "repeat",
    names: &["object", "times"],
    posonly: 0,
    required: 1,
    max_positional: 2,
};

fn repeat_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let slots = arity::bind(vm, &ctor_args(&args), &REPEAT)?;
    let element = slots[0].clone().unwrap_or(Value::None);
    let remaining = match &slots[1] {
        None => None,
        Some(t) => Some(crate::number_args::to_ssize(vm, t)?.max(0)),
    };
    Ok(vm.new_native_instance(
        &cls,
        Repeat {
            element,
            remaining: Cell::new(remaining),
        },
    ))
}

fn repeat_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = receiver::<Repeat>(vm, &args, "itertools.repeat")?;
    match r.remaining.get() {
        Some(0) => Err(stop(vm)),
        Some(n) => {
            r.remaining.set(Some(n - 1));
            Ok(r.element.clone())
        }
        None => Ok(r.element.clone()),
    }
}

fn repeat_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = vm.native_self::<Repeat>(&args, "__repr__", "itertools.repeat")?;
    let name = vm.type_name(&args.pos()[0]);
    let element = vm.repr(&r.element)?;
    let text = match r.remaining.get() {
        Some(n) => format!("{name}({element}, {n})"),
        None => format!("{name}({element})"),
    };
    Ok(vm.new_str(&text))
}

fn repeat_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = vm.native_self::<Repeat>(&args, "__length_hint__", "itertools.repeat")?;
    match r.remaining.get() {
        Some(n) => Ok(Value::Int(n)),
        None => Err(vm.type_error("len() of unsized object")),
    }
}
