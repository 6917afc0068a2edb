//! The references each object holds (CPython's `tp_traverse`), for the cycle
//! collector and `gc.get_referents`.

use crate::object::{ObjRef, Payload, PyObject};
use crate::value::Value;

/// Call `visit` on every value `obj` refers to that could lead back to it. A
/// container being changed right now (its cell borrowed) is skipped, which only makes
/// the collector more conservative.
pub fn visit_refs(obj: &PyObject, visit: &mut dyn FnMut(&Value)) {
    visit_header(obj, &mut |o| visit(&Value::Obj(o.clone())));
    visit_payload(&obj.payload, &mut |v| visit(v));
}

/// [`visit_refs`] for the cycle collector, which only follows objects: nothing is
/// cloned, so a traversal writes to no reference count (it runs over every tracked
/// object, twice per collection). Generic, so that the collector's closures are
/// inlined into the loops over the items rather than called once per item.
#[inline]
pub(crate) fn visit_objects<F: FnMut(&ObjRef)>(obj: &PyObject, visit: &mut F) {
    visit_header(obj, visit);
    visit_payload(&obj.payload, &mut |v| {
        if let Value::Obj(o) = v {
            visit(o);
        }
    });
}

/// The class (when it is a heap type, which can be garbage) and the instance dict.
#[inline]
fn visit_header<F: FnMut(&ObjRef)>(obj: &PyObject, visit: &mut F) {
    if let Ok(class) = obj.class.try_borrow() {
        if let Some(c) = class
            .as_ref()
            .filter(|c| c.as_type().is_some_and(|t| t.is_heap))
        {
            visit(c);
        }
    }
    if let Ok(Some(d)) = obj.dict.try_borrow().as_deref() {
        visit(d);
    }
}

fn visit_cell<F: FnMut(&Value)>(cell: &std::cell::RefCell<Value>, visit: &mut F) {
    if let Ok(v) = cell.try_borrow() {
        visit(&v);
    }
}

#[inline]
fn visit_payload<F: FnMut(&Value)>(payload: &Payload, visit: &mut F) {
    match payload {
        // CPython's list and tuple traversals go from the last item to the first.
        Payload::Tuple(items) => items.iter().rev().for_each(&mut *visit),
        Payload::List(l) => {
            if let Ok(l) = l.try_borrow() {
                l.iter().rev().for_each(&mut *visit);
            }
        }
        Payload::Dict(d) => {
            if let Ok(d) = d.try_borrow() {
                for e in d.iter() {
                    visit(&e.key);
                    visit(&e.value);
                }
            }
        }
        Payload::Set(s) => {
            if let Ok(s) = s.try_borrow() {
                s.keys().iter().for_each(&mut *visit);
            }
        }
        Payload::Slots(s) => {
            if let Ok(s) = s.try_borrow() {
                s.iter().for_each(&mut *visit);
            }
        }
        Payload::Cell(c) => visit_cell(c, visit),
        Payload::Method { func, self_ } => {
            visit(func);
            visit(self_);
        }
        Payload::Function(f) => {
            visit(&Value::Obj(f.globals.clone()));
            for c in [
                &f.defaults,
                &f.kwdefaults,
                &f.closure,
                &f.annotations,
                &f.annotate,
            ] {
                visit_cell(c, visit);
            }
        }
        Payload::Type(t) => {
            if let Ok(mro) = t.mro.try_borrow() {
                mro.iter().for_each(|k| visit(&Value::Obj(k.clone())));
            }
            if let Ok(bases) = t.bases.try_borrow() {
                bases.iter().for_each(|k| visit(&Value::Obj(k.clone())));
            }
        }
        Payload::Exception(e) => {
            if let Ok(e) = e.try_borrow() {
                for v in [&e.args, &e.traceback, &e.cause, &e.context, &e.notes] {
                    visit(v);
                }
            }
        }
        Payload::Generator(g) => {
            if let Ok(Some(frame)) = g.frame.try_borrow().as_deref() {
                frame.slots.iter().for_each(&mut *visit);
                if let Some(f) = &frame.func {
                    visit(&Value::Obj(f.clone()));
                }
                if let Some(l) = &frame.locals {
                    visit(&Value::Obj(l.clone()));
                }
            }
        }
        Payload::StaticMethod(v) | Payload::ClassMethod(v) => visit(v),
        Payload::Native(n) => n.visit_refs(&mut *visit),
        Payload::AstNode(node) => node.visit(visit),
        Payload::Frame(f) => f.visit_refs(&mut *visit),
        Payload::Traceback(tb) => {
            visit(&tb.next);
            visit(&Value::Obj(tb.frame.clone()));
        }
        _ => {}
    }
}
