//! `builtins.__import__(name, globals=None, locals=None, fromlist=(), level=0)`, and
//! the check `IMPORT_NAME` makes for a replaced `builtins.__import__`.

use crate::error::{PyErr, PyResult};
use crate::object::Payload;
use crate::objects::dict;
use crate::objects::function::Args;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::objects::str::PyStr;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

/// The built-in `__import__`.
pub fn builtin_import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // `bind` expects a receiver first; `__import__` has none.
    let mut with_receiver = vec![Value::None];
    with_receiver.extend_from_slice(args.values);
    let shifted = Args {
        values: &with_receiver,
        kwnames: args.kwnames,
    };
    let method = MethodName {
        owner: "builtins",
        name: "__import__",
    };
    let shape = Shape::Keywords {
        names: &["name", "globals", "locals", "fromlist", "level"],
        min: 0,
    };
    let (_, slots) = bind(vm, &shifted, method, &shape)?;
    let Some(name) = slots.first().copied().flatten() else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    if !matches!(name.payload(), Some(Payload::Str(_))) {
        return Err(vm.type_error("module name must be a string"));
    }
    let globals = match slots.get(1).copied().flatten() {
        None | Some(Value::None) => None,
        Some(Value::Obj(g)) if g.as_dict().is_some() => Some(g.clone()),
        Some(_) => None,
    };
    let fromlist = slots
        .get(3)
        .copied()
        .flatten()
        .cloned()
        .unwrap_or(Value::None);
    let level = match slots.get(4).copied().flatten() {
        None => 0,
        Some(v) => vm.index_value(v)?,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let requested = name.clone();
    let name = name_str(name).to_string();
    if level == 0 && name.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    if level > 0
        && globals.is_none()
        && slots
            .get(1)
            .copied()
            .flatten()
            .is_some_and(|g| !g.is_none())
    {
        return Err(vm.type_error("globals must be a dict"));
    }
    vm.import_module_level(&name, globals.as_ref(), &fromlist, level as usize)
        .map_err(|err| restore_surrogates(vm, err, &requested))
}

/// `err` with the lone surrogates of the `requested` name back in its message and
/// `name`, when it is the ModuleNotFoundError for that name or a parent of it (as
/// CPython's `%R` shows them). The search ran on the lossy text, where each surrogate
/// is one U+FFFD, so the missing name is the prefix of `requested` as long.
fn restore_surrogates(vm: &Vm, err: PyErr, requested: &Value) -> PyErr {
    let Some(Payload::Str(requested)) = requested.payload() else {
        return err;
    };
    let not_found = &vm.types().exc.module_not_found_error;
    if !requested.has_surrogates() || !vm.is_subtype(&vm.class_of(&err.0), not_found) {
        return err;
    }
    let Some(attrs) = err.0.dict_obj() else {
        return err;
    };
    let (Some(lossy_name), Some(message)) =
        (dict::get_str(&attrs, "name"), dict::get_str(&attrs, "msg"))
    else {
        return err;
    };
    let lossy_name = name_str(&lossy_name);
    let exact_name =
        PyStr::from_code_points(requested.code_points().take(lossy_name.chars().count()));
    if exact_name.as_str() != lossy_name {
        return err;
    }
    let message = name_str(&message).replacen(
        &crate::objects::repr::str_repr(lossy_name),
        &crate::objects::str_exact::repr(&exact_name),
        1,
    );
    let message = vm.new_str(&message);
    vm.set_exc_attr(&err.0, "msg", message.clone());
    vm.set_exc_attr(&err.0, "name", vm.new_str_obj(exact_name));
    if let Some(data) = vm.exception_data(&err.0) {
        data.borrow_mut().args = vm.new_tuple(vec![message]);
    }
    err
}

impl Vm {
    /// `builtins.__import__` of the running code when it is not the built-in one, for
    /// `IMPORT_NAME` to call; ImportError when it was deleted.
    pub(super) fn replaced_import_hook(&mut self) -> PyResult<Option<Value>> {
        let builtins = match self.thread.frames.last() {
            Some(f) => f.builtins.clone(),
            None => self.interp.builtins_dict.clone(),
        };
        let Some(hook) = dict::get_str(&builtins, "__import__") else {
            return Err(self.import_error("__import__ not found"));
        };
        let is_builtin = matches!(
            hook.payload(),
            Some(Payload::BuiltinFunction(b)) if std::ptr::fn_addr_eq(b.func, builtin_import as crate::objects::function::NativeFn)
        );
        Ok((!is_builtin).then_some(hook))
    }
}
