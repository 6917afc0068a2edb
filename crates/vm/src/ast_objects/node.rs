//! Where a parsed `_ast` node keeps its fields: one value per field and position
//! attribute in a fixed array (the node kind's [`NodeLayout`] names them), instead of
//! an instance `__dict__`. CPython 3.14 keeps instance attributes inline the same way
//! and builds the dict only when someone asks for it.
//!
//! Reading or writing a field goes to the array. The first use of the dict itself
//! (`node.__dict__`, `vars(node)`, pickling, a new attribute, a deletion) builds it
//! from the array, in the same key order, and from then on the dict holds the
//! attributes and the array is gone: the node then behaves as any instance.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict::DictData;
use crate::value::Value;

/// The attribute names of one node kind, in `__dict__` order (`_fields`, then the
/// positions when the kind has them), interned, with their hashes.
pub(crate) struct NodeLayout {
    keys: Box<[(Value, i64)]>,
    /// `dict`, to make the `__dict__` with no interpreter at hand.
    dict_class: ObjRef,
}

impl NodeLayout {
    pub(crate) fn new(keys: Box<[(Value, i64)]>, dict_class: ObjRef) -> NodeLayout {
        NodeLayout { keys, dict_class }
    }

    /// Where `name` (a str) is in the array.
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

/// The payload of a node the parser made (`Payload::AstNode`).
pub struct AstNodeData {
    layout: Rc<NodeLayout>,
    /// The values in layout order; `None` once the `__dict__` has been built.
    values: RefCell<Option<Box<[Value]>>>,
}

impl AstNodeData {
    pub(crate) fn new(layout: Rc<NodeLayout>, values: Box<[Value]>) -> AstNodeData {
        AstNodeData {
            layout,
            values: RefCell::new(Some(values)),
        }
    }

    /// `None` when the node's attributes are in its `__dict__` (look there);
    /// otherwise the value of field `name`, if it is one.
    pub fn field(&self, name: &Value) -> Option<Option<Value>> {
        let values = self.values.try_borrow().ok()?;
        let values = values.as_ref()?;
        Some(
            self.layout
                .index_of(name)
                .and_then(|ix| values.get(ix))
                .cloned(),
        )
    }

    /// Store `value` in field `name`; the value back when the node has no such
    /// field in its array (then it belongs in the `__dict__`).
    pub fn set_field(&self, name: &Value, value: Value) -> Result<(), Value> {
        let Some(ix) = self.layout.index_of(name) else {
            return Err(value);
        };
        let Ok(mut values) = self.values.try_borrow_mut() else {
            return Err(value);
        };
        match values.as_mut().and_then(|v| v.get_mut(ix)) {
            Some(slot) => {
                // The old value dies after the borrow ends (its death may run code).
                let old = std::mem::replace(slot, value);
                drop(values);
                drop(old);
                Ok(())
            }
            None => Err(value),
        }
    }

    /// Build `owner`'s `__dict__` from the array (`owner` holds this payload).
    pub(crate) fn build_dict(&self, owner: &PyObject) -> Option<ObjRef> {
        let values = self.values.try_borrow_mut().ok()?.take()?;
        let mut data = DictData::with_capacity(values.len());
        for ((key, hash), value) in self.layout.keys.iter().zip(values.into_vec()) {
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

    /// Call `visit` on each value still in the array (for the cycle collector).
    pub(crate) fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(values) = self.values.try_borrow() {
            values.iter().flat_map(|v| v.iter()).for_each(visit);
        }
    }

    /// Move the values out, in release order (first field first).
    pub(crate) fn take_values(&self) -> Vec<Value> {
        self.values
            .try_borrow_mut()
            .ok()
            .and_then(|mut v| v.take())
            .map(|v| v.into_vec())
            .unwrap_or_default()
    }
}
