//! The `_ast` node classes, made from [`NODE_TABLE`] by a short Python loop:
//! ordinary heap classes with CPython's `_fields`, `_attributes`,
//! `__match_args__`, class-level None defaults for optional fields and attributes
//! (which `ast.dump` relies on), `AST.__init__` with CPython 3.14's argument
//! rules and defaults (`[]` for list fields, `Load()` for `ctx`), and 3.14's
//! `AST.__repr__` (nodes nested deeper than two levels shown as `Name(...)`, lists
//! longer than two as `[first, ..., last]`).

use super::table::NODE_TABLE;
use crate::error::PyResult;
use crate::object::ObjRef;
use crate::objects::dict;
use crate::value::Value;
use crate::vm::Vm;

/// One line of the table.
pub(crate) struct NodeSpec<'a> {
    pub(crate) name: &'a str,
    pub(crate) base: &'a str,
    pub(crate) fields: Vec<FieldSpec<'a>>,
    /// Attribute names with their `?` (optional) suffix still on.
    pub(crate) attributes: Vec<&'a str>,
}

/// One field of a node class.
pub(crate) struct FieldSpec<'a> {
    pub(crate) name: &'a str,
    /// `str`, `int`, `object` or a node class name.
    pub(crate) type_name: &'a str,
    pub(crate) kind: FieldKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldKind {
    Required,
    Optional,
    List,
}

impl<'a> FieldSpec<'a> {
    fn parse(text: &'a str) -> FieldSpec<'a> {
        let (name, typed) = text.split_once('=').unwrap_or((text, "object"));
        let (type_name, kind) = if let Some(t) = typed.strip_suffix('*') {
            (t, FieldKind::List)
        } else if let Some(t) = typed.strip_suffix('?') {
            (t, FieldKind::Optional)
        } else {
            (typed, FieldKind::Required)
        };
        FieldSpec {
            name,
            type_name,
            kind,
        }
    }
}

/// The table's classes, bases first.
pub(crate) fn node_specs() -> impl Iterator<Item = NodeSpec<'static>> {
    NODE_TABLE.lines().filter_map(|line| {
        let mut parts = line.split(':');
        let (name, base, fields, attributes) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        Some(NodeSpec {
            name,
            base,
            fields: fields.split_whitespace().map(FieldSpec::parse).collect(),
            attributes: attributes.split_whitespace().collect(),
        })
    })
}

/// `AST` itself: the constructor shared by every node class.
const AST_BASE: &str = r#"
_field_kinds = {}

def _warn(message):
    try:
        import warnings
    except ImportError:
        return
    warnings.warn(message, DeprecationWarning, stacklevel=3)

class AST:
    __module__ = 'ast'
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        cls = type(self)
        fields = cls._fields
        if len(args) > len(fields):
            plural = '' if len(fields) == 1 else 's'
            raise TypeError(f"{cls.__name__} constructor takes at most "
                            f"{len(fields)} positional argument{plural}")
        remaining = set(fields)
        for name, value in zip(fields, args):
            setattr(self, name, value)
            remaining.discard(name)
        for name, value in kwargs.items():
            if name in fields[:len(args)]:
                raise TypeError(f"{cls.__name__} got multiple values for argument {name!r}")
            setattr(self, name, value)
            remaining.discard(name)
            if name not in fields and name not in cls._attributes:
                _warn(f"{cls.__name__}.__init__ got an unexpected keyword argument "
                      f"{name!r}. Support for arbitrary keyword arguments is "
                      f"deprecated and will be removed in Python 3.15.")
        kinds = {}
        for klass in cls.__mro__:
            if klass in _field_kinds:
                kinds = _field_kinds[klass]
                break
        for name in remaining:
            kind = kinds.get(name)
            if kind == '*':
                setattr(self, name, [])
            elif kind == 'ctx':
                setattr(self, name, Load())
            elif kind == 'required':
                _warn(f"{cls.__name__}.__init__ missing 1 required positional "
                      f"argument: {name!r}. This will become an error in Python 3.15.")

    def __reduce__(self):
        return type(self), (), self.__dict__

    def __repr__(self):
        return _repr(self, 0)

def _make_classes(table):
    namespace = globals()
    for name, base, fields, attributes, optional, _ in table:
        body = {'__module__': 'ast', '_fields': fields, '__match_args__': fields,
                '_attributes': attributes}
        for default in optional:
            body[default] = None
        namespace[name] = type(name, (namespace[base],), body)
    # Field types name classes defined anywhere in the table: set them last.
    builtin_types = {'str': str, 'int': int, 'object': object}
    for name, base, fields, _, _, field_specs in table:
        cls = namespace[name]
        kinds = {}
        types = {}
        for field, type_name, kind in field_specs:
            field_type = builtin_types.get(type_name) or namespace[type_name]
            if kind == '*':
                kinds[field] = '*'
                field_type = list[field_type]
            elif kind == '?':
                field_type = field_type | None
            elif type_name == 'expr_context':
                kinds[field] = 'ctx'
            else:
                kinds[field] = 'required'
            types[field] = field_type
        _field_kinds[cls] = kinds
        if fields or base != 'AST':
            cls._field_types = types
    del namespace['_make_classes']

def _repr(node, depth):
    cls = type(node)
    name = 'ast.AST' if cls is AST else cls.__name__
    if depth > 2:
        return name + '(...)'
    parts = []
    for field in cls._fields:
        value = getattr(node, field)
        if isinstance(value, list):
            shown = _repr_list(value, depth)
        elif isinstance(value, AST):
            shown = _repr(value, depth + 1)
        else:
            shown = repr(value)
        parts.append(f'{field}={shown}')
    return f"{name}({', '.join(parts)})"

def _repr_list(items, depth):
    if len(items) > 2:
        items = [items[0], ..., items[-1]]
    shown = []
    for item in items:
        if item is ...:
            shown.append('...')
        elif isinstance(item, AST):
            shown.append(_repr(item, depth + 1))
        else:
            shown.append(repr(item))
    return '[' + ', '.join(shown) + ']'
"#;

/// The node classes' description as Python values, for `_make_classes`: one
/// `(name, base, fields, attributes, optional, field_specs)` tuple per class, where
/// `optional` names the fields and attributes defaulting to None at class level and
/// `field_specs` holds a `(field, type name, kind)` triple per field, kind being `*`
/// (list), `?` (optional) or empty.
fn class_table(vm: &Vm) -> Value {
    let strs = |names: &mut dyn Iterator<Item = &str>| {
        let items = names.map(|n| vm.intern(n)).collect();
        vm.new_tuple(items)
    };
    let rows = node_specs()
        .map(|spec| {
            let optional_fields = spec
                .fields
                .iter()
                .filter(|f| f.kind == FieldKind::Optional)
                .map(|f| f.name);
            let optional_attributes = spec.attributes.iter().filter_map(|a| a.strip_suffix('?'));
            let field_specs = spec
                .fields
                .iter()
                .map(|f| {
                    let kind = match f.kind {
                        FieldKind::List => "*",
                        FieldKind::Optional => "?",
                        FieldKind::Required => "",
                    };
                    strs(&mut [f.name, f.type_name, kind].into_iter())
                })
                .collect();
            vm.new_tuple(vec![
                vm.intern(spec.name),
                vm.intern(spec.base),
                strs(&mut spec.fields.iter().map(|f| f.name)),
                strs(&mut spec.attributes.iter().map(|a| a.trim_end_matches('?'))),
                strs(&mut optional_fields.chain(optional_attributes)),
                vm.new_tuple(field_specs),
            ])
        })
        .collect();
    vm.new_tuple(rows)
}

/// Define `AST` and every node class of the table in `namespace` (the `_ast`
/// module's). Only `AST`'s methods are Python source; the classes are made by one
/// loop over [`class_table`], which costs a small fraction of compiling a class
/// statement per node kind.
pub(crate) fn define_classes(vm: &mut Vm, namespace: &ObjRef) -> PyResult<()> {
    vm.compile_and_run(AST_BASE.as_bytes(), "<_ast>", namespace.clone())?;
    let Some(make) = dict::get_str(namespace, "_make_classes") else {
        return Err(vm.system_error("_ast: no _make_classes"));
    };
    let table = class_table(vm);
    vm.call(&make, &[table])?;
    Ok(())
}
