//! `groupby` (with its `_grouper` sub-iterators), `batched` and `pairwise`.

use std::cell::{Cell, RefCell};

use adder_vm::native_module::NativeObject;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::{cls_arg, ctor_args, receiver, stop, visit_opt, IterType};
use crate::arity::{self, Signature};

pub(super) const TYPES: &[IterType] = &[
    IterType {
        name: "groupby",
        new: Some(groupby_new),
        next: groupby_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "_grouper",
        new: None,
        next: grouper_next,
        methods: &[],
        subclassable: false,
    },
    IterType {
        name: "batched",
        new: Some(batched_new),
        next: batched_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "pairwise",
        new: Some(pairwise_new),
        next: pairwise_next,
        methods: &[],
        subclassable: true,
    },
];

struct GroupBy {
    it: Value,
    key: Option<Value>,
    /// The key of the group handed out last.
    target_key: RefCell<Option<Value>>,
    /// The key and value of the item read last (the value is taken by a grouper).
    current_key: RefCell<Option<Value>>,
    current_value: RefCell<Option<Value>>,
    /// Which grouper is live: earlier ones stop when the groupby moves on.
    generation: Cell<u64>,
}

impl NativeObject for GroupBy {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
        if let Some(k) = &self.key {
            visit(k);
        }
        visit_opt(&self.target_key, visit);
        visit_opt(&self.current_key, visit);
        visit_opt(&self.current_value, visit);
    }
}

const GROUPBY: Signature = Signature {
    name: "groupby",
    names: &["iterable", "key"],
    posonly: 0,
    required: 1,
    max_positional: 2,
};

fn groupby_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let slots = arity::bind(vm, &ctor_args(&args), &GROUPBY)?;
    let [Some(iterable), key] = &slots[..] else {
        return Err(vm.system_error("groupby arguments"));
    };
    let it = vm.get_iter(iterable)?;
    Ok(vm.new_native_instance(
        &cls,
        GroupBy {
            it,
            key: key.clone().filter(|k| !k.is_none()),
            target_key: RefCell::new(None),
            current_key: RefCell::new(None),
            current_value: RefCell::new(None),
            generation: Cell::new(0),
        },
    ))
}

/// Read the next item and its key; `false` at the end.
fn step(vm: &mut Vm, g: &GroupBy) -> PyResult<bool> {
    let Some(value) = vm.next(&g.it)? else {
        return Ok(false);
    };
    let key = match &g.key {
        Some(f) => vm.call(f, std::slice::from_ref(&value))?,
        None => value.clone(),
    };
    *g.current_value.borrow_mut() = Some(value);
    *g.current_key.borrow_mut() = Some(key);
    Ok(true)
}

fn groupby_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = receiver::<GroupBy>(vm, &args, "itertools.groupby")?;
    g.generation.set(g.generation.get() + 1);
    loop {
        let current = g.current_key.borrow().clone();
        if let Some(current) = current {
            let target = g.target_key.borrow().clone();
            match target {
                None => break,
                Some(target) => {
                    if !vm.eq(&target, &current)? {
                        break;
                    }
                }
            }
        }
        if !step(vm, g)? {
            return Err(stop(vm));
        }
    }
    let key = g.current_key.borrow().clone().unwrap_or(Value::None);
    *g.target_key.borrow_mut() = Some(key.clone());
    let grouper_type = super::module_type(vm, "_grouper")?;
    let grouper = vm.new_native_instance(
        &grouper_type,
        Grouper {
            parent: args.pos()[0].clone(),
            target_key: key.clone(),
            generation: g.generation.get(),
        },
    );
    Ok(vm.new_tuple(vec![key, grouper]))
}

struct Grouper {
    parent: Value,
    target_key: Value,
    generation: u64,
}

impl NativeObject for Grouper {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.parent);
        visit(&self.target_key);
    }
}

fn grouper_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let gr = receiver::<Grouper>(vm, &args, "itertools._grouper")?;
    let Some(g) = gr.parent.native::<GroupBy>() else {
        return Err(stop(vm));
    };
    if g.generation.get() != gr.generation {
        return Err(stop(vm));
    }
    if g.current_value.borrow().is_none() && !step(vm, g)? {
        return Err(stop(vm));
    }
    let current = g.current_key.borrow().clone().unwrap_or(Value::None);
    if !vm.eq(&gr.target_key, &current)? {
        return Err(stop(vm));
    }
    g.current_value.borrow_mut().take().ok_or_else(|| stop(vm))
}

struct Batched {
    it: RefCell<Option<Value>>,
    n: usize,
    strict: bool,
}

impl NativeObject for Batched {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit_opt(&self.it, visit);
    }
}

const BATCHED: Signature = Signature {
    name: "batched",
    names: &["iterable", "n", "strict"],
    posonly: 0,
    required: 2,
    max_positional: 2,
};

fn batched_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let slots = arity::bind(vm, &ctor_args(&args), &BATCHED)?;
    let [Some(iterable), Some(n), strict] = &slots[..] else {
        return Err(vm.system_error("batched arguments"));
    };
    let n = crate::number_args::to_ssize(vm, n)?;
    if n < 1 {
        return Err(vm.value_error("n must be at least one"));
    }
    let strict = match strict {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let it = vm.get_iter(iterable)?;
    Ok(vm.new_native_instance(
        &cls,
        Batched {
            it: RefCell::new(Some(it)),
            n: n as usize,
            strict,
        },
    ))
}

fn batched_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = receiver::<Batched>(vm, &args, "itertools.batched")?;
    let Some(it) = b.it.borrow().clone() else {
        return Err(stop(vm));
    };
    let mut items = Vec::with_capacity(b.n.min(1024));
    while items.len() < b.n {
        match vm.next(&it)? {
            Some(item) => items.push(item),
            None => {
                *b.it.borrow_mut() = None;
                break;
            }
        }
    }
    if items.is_empty() {
        return Err(stop(vm));
    }
    if b.strict && items.len() < b.n {
        return Err(vm.value_error("batched(): incomplete batch"));
    }
    Ok(vm.new_tuple(items))
}

struct Pairwise {
    it: RefCell<Option<Value>>,
    previous: RefCell<Option<Value>>,
}

impl NativeObject for Pairwise {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit_opt(&self.it, visit);
        visit_opt(&self.previous, visit);
    }
}

fn pairwise_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let rest = ctor_args(&args);
    let pos = arity::positional(vm, &rest, "pairwise", "pairwise", 1, 1)?;
    let it = vm.get_iter(&pos[0])?;
    Ok(vm.new_native_instance(
        &cls,
        Pairwise {
            it: RefCell::new(Some(it)),
            previous: RefCell::new(None),
        },
    ))
}

fn pairwise_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = receiver::<Pairwise>(vm, &args, "itertools.pairwise")?;
    let Some(it) = p.it.borrow().clone() else {
        return Err(stop(vm));
    };
    let finish = |vm: &Vm| {
        *p.it.borrow_mut() = None;
        *p.previous.borrow_mut() = None;
        Err(stop(vm))
    };
    let previous = p.previous.borrow().clone();
    let old = match previous {
        Some(old) => old,
        None => match vm.next(&it)? {
            Some(first) => first,
            None => return finish(vm),
        },
    };
    let Some(new) = vm.next(&it)? else {
        return finish(vm);
    };
    *p.previous.borrow_mut() = Some(new.clone());
    Ok(vm.new_tuple(vec![old, new]))
}
