//! The heap object: a header (class pointer, optional instance dict) and a payload.
//!
//! Reference counting is Rust's `Rc`: deterministic like CPython's, non-atomic because the
//! GIL serialises access. The payload is a closed enum of the built-in layouts; an
//! instance of a user class that derives from a built-in type carries that type's payload
//! (a `class L(list)` instance has a `List` payload), exactly like CPython's layouts.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adder_numeric::BigInt;

use crate::objects::code::CodeData;
use crate::objects::dict::DictData;
use crate::objects::exception::ExceptionData;
use crate::objects::frame::FrameObject;
use crate::objects::function::{BuiltinFunction, Function};
use crate::objects::generator::Generator;
use crate::objects::str::PyStr;
use crate::objects::traceback::Traceback;
use crate::objects::type_::TypeObject;
use crate::value::Value;

pub type ObjRef = Rc<PyObject>;

/// `#[repr(C)]`, header first: the fields a death and a collection touch (the cycle
/// collector's `gc_slot`, `extra`, the class and the dict) follow the `Rc`'s counts,
/// on their cache line, instead of coming after the payload, up to two lines away
/// (freeing the `_ast` trees of the parse benchmark: 8% fewer L1 read misses in
/// simulation, 20% fewer in the destructor).
#[repr(C)]
pub struct PyObject {
    /// Where the cycle collector lists the object, if it tracks it (see
    /// `crate::gc::registry`): a dying object unlists itself in constant time.
    pub(crate) gc_slot: Cell<u32>,
    /// State few objects need (weak references to the object, the "already finalized"
    /// mark of PEP 442): boxed and usually absent, so it costs one word per object and
    /// one test when the object dies. See `crate::gc`.
    pub(crate) extra: Cell<Option<Box<crate::gc::ObjExtra>>>,
    /// The object's type. `None` only for the `type` type itself (whose type is itself:
    /// storing it would make an unbreakable reference cycle).
    pub class: RefCell<Option<ObjRef>>,
    /// The instance `__dict__` (a dict object), for objects that have one.
    pub dict: RefCell<Option<ObjRef>>,
    pub payload: Payload,
}

/// The built-in layouts.
pub enum Payload {
    /// A plain object whose state is all in its `__dict__`.
    Instance,
    /// An int outside the i64 range, or an instance of an int subclass.
    Int(BigInt),
    /// An instance of a float subclass (plain floats are unboxed).
    Float(f64),
    Str(PyStr),
    Bytes(Box<[u8]>),
    /// A `complex` (or an instance of a complex subclass).
    Complex(adder_numeric::complex::Complex),
    /// A `bytearray`: its bytes and buffer exports (see `objects/bytearray.rs`).
    ByteArray(crate::objects::bytearray::ByteArrayData),
    /// A `memoryview` (see `objects/memoryview.rs`).
    MemoryView(Box<crate::objects::memoryview::MemoryViewData>),
    Tuple(Box<[Value]>),
    List(RefCell<Vec<Value>>),
    Dict(RefCell<DictData>),
    Range(RangeData),
    /// A `range` whose bounds or length exceed machine integers.
    BigRange(Box<crate::objects::range_big::BigRangeData>),
    Slice(SliceData),
    Type(Box<TypeObject>),
    Function(Box<Function>),
    BuiltinFunction(BuiltinFunction),
    /// A function bound to the object it was looked up on.
    Method {
        func: Value,
        self_: Value,
    },
    Code(Box<CodeData>),
    Cell(RefCell<Value>),
    Module,
    /// Boxed: inline (96 bytes) it would be the largest variant and set every object's
    /// size; an exception pays one more allocation instead (see the size tests below).
    Exception(Box<RefCell<ExceptionData>>),
    Traceback(Traceback),
    Frame(Box<FrameObject>),
    /// Iterator over a list, tuple or str by index (re-reads the length each step, as CPython).
    SeqIter {
        seq: Value,
        index: Cell<usize>,
    },
    RangeIter {
        next: Cell<i64>,
        stop: i64,
        step: i64,
    },
    /// Iterator over a dict's keys, values or items.
    DictIter(RefCell<DictIterState>),
    /// A `set` or `frozenset` (the class tells which).
    Set(RefCell<crate::objects::set::SetData>),
    /// `dict_keys`, `dict_values` or `dict_items` over a dict.
    DictView {
        dict: ObjRef,
        kind: DictIterKind,
    },
    /// `enumerate`, `zip`, `map`, `filter`, reverse and set iterators...
    Iterator(RefCell<crate::objects::iterators::IterState>),
    /// A built-in class method (`dict.fromkeys`): binds to the class.
    ClassMethodDescriptor(Value),
    Generator(Box<Generator>),
    /// `sys.stdin`/`stdout`/`stderr`.
    StdStream(crate::objects::std_stream::StdStream),
    /// `property(fget, fset, fdel, doc)`.
    Property(Box<crate::objects::descriptors::PropertyData>),
    /// `staticmethod(f)`: the wrapped callable.
    StaticMethod(Value),
    /// `classmethod(f)`: the wrapped callable.
    ClassMethod(Value),
    /// `super(type, obj)`.
    Super(Box<crate::objects::super_::SuperData>),
    /// An instance of a class with `__slots__`: one value per slot (`Null` when unset).
    Slots(RefCell<Box<[Value]>>),
    /// A `member_descriptor` (one slot of a class with `__slots__`).
    Member(Box<crate::objects::slots::MemberData>),
    /// An instance of a native module's type (`deque`, `StringIO`, ...): its Rust state.
    Native(Box<dyn crate::native_module::NativeObject>),
    /// A node the parser made: its fields inline until its `__dict__` is asked for
    /// (see `ast_objects/node.rs`).
    AstNode(crate::ast_objects::AstNodeData),
}

#[derive(Clone, Copy, Debug)]
pub struct RangeData {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

pub struct SliceData {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

pub struct DictIterState {
    pub dict: ObjRef,
    pub position: usize,
    pub kind: DictIterKind,
    /// Size at creation: a change means the dict was mutated during iteration.
    pub expected_len: usize,
}

impl PyObject {
    pub fn new(class: ObjRef, payload: Payload) -> PyObject {
        PyObject {
            class: RefCell::new(Some(class)),
            dict: RefCell::new(None),
            payload,
            extra: Cell::new(None),
            gc_slot: Cell::new(crate::gc::registry::UNTRACKED),
        }
    }

    pub fn with_dict(class: ObjRef, payload: Payload, dict: ObjRef) -> PyObject {
        PyObject {
            class: RefCell::new(Some(class)),
            dict: RefCell::new(Some(dict)),
            payload,
            extra: Cell::new(None),
            gc_slot: Cell::new(crate::gc::registry::UNTRACKED),
        }
    }

    pub fn as_str(&self) -> Option<&PyStr> {
        match &self.payload {
            Payload::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_type(&self) -> Option<&TypeObject> {
        match &self.payload {
            Payload::Type(t) => Some(t),
            _ => None,
        }
    }

    pub fn as_dict(&self) -> Option<&RefCell<DictData>> {
        match &self.payload {
            Payload::Dict(d) => Some(d),
            _ => None,
        }
    }

    pub fn as_tuple(&self) -> Option<&[Value]> {
        match &self.payload {
            Payload::Tuple(t) => Some(t),
            _ => None,
        }
    }

    /// The instance `__dict__`; a parsed `_ast` node builds it on first request.
    pub fn dict_obj(&self) -> Option<ObjRef> {
        if let Some(d) = &*self.dict.borrow() {
            return Some(d.clone());
        }
        match &self.payload {
            Payload::AstNode(node) => node.build_dict(self),
            _ => None,
        }
    }
}

/// Destruction without unbounded recursion (CPython's "trashcan"). Freeing a container
/// frees its items, which may be containers: a million-deep list, or a long linked list
/// of objects, would recurse a million times in Rust. Like CPython, a destructor frees
/// its items directly (recursing) while fewer than `DIRECT_FREE_DEPTH` destructors are
/// running on this thread; deeper, the items are moved out and stacked, and the
/// outermost destructor releases them in a loop, depth first. Either way each
/// container's items go in CPython's order, so that `__del__` methods run in CPython's
/// order.
///
/// Before that, an object whose class has a `__del__` is handed to the finalizer queue
/// instead of dying, and the weak references to a dying object are cleared (see
/// `crate::gc`).
impl Drop for PyObject {
    fn drop(&mut self) {
        crate::gc::registry::untrack(self);
        // The generator test is made here so that the common death pays no calls.
        if crate::gc::finalize::defer_finalizer(self)
            || (matches!(self.payload, Payload::Generator(_))
                && (crate::gc::finalize::defer_unawaited_warning(self)
                    || crate::gc::generator_close::defer_close(self)))
        {
            return;
        }
        if let Some(extra) = self.extra.get_mut().take() {
            crate::gc::weakref::clear_at_death(&extra);
        }
        if self.holds_no_objects() {
            return;
        }
        let depth = DESTRUCTOR_DEPTH.get();
        if depth >= DIRECT_FREE_DEPTH {
            let children = self.take_children();
            if !children.is_empty() {
                defer(children);
            }
            return;
        }
        DESTRUCTOR_DEPTH.set(depth + 1);
        self.free_children();
        if depth == 0 {
            release_deferred();
        }
        DESTRUCTOR_DEPTH.set(depth);
    }
}

/// How many destructors may run nested before the items of the next one are deferred
/// (CPython's trashcan bound is of the same order): deep enough that ordinary
/// structures never touch the trashcan, shallow enough for any thread's stack.
const DIRECT_FREE_DEPTH: u32 = 64;

thread_local! {
    /// Destructors running on this thread (see `DIRECT_FREE_DEPTH`).
    static DESTRUCTOR_DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Stack `children` (the last to be released first) for the outermost destructor.
fn defer(children: Vec<Value>) {
    let mut children = Some(children);
    let stacked = TRASHCAN.try_with(|t| {
        if let Some(c) = children.take() {
            t.borrow_mut().stack.push(c);
        }
    });
    // The thread is exiting: plain recursive destruction.
    if stacked.is_err() {
        drop(children);
    }
}

/// Release what deeper destructors deferred, innermost container first.
fn release_deferred() {
    while let Ok(Some(next)) = TRASHCAN.try_with(|t| t.borrow_mut().next()) {
        drop(next);
    }
}

/// Items of containers being destroyed, one list per container, innermost last.
struct Trashcan {
    /// Each list holds its items in reverse release order (popped from the end).
    stack: Vec<Vec<Value>>,
}

impl Trashcan {
    /// The next item to release: from the innermost container that has some left.
    fn next(&mut self) -> Option<Value> {
        loop {
            let top = self.stack.last_mut()?;
            match top.pop() {
                Some(v) => return Some(v),
                None => {
                    self.stack.pop();
                }
            }
        }
    }
}

thread_local! {
    static TRASHCAN: RefCell<Trashcan> = const { RefCell::new(Trashcan { stack: Vec::new() }) };
}

impl PyObject {
    /// Release everything the object holds, here and now (called with the destructor
    /// depth raised, so that whatever this frees counts one level deeper), in
    /// CPython's order: `__slots__` first, then the instance dict, then the payload
    /// (list and tuple items from the last to the first, dict entries and set items in
    /// table order), then the class.
    fn free_children(&mut self) {
        if let Payload::Slots(s) = &mut self.payload {
            drop(std::mem::take(s.get_mut()));
        }
        drop(self.dict.get_mut().take());
        match &mut self.payload {
            Payload::List(l) => release_last_first(std::mem::take(l.get_mut())),
            Payload::Tuple(t) => release_last_first(std::mem::take(t).into_vec()),
            Payload::Set(s) => drop(s.get_mut().take_values()),
            Payload::AstNode(node) => {
                node.visit(&mut prefetch_object);
                node.release_fields();
            }
            Payload::Instance | Payload::Slots(_) => {}
            _ => drop(std::mem::replace(&mut self.payload, Payload::Instance)),
        }
        drop(self.class.get_mut().take());
    }

    /// Whether the object refers to nothing but its class (a plain str, int, float,
    /// bytes, complex, range or range iterator): then dying cannot free a chain of objects, and the
    /// destructor leaves it to the fields' own drops.
    #[inline]
    fn holds_no_objects(&mut self) -> bool {
        matches!(
            self.payload,
            Payload::Str(_)
                | Payload::Int(_)
                | Payload::Float(_)
                | Payload::Bytes(_)
                | Payload::Complex(_)
                | Payload::Range(_)
                | Payload::RangeIter { .. }
        ) && self.dict.get_mut().is_none()
    }

    /// The references a container holds, moved out so they can be released
    /// iteratively, last to be released first. CPython's deallocators release
    /// `__slots__` first, then the instance dict, then the built-in payload's items
    /// (lists and tuples from the last item to the first, dicts in insertion order).
    fn take_children(&mut self) -> Vec<Value> {
        let mut out = match &mut self.payload {
            Payload::List(l) => std::mem::take(l.get_mut()),
            Payload::Tuple(t) => std::mem::take(t).into_vec(),
            Payload::Dict(d) => reversed(d.get_mut().take_values()),
            Payload::Set(s) => reversed(s.get_mut().take_values()),
            Payload::Cell(c) => vec![std::mem::replace(c.get_mut(), Value::Null)],
            Payload::Method { func, self_ } => vec![
                std::mem::replace(self_, Value::Null),
                std::mem::replace(func, Value::Null),
            ],
            Payload::SeqIter { seq, .. } => vec![std::mem::replace(seq, Value::Null)],
            Payload::AstNode(node) => reversed(node.take_values()),
            _ => Vec::new(),
        };
        if let Some(d) = self.dict.get_mut().take() {
            out.push(Value::Obj(d));
        }
        if let Payload::Slots(s) = &mut self.payload {
            out.extend(std::mem::take(s.get_mut()).into_vec().into_iter().rev());
        }
        out.retain(|v| matches!(v, Value::Obj(_)));
        out
    }
}

/// Release list or tuple items as CPython's deallocators do: the last first.
fn release_last_first(mut items: Vec<Value>) {
    for item in items.iter().rev().take(RELEASE_AHEAD) {
        prefetch_object(item);
    }
    while let Some(item) = items.pop() {
        let ahead = items.len().checked_sub(RELEASE_AHEAD);
        if let Some(next) = ahead.and_then(|ix| items.get(ix)) {
            prefetch_object(next);
        }
        drop(item);
    }
}

/// How many items ahead of the one being released a dying list or tuple fetches the
/// next ones' objects (see [`prefetch_object`]).
const RELEASE_AHEAD: usize = 4;

/// Start loading the object `value` refers to, which is about to be released: freeing
/// a large tree (the `_ast` tree the previous `compile()` made, long out of the cache)
/// otherwise waits on memory for each object in turn, at the first touch of its
/// reference count. Covers what a death reads: the counts (`Rc` keeps its two counts
/// before the value; were that to change, only the hint would miss), the header and
/// the payload up to the end of an `_ast` node's inline fields.
#[inline(always)]
fn prefetch_object(value: &Value) {
    if let Value::Obj(o) = value {
        let counts = 2 * std::mem::size_of::<usize>();
        let start = Rc::as_ptr(o).cast::<u8>().wrapping_sub(counts);
        crate::gc::pool_alloc::prefetch_lines(start, DEATH_READS);
    }
}

/// The bytes of an object (from its `Rc` counts on) that its death reads: all but an
/// `_ast` node's positions.
const DEATH_READS: usize = 144;

fn reversed(mut items: Vec<Value>) -> Vec<Value> {
    items.reverse();
    items
}

/// Size guards: every object is one allocator block of `PyObject` plus `Rc`'s two
/// counts, so a variant that grows inline grows every int, tuple and `_ast` node.
#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::size_of;

    /// The `_ast` node (fields and positions inline, so that parsing makes one
    /// allocation per node) is meant to be the largest variant; rarer large payloads
    /// (exceptions) are boxed so as not to set the size.
    #[test]
    fn no_variant_is_larger_than_an_ast_node() {
        let tag = size_of::<usize>();
        assert!(size_of::<Payload>() <= size_of::<crate::ast_objects::AstNodeData>() + tag);
    }

    /// The allocator rounds blocks up to 16 bytes: 160 today (see `gc/pool_alloc.rs`).
    #[test]
    fn object_block_does_not_regrow() {
        let rc_counts = 2 * size_of::<usize>();
        assert!(size_of::<PyObject>() + rc_counts <= 160);
    }
}
