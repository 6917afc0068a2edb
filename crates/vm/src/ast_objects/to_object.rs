//! Rust AST → `_ast` node objects (CPython's `ast2obj`), walking the syntax crate's
//! generic tree so that every node kind is handled by the same few lines.
//!
//! This is the hot half of `ast.parse`: a node is made without calling any Python
//! code, its `__dict__` built at its final size from keys interned once per node kind
//! (`NodeTemplate`), positions stored as unboxed ints, identifiers interned (as
//! CPython's parser interns them) and field-less nodes (`Load()`, `Add()`) shared by
//! every tree, as CPython shares them.

use adder_syntax::ast::{Constant, Range};
use adder_syntax::tree::AstValue;

use super::{AstClasses, NodeTemplate};
use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::objects::dict::DictData;
use crate::value::Value;
use crate::vm::Vm;

/// Deepest tree converted before RecursionError (CPython: "maximum recursion depth
/// exceeded during ast construction"), well within Rust's stack.
const MAX_DEPTH: usize = 5000;

/// Position attributes, in CPython's `_attributes` order.
const POSITION_NAMES: [&str; 4] = ["lineno", "col_offset", "end_lineno", "end_col_offset"];

/// One conversion: the classes and how deep it is.
struct Converter<'c> {
    classes: &'c AstClasses,
    depth: usize,
}

/// The node objects for a parsed tree.
pub(crate) fn tree_to_object(vm: &mut Vm, tree: &AstValue) -> PyResult<Value> {
    let classes = super::classes(vm)?;
    let mut converter = Converter {
        classes: &classes,
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
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.value(vm, item)?);
                }
                vm.new_list(values)
            }
            AstValue::Str(s) => vm.intern(s),
            AstValue::Int(n) => Value::Int(*n),
            AstValue::Constant(c) => constant(vm, c),
            AstValue::Absent => Value::None,
        })
    }

    fn node(
        &mut self,
        vm: &mut Vm,
        name: &'static str,
        fields: &[(&'static str, AstValue)],
        range: &Option<Range>,
    ) -> PyResult<Value> {
        let template = self.classes.template(vm, name, fields, range.is_some())?;
        if let Some(shared) = &template.singleton {
            if range.is_none() {
                return Ok(shared.clone());
            }
        }
        let mut data = DictData::with_capacity(fields.len() + 4);
        for (i, (field, v)) in fields.iter().enumerate() {
            let v = self.value(vm, v)?;
            match template.fields.get(i) {
                Some(key) if std::ptr::eq(key.name, *field) || key.name == *field => {
                    data.insert_new(key.key.clone(), key.hash, v)
                }
                _ => {
                    let key = super::InternedKey::new(vm, field);
                    data.insert_new(key.key, key.hash, v);
                }
            }
        }
        if let Some(r) = range {
            let positions = [r.lineno, r.col_offset, r.end_lineno, r.end_col_offset];
            for (key, n) in self.classes.position_keys.iter().zip(positions) {
                data.insert_new(key.key.clone(), key.hash, Value::Int(i64::from(n)));
            }
        }
        let dict = vm.new_dict_with(data);
        Ok(Value::obj(PyObject::with_dict(
            template.class.clone(),
            Payload::Instance,
            dict,
        )))
    }
}

/// The interned keys of the position attributes.
pub(super) fn position_keys(vm: &Vm) -> [super::InternedKey; 4] {
    POSITION_NAMES.map(|name| super::InternedKey::new(vm, name))
}

/// Build the template of node kind `name` from a first node of that kind.
pub(super) fn new_template(
    vm: &Vm,
    classes: &AstClasses,
    name: &'static str,
    fields: &[(&'static str, AstValue)],
    has_position: bool,
) -> PyResult<NodeTemplate> {
    let class = classes
        .by_name
        .get(name)
        .cloned()
        .ok_or_else(|| vm.system_error(format!("_ast has no class {name}")))?;
    let singleton = (fields.is_empty() && !has_position).then(|| {
        Value::obj(PyObject::with_dict(
            class.clone(),
            Payload::Instance,
            vm.new_dict(),
        ))
    });
    Ok(NodeTemplate {
        class,
        fields: fields
            .iter()
            .map(|(field, _)| super::InternedKey::new(vm, field))
            .collect(),
        singleton,
    })
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
