//! CPython's `Python/Python-ast.c`: the `_ast` module's node classes, turning the
//! parser's tree into node objects for `compile(..., PyCF_ONLY_AST)` / `ast.parse`,
//! and node objects back into a tree for `compile(tree, ...)`.
//!
//! The classes come from one table (`table.rs`), made into classes (`classes.rs`) in
//! the module's namespace when `_ast` is first imported. `to_object.rs` makes node
//! objects from the Rust AST; `from_object*.rs` read objects back into
//! the Rust AST, which `validate.rs` checks as CPython's `PyAST_Validate` does.

mod classes;
mod from_object;
mod from_object_expr;
mod name_table;
mod node;
mod table;
mod to_object;
mod validate;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use adder_syntax::tree_walk::NodeShape;

use crate::error::PyResult;
use crate::gc::collect::AddrMap;
use crate::object::ObjRef;
use crate::objects::dict;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) use from_object::object_to_mod;
pub use node::AstNodeData;
pub(crate) use to_object::mod_to_object;

/// `compile()` flags `_ast` exports (`Include/cpython/compile.h`).
pub const PYCF_ONLY_AST: i64 = 0x0400;
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;
/// `PyCF_OPTIMIZED_AST`: `PyCF_ONLY_AST | CO_OPTIMIZED_AST`.
pub const PYCF_OPTIMIZED_AST: i64 = 0x8000 | PYCF_ONLY_AST;

/// The node classes by name, kept once `_ast` is imported, and what building nodes
/// of each kind needs.
pub(crate) struct AstClasses {
    by_name: HashMap<&'static str, ObjRef>,
    /// Each sum type's constructors (`expr` → `BoolOp`, `NamedExpr`, ...), in the
    /// order CPython tries them when reading a node object.
    constructors: HashMap<&'static str, Vec<(&'static str, ObjRef)>>,
    /// The node kinds whose end positions are required (patterns, type parameters).
    ends_required: Vec<&'static str>,
    /// Node templates by the address of the tree walk's node shape (a static), so
    /// that finding one costs a multiplication, not a string hash.
    templates: RefCell<AddrMap<Rc<NodeTemplate>>>,
}

/// What making a node of one kind needs: its class, its attribute names (the fields
/// in `_fields` order, then the positions when the kind has them), and for a kind
/// without fields or position the one instance every tree shares.
struct NodeTemplate {
    class: ObjRef,
    layout: Rc<node::NodeLayout>,
    singleton: Option<Value>,
}

impl AstClasses {
    /// The template of node kind `shape` with or without position, made on first use.
    fn template(
        &self,
        vm: &Vm,
        shape: &'static NodeShape,
        has_position: bool,
    ) -> PyResult<Rc<NodeTemplate>> {
        let key = template_key(shape, has_position);
        if let Some(found) = self.templates.borrow().get(&key) {
            return Ok(found.clone());
        }
        let made = Rc::new(to_object::new_template(vm, self, shape, has_position)?);
        self.templates.borrow_mut().insert(key, made.clone());
        Ok(made)
    }
}

/// What templates are found by: node kind `shape` (a static, so its address is
/// even and names it for good), with the low bit saying whether it has a position.
fn template_key(shape: &'static NodeShape, has_position: bool) -> usize {
    shape as *const NodeShape as usize | usize::from(has_position)
}

/// Make `_ast` importable.
pub fn register(vm: &mut Vm) {
    vm.register_native_module("_ast", init);
}

fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    crate::native_module::add_values(
        vm,
        module,
        &[
            ("PyCF_ONLY_AST", Value::Int(PYCF_ONLY_AST)),
            ("PyCF_TYPE_COMMENTS", Value::Int(PYCF_TYPE_COMMENTS)),
            (
                "PyCF_ALLOW_TOP_LEVEL_AWAIT",
                Value::Int(PYCF_ALLOW_TOP_LEVEL_AWAIT),
            ),
            ("PyCF_OPTIMIZED_AST", Value::Int(PYCF_OPTIMIZED_AST)),
        ],
    );
    let Some(namespace) = module.dict_obj() else {
        return Err(vm.system_error("_ast: module without a namespace"));
    };
    classes::define_classes(vm, &namespace)?;
    let by_name: HashMap<&'static str, ObjRef> = std::iter::once("AST")
        .chain(classes::node_specs().map(|spec| spec.name))
        .filter_map(|name| match dict::get_str(&namespace, name) {
            Some(Value::Obj(cls)) => Some((name, cls)),
            _ => None,
        })
        .collect();
    let mut constructors: HashMap<&'static str, Vec<(&'static str, ObjRef)>> = HashMap::new();
    let mut ends_required = Vec::new();
    for spec in classes::node_specs() {
        if let Some(cls) = by_name.get(spec.name) {
            let sum = constructors.entry(spec.base).or_default();
            sum.push((spec.name, cls.clone()));
        }
        if spec.attributes.contains(&"end_lineno") {
            ends_required.push(spec.name);
        }
    }
    vm.set_native_state(AstClasses {
        by_name,
        constructors,
        ends_required,
        templates: RefCell::default(),
    });
    Ok(())
}

/// The node classes, importing `_ast` first if needed.
fn classes(vm: &mut Vm) -> PyResult<Rc<AstClasses>> {
    if let Some(classes) = vm.native_state::<AstClasses>() {
        return Ok(classes);
    }
    vm.import_module("_ast")?;
    vm.native_state::<AstClasses>()
        .ok_or_else(|| vm.system_error("_ast did not initialise"))
}

/// Whether `v` is an `_ast.AST` node (for `compile(tree, ...)`).
pub(crate) fn is_ast_node(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let classes = classes(vm)?;
    Ok(match classes.by_name.get("AST") {
        Some(base) => vm.is_instance(v, base),
        None => false,
    })
}
