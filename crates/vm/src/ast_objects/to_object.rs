//! Rust AST → `_ast` node objects (CPython's `ast2obj`): a `TreeSink` that the
//! syntax crate's tree walk (the one description of every node kind) drives, so that
//! nodes are made straight from the AST with no intermediate tree.
//!
//! This is the hot half of `ast.parse`: a node is made without calling any Python
//! code, its fields stored in an array named by a layout interned once per node kind
//! (`NodeTemplate`, `node.rs`), positions stored as unboxed ints, identifiers interned (as
//! CPython's parser interns them) and field-less nodes (`Load()`, `Add()`) shared by
//! every tree, as CPython shares them.

use std::cell::RefCell;
use std::rc::Rc;

use adder_syntax::ast::{Constant, Mod, Range};
use adder_syntax::tree_walk::{walk_mod, NodeShape, TreeSink};

use super::name_table::NameTable;
use super::node::{AstNodeData, NodeLayout, POSITION_COUNT};
use super::{AstClasses, NodeTemplate};
use crate::error::{PyErr, PyResult};
use crate::object::{Payload, PyObject};
use crate::value::Value;
use crate::vm::Vm;

/// Deepest nesting converted before RecursionError (CPython: "maximum recursion depth
/// exceeded during ast construction"): at least the deepest tree the parser builds
/// (`a.b.b...` chains CPython converts 129,000 levels deep), well within the
/// interpreter thread's 1 GiB stack.
const MAX_DEPTH: usize = 200_000;

/// Position attributes, in CPython's `_attributes` order.
const POSITION_NAMES: [&str; POSITION_COUNT] =
    ["lineno", "col_offset", "end_lineno", "end_col_offset"];

/// The node objects for a parsed tree.
pub(crate) fn mod_to_object(vm: &mut Vm, module: &Mod) -> PyResult<Value> {
    let classes = super::classes(vm)?;
    let vm: &Vm = vm;
    let mut sink = ObjectSink {
        vm,
        classes: &classes,
        stack: Vec::with_capacity(64),
        names: NameTable::new(),
        templates: TemplateCache::new(),
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

/// The templates this conversion has used, by node kind: a direct-mapped table on the
/// kind's key (its shape's address, plus whether it has a position), so that the
/// template of each node is found with a multiplication and a compare, without the
/// borrow, hash probe and reference count of [`AstClasses::template`]. A kind whose
/// slot another kind took is looked up there again.
struct TemplateCache {
    slots: Box<[TemplateSlot]>,
}

/// A kind's key (see [`super::template_key`]) and its template, once used.
type TemplateSlot = Option<(usize, Rc<NodeTemplate>)>;

/// log2 of the slots of a [`TemplateCache`]: a few times the node kinds (about 130).
const TEMPLATE_SLOT_BITS: u32 = 10;

impl TemplateCache {
    fn new() -> TemplateCache {
        TemplateCache {
            slots: std::iter::repeat_with(|| None)
                .take(1 << TEMPLATE_SLOT_BITS)
                .collect(),
        }
    }

    /// The template of kind `shape` with or without position.
    #[inline]
    fn get(
        &mut self,
        vm: &Vm,
        classes: &AstClasses,
        shape: &'static NodeShape,
        has_position: bool,
    ) -> PyResult<&NodeTemplate> {
        let key = super::template_key(shape, has_position);
        // Fibonacci hashing: the top bits of the product mix every bit of the address.
        let slot = (key as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - TEMPLATE_SLOT_BITS);
        let Some(entry) = self.slots.get_mut(slot as usize) else {
            return Err(vm.system_error("ast template slot out of range"));
        };
        if !matches!(entry, Some((found, _)) if *found == key) {
            *entry = Some((key, classes.template(vm, shape, has_position)?));
        }
        match entry {
            Some((_, template)) => Ok(template),
            None => Err(vm.system_error("ast template missing")),
        }
    }
}

/// Builds node objects bottom-up: field values wait on `stack` until their node is made.
struct ObjectSink<'a, 'v, 'c> {
    vm: &'v Vm,
    classes: &'c AstClasses,
    stack: Vec<Value>,
    names: NameTable<'a>,
    templates: TemplateCache,
    /// The first failure; the walk goes on (pushing placeholders) and it is raised at
    /// the end.
    error: Option<PyErr>,
}

impl ObjectSink<'_, '_, '_> {
    /// Replace the node's field values on the stack with the node.
    fn push_node(&mut self, shape: &'static NodeShape, range: Option<Range>) -> PyResult<()> {
        let template = self
            .templates
            .get(self.vm, self.classes, shape, range.is_some())?;
        if let (Some(shared), None) = (&template.singleton, range) {
            self.stack.push(shared.clone());
            return Ok(());
        }
        let positions = range.map_or([0; POSITION_COUNT], |r| {
            [r.lineno, r.col_offset, r.end_lineno, r.end_col_offset]
        });
        let stack = &mut self.stack;
        let node = Value::new_object(template.class.clone(), || {
            Payload::AstNode(AstNodeData::from_stack_top(
                template.layout.clone(),
                stack,
                positions,
            ))
        });
        Value::push_object(stack, node);
        Ok(())
    }
}

impl<'a> TreeSink<'a> for ObjectSink<'a, '_, '_> {
    fn str(&mut self, s: &'a str) {
        let vm = self.vm;
        let name = self.names.get(s, |s| vm.intern(s));
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
        let list = self.vm.types().list.clone();
        let list = Value::new_object(list, || Payload::List(RefCell::new(items)));
        Value::push_object(&mut self.stack, list);
    }

    fn node(&mut self, shape: &'static NodeShape, range: Option<Range>) {
        if let Err(err) = self.push_node(shape, range) {
            self.error.get_or_insert(err);
            let start = self.stack.len().saturating_sub(shape.fields.len());
            self.stack.truncate(start);
            self.stack.push(Value::None);
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
    let positions = if has_position {
        &POSITION_NAMES[..]
    } else {
        &[]
    };
    let keys = shape
        .fields
        .iter()
        .chain(positions)
        .map(|name| {
            let key = vm.intern(name);
            let hash = key
                .as_obj()
                .and_then(|o| o.as_str())
                .map_or(0, |s| s.hash());
            (key, hash)
        })
        .collect();
    let layout = Rc::new(NodeLayout::new(
        keys,
        shape.fields.len(),
        vm.types().dict.clone(),
    ));
    let singleton = (shape.fields.is_empty() && !has_position).then(|| {
        Value::obj(PyObject::new(
            class.clone(),
            Payload::AstNode(AstNodeData::from_stack_top(
                layout.clone(),
                &mut Vec::new(),
                [0; POSITION_COUNT],
            )),
        ))
    });
    Ok(NodeTemplate {
        class,
        layout,
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
        Constant::Tuple(items) => vm.new_tuple(items.iter().map(|i| constant(vm, i)).collect()),
        Constant::FrozenSet(items) => crate::objects::set::frozenset_of_constants(
            vm,
            items.iter().map(|i| constant(vm, i)).collect(),
        ),
    }
}
