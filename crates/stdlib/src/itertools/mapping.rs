//! `accumulate`, `starmap`, `chain` (and `chain.from_iterable`) and `zip_longest`.

use std::cell::{Cell, RefCell};

use adder_vm::native_module::NativeObject;
use adder_vm::objects::function::Args;
use adder_vm::protocol::attr::name_str;
use adder_vm::{PyResult, Value, Vm};

use super::{cls_arg, ctor_args, receiver, stop, visit_opt, IterType};
use crate::arity::{self, Signature};

pub(super) const TYPES: &[IterType] = &[
    IterType {
        name: "accumulate",
        new: Some(accumulate_new),
        next: accumulate_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "starmap",
        new: Some(starmap_new),
        next: starmap_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "chain",
        new: Some(chain_new),
        next: chain_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "zip_longest",
        new: Some(zip_longest_new),
        next: zip_longest_next,
        methods: &[],
        subclassable: true,
    },
];

const NB_ADD: u32 = 0;

struct Accumulate {
    it: Value,
    func: Option<Value>,
    total: RefCell<Option<Value>>,
    initial: RefCell<Option<Value>>,
}

impl NativeObject for Accumulate {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
        if let Some(f) = &self.func {
            visit(f);
        }
        visit_opt(&self.total, visit);
        visit_opt(&self.initial, visit);
    }
}

const ACCUMULATE: Signature = Signature {
    name: "accumulate",
    names: &["iterable", "func", "initial"],
    posonly: 0,
    required: 1,
    max_positional: 2,
};

fn accumulate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let slots = arity::bind(vm, &ctor_args(&args), &ACCUMULATE)?;
    let [Some(iterable), func, initial] = &slots[..] else {
        return Err(vm.system_error("accumulate arguments"));
    };
    let it = vm.get_iter(iterable)?;
    let data = Accumulate {
        it,
        func: func.clone().filter(|f| !f.is_none()),
        total: RefCell::new(None),
        initial: RefCell::new(initial.clone().filter(|v| !v.is_none())),
    };
    Ok(vm.new_native_instance(&cls, data))
}

fn accumulate_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = receiver::<Accumulate>(vm, &args, "itertools.accumulate")?;
    if let Some(initial) = a.initial.borrow_mut().take() {
        *a.total.borrow_mut() = Some(initial.clone());
        return Ok(initial);
    }
    let Some(item) = vm.next(&a.it)? else {
        return Err(stop(vm));
    };
    let total = a.total.borrow().clone();
    let new_total = match (total, &a.func) {
        (None, _) => item,
        (Some(t), None) => vm.binary_op(&t, &item, NB_ADD)?,
        (Some(t), Some(f)) => vm.call(f, &[t, item])?,
    };
    *a.total.borrow_mut() = Some(new_total.clone());
    Ok(new_total)
}

struct Starmap {
    func: Value,
    it: Value,
}

impl NativeObject for Starmap {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.it);
    }
}

fn starmap_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let rest = ctor_args(&args);
    let pos = arity::positional(vm, &rest, "starmap", "starmap", 2, 2)?;
    let it = vm.get_iter(&pos[1])?;
    Ok(vm.new_native_instance(
        &cls,
        Starmap {
            func: pos[0].clone(),
            it,
        },
    ))
}

fn starmap_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver::<Starmap>(vm, &args, "itertools.starmap")?;
    let Some(item) = vm.next(&s.it)? else {
        return Err(stop(vm));
    };
    let call_args = vm.collect_iterable(&item)?;
    vm.call(&s.func, &call_args)
}

struct Chain {
    /// The iterator over the iterables; `None` once exhausted.
    source: RefCell<Option<Value>>,
    /// The iterator currently drained.
    active: RefCell<Option<Value>>,
}

impl NativeObject for Chain {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit_opt(&self.source, visit);
        visit_opt(&self.active, visit);
    }
}

fn chain_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    arity::no_keywords(vm, &args, "chain")?;
    let iterables = vm.new_tuple(args.pos()[1..].to_vec());
    let source = vm.get_iter(&iterables)?;
    Ok(new_chain(vm, &cls, source))
}

fn new_chain(vm: &Vm, cls: &adder_vm::object::ObjRef, source: Value) -> Value {
    vm.new_native_instance(
        cls,
        Chain {
            source: RefCell::new(Some(source)),
            active: RefCell::new(None),
        },
    )
}

/// `chain.from_iterable(iterable)`, a class method.
pub(super) fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let rest = ctor_args(&args);
    let iterable = arity::one(vm, &rest, "chain.from_iterable")?;
    let source = vm.get_iter(iterable)?;
    Ok(new_chain(vm, &cls, source))
}

fn chain_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = receiver::<Chain>(vm, &args, "itertools.chain")?;
    loop {
        let active = c.active.borrow().clone();
        if let Some(active) = active {
            if let Some(item) = vm.next(&active)? {
                return Ok(item);
            }
            *c.active.borrow_mut() = None;
        }
        let Some(source) = c.source.borrow().clone() else {
            return Err(stop(vm));
        };
        match vm.next(&source)? {
            Some(iterable) => {
                let it = vm.get_iter(&iterable)?;
                *c.active.borrow_mut() = Some(it);
            }
            None => {
                *c.source.borrow_mut() = None;
                return Err(stop(vm));
            }
        }
    }
}

struct ZipLongest {
    /// One iterator per input; `None` once that input is exhausted.
    iterators: RefCell<Vec<Option<Value>>>,
    active: Cell<usize>,
    fill: Value,
}

impl NativeObject for ZipLongest {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        self.iterators
            .borrow()
            .iter()
            .flatten()
            .for_each(&mut *visit);
        visit(&self.fill);
    }
}

fn zip_longest_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let mut fill = Value::None;
    for (k, v) in args.kwargs() {
        if name_str(k) != "fillvalue" {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fill = v.clone();
    }
    let mut iterators = Vec::new();
    for v in &args.pos()[1..] {
        iterators.push(Some(vm.get_iter(v)?));
    }
    let active = iterators.len();
    Ok(vm.new_native_instance(
        &cls,
        ZipLongest {
            iterators: RefCell::new(iterators),
            active: Cell::new(active),
            fill,
        },
    ))
}

fn zip_longest_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver::<ZipLongest>(vm, &args, "itertools.zip_longest")?;
    let n = z.iterators.borrow().len();
    if n == 0 || z.active.get() == 0 {
        return Err(stop(vm));
    }
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        let it = z.iterators.borrow().get(i).cloned().flatten();
        let Some(it) = it else {
            items.push(z.fill.clone());
            continue;
        };
        match vm.next(&it)? {
            Some(item) => items.push(item),
            None => {
                z.active.set(z.active.get() - 1);
                if z.active.get() == 0 {
                    return Err(stop(vm));
                }
                if let Some(slot) = z.iterators.borrow_mut().get_mut(i) {
                    *slot = None;
                }
                items.push(z.fill.clone());
            }
        }
    }
    Ok(vm.new_tuple(items))
}
