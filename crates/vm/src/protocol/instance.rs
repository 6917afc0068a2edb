//! `isinstance()` and `issubclass()` (CPython's `PyObject_IsInstance` and
//! `PyObject_IsSubclass`): tuples and unions of classes, a metaclass's
//! `__instancecheck__`/`__subclasscheck__` (`abc.ABCMeta`, `types.GenericAlias`), and
//! the MRO for plain classes.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// Which of the two checks runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Check {
    Instance,
    Subclass,
}

impl Check {
    fn function(self) -> &'static str {
        match self {
            Check::Instance => "isinstance",
            Check::Subclass => "issubclass",
        }
    }

    fn hook(self) -> &'static str {
        match self {
            Check::Instance => "__instancecheck__",
            Check::Subclass => "__subclasscheck__",
        }
    }
}

impl Vm {
    /// `isinstance(v, cls)`.
    pub fn isinstance(&mut self, v: &Value, cls: &Value) -> PyResult<bool> {
        // The exact type needs no hooks (CPython checks it first too).
        if let Value::Obj(c) = cls {
            if Rc::ptr_eq(&self.type_of(v), c) {
                return Ok(true);
            }
        }
        self.class_check(v, cls, Check::Instance)
    }

    /// `issubclass(sub, cls)`.
    pub fn issubclass(&mut self, sub: &Value, cls: &Value) -> PyResult<bool> {
        self.class_check(sub, cls, Check::Subclass)
    }

    fn class_check(&mut self, v: &Value, cls: &Value, check: Check) -> PyResult<bool> {
        if let Some(Payload::Tuple(items)) = cls.payload() {
            self.enter_native()?;
            let mut found = Ok(false);
            for c in items.iter() {
                found = self.class_check(v, c, check);
                if !matches!(found, Ok(false)) {
                    break;
                }
            }
            self.leave_native();
            return found;
        }
        if let Some(members) = crate::objects::union_type::members(cls) {
            for m in members {
                if self.class_check(v, m, check)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let meta = self.type_of(cls);
        // `type`'s own checks need no call (CPython skips them for exact classes too).
        let hook = if Rc::ptr_eq(&meta, &self.types().type_) {
            None
        } else {
            self.type_lookup(&meta, check.hook())
        };
        if let Some(hook) = hook {
            let r = self.call_method_value(&hook, cls, std::slice::from_ref(v))?;
            return self.is_true(&r);
        }
        let Some(c) = cls.as_obj().filter(|o| o.as_type().is_some()) else {
            return Err(self.type_error(format!(
                "{}() arg 2 must be a type, a tuple of types, or a union",
                check.function()
            )));
        };
        let c = c.clone();
        self.plain_class_check(v, &c, check == Check::Subclass)
    }

    /// `type.__instancecheck__` and `type.__subclasscheck__`: the MRO alone, without
    /// hooks (what a metaclass's own check defers to through `super()`).
    pub fn plain_class_check(&self, v: &Value, cls: &ObjRef, subclass: bool) -> PyResult<bool> {
        if !subclass {
            return Ok(self.is_instance(v, cls));
        }
        match v.as_obj().filter(|o| o.as_type().is_some()) {
            Some(sub) => Ok(self.is_subtype(sub, cls)),
            None => Err(self.type_error("issubclass() arg 1 must be a class")),
        }
    }
}
