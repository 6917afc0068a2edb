//! Rust AST → `_ast` node objects (CPython's `ast2obj`): a `TreeSink` that the
//! syntax crate's tree walk (the one description of every node kind) drives, so that
//! nodes are made straight from the AST with no intermediate tree.
//!
//! This is the hot half of `ast.parse`: a node is made without calling any Python
//! code, its `__dict__` built at its final size from keys interned once per node kind
//! (`NodeTemplate`), positions stored as unboxed ints, identifiers interned (as
//! CPython's parser interns them) and field-less nodes (`Load()`, `Add()`) shared by
//! every tree, as CPython shares them.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use adder_syntax::ast::{Constant, Mod, Range};
use adder_syntax::tree_walk::{walk_mod, NodeShape, TreeSink};

use super::{AstClasses, NodeTemplate};
use crate::error::{PyErr, PyResult};
use crate::gc::collect::AddrHasher;
use crate::object::{Payload, PyObject};
use crate::objects::dict::DictData;
use crate::value::Value;
use crate::vm::Vm;

/// Deepest nesting converted before RecursionError (CPython: "maximum recursion depth
/// exceeded during ast construction"), well within Rust's stack.
const MAX_DEPTH: usize = 5000;

/// Position attributes, in CPython's `_attributes` order.
const POSITION_NAMES: [&str; 4] = ["lineno", "col_offset", "end_lineno", "end_col_offset"];

/// The node objects for a parsed tree.
pub(crate) fn mod_to_object(vm: &mut Vm, module: &Mod) -> PyResult<Value> {
    let classes = super::classes(vm)?;
    let vm: &Vm = vm;
    let mut sink = ObjectSink {
        vm,
        classes: &classes,
        stack: Vec::with_capacity(64),
        names: NameCache::default(),
        error: None,
    };
    let complete = walk_mod(module, &mut sink, MAX_DEPTH);
    if let Some(err) = sink.error {
        return Err(err);
    }
    if !complete {
        return Err(vm.error(
            &vm.types().exc.recursion_error.clone(),
            "maximum recursion depth exceeded during ast construction",
        ));
    }
    sink.stack
        .pop()
        .ok_or_else(|| vm.system_error("ast construction produced no tree"))
}

type NameCache<'a> = HashMap<&'a str, Value, BuildHasherDefault<AddrHasher>>;

/// Builds node objects bottom-up: field values wait on `stack` until their node is made.
struct ObjectSink<'a, 'v, 'c> {
    vm: &'v Vm,
    classes: &'c AstClasses,
    stack: Vec<Value>,
    /// The interned str of each identifier met so far: most recur many times, and
    /// this lookup is cheaper than the interpreter's interning table.
    names: NameCache<'a>,
    /// The first failure; the walk goes on (pushing placeholders) and it is raised at
    /// the end.
    error: Option<PyErr>,
}

impl ObjectSink<'_, '_, '_> {
    fn make_node(&mut self, shape: &'static NodeShape, range: Option<Range>) -> PyResult<Value> {
        let template = self.classes.template(self.vm, shape, range.is_some())?;
        if let Some(shared) = &template.singleton {
            if range.is_none() {
                return Ok(shared.clone());
            }
        }
        let mut data = template.dict.clone();
        let start = self.stack.len().saturating_sub(shape.fields.len());
        for (ix, v) in self.stack.drain(start..).enumerate() {
            data.replace_value_at(ix, v);
        }
        if let Some(r) = range {
            let positions = [r.lineno, r.col_offset, r.end_lineno, r.end_col_offset];
            for (ix, n) in positions.into_iter().enumerate() {
                data.replace_value_at(shape.fields.len() + ix, Value::Int(i64::from(n)));
            }
        }
        let dict = self.vm.new_dict_with(data);
        Ok(Value::obj(PyObject::with_dict(
            template.class.clone(),
            Payload::Instance,
            dict,
        )))
    }
}

impl<'a> TreeSink<'a> for ObjectSink<'a, '_, '_> {
    fn str(&mut self, s: &'a str) {
        let vm = self.vm;
        let name = self.names.entry(s).or_insert_with(|| vm.intern(s)).clone();
        self.stack.push(name);
    }

    fn int(&mut self, n: i64) {
        self.stack.push(Value::Int(n));
    }

    fn constant(&mut self, c: &'a Constant) {
        self.stack.push(constant(self.vm, c));
    }

    fn absent(&mut self) {
        self.stack.push(Value::None);
    }

    fn list(&mut self, len: usize) {
        let items = self.stack.split_off(self.stack.len().saturating_sub(len));
        self.stack.push(self.vm.new_list(items));
    }

    fn node(&mut self, shape: &'static NodeShape, range: Option<Range>) {
        match self.make_node(shape, range) {
            Ok(node) => self.stack.push(node),
            Err(err) => {
                self.error.get_or_insert(err);
                let start = self.stack.len().saturating_sub(shape.fields.len());
                self.stack.truncate(start);
                self.stack.push(Value::None);
            }
        }
    }
}

/// Build the template of node kind `shape`, with or without position.
pub(super) fn new_template(
    vm: &Vm,
    classes: &AstClasses,
    shape: &NodeShape,
    has_position: bool,
) -> PyResult<NodeTemplate> {
    let class = classes
        .by_name
        .get(shape.name)
        .cloned()
        .ok_or_else(|| vm.system_error(format!("_ast has no class {}", shape.name)))?;
    let singleton = (shape.fields.is_empty() && !has_position).then(|| {
        Value::obj(PyObject::with_dict(
            class.clone(),
            Payload::Instance,
            vm.new_dict(),
        ))
    });
    let positions = if has_position {
        &POSITION_NAMES[..]
    } else {
        &[]
    };
    let names = shape.fields.iter().chain(positions);
    let mut dict = DictData::with_capacity(shape.fields.len() + positions.len());
    for name in names {
        let key = vm.intern(name);
        let hash = key
            .as_obj()
            .and_then(|o| o.as_str())
            .map_or(0, |s| s.hash());
        dict.insert_new(key, hash, Value::None);
    }
    Ok(NodeTemplate {
        class,
        dict,
        singleton,
    })
}

/// A constant's Python value.
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
        Constant::SurrogateStr(points) => vm.new_str_obj(
            crate::objects::str::PyStr::from_code_points(points.iter().copied()),
        ),
        Constant::Bytes(b) => crate::objects::bytes::new_bytes(vm, b.clone()),
    }
}
