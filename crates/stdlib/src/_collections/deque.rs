//! `collections.deque`: its state, constructor and the operations that add or remove
//! items at the ends (CPython's `Modules/_collectionsmodule.c`).
//!
//! Items live in a `VecDeque` inside a `RefCell` that is never borrowed across a call
//! back into Python: comparisons and `__eq__` of items may mutate the deque, which the
//! `state` counter detects (CPython's "deque mutated during iteration").

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use adder_vm::native_module::NativeObject;
use adder_vm::object::ObjRef;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use crate::args::{bind, Params};
use crate::arity;
pub(crate) use crate::native_util::{after_receiver as rest, receiver_value as receiver};

/// The full type name CPython uses in messages (`tp_name`).
pub(crate) const TYPE_NAME: &str = "collections.deque";

/// A deque's Rust state.
pub(crate) struct Deque {
    pub items: RefCell<VecDeque<Value>>,
    /// `None`: unbounded.
    pub maxlen: Cell<Option<usize>>,
    /// Bumped by every change of the items' positions, so that iterators and searches
    /// notice a mutation made behind their back.
    pub state: Cell<u64>,
}

impl NativeObject for Deque {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(items) = self.items.try_borrow() {
            items.iter().for_each(visit);
        }
    }
}

impl Deque {
    pub fn new(maxlen: Option<usize>) -> Deque {
        Deque {
            items: RefCell::new(VecDeque::new()),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
        }
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    /// The items, copied out so Python code can run while they are examined.
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }

    /// Append on the right, dropping from the left past `maxlen`. The dropped item is
    /// returned so that it is released after the borrow ends (its `__del__` may run).
    pub fn push_back(&self, v: Value) -> Option<Value> {
        let mut items = self.items.borrow_mut();
        self.bump();
        match self.maxlen.get() {
            Some(0) => Some(v),
            Some(m) if items.len() >= m => {
                let dropped = items.pop_front();
                items.push_back(v);
                dropped
            }
            _ => {
                items.push_back(v);
                None
            }
        }
    }

    /// Append on the left, dropping from the right past `maxlen`.
    pub fn push_front(&self, v: Value) -> Option<Value> {
        let mut items = self.items.borrow_mut();
        self.bump();
        match self.maxlen.get() {
            Some(0) => Some(v),
            Some(m) if items.len() >= m => {
                let dropped = items.pop_back();
                items.push_front(v);
                dropped
            }
            _ => {
                items.push_front(v);
                None
            }
        }
    }

    /// Remove every item, returning them to be released after the borrow.
    pub fn take_all(&self) -> VecDeque<Value> {
        self.bump();
        std::mem::take(&mut *self.items.borrow_mut())
    }

    /// Rotate `n` steps to the right (left when negative).
    pub fn rotate(&self, n: i64) {
        let mut items = self.items.borrow_mut();
        let len = items.len();
        self.bump();
        if len <= 1 {
            return;
        }
        let k = n.rem_euclid(len as i64) as usize;
        items.rotate_right(k);
    }
}

/// The receiver of a deque method.
pub(crate) fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Deque> {
    vm.native_self::<Deque>(args, method, TYPE_NAME)
}

/// `deque.__new__(cls, *args, **kwargs)`: an empty, unbounded deque (`__init__` fills it).
pub(crate) fn deque_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos().first() {
        Some(Value::Obj(cls)) if cls.as_type().is_some() => {
            Ok(vm.new_native_instance(cls, Deque::new(None)))
        }
        _ => Err(vm.type_error("deque.__new__(X): X is not a type object")),
    }
}

const INIT_PARAMS: Params = Params {
    func: "deque",
    names: &["iterable", "maxlen"],
    required: 0,
    positional: 2,
};

/// `deque.__init__(iterable=(), maxlen=None)`: clears, sets `maxlen`, then extends.
pub(crate) fn deque_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__init__")?;
    let slots = bind(vm, &rest(&args), &INIT_PARAMS)?;
    let maxlen = match &slots[1] {
        None | Some(Value::None) => None,
        Some(v) => Some(maxlen_arg(vm, v)?),
    };
    d.maxlen.set(maxlen);
    if d.len() > 0 {
        drop(d.take_all());
    }
    if let Some(iterable) = &slots[0] {
        extend_right(vm, &receiver(&args), d, iterable)?;
    }
    Ok(Value::None)
}

/// `maxlen`: an exact integer (CPython's `PyLong_AsSsize_t`: no `__index__`), >= 0.
fn maxlen_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    if adder_vm::protocol::number::as_int(v).is_none() {
        return Err(vm.type_error("an integer is required"));
    }
    let n = crate::number_args::to_ssize(vm, v)?;
    usize::try_from(n).map_err(|_| vm.value_error("maxlen must be non-negative"))
}

/// Whether `a` and `b` are the same object.
pub(crate) fn same(a: &Value, b: &Value) -> bool {
    matches!((a, b), (Value::Obj(x), Value::Obj(y)) if std::rc::Rc::ptr_eq(x, y))
}

/// Append every item of `iterable` on the right.
pub(crate) fn extend_right(vm: &mut Vm, me: &Value, d: &Deque, iterable: &Value) -> PyResult<()> {
    extend(vm, me, d, iterable, Deque::push_back)
}

fn extend(
    vm: &mut Vm,
    me: &Value,
    d: &Deque,
    iterable: &Value,
    push: fn(&Deque, Value) -> Option<Value>,
) -> PyResult<()> {
    if same(me, iterable) {
        d.snapshot().into_iter().for_each(|v| drop(push(d, v)));
        return Ok(());
    }
    let it = vm.get_iter(iterable)?;
    while let Some(v) = vm.next(&it)? {
        drop(push(d, v));
    }
    Ok(())
}

pub(crate) fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "append")?;
    let v = arity::one(vm, &rest(&args), "deque.append")?;
    drop(d.push_back(v.clone()));
    Ok(Value::None)
}

pub(crate) fn appendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "appendleft")?;
    let v = arity::one(vm, &rest(&args), "deque.appendleft")?;
    drop(d.push_front(v.clone()));
    Ok(Value::None)
}

pub(crate) fn extend_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "extend")?;
    let v = arity::one(vm, &rest(&args), "deque.extend")?;
    extend_right(vm, &receiver(&args), d, v)?;
    Ok(Value::None)
}

pub(crate) fn extendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "extendleft")?;
    let v = arity::one(vm, &rest(&args), "deque.extendleft")?;
    extend(vm, &receiver(&args), d, v, Deque::push_front)?;
    Ok(Value::None)
}

fn no_args(vm: &Vm, args: &Args, qualname: &str) -> PyResult<()> {
    arity::no_keywords(vm, args, qualname)?;
    match args.pos().len() {
        1 => Ok(()),
        n => Err(vm.type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            n.saturating_sub(1)
        ))),
    }
}

pub(crate) fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "pop")?;
    no_args(vm, &args, "deque.pop")?;
    let v = d.items.borrow_mut().pop_back();
    d.bump();
    v.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

pub(crate) fn popleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "popleft")?;
    no_args(vm, &args, "deque.popleft")?;
    let v = d.items.borrow_mut().pop_front();
    d.bump();
    v.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

pub(crate) fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "clear")?;
    no_args(vm, &args, "deque.clear")?;
    drop(d.take_all());
    Ok(Value::None)
}

pub(crate) fn rotate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "rotate")?;
    let rest_args = rest(&args);
    let pos = arity::positional(vm, &rest_args, "deque.rotate", "rotate", 0, 1)?;
    let n = match pos.first() {
        Some(v) => crate::number_args::to_ssize(vm, v)?,
        None => 1,
    };
    d.rotate(n);
    Ok(Value::None)
}

pub(crate) fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "reverse")?;
    no_args(vm, &args, "deque.reverse")?;
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(Value::None)
}

/// The deque's class, for copies (`type(d)(d, maxlen)` for subclasses, as CPython).
pub(crate) fn copy_of(vm: &mut Vm, me: &Value, d: &Deque) -> PyResult<Value> {
    let cls: ObjRef = vm.type_of(me);
    if !vm.type_is_heap(&cls) {
        let copy = Deque::new(d.maxlen.get());
        *copy.items.borrow_mut() = d.items.borrow().clone();
        return Ok(vm.new_native_instance(&cls, copy));
    }
    let clsval = Value::Obj(cls);
    match d.maxlen.get() {
        None => vm.call(&clsval, std::slice::from_ref(me)),
        Some(m) => vm.call(&clsval, &[me.clone(), Value::Int(m as i64)]),
    }
}

pub(crate) fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "copy")?;
    no_args(vm, &args, "deque.copy")?;
    copy_of(vm, &receiver(&args), d)
}

pub(crate) fn maxlen_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "maxlen")?;
    Ok(d.maxlen.get().map_or(Value::None, |m| Value::Int(m as i64)))
}
