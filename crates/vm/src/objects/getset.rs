//! `getset_descriptor` and the built-in `member_descriptor`s: the data attributes of
//! built-in types as entries in their namespace (`FunctionType.__code__`,
//! `type.__dict__['__name__']`, `FunctionType.__globals__`), as CPython has them, so
//! that `types.GetSetDescriptorType` and `types.MemberDescriptorType` exist and
//! `vars(type)` lists them. Reading and writing go to the existing attribute code
//! (`objects/attributes.rs`), which stays the one place that knows each attribute.

use crate::error::PyResult;
use crate::native_module::NativeObject;
use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::attributes::{builtin_attribute, set_builtin_attribute};
use crate::objects::dict;
use crate::value::Value;
use crate::vm::Vm;

/// One attribute of a built-in type.
pub struct GetSetDescriptor {
    pub name: &'static str,
    /// The type whose attribute this is (`__objclass__`).
    pub owner: ObjRef,
    pub writable: bool,
    kind: Kind,
}

impl NativeObject for GetSetDescriptor {}

/// Whether a descriptor is shown as a `member_descriptor` (a C struct member in
/// CPython) or a `getset_descriptor`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    GetSet,
    Member,
}

/// `(owner, name, kind, writable)` for the attributes given descriptors.
fn table(vm: &Vm) -> Vec<(ObjRef, &'static str, Kind, bool)> {
    use Kind::*;
    let t = vm.types();
    let mut out = Vec::new();
    let function = [
        ("__code__", GetSet, true),
        ("__defaults__", GetSet, true),
        ("__kwdefaults__", GetSet, true),
        ("__name__", GetSet, true),
        ("__qualname__", GetSet, true),
        ("__type_params__", GetSet, true),
        ("__closure__", Member, false),
        ("__doc__", Member, true),
        ("__globals__", Member, false),
        ("__module__", Member, true),
        ("__builtins__", Member, false),
    ];
    out.extend(function.map(|(n, k, w)| (t.function.clone(), n, k, w)));
    let type_ = [
        ("__name__", GetSet, true),
        ("__qualname__", GetSet, true),
        ("__bases__", GetSet, true),
        ("__mro__", GetSet, false),
        ("__module__", GetSet, true),
        ("__doc__", GetSet, true),
        ("__dict__", GetSet, false),
        ("__type_params__", GetSet, true),
        ("__annotations__", GetSet, true),
        ("__annotate__", GetSet, true),
        ("__base__", Member, false),
    ];
    out.extend(type_.map(|(n, k, w)| (t.type_.clone(), n, k, w)));
    out.push((t.object.clone(), "__class__", GetSet, true));
    for n in ["real", "imag", "numerator", "denominator"] {
        out.push((t.int.clone(), n, GetSet, false));
    }
    for n in ["real", "imag"] {
        out.push((t.float.clone(), n, GetSet, false));
        out.push((t.complex.clone(), n, Member, false));
    }
    let method = [("__func__", Member, false), ("__self__", Member, false)];
    out.extend(method.map(|(n, k, w)| (t.method.clone(), n, k, w)));
    out.push((t.cell.clone(), "cell_contents", GetSet, false));
    let exception = [
        ("args", GetSet, true),
        ("__traceback__", GetSet, true),
        ("__context__", GetSet, true),
        ("__cause__", GetSet, true),
        ("__suppress_context__", Member, true),
    ];
    out.extend(exception.map(|(n, k, w)| (t.exc.base_exception.clone(), n, k, w)));
    for ty in [&t.range, &t.slice] {
        for n in ["start", "stop", "step"] {
            out.push((ty.clone(), n, Member, false));
        }
    }
    let read_only: [(&ObjRef, &[&'static str]); 12] = [
        (
            &t.property,
            &[
                "fget",
                "fset",
                "fdel",
                "__doc__",
                "__isabstractmethod__",
                "__name__",
            ],
        ),
        (
            &t.staticmethod,
            &["__func__", "__wrapped__", "__doc__", "__isabstractmethod__"],
        ),
        (
            &t.classmethod,
            &["__func__", "__wrapped__", "__doc__", "__isabstractmethod__"],
        ),
        (&t.super_, &["__thisclass__", "__self__", "__self_class__"]),
        (
            &t.builtin_function,
            &["__name__", "__qualname__", "__self__"],
        ),
        (
            &t.wrapper_descriptor,
            &["__name__", "__qualname__", "__objclass__"],
        ),
        (
            &t.method_wrapper,
            &["__name__", "__qualname__", "__objclass__", "__self__"],
        ),
        (
            &t.getset_descriptor,
            &["__name__", "__qualname__", "__objclass__"],
        ),
        (
            &t.member_descriptor,
            &["__name__", "__qualname__", "__objclass__"],
        ),
        (
            &t.generic_alias,
            &[
                "__origin__",
                "__args__",
                "__parameters__",
                "__unpacked__",
                "__typing_unpacked_tuple_args__",
            ],
        ),
        (
            &t.union_type,
            &[
                "__args__",
                "__name__",
                "__qualname__",
                "__origin__",
                "__parameters__",
            ],
        ),
        (
            &t.generator,
            &[
                "__name__",
                "__qualname__",
                "gi_code",
                "gi_frame",
                "gi_running",
                "gi_suspended",
                "gi_yieldfrom",
            ],
        ),
    ];
    for (ty, names) in read_only {
        out.extend(names.iter().map(|n| (ty.clone(), *n, GetSet, false)));
    }
    mark_struct_members(t, &mut out);
    for ty in [
        &t.function,
        &t.module,
        &t.exc.base_exception,
        &t.simple_namespace,
        &t.staticmethod,
        &t.classmethod,
    ] {
        out.push((ty.clone(), "__dict__", GetSet, false));
    }
    use crate::objects::frame::{GETSETS, MEMBERS};
    let frame_attrs = GETSETS.iter().map(|&(n, w)| (n, GetSet, w));
    let frame_members = MEMBERS.iter().map(|&(n, w)| (n, Member, w));
    out.extend(
        frame_attrs
            .chain(frame_members)
            .map(|(n, k, w)| (t.frame.clone(), n, k, w)),
    );
    let traceback = ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];
    out.extend(traceback.map(|n| (t.traceback.clone(), n, GetSet, false)));
    out
}

/// The read-only attributes above that CPython defines as struct members: they are
/// `member_descriptor`s, and setting one says "readonly attribute".
fn mark_struct_members(
    t: &crate::types::TypeRegistry,
    out: &mut [(ObjRef, &'static str, Kind, bool)],
) {
    let members: [(&ObjRef, &[&str]); 11] = [
        (&t.property, &["fget", "fset", "fdel", "__doc__"]),
        (&t.staticmethod, &["__func__", "__wrapped__"]),
        (&t.classmethod, &["__func__", "__wrapped__"]),
        (&t.super_, &["__thisclass__", "__self__", "__self_class__"]),
        (&t.wrapper_descriptor, &["__name__", "__objclass__"]),
        (&t.method_wrapper, &["__self__"]),
        (&t.getset_descriptor, &["__name__", "__objclass__"]),
        (&t.member_descriptor, &["__name__", "__objclass__"]),
        (
            &t.generic_alias,
            &["__origin__", "__args__", "__unpacked__"],
        ),
        (&t.union_type, &["__args__"]),
        (&t.traceback, &["tb_frame", "tb_lasti"]),
    ];
    for (owner, name, kind, _) in out.iter_mut() {
        let is_member = members
            .iter()
            .any(|(ty, names)| std::rc::Rc::ptr_eq(ty, owner) && names.contains(name));
        if is_member {
            *kind = Kind::Member;
        }
    }
}

/// Put the descriptors into the built-in types' namespaces.
pub fn install(vm: &Vm) {
    for (owner, name, kind, writable) in table(vm) {
        if let Some(d) = owner.dict_obj() {
            let v = new_descriptor(vm, &owner, name, kind, writable);
            dict::set_str(vm, &d, name, v);
        }
    }
}

/// A descriptor for the attribute `name` of `owner`'s instances.
pub fn new_descriptor(
    vm: &Vm,
    owner: &ObjRef,
    name: &'static str,
    kind: Kind,
    writable: bool,
) -> Value {
    let class = match kind {
        Kind::GetSet => vm.types().getset_descriptor.clone(),
        Kind::Member => vm.types().member_descriptor.clone(),
    };
    let descr = GetSetDescriptor {
        name,
        owner: owner.clone(),
        writable,
        kind,
    };
    Value::obj(PyObject::new(class, Payload::Native(Box::new(descr))))
}

/// A class statement's class whose bases are all `object` gets `__dict__` and
/// `__weakref__` descriptors, as CPython gives a class that adds an instance dict.
pub fn add_instance_dict_descriptors(vm: &Vm, cls: &ObjRef) {
    let Some(d) = cls.dict_obj() else { return };
    for name in ["__dict__", "__weakref__"] {
        if dict::get_str(&d, name).is_none() {
            let v = new_descriptor(vm, cls, name, Kind::GetSet, name == "__dict__");
            dict::set_str(vm, &d, name, v);
        }
    }
}

/// The owner as CPython's descriptor messages and reprs name it (its `tp_name`:
/// `'collections.deque'` for a module's native type).
fn owner_name(vm: &Vm, g: &GetSetDescriptor) -> String {
    vm.type_display_name(&g.owner).to_string()
}

/// Check that `obj` is an instance of the descriptor's type.
fn check_instance(vm: &Vm, g: &GetSetDescriptor, obj: &Value) -> PyResult<()> {
    if vm.is_instance(obj, &g.owner) {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        g.name,
        owner_name(vm, g),
        vm.type_display_name_of_value(obj)
    )))
}

/// `descr.__get__(obj)`.
pub fn get(vm: &mut Vm, g: &GetSetDescriptor, obj: &Value) -> PyResult<Value> {
    check_instance(vm, g, obj)?;
    if g.name == "__weakref__" {
        return Ok(obj
            .as_obj()
            .map_or(Value::None, |o| crate::gc::weakref::first_weakref(o)));
    }
    match builtin_attribute(vm, obj, g.name)? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(
            format!(
                "'{}' object has no attribute '{}'",
                vm.type_display_name_of_value(obj),
                g.name
            ),
            obj,
            &vm.new_str(g.name),
        )),
    }
}

/// `descr.__set__(obj, value)`, or `__delete__` when `value` is `None`.
pub fn set(vm: &mut Vm, g: &GetSetDescriptor, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    check_instance(vm, g, obj)?;
    let not_writable = |vm: &Vm| {
        let msg = if g.kind == Kind::Member {
            "readonly attribute".to_string()
        } else {
            format!(
                "attribute '{}' of '{}' objects is not writable",
                g.name,
                owner_name(vm, g)
            )
        };
        vm.attribute_error(msg, obj, &vm.new_str(g.name))
    };
    if !g.writable {
        return Err(not_writable(vm));
    }
    let Some(value) = value else {
        if let Some(fo) = crate::objects::frame::frame_of(obj) {
            return crate::objects::frame::delete_attribute(vm, fo, g.name);
        }
        if let (Some(Payload::Function(fun)), "__code__") = (obj.payload(), g.name) {
            return crate::objects::function_code::set_code(vm, fun, None);
        }
        return Err(vm.type_error(format!("cannot delete '{}' attribute", g.name)));
    };
    if set_builtin_attribute(vm, obj, g.name, value)? {
        Ok(())
    } else {
        Err(not_writable(vm))
    }
}

/// `<attribute '__code__' of 'function' objects>` (and `<member ...>`).
pub fn repr(vm: &Vm, o: &ObjRef) -> Option<String> {
    let g = o.native::<GetSetDescriptor>()?;
    let what = match g.kind {
        Kind::Member => "member",
        Kind::GetSet => "attribute",
    };
    Some(format!(
        "<{what} '{}' of '{}' objects>",
        g.name,
        owner_name(vm, g)
    ))
}

/// `__name__`, `__qualname__`, `__objclass__`, `__doc__` of the descriptor itself.
pub fn attribute(vm: &Vm, o: &ObjRef, name: &str) -> Option<Value> {
    let g = o.native::<GetSetDescriptor>()?;
    Some(match name {
        "__name__" => vm.new_str(g.name),
        "__qualname__" => {
            let owner = g.owner.as_type().map_or_else(|| "?".into(), |t| t.name());
            vm.new_str(&format!("{owner}.{}", g.name))
        }
        "__objclass__" => Value::Obj(g.owner.clone()),
        "__doc__" => Value::None,
        _ => return None,
    })
}
