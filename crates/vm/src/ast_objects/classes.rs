//! The `_ast` node classes, made by running Python source generated from
//! [`NODE_TABLE`]: ordinary heap classes with CPython's `_fields`, `_attributes`,
//! `__match_args__`, class-level None defaults for optional fields and attributes
//! (which `ast.dump` relies on), and `AST.__init__` with CPython 3.14's argument
//! rules and defaults (`[]` for list fields, `Load()` for `ctx`).

use super::table::NODE_TABLE;

/// One line of the table.
pub(crate) struct NodeSpec<'a> {
    pub(crate) name: &'a str,
    pub(crate) base: &'a str,
    /// Field names with their kind suffix (`*` list, `?` optional) still on.
    pub(crate) fields: Vec<&'a str>,
    pub(crate) attributes: Vec<&'a str>,
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
            fields: fields.split_whitespace().collect(),
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
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)
        kinds = {}
        for klass in cls.__mro__:
            if klass in _field_kinds:
                kinds = _field_kinds[klass]
                break
        for name in fields[len(args):]:
            if name not in kwargs:
                kind = kinds.get(name)
                if kind == '*':
                    setattr(self, name, [])
                elif kind == 'ctx':
                    setattr(self, name, Load())
                elif kind == 'required':
                    _warn(f"{cls.__name__}.__init__ missing 1 required positional "
                          f"argument: {name!r}. This will become an error in Python 3.15.")
        for name in kwargs:
            if name not in fields and name not in cls._attributes:
                _warn(f"{cls.__name__}.__init__ got an unexpected keyword argument "
                      f"{name!r}. Support for arbitrary keyword arguments is "
                      f"deprecated and will be removed in Python 3.15.")

    def __reduce__(self):
        return type(self), (), self.__dict__
"#;

fn python_tuple(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        1 => format!("({},)", quoted[0]),
        _ => format!("({})", quoted.join(", ")),
    }
}

/// Python source defining `AST` and every node class of the table.
pub(crate) fn classes_source() -> String {
    let mut out = String::from(AST_BASE);
    for spec in node_specs() {
        let strip = |f: &&str| f.trim_end_matches(['*', '?']).to_string();
        let fields: Vec<String> = spec.fields.iter().map(strip).collect();
        let attributes: Vec<String> = spec.attributes.iter().map(strip).collect();
        let field_refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        let attribute_refs: Vec<&str> = attributes.iter().map(String::as_str).collect();
        out.push_str(&format!(
            "\nclass {}({}):\n    __module__ = 'ast'\n    _fields = {}\n    __match_args__ = {}\n    _attributes = {}\n",
            spec.name,
            spec.base,
            python_tuple(&field_refs),
            python_tuple(&field_refs),
            python_tuple(&attribute_refs),
        ));
        for optional in spec
            .fields
            .iter()
            .chain(&spec.attributes)
            .filter(|f| f.ends_with('?'))
        {
            out.push_str(&format!("    {} = None\n", optional.trim_end_matches('?')));
        }
        let kinds: Vec<String> = spec
            .fields
            .iter()
            .filter_map(|f| {
                if let Some(name) = f.strip_suffix('*') {
                    Some(format!("'{name}': '*'"))
                } else if *f == "ctx" {
                    Some("'ctx': 'ctx'".to_string())
                } else if f.ends_with('?') {
                    None
                } else {
                    Some(format!("'{f}': 'required'"))
                }
            })
            .collect();
        out.push_str(&format!(
            "_field_kinds[{}] = {{{}}}\n",
            spec.name,
            kinds.join(", ")
        ));
    }
    out
}
