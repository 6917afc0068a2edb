//! `ImportError` and `ModuleNotFoundError`: the `msg`, `name`, `path` and `name_from`
//! attributes (CPython's `ImportError_init` takes the last three as keywords), and the
//! errors the import system raises with them filled in.

use crate::error::{PyErr, PyResult};
use crate::object::ObjRef;
use crate::objects::function::Args;
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

pub fn is_import_error_class(vm: &Vm, cls: &ObjRef) -> bool {
    vm.is_subtype(cls, &vm.types().exc.import_error)
}

/// Give a new ImportError its attributes from the constructor's arguments.
pub fn init_attributes(vm: &Vm, exc: &ObjRef, args: Args) -> PyResult<()> {
    let mut attrs = [Value::None, Value::None, Value::None];
    for (key, value) in args.kwargs() {
        let slot = match name_str(key) {
            "name" => 0,
            "path" => 1,
            "name_from" => 2,
            _ => {
                let cls = vm.class_of(exc);
                let function = cls.as_type().map(|t| t.name());
                let function = function.as_deref().unwrap_or("");
                return Err(unexpected_keyword(vm, function, key));
            }
        };
        attrs[slot] = value.clone();
    }
    let msg = match args.pos() {
        [single] => single.clone(),
        _ => Value::None,
    };
    let [name, path, name_from] = attrs;
    set_attributes(vm, exc, msg, name, path, name_from);
    Ok(())
}

fn set_attributes(vm: &Vm, exc: &ObjRef, msg: Value, name: Value, path: Value, from: Value) {
    vm.set_exc_attr(exc, "msg", msg);
    vm.set_exc_attr(exc, "name", name);
    vm.set_exc_attr(exc, "path", path);
    vm.set_exc_attr(exc, "name_from", from);
}

/// What the import system raises (CPython's `PyErr_SetImportError` family).
pub struct ImportErrorSpec<'a> {
    pub class: &'a ObjRef,
    pub msg: String,
    pub name: Value,
    pub path: Value,
    pub name_from: Value,
}

impl Vm {
    pub fn new_import_error(&self, spec: ImportErrorSpec) -> PyErr {
        let msg = self.new_str(&spec.msg);
        let exc = self.new_exception(spec.class, vec![msg.clone()]);
        set_attributes(self, &exc, msg, spec.name, spec.path, spec.name_from);
        PyErr(exc)
    }

    /// `ModuleNotFoundError(msg, name=name)`.
    pub fn module_not_found(&self, name: &str, msg: &str) -> PyErr {
        self.new_import_error(ImportErrorSpec {
            class: &self.types().exc.module_not_found_error.clone(),
            msg: msg.to_string(),
            name: self.new_str(name),
            path: Value::None,
            name_from: Value::None,
        })
    }

    /// A plain `ImportError(msg)` with no module name.
    pub fn import_error(&self, msg: &str) -> PyErr {
        self.new_import_error(ImportErrorSpec {
            class: &self.types().exc.import_error.clone(),
            msg: msg.to_string(),
            name: Value::None,
            path: Value::None,
            name_from: Value::None,
        })
    }
}
