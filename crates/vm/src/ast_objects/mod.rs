//! CPython's `Python/Python-ast.c`: the `_ast` module's node classes, turning the
//! parser's tree into node objects for `compile(..., PyCF_ONLY_AST)` / `ast.parse`,
//! and node objects back into a tree for `compile(tree, ...)`.
//!
//! The classes come from one table (`table.rs`), made into classes (`classes.rs`) in
//! the module's namespace when `_ast` is first imported. `to_object.rs` converts the
//! syntax crate's generic tree to objects; `from_object*.rs` read objects back into
//! the Rust AST, which `validate.rs` checks as CPython's `PyAST_Validate` does.

mod classes;
mod from_object;
mod from_object_expr;
mod table;
mod to_object;
mod validate;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::error::PyResult;
use crate::gc::collect::AddrMap;
use crate::object::ObjRef;
use crate::objects::dict;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) use from_object::object_to_mod;
pub(crate) use to_object::tree_to_object;

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
    /// Node templates by the address of the syntax tree's kind name (a static string),
    /// so that finding one costs a multiplication, not a string hash.
    templates: RefCell<AddrMap<Rc<NodeTemplate>>>,
    position_keys: [InternedKey; 4],
}

/// A dict key ready to insert: an interned str and its hash.
struct InternedKey {
    /// The name as the syntax tree spells it.
    name: &'static str,
    key: Value,
    hash: i64,
}

impl InternedKey {
    fn new(vm: &Vm, name: &'static str) -> InternedKey {
        let key = vm.intern(name);
        let hash = key
            .as_obj()
            .and_then(|o| o.as_str())
            .map_or(0, |s| s.hash());
        InternedKey { name, key, hash }
    }
}

/// What making a node of one kind needs: its class, its field keys in the syntax
/// tree's order, and for a kind without fields or position the one shared instance.
struct NodeTemplate {
    class: ObjRef,
    fields: Vec<InternedKey>,
    singleton: Option<Value>,
}

impl AstClasses {
    /// The template of node kind `name`, made from this node if it is the first.
    fn template(
        &self,
        vm: &Vm,
        name: &'static str,
        fields: &[(&'static str, adder_syntax::tree::AstValue)],
        has_position: bool,
    ) -> PyResult<Rc<NodeTemplate>> {
        let address = name.as_ptr() as usize;
        if let Some(found) = self.templates.borrow().get(&address) {
            return Ok(found.clone());
        }
        let made = Rc::new(to_object::new_template(
            vm,
            self,
            name,
            fields,
            has_position,
        )?);
        self.templates.borrow_mut().insert(address, made.clone());
        Ok(made)
    }
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
        position_keys: to_object::position_keys(vm),
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
