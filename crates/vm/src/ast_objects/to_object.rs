//! Rust AST → `_ast` node objects (CPython's `ast2obj`), walking the syntax crate's
//! generic tree so that every node kind is handled by the same few lines.

use std::collections::HashMap;

use adder_syntax::ast::{Constant, Range};
use adder_syntax::tree::AstValue;

use super::AstClasses;
use crate::error::PyResult;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict;
use crate::value::Value;
use crate::vm::Vm;

/// Deepest tree converted before RecursionError (CPython: "maximum recursion depth
/// exceeded during ast construction"), well within Rust's stack.
const MAX_DEPTH: usize = 5000;

/// One conversion: the classes, plus the shared instances of field-less nodes
/// (`Load()`, `Add()`, ...), which CPython's parser also shares within a tree.
struct Converter<'c> {
    classes: &'c AstClasses,
    singletons: HashMap<&'static str, Value>,
    depth: usize,
}

/// The node objects for a parsed tree.
pub(crate) fn tree_to_object(vm: &mut Vm, tree: &AstValue) -> PyResult<Value> {
    let classes = super::classes(vm)?;
    let mut converter = Converter {
        classes: &classes,
        singletons: HashMap::new(),
        depth: 0,
    };
    converter.value(vm, tree)
}

impl Converter<'_> {
    fn value(&mut self, vm: &mut Vm, v: &AstValue) -> PyResult<Value> {
        Ok(match v {
            AstValue::Node {
                name,
                fields,
                range,
            } => {
                if fields.is_empty() && range.is_none() {
                    return self.singleton(vm, name);
                }
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(vm.error(
                        &vm.types().exc.recursion_error.clone(),
                        "maximum recursion depth exceeded during ast construction",
                    ));
                }
                let node = self.node(vm, name, fields, range);
                self.depth -= 1;
                node?
            }
            AstValue::List(items) => {
                let items = items
                    .iter()
                    .map(|item| self.value(vm, item))
                    .collect::<PyResult<Vec<_>>>()?;
                vm.new_list(items)
            }
            AstValue::Str(s) => vm.new_str(s),
            AstValue::Int(n) => Value::Int(*n),
            AstValue::Constant(c) => constant(vm, c),
            AstValue::Absent => Value::None,
        })
    }

    fn class(&self, vm: &Vm, name: &str) -> PyResult<ObjRef> {
        self.classes
            .by_name
            .get(name)
            .cloned()
            .ok_or_else(|| vm.system_error(format!("_ast has no class {name}")))
    }

    fn singleton(&mut self, vm: &mut Vm, name: &'static str) -> PyResult<Value> {
        if let Some(v) = self.singletons.get(name) {
            return Ok(v.clone());
        }
        let cls = self.class(vm, name)?;
        let v = Value::obj(PyObject::with_dict(cls, Payload::Instance, vm.new_dict()));
        self.singletons.insert(name, v.clone());
        Ok(v)
    }

    fn node(
        &mut self,
        vm: &mut Vm,
        name: &str,
        fields: &[(&'static str, AstValue)],
        range: &Option<Range>,
    ) -> PyResult<Value> {
        let cls = self.class(vm, name)?;
        let d = vm.new_dict();
        for (field, v) in fields {
            let v = self.value(vm, v)?;
            dict::set_str(vm, &d, field, v);
        }
        if let Some(r) = range {
            for (attr, n) in [
                ("lineno", r.lineno),
                ("col_offset", r.col_offset),
                ("end_lineno", r.end_lineno),
                ("end_col_offset", r.end_col_offset),
            ] {
                dict::set_str(vm, &d, attr, Value::Int(i64::from(n)));
            }
        }
        Ok(Value::obj(PyObject::with_dict(cls, Payload::Instance, d)))
    }
}

/// A constant's Python value (lone surrogates become U+FFFD, as in code objects).
fn constant(vm: &Vm, c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Ellipsis => vm.types().ellipsis.clone(),
        Constant::Int(i) => vm.new_int(i.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => crate::objects::complex::new_complex(
            vm,
            adder_numeric::complex::Complex::new(*real, *imag),
        ),
        Constant::Str(s) => vm.new_str(s),
        Constant::SurrogateStr(points) => vm.new_str(
            &points
                .iter()
                .map(|&p| char::from_u32(p).unwrap_or('\u{fffd}'))
                .collect::<String>(),
        ),
        Constant::Bytes(b) => crate::objects::bytes::new_bytes(vm, b.clone()),
    }
}
