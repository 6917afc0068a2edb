//! `tee()` and its `_tee` iterators: copies share a chain of fixed-size buffers, so
//! values are kept only until the slowest copy has read them.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adder_vm::native_module::NativeObject;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use super::{cls_arg, ctor_args, receiver, stop, IterType};
use crate::arity;

pub(super) const TYPES: &[IterType] = &[IterType {
    name: "_tee",
    new: Some(tee_object_new),
    next: tee_next,
    methods: &[("__copy__", tee_copy)],
    subclassable: false,
}];

/// Values per buffer link (CPython's LINKCELLS).
const LINK_SIZE: usize = 57;

/// The underlying iterator, shared by all copies.
struct Source {
    it: Value,
    running: Cell<bool>,
}

struct Link {
    source: Rc<Source>,
    values: RefCell<Vec<Value>>,
    next: RefCell<Option<Rc<Link>>>,
}

impl Link {
    fn new(source: Rc<Source>) -> Rc<Link> {
        Rc::new(Link {
            source,
            values: RefCell::new(Vec::new()),
            next: RefCell::new(None),
        })
    }
}

struct Tee {
    link: RefCell<Rc<Link>>,
    index: Cell<usize>,
}

impl NativeObject for Tee {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        let link = self.link.borrow();
        visit(&link.source.it);
        link.values.borrow().iter().for_each(visit);
    }
}

fn tee_from_iterable(
    vm: &mut Vm,
    cls: &adder_vm::object::ObjRef,
    iterable: &Value,
) -> PyResult<Value> {
    let it = vm.get_iter(iterable)?;
    if let Some(t) = it.native::<Tee>() {
        return Ok(copy_of(vm, cls, t));
    }
    let source = Rc::new(Source {
        it,
        running: Cell::new(false),
    });
    Ok(vm.new_native_instance(
        cls,
        Tee {
            link: RefCell::new(Link::new(source)),
            index: Cell::new(0),
        },
    ))
}

fn copy_of(vm: &Vm, cls: &adder_vm::object::ObjRef, t: &Tee) -> Value {
    vm.new_native_instance(
        cls,
        Tee {
            link: RefCell::new(t.link.borrow().clone()),
            index: Cell::new(t.index.get()),
        },
    )
}

fn tee_object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args)?;
    let rest = ctor_args(&args);
    let pos = arity::positional(vm, &rest, "_tee", "_tee", 1, 1)?;
    tee_from_iterable(vm, &cls, &pos[0])
}

fn tee_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = vm.native_self::<Tee>(&args, "__copy__", "itertools._tee")?;
    let cls = vm.type_of(&args.pos()[0]);
    Ok(copy_of(vm, &cls, t))
}

fn tee_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = receiver::<Tee>(vm, &args, "itertools._tee")?;
    if t.index.get() >= LINK_SIZE {
        let link = t.link.borrow().clone();
        let next = link
            .next
            .borrow_mut()
            .get_or_insert_with(|| Link::new(link.source.clone()))
            .clone();
        *t.link.borrow_mut() = next;
        t.index.set(0);
    }
    let link = t.link.borrow().clone();
    let i = t.index.get();
    let buffered = link.values.borrow().get(i).cloned();
    let value = match buffered {
        Some(v) => v,
        None => {
            let source = &link.source;
            if source.running.get() {
                return Err(vm.runtime_error("cannot re-enter the tee iterator"));
            }
            source.running.set(true);
            let r = vm.next(&source.it);
            source.running.set(false);
            let Some(v) = r? else {
                return Err(stop(vm));
            };
            link.values.borrow_mut().push(v.clone());
            v
        }
    };
    t.index.set(i + 1);
    Ok(value)
}

/// `tee(iterable, n=2)`: `n` independent iterators over one iterable.
pub(super) fn tee(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "tee", "tee", 1, 2)?;
    let n = match pos.get(1) {
        Some(n) => crate::number_args::to_ssize(vm, n)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(vm.new_tuple(Vec::new()));
    }
    let cls = super::module_type(vm, "_tee")?;
    // The result tuple is sized by the caller's n: an impossible n is CPython's
    // MemoryError (PyTuple_New), not an abort or an endless loop of copies.
    let mut out = Vec::new();
    if out.try_reserve_exact(n as usize).is_err() {
        return Err(crate::native_util::memory_error(vm));
    }
    let first = tee_from_iterable(vm, &cls, &pos[0])?;
    out.push(first.clone());
    if let Some(t) = first.native::<Tee>() {
        for _ in 1..n {
            out.push(copy_of(vm, &cls, t));
        }
    }
    Ok(vm.new_tuple(out))
}
