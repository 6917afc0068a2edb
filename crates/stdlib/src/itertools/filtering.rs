//! `compress`, `dropwhile`, `takewhile`, `filterfalse` and `islice`.

use std::cell::{Cell, RefCell};

use adder_vm::native_module::NativeObject;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::{cls_arg, ctor_args, receiver, stop, IterType};
use crate::arity::{self, Signature};

pub(super) const TYPES: &[IterType] = &[
    IterType {
        name: "compress",
        new: Some(compress_new),
        next: compress_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "dropwhile",
        new: Some(dropwhile_new),
        next: dropwhile_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "takewhile",
        new: Some(takewhile_new),
        next: takewhile_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "filterfalse",
        new: Some(filterfalse_new),
        next: filterfalse_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "islice",
        new: Some(islice_new),
        next: islice_next,
        methods: &[],
        subclassable: true,
    },
];

struct Compress {
    data: Value,
    selectors: Value,
}

impl NativeObject for Compress {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.data);
        visit(&self.selectors);
    }
}

const COMPRESS: Signature = Signature {
    name: "compress",
    names: &["data", "selectors"],
    posonly: 0,
    required: 2,
    max_positional: 2,
};

fn compress_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let slots = arity::bind(vm, &ctor_args(&args), &COMPRESS)?;
    let [Some(data), Some(selectors)] = &slots[..] else {
        return Err(vm.system_error("compress arguments"));
    };
    let data = vm.get_iter(data)?;
    let selectors = vm.get_iter(selectors)?;
    Ok(vm.new_native_instance(&cls, Compress { data, selectors }))
}

fn compress_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = receiver::<Compress>(vm, &args, "itertools.compress")?;
    loop {
        let Some(datum) = vm.next(&c.data)? else {
            return Err(stop(vm));
        };
        let Some(selector) = vm.next(&c.selectors)? else {
            return Err(stop(vm));
        };
        if vm.is_true(&selector)? {
            return Ok(datum);
        }
    }
}

/// A predicate and an iterator: dropwhile, takewhile, filterfalse.
struct Predicated {
    predicate: Value,
    it: Value,
    /// dropwhile: still dropping; takewhile: still taking.
    active: Cell<bool>,
}

impl NativeObject for Predicated {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.predicate);
        visit(&self.it);
    }
}

fn predicated_new(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let rest = ctor_args(&args);
    let pos = arity::positional(vm, &rest, name, name, 2, 2)?;
    let it = vm.get_iter(&pos[1])?;
    Ok(vm.new_native_instance(
        &cls,
        Predicated {
            predicate: pos[0].clone(),
            it,
            active: Cell::new(true),
        },
    ))
}

/// The truth of `predicate(item)`.
fn call_predicate(vm: &mut Vm, predicate: &Value, item: &Value) -> PyResult<bool> {
    let r = vm.call(predicate, std::slice::from_ref(item))?;
    vm.is_true(&r)
}

fn dropwhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicated_new(vm, args, "dropwhile")
}

fn dropwhile_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = receiver::<Predicated>(vm, &args, "itertools.dropwhile")?;
    loop {
        let Some(item) = vm.next(&d.it)? else {
            return Err(stop(vm));
        };
        if !d.active.get() {
            return Ok(item);
        }
        if !call_predicate(vm, &d.predicate, &item)? {
            d.active.set(false);
            return Ok(item);
        }
    }
}

fn takewhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicated_new(vm, args, "takewhile")
}

fn takewhile_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = receiver::<Predicated>(vm, &args, "itertools.takewhile")?;
    if !t.active.get() {
        return Err(stop(vm));
    }
    let Some(item) = vm.next(&t.it)? else {
        return Err(stop(vm));
    };
    if call_predicate(vm, &t.predicate, &item)? {
        return Ok(item);
    }
    t.active.set(false);
    Err(stop(vm))
}

fn filterfalse_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicated_new(vm, args, "filterfalse")
}

fn filterfalse_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = receiver::<Predicated>(vm, &args, "itertools.filterfalse")?;
    loop {
        let Some(item) = vm.next(&f.it)? else {
            return Err(stop(vm));
        };
        let keep = if f.predicate.is_none() {
            vm.is_true(&item)?
        } else {
            call_predicate(vm, &f.predicate, &item)?
        };
        if !keep {
            return Ok(item);
        }
    }
}

struct Islice {
    it: RefCell<Option<Value>>,
    /// Index of the next item to return.
    next: Cell<i64>,
    /// Items consumed so far.
    count: Cell<i64>,
    /// -1 for no limit.
    stop: i64,
    step: i64,
}

impl NativeObject for Islice {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        super::visit_opt(&self.it, visit);
    }
}

const STOP_MESSAGE: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const INDEX_MESSAGE: &str =
    "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/// An islice bound (`PyNumber_AsSsize_t`): None gives `default`; a value that is not
/// an index, does not fit, or is -1 is the ValueError `message`.
fn bound(vm: &mut Vm, v: Option<&Value>, default: i64, message: &str) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => match crate::number_args::to_index(vm, v)
            .ok()
            .and_then(|i| i64::try_from(&i).ok())
        {
            Some(n) if n != -1 => Ok(n),
            _ => Err(vm.value_error(message)),
        },
    }
}

fn islice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let rest = ctor_args(&args);
    let pos = arity::positional(vm, &rest, "islice", "islice", 2, 4)?;
    let (start, stop) = if pos.len() == 2 {
        (0, bound(vm, pos.get(1), -1, STOP_MESSAGE)?)
    } else {
        let start = bound(vm, pos.get(1), 0, INDEX_MESSAGE)?;
        (start, bound(vm, pos.get(2), -1, STOP_MESSAGE)?)
    };
    if start < 0 || stop < -1 {
        return Err(vm.value_error(INDEX_MESSAGE));
    }
    let step = match pos.get(3) {
        None | Some(Value::None) => 1,
        Some(v) => match crate::number_args::to_index(vm, v)
            .ok()
            .and_then(|i| i64::try_from(&i).ok())
        {
            Some(s) if s >= 1 => s,
            _ => {
                return Err(vm.value_error("Step for islice() must be a positive integer or None."))
            }
        },
    };
    let it = vm.get_iter(&pos[0])?;
    Ok(vm.new_native_instance(
        &cls,
        Islice {
            it: RefCell::new(Some(it)),
            next: Cell::new(start),
            count: Cell::new(0),
            stop,
            step,
        },
    ))
}

fn islice_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver::<Islice>(vm, &args, "itertools.islice")?;
    let Some(it) = s.it.borrow().clone() else {
        return Err(stop(vm));
    };
    let finish = |vm: &Vm| {
        *s.it.borrow_mut() = None;
        Err(stop(vm))
    };
    while s.count.get() < s.next.get() {
        if vm.next(&it)?.is_none() {
            return finish(vm);
        }
        s.count.set(s.count.get() + 1);
    }
    if s.stop != -1 && s.count.get() >= s.stop {
        return finish(vm);
    }
    let Some(item) = vm.next(&it)? else {
        return finish(vm);
    };
    s.count.set(s.count.get() + 1);
    let old = s.next.get();
    let mut next = old.saturating_add(s.step);
    if next < old || (s.stop != -1 && next > s.stop) {
        next = s.stop;
    }
    s.next.set(next);
    Ok(item)
}
