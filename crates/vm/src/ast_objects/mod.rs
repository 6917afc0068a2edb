//! CPython's `Python/Python-ast.c`: the `_ast` module's node classes, and turning the
//! parser's tree into node objects for `compile(..., PyCF_ONLY_AST)` / `ast.parse`.
//!
//! The classes come from one table (`table.rs`), made into Python source
//! (`classes.rs`) and run in the module's namespace when `_ast` is first imported.
//! Conversion (`to_object.rs`) walks the syntax crate's generic tree.

mod classes;
mod table;
mod to_object;

use std::collections::HashMap;
use std::rc::Rc;

use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::dict;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) use to_object::tree_to_object;

/// `compile()` flags `_ast` exports (`Include/cpython/compile.h`).
pub const PYCF_ONLY_AST: i64 = 0x0400;
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;
/// `PyCF_OPTIMIZED_AST`: `PyCF_ONLY_AST | CO_OPTIMIZED_AST`.
pub const PYCF_OPTIMIZED_AST: i64 = 0x8000 | PYCF_ONLY_AST;

/// The node classes by name, kept once `_ast` is imported.
pub(crate) struct AstClasses {
    by_name: HashMap<&'static str, ObjRef>,
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
    let source = classes::classes_source();
    vm.compile_and_run(source.as_bytes(), "<_ast>", namespace.clone())?;
    let by_name = std::iter::once("AST")
        .chain(classes::node_specs().map(|spec| spec.name))
        .filter_map(|name| match dict::get_str(&namespace, name) {
            Some(Value::Obj(cls)) => Some((name, cls)),
            _ => None,
        })
        .collect();
    vm.set_native_state(AstClasses { by_name });
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
