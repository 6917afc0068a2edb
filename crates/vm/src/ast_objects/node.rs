//! Where a parsed `_ast` node keeps its attributes: its fields in a fixed array and its
//! positions as unboxed ints (the node kind's [`NodeLayout`] names them), instead of
//! an instance `__dict__`. CPython 3.14 keeps instance attributes inline the same way
//! and builds the dict only when someone asks for it.
//!
//! Most nodes have at most [`INLINE_FIELDS`] fields: those live in the object itself,
//! so that making a node is one allocation. Positions are ints the collector and the
//! destructor need not look at, so they are kept apart from the fields.
//!
//! Reading or writing an attribute goes to the array. The first use of the dict itself
//! (`node.__dict__`, `vars(node)`, pickling, a new attribute, a deletion, a position
//! that is not an int from 0 to 2**32-1) builds it from the array, in the same key
//! order, and from then on the dict holds the attributes and the array is gone: the
//! node then behaves as any instance.

use std::cell::{Cell, RefCell};
use std::mem::MaybeUninit;
use std::rc::Rc;

use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict::DictData;
use crate::value::Value;

/// How many fields a node keeps inline; nine nodes in ten have no more.
const INLINE_FIELDS: usize = 3;

/// The position attributes of a node kind that has them, in `_attributes` order.
pub(crate) const POSITION_COUNT: usize = 4;

/// The attribute names of one node kind, in `__dict__` order (`_fields`, then the
/// positions when the kind has them), interned, with their hashes.
pub(crate) struct NodeLayout {
    keys: Box<[(Value, i64)]>,
    /// How many of `keys` are fields; the rest are positions.
    field_count: usize,
    /// `dict`, to make the `__dict__` with no interpreter at hand.
    dict_class: ObjRef,
}

impl NodeLayout {
    pub(crate) fn new(
        keys: Box<[(Value, i64)]>,
        field_count: usize,
        dict_class: ObjRef,
    ) -> NodeLayout {
        NodeLayout {
            keys,
            field_count,
            dict_class,
        }
    }

    /// Where `name` (a str) is in `keys`.
    fn index_of(&self, name: &Value) -> Option<usize> {
        let Value::Obj(wanted) = name else {
            return None;
        };
        // Attribute names are interned, so the address usually decides.
        if let Some(ix) = self
            .keys
            .iter()
            .position(|(k, _)| k.as_obj().is_some_and(|k| Rc::ptr_eq(k, wanted)))
        {
            return Some(ix);
        }
        let wanted = wanted.as_str()?;
        self.keys.iter().position(|(k, _)| {
            k.as_obj()
                .and_then(|k| k.as_str())
                .is_some_and(|k| k == wanted)
        })
    }
}

/// A node's field values, in `_fields` order.
///
/// `repr(u8)` gives the enum a tag of its own: otherwise it would live in the unused
/// tag values of the first inline `Value`, and every move of the array would copy that
/// value's bytes piecemeal instead of as one 16-byte word (store-forwarding stalls when
/// a node is made from values just pushed). It costs no memory: an object still fits
/// its 160-byte block.
#[repr(u8)]
enum Fields {
    /// The first `field_count` entries are the fields; the rest are `Null`.
    Inline([Value; INLINE_FIELDS]),
    Boxed(Box<[Value]>),
    /// The attributes have moved to the `__dict__`, or were released with the dying
    /// node.
    InDict,
}

impl Fields {
    /// The fields, or `None` once they are in the dict.
    fn as_slice(&self, field_count: usize) -> Option<&[Value]> {
        match self {
            Fields::Inline(values) => values.get(..field_count),
            Fields::Boxed(values) => Some(values),
            Fields::InDict => None,
        }
    }

    fn as_mut_slice(&mut self, field_count: usize) -> Option<&mut [Value]> {
        match self {
            Fields::Inline(values) => values.get_mut(..field_count),
            Fields::Boxed(values) => Some(values),
            Fields::InDict => None,
        }
    }

    /// Move the fields out (in order), leaving `InDict`.
    fn take(&mut self, field_count: usize) -> Vec<Value> {
        match std::mem::replace(self, Fields::InDict) {
            Fields::Inline(values) => values.into_iter().take(field_count).collect(),
            Fields::Boxed(values) => values.into_vec(),
            Fields::InDict => Vec::new(),
        }
    }
}

/// Move the values of `stack` from `start` on (at most [`INLINE_FIELDS`]) into an
/// inline field array, the rest of which stays `Null`.
///
/// Most nodes are made here, so the values move as whole 16-byte words: moved as
/// enums, their tag and payload are copied piecewise (a byte, then the other 15 bytes
/// as two overlapping words through the stack frame) and read back across those
/// stores, a store-forwarding stall per field (measured: the largest cost of making
/// a node). Moved as 16 bytes of possibly uninitialised memory (a `Value`'s padding
/// may be), they are copied as such.
#[inline(always)]
fn take_inline(stack: &mut Vec<Value>, start: usize) -> [Value; INLINE_FIELDS] {
    type Bytes = MaybeUninit<[u64; 2]>;
    /// `Value::Null`: its tag (0, the first variant of a `repr(C, u8)` enum) and a
    /// payload nothing reads.
    const NULL: Bytes = MaybeUninit::new([0, 0]);
    let count = stack.len().saturating_sub(start);
    // SAFETY: the `count` values from `start` on are initialised (they are below the
    // length); they are moved bitwise, as the 16 bytes a `Value` is, and the stack's
    // length is cut to `start` so that they are not dropped twice. The bytes of a
    // valid `Value`, or `NULL`, make a valid `Value`.
    unsafe {
        let top = stack.as_ptr().add(start).cast::<Bytes>();
        let bytes = match count {
            0 => [NULL, NULL, NULL],
            1 => [top.read_unaligned(), NULL, NULL],
            2 => [top.read_unaligned(), top.add(1).read_unaligned(), NULL],
            _ => [
                top.read_unaligned(),
                top.add(1).read_unaligned(),
                top.add(2).read_unaligned(),
            ],
        };
        stack.set_len(start);
        std::mem::transmute::<[Bytes; INLINE_FIELDS], [Value; INLINE_FIELDS]>(bytes)
    }
}

/// The last `count` values of `stack`, moved off it, with `Null` in front for any the
/// stack lacks.
fn take_boxed(stack: &mut Vec<Value>, count: usize) -> Box<[Value]> {
    let start = stack.len().saturating_sub(count);
    let missing = count - (stack.len() - start);
    std::iter::repeat_n(Value::Null, missing)
        .chain(stack.drain(start..))
        .collect()
}

/// The payload of a node the parser made (`Payload::AstNode`).
pub struct AstNodeData {
    layout: Rc<NodeLayout>,
    fields: RefCell<Fields>,
    /// `lineno`, `col_offset`, `end_lineno`, `end_col_offset`, when the layout has
    /// positions (then they are its last keys). The parser's positions are `u32`s:
    /// kept as such they make every object (whose size the `_ast` node sets) 16 bytes
    /// smaller than as `i64`s (see the size tests in `object.rs`).
    positions: Cell<[u32; POSITION_COUNT]>,
}

impl AstNodeData {
    /// A node of `layout` whose fields are the layout's field count of values on top
    /// of `stack` (the last one is the last field), moved off it. Should the stack
    /// hold fewer, the missing first fields are `Null` (unset), so that the storage
    /// always matches the layout.
    #[inline(always)]
    pub(crate) fn from_stack_top(
        layout: Rc<NodeLayout>,
        stack: &mut Vec<Value>,
        positions: [u32; POSITION_COUNT],
    ) -> AstNodeData {
        let count = layout.field_count;
        let fields = match stack.len().checked_sub(count) {
            Some(start) if count <= INLINE_FIELDS => Fields::Inline(take_inline(stack, start)),
            _ => Fields::Boxed(take_boxed(stack, count)),
        };
        AstNodeData {
            layout,
            fields: RefCell::new(fields),
            positions: Cell::new(positions),
        }
    }

    /// `None` when the node's attributes are in its `__dict__` (look there);
    /// otherwise the value of attribute `name`, if it is one.
    pub fn field(&self, name: &Value) -> Option<Option<Value>> {
        let fields = self.fields.try_borrow().ok()?;
        let count = self.layout.field_count;
        let values = fields.as_slice(count)?;
        Some(
            self.layout
                .index_of(name)
                .and_then(|ix| self.value_at(values, ix)),
        )
    }

    /// The value of attribute `ix` of the layout: a field (in `values`) or a position.
    fn value_at(&self, values: &[Value], ix: usize) -> Option<Value> {
        if let Some(value) = values.get(ix) {
            return Some(value.clone());
        }
        let position = ix.checked_sub(self.layout.field_count)?;
        let position = self.positions.get().get(position).copied()?;
        Some(Value::Int(i64::from(position)))
    }

    /// Store `value` in attribute `name`; the value back when the node cannot keep
    /// it in its array (then it belongs in the `__dict__`).
    pub fn set_field(&self, name: &Value, value: Value) -> Result<(), Value> {
        let Some(ix) = self.layout.index_of(name) else {
            return Err(value);
        };
        let Ok(mut fields) = self.fields.try_borrow_mut() else {
            return Err(value);
        };
        let count = self.layout.field_count;
        let Some(values) = fields.as_mut_slice(count) else {
            return Err(value);
        };
        if let Some(slot) = values.get_mut(ix) {
            // The old value dies after the borrow ends (its death may run code).
            let old = std::mem::replace(slot, value);
            drop(fields);
            drop(old);
            return Ok(());
        }
        let mut positions = self.positions.get();
        let position = ix.checked_sub(count).and_then(|p| positions.get_mut(p));
        let new = match value {
            Value::Int(n) => u32::try_from(n).ok(),
            _ => None,
        };
        match (position, new) {
            (Some(position), Some(new)) => {
                *position = new;
                self.positions.set(positions);
                Ok(())
            }
            _ => Err(value),
        }
    }

    /// Build `owner`'s `__dict__` from the array (`owner` holds this payload).
    pub(crate) fn build_dict(&self, owner: &PyObject) -> Option<ObjRef> {
        let mut fields = self.fields.try_borrow_mut().ok()?;
        if matches!(*fields, Fields::InDict) {
            return None;
        }
        let values = fields.take(self.layout.field_count);
        drop(fields);
        let positions = self.positions.get().map(|p| Value::Int(i64::from(p)));
        let mut data = DictData::with_capacity(self.layout.keys.len());
        let all = values.into_iter().chain(positions);
        for ((key, hash), value) in self.layout.keys.iter().zip(all) {
            if !value.is_null() {
                data.insert_new(key.clone(), *hash, value);
            }
        }
        let dict = Rc::new(PyObject::new(
            self.layout.dict_class.clone(),
            Payload::Dict(RefCell::new(data)),
        ));
        crate::gc::collect::track(&dict);
        *owner.dict.try_borrow_mut().ok()? = Some(dict.clone());
        Some(dict)
    }

    /// Call `visit` on each field value still in the array (for the cycle collector).
    pub(crate) fn visit<F: FnMut(&Value)>(&self, visit: &mut F) {
        if let Ok(fields) = self.fields.try_borrow() {
            if let Some(values) = fields.as_slice(self.layout.field_count) {
                values.iter().for_each(visit);
            }
        }
    }

    /// Release the field values here and now, first field first (the node is dying):
    /// in place, without moving the payload out of the object.
    pub(crate) fn release_fields(&mut self) {
        *self.fields.get_mut() = Fields::InDict;
    }

    /// Move the field values out, in release order (first field first).
    pub(crate) fn take_values(&self) -> Vec<Value> {
        self.fields
            .try_borrow_mut()
            .map(|mut f| f.take(self.layout.field_count))
            .unwrap_or_default()
    }
}
