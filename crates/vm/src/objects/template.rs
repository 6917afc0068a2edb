//! Template strings (PEP 750, CPython's `Objects/templateobject.c` and
//! `interpolationobject.c`): `t"..."` evaluates to a `string.templatelib.Template`
//! holding the literal parts and one `Interpolation` per `{...}`, built by the
//! `BUILD_INTERPOLATION` and `BUILD_TEMPLATE` instructions. The two types exist per
//! interpreter from the first t-string (or the first `import string.templatelib`,
//! which evaluates one to find them).

use std::rc::Rc;

use crate::error::PyResult;
use crate::native_module::{add_getters, new_native_type, NativeObject, NativeTypeSpec};
use crate::object::{ObjRef, Payload};
use crate::objects::function::{Args, NativeFn};
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::value::Value;
use crate::vm::Vm;

/// A template: `strings` always has one more item than `interpolations`.
pub struct Template {
    strings: Value,
    interpolations: Value,
}

impl NativeObject for Template {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.strings);
        visit(&self.interpolations);
    }
}

/// One replacement field: the value, its source text, `!r`/`!s`/`!a` and the spec.
pub struct Interpolation {
    value: Value,
    expression: Value,
    conversion: Value,
    format_spec: Value,
}

impl NativeObject for Interpolation {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        for v in [
            &self.value,
            &self.expression,
            &self.conversion,
            &self.format_spec,
        ] {
            visit(v);
        }
    }
}

/// The two classes of one interpreter.
struct TemplateTypes {
    template: ObjRef,
    interpolation: ObjRef,
}

fn template_types(vm: &Vm) -> Rc<TemplateTypes> {
    if let Some(types) = vm.native_state::<Rc<TemplateTypes>>() {
        return Rc::clone(&types);
    }
    let types = Rc::new(TemplateTypes {
        template: make_type(
            vm,
            "Template",
            template_new,
            &[
                ("__iter__", template_iter),
                ("__add__", template_add),
                ("__repr__", template_repr),
                ("__reduce__", template_reduce),
            ],
            &[
                ("strings", template_strings),
                ("interpolations", template_interpolations),
                ("values", template_values),
            ],
        ),
        interpolation: make_type(
            vm,
            "Interpolation",
            interpolation_new,
            &[
                ("__repr__", interpolation_repr),
                ("__reduce__", interpolation_reduce),
            ],
            &[
                ("value", |vm, a| interpolation_field(vm, a, |i| &i.value)),
                ("expression", |vm, a| {
                    interpolation_field(vm, a, |i| &i.expression)
                }),
                ("conversion", |vm, a| {
                    interpolation_field(vm, a, |i| &i.conversion)
                }),
                ("format_spec", |vm, a| {
                    interpolation_field(vm, a, |i| &i.format_spec)
                }),
            ],
        ),
    });
    let names = ["value", "expression", "conversion", "format_spec"].map(|n| vm.new_str(n));
    let match_args = vm.new_tuple(names.to_vec());
    if let Some(d) = types.interpolation.dict_obj() {
        crate::objects::dict::set_str(vm, &d, "__match_args__", match_args);
    }
    vm.set_native_state(Rc::clone(&types));
    types
}

fn make_type(
    vm: &Vm,
    name: &'static str,
    new: NativeFn,
    methods: &[(&'static str, NativeFn)],
    getters: &[(&'static str, NativeFn)],
) -> ObjRef {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name,
            module: "string.templatelib",
            base: None,
            new: Some(new),
            init: None,
            methods,
            subclassable: false,
        },
    );
    add_getters(vm, &ty, getters);
    crate::objects::dict_methods::add_class_methods(
        vm,
        &ty,
        &[(
            "__class_getitem__",
            crate::objects::generic_alias::class_getitem,
        )],
    );
    ty
}

/// `BUILD_INTERPOLATION`: the value, its source text and (when `has_spec`) the
/// formatted spec; `conversion` is the instruction's code (0 none, 1 `s`, 2 `r`, 3 `a`).
pub fn build_interpolation(
    vm: &Vm,
    value: Value,
    expression: Value,
    format_spec: Option<Value>,
    conversion: u32,
) -> Value {
    let conversion = match conversion {
        1 => vm.new_str("s"),
        2 => vm.new_str("r"),
        3 => vm.new_str("a"),
        _ => Value::None,
    };
    let data = Interpolation {
        value,
        expression,
        conversion,
        format_spec: format_spec.unwrap_or_else(|| vm.new_str("")),
    };
    vm.new_native_instance(&template_types(vm).interpolation, data)
}

/// `BUILD_TEMPLATE`: the tuples of literal parts and of interpolations, as the
/// compiler laid them out (one more string than interpolations).
pub fn build_template(vm: &Vm, strings: Value, interpolations: Value) -> Value {
    let data = Template {
        strings,
        interpolations,
    };
    vm.new_native_instance(&template_types(vm).template, data)
}

/// The receiver of a `Template` method.
fn template_self<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Template> {
    vm.native_self::<Template>(args, method, "string.templatelib.Template")
}

fn tuple_items(v: &Value) -> &[Value] {
    v.as_obj().and_then(|o| o.as_tuple()).unwrap_or(&[])
}

fn str_text(v: &Value) -> Option<&str> {
    match v.payload() {
        Some(Payload::Str(s)) => Some(s.as_str()),
        _ => None,
    }
}

/// Build a template from parts in order: adjacent strings join, and an empty string
/// goes between two interpolations and at either end when needed.
fn template_from_parts(vm: &Vm, parts: &[Value]) -> PyResult<Value> {
    let mut strings: Vec<Value> = Vec::new();
    let mut interpolations = Vec::new();
    let mut pending = String::new();
    for part in parts {
        if let Some(text) = str_text(part) {
            pending.push_str(text);
        } else if part.native::<Interpolation>().is_some() {
            strings.push(vm.new_str(&std::mem::take(&mut pending)));
            interpolations.push(part.clone());
        } else {
            return Err(vm.type_error(format!(
                "Template.__new__ *args need to be of type 'str' or 'Interpolation', got {}",
                vm.type_name(part)
            )));
        }
    }
    strings.push(vm.new_str(&pending));
    let (strings, interpolations) = (vm.new_tuple(strings), vm.new_tuple(interpolations));
    Ok(build_template(vm, strings, interpolations))
}

/// `Template(*args)`: strings and interpolations in any order.
fn template_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("Template.__new__ only accepts *args arguments"));
    }
    template_from_parts(vm, args.pos().get(1..).unwrap_or(&[]))
}

fn template_strings(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(template_self(vm, &args, "strings")?.strings.clone())
}

fn template_interpolations(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(template_self(vm, &args, "interpolations")?
        .interpolations
        .clone())
}

/// `values`: the interpolations' values, in order.
fn template_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = template_self(vm, &args, "values")?;
    let values = tuple_items(&t.interpolations)
        .iter()
        .map(|i| {
            i.native::<Interpolation>()
                .map_or(Value::None, |i| i.value.clone())
        })
        .collect();
    Ok(vm.new_tuple(values))
}

/// The parts in order, leaving out empty strings (what iterating yields).
fn nonempty_parts(t: &Template) -> Vec<Value> {
    let strings = tuple_items(&t.strings);
    let interpolations = tuple_items(&t.interpolations);
    let mut parts = Vec::with_capacity(strings.len() + interpolations.len());
    for (i, s) in strings.iter().enumerate() {
        if str_text(s).is_some_and(|text| !text.is_empty()) {
            parts.push(s.clone());
        }
        if let Some(interpolation) = interpolations.get(i) {
            parts.push(interpolation.clone());
        }
    }
    parts
}

fn template_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let parts = nonempty_parts(template_self(vm, &args, "__iter__")?);
    let list = vm.new_list(parts);
    vm.get_iter(&list)
}

/// `t1 + t2`: only templates concatenate with templates.
fn template_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = template_self(vm, &args, "__add__")?;
    let Some(other) = args.pos().get(1) else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    let Some(u) = other.native::<Template>() else {
        return Err(vm.type_error(format!(
            "can only concatenate string.templatelib.Template (not \"{}\") to string.templatelib.Template",
            vm.type_name(other)
        )));
    };
    let mut parts = all_parts(t);
    parts.extend(all_parts(u));
    template_from_parts(vm, &parts)
}

/// Every string (empty ones too) and interpolation, interleaved.
fn all_parts(t: &Template) -> Vec<Value> {
    let strings = tuple_items(&t.strings);
    let interpolations = tuple_items(&t.interpolations);
    let mut parts = Vec::with_capacity(strings.len() + interpolations.len());
    for (i, s) in strings.iter().enumerate() {
        parts.push(s.clone());
        if let Some(interpolation) = interpolations.get(i) {
            parts.push(interpolation.clone());
        }
    }
    parts
}

fn template_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = template_self(vm, &args, "__repr__")?;
    let (strings, interpolations) = (t.strings.clone(), t.interpolations.clone());
    let text = format!(
        "Template(strings={}, interpolations={})",
        vm.repr(&strings)?,
        vm.repr(&interpolations)?
    );
    Ok(vm.new_str(&text))
}

/// `(string.templatelib._template_unpickle, (strings, interpolations))`.
fn template_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = template_self(vm, &args, "__reduce__")?;
    let state = vm.new_tuple(vec![t.strings.clone(), t.interpolations.clone()]);
    let module = vm.import_module("string.templatelib")?;
    let unpickle = vm.get_attr_str(&module, "_template_unpickle")?;
    Ok(vm.new_tuple(vec![unpickle, state]))
}

fn interpolation_self<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Interpolation> {
    vm.native_self::<Interpolation>(args, method, "string.templatelib.Interpolation")
}

fn interpolation_field(
    vm: &mut Vm,
    args: Args,
    field: fn(&Interpolation) -> &Value,
) -> PyResult<Value> {
    Ok(field(interpolation_self(vm, &args, "attribute")?).clone())
}

/// `Interpolation(value, expression='', conversion=None, format_spec='')`.
fn interpolation_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let shape = Shape::Keywords {
        names: &["value", "expression", "conversion", "format_spec"],
        min: 0,
    };
    let method = MethodName {
        owner: "Interpolation",
        name: "__new__",
    };
    let (_cls, given) = bind(vm, &args, method, &shape)?;
    let Some(value) = given[0].cloned() else {
        return Err(vm.type_error("Interpolation() missing required argument 'value' (pos 1)"));
    };
    let str_field = |vm: &Vm, v: Option<&Value>, name: &str| -> PyResult<Value> {
        match v {
            None => Ok(vm.new_str("")),
            Some(v) if str_text(v).is_some() => Ok(v.clone()),
            Some(v) => Err(vm.type_error(format!(
                "Interpolation() argument '{name}' must be str, not {}",
                vm.type_name(v)
            ))),
        }
    };
    let expression = str_field(vm, given[1], "expression")?;
    let conversion = match given[2] {
        None => Value::None,
        Some(v) if v.is_none() => Value::None,
        Some(v) if matches!(str_text(v), Some("s" | "r" | "a")) => v.clone(),
        Some(_) => {
            return Err(vm.value_error(
                "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'",
            ))
        }
    };
    let format_spec = str_field(vm, given[3], "format_spec")?;
    let data = Interpolation {
        value,
        expression,
        conversion,
        format_spec,
    };
    Ok(vm.new_native_instance(&template_types(vm).interpolation, data))
}

fn interpolation_parts(i: &Interpolation) -> Vec<Value> {
    vec![
        i.value.clone(),
        i.expression.clone(),
        i.conversion.clone(),
        i.format_spec.clone(),
    ]
}

fn interpolation_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let parts = interpolation_parts(interpolation_self(vm, &args, "__repr__")?);
    let mut shown = Vec::with_capacity(parts.len());
    for p in &parts {
        shown.push(vm.repr(p)?);
    }
    Ok(vm.new_str(&format!("Interpolation({})", shown.join(", "))))
}

/// `(Interpolation, (value, expression, conversion, format_spec))`.
fn interpolation_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let parts = interpolation_parts(interpolation_self(vm, &args, "__reduce__")?);
    let cls = Value::Obj(template_types(vm).interpolation.clone());
    let state = vm.new_tuple(parts);
    Ok(vm.new_tuple(vec![cls, state]))
}
