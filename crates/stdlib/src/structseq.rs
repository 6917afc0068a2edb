//! Struct sequences (CPython's `PyStructSequence`): the tuple subclasses behind
//! `os.stat_result`, `time.struct_time`, `os.uname_result`, `os.terminal_size`...
//! A tuple of the visible fields with a named property for each, and extra fields
//! (`st_atime_ns`, `tm_zone`...) reachable only by name. A visible field whose name is
//! also an extra field is "unnamed" (`os.stat_result[7]` is the int `st_atime`, the
//! attribute the float one).
//!
//! The class is built by a small Python factory, compiled once per interpreter and
//! called once per type: these are plain data holders, and a class made by the VM's
//! own class machinery gets tuple subclassing, properties, pickling and reprs right
//! without native glue. Native code making instances (`os.stat` ...) skips the
//! factory's Python constructor: [`new_instance`] builds the tuple subclass instance
//! directly from the layout recorded when the type was made.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use adder_vm::object::{Payload, PyObject};
use adder_vm::objects::dict;
use adder_vm::{PyResult, Value, Vm};

/// The factory: `make(module, name, fields, n_sequence, fallbacks)` returns the new
/// class; `fallbacks` maps an extra field to the visible index it copies when a
/// sequence too short to hold it is given (`os.stat_result`'s float times).
const FACTORY: &str = r#"
def make(module, name, fields, n_sequence, fallbacks):
    visible = fields[:n_sequence]
    hidden = fields[n_sequence:]
    named = tuple(f for f in visible if f not in hidden)
    full = f"{module}.{name}"

    def construct(cls, sequence, dict=None):
        # PySequence_Fast's message when the argument is not iterable at all.
        try:
            it = iter(sequence)
        except TypeError:
            raise TypeError("constructor requires a sequence") from None
        if dict is not None and not isinstance(dict, {}.__class__):
            raise TypeError(f"{full}() takes a dict as second arg, if any")
        seq = tuple(it)
        n = len(seq)
        if n < n_sequence:
            if n_sequence == len(fields):
                raise TypeError(f"{full}() takes a {n_sequence}-sequence ({n}-sequence given)")
            raise TypeError(f"{full}() takes an at least {n_sequence}-sequence ({n}-sequence given)")
        if n > len(fields):
            if n_sequence == len(fields):
                raise TypeError(f"{full}() takes a {n_sequence}-sequence ({n}-sequence given)")
            raise TypeError(f"{full}() takes an at most {len(fields)}-sequence ({n}-sequence given)")
        self = tuple.__new__(cls, seq[:n_sequence])
        extra = self.__dict__
        for i, field in enumerate(hidden):
            j = n_sequence + i
            if j < n:
                extra[field] = seq[j]
            elif dict is not None and field in dict:
                extra[field] = dict[field]
            elif field in fallbacks:
                extra[field] = self[fallbacks[field]]
            else:
                extra[field] = None
        return self

    def __repr__(self):
        parts = ", ".join(f"{f}={v!r}" for f, v in zip(visible, self))
        return f"{full}({parts})"

    def __reduce__(self):
        # A plain tuple of the visible fields (`tuple(self)` may hand back self,
        # which would make pickling recurse for ever).
        return (type(self), (tuple(iter(self)), {f: self.__dict__[f] for f in hidden}))

    def __replace__(self, **changes):
        if len(named) < n_sequence:
            raise TypeError(f"__replace__() is not supported for {full} because it has unnamed field(s)")
        values = dict(zip(visible, self))
        values.update((f, self.__dict__[f]) for f in hidden)
        unknown = [key for key in changes if key not in values]
        if unknown:
            raise TypeError(f"Got unexpected field name(s): {unknown!r}")
        values.update(changes)
        return type(self)([values[f] for f in visible] + [values[f] for f in hidden])

    namespace = {
        "__new__": construct, "__repr__": __repr__, "__reduce__": __reduce__,
        "__replace__": __replace__, "__module__": module, "__match_args__": named,
        "n_sequence_fields": n_sequence, "n_fields": len(fields),
        "n_unnamed_fields": n_sequence - len(named),
    }
    for i, field in enumerate(visible):
        if field not in hidden:
            namespace[field] = property(lambda self, i=i: self[i])
    for field in hidden:
        namespace[field] = property(lambda self, field=field: self.__dict__[field])
    return type(name, (tuple,), namespace)
"#;

/// Per-interpreter state: the compiled factory and the layout of every type it made.
struct StructSeqState {
    /// The factory's `make` function.
    make: Value,
    layouts: RefCell<Vec<Rc<Layout>>>,
}

/// What [`new_instance`] needs to build an instance of one struct sequence type.
struct Layout {
    /// Weak, so that a type made again (a native module imported anew) lets the old
    /// one go; dead entries are dropped when a type is added.
    class: Weak<PyObject>,
    n_sequence: usize,
    /// The interned names of the extra fields, stored in the instance's `__dict__`.
    hidden: Vec<Value>,
}

/// The interpreter's struct sequence state, compiling the factory on first use.
fn state(vm: &mut Vm) -> PyResult<Rc<StructSeqState>> {
    if let Some(found) = vm.native_state::<StructSeqState>() {
        return Ok(found);
    }
    let globals = vm.new_module_dict("_structseq");
    vm.compile_and_run(FACTORY.as_bytes(), "<structseq>", globals.clone())?;
    let make = dict::get_str(&globals, "make")
        .ok_or_else(|| vm.system_error("struct sequence factory missing"))?;
    vm.set_native_state(StructSeqState {
        make,
        layouts: RefCell::new(Vec::new()),
    });
    vm.native_state::<StructSeqState>()
        .ok_or_else(|| vm.system_error("struct sequence state missing"))
}

/// A new struct sequence class `module.name` whose first `n_sequence` of `fields`
/// form the tuple.
pub fn new_type(
    vm: &mut Vm,
    module: &str,
    name: &str,
    fields: &[&str],
    n_sequence: usize,
) -> PyResult<Value> {
    new_type_with_fallbacks(vm, module, name, fields, n_sequence, &[])
}

/// [`new_type`] whose extra fields named in `fallbacks` default to a visible field.
pub fn new_type_with_fallbacks(
    vm: &mut Vm,
    module: &str,
    name: &str,
    fields: &[&str],
    n_sequence: usize,
    fallbacks: &[(&str, usize)],
) -> PyResult<Value> {
    let state = state(vm)?;
    let field_values = fields.iter().map(|f| vm.new_str(f)).collect();
    let fields_tuple = vm.new_tuple(field_values);
    let fallback_dict = vm.new_dict();
    for &(field, index) in fallbacks {
        dict::set_str(vm, &fallback_dict, field, Value::Int(index as i64));
    }
    let args = [
        vm.new_str(module),
        vm.new_str(name),
        fields_tuple,
        Value::Int(n_sequence as i64),
        Value::Obj(fallback_dict),
    ];
    let class = vm.call(&state.make, &args)?;
    let Some(class_obj) = class.as_obj() else {
        return Err(vm.system_error("struct sequence factory returned no class"));
    };
    let hidden = fields
        .get(n_sequence..)
        .unwrap_or_default()
        .iter()
        .map(|f| vm.intern(f))
        .collect();
    let mut layouts = state.layouts.borrow_mut();
    layouts.retain(|l| l.class.strong_count() > 0);
    layouts.push(Rc::new(Layout {
        class: Rc::downgrade(class_obj),
        n_sequence,
        hidden,
    }));
    Ok(class)
}

/// An instance of the struct sequence `ty` holding `values` (visible then extra).
/// With every field given, the instance is built directly (what the Python
/// constructor would make); otherwise the constructor fills the defaults or raises.
pub fn new_instance(vm: &mut Vm, ty: &Value, mut values: Vec<Value>) -> PyResult<Value> {
    let state = state(vm)?;
    let Some(class) = ty.as_obj() else {
        return call_constructor(vm, ty, values);
    };
    let layout = state
        .layouts
        .borrow()
        .iter()
        .find(|l| std::ptr::eq(l.class.as_ptr(), Rc::as_ptr(class)))
        .cloned();
    let Some(layout) = layout else {
        return call_constructor(vm, ty, values);
    };
    if values.len() != layout.n_sequence + layout.hidden.len() {
        return call_constructor(vm, ty, values);
    }
    let extra = values.split_off(layout.n_sequence);
    let fields = vm.new_dict();
    for (key, value) in layout.hidden.iter().zip(extra) {
        dict::set_str_key(&fields, key.clone(), value);
    }
    let payload = Payload::Tuple(values.into_boxed_slice());
    Ok(Value::obj(PyObject::with_dict(
        class.clone(),
        payload,
        fields,
    )))
}

/// `ty(values)`: the factory's Python constructor.
fn call_constructor(vm: &mut Vm, ty: &Value, values: Vec<Value>) -> PyResult<Value> {
    let seq = vm.new_tuple(values);
    vm.call(ty, &[seq])
}
