//! The built-in types, created once per interpreter (CPython's static types), and the
//! constructors for objects of those types.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::dict::DictData;
use crate::objects::str::PyStr;
use crate::objects::type_::{Layout, TypeObject};
use crate::value::Value;

macro_rules! exception_types {
    ($root:ident; $($field:ident = $name:literal : $base:ident),* $(,)?) => {
        /// The built-in exception classes.
        pub struct ExceptionTypes {
            pub $root: ObjRef,
            $(pub $field: ObjRef,)*
        }

        impl ExceptionTypes {
            fn create(reg: &TypeRegistryBuilder) -> ExceptionTypes {
                let $root = reg.new_type("BaseException", &reg.object, Layout::Exception);
                $(let $field = reg.new_type($name, &$base, Layout::Exception);)*
                ExceptionTypes { $root, $($field,)* }
            }

            /// Every exception class with its name, for the builtins module.
            pub fn all(&self) -> Vec<(&'static str, &ObjRef)> {
                vec![("BaseException", &self.$root), $(($name, &self.$field),)*]
            }
        }
    };
}

exception_types! {
    base_exception;
    base_exception_group = "BaseExceptionGroup": base_exception,
    generator_exit = "GeneratorExit": base_exception,
    keyboard_interrupt = "KeyboardInterrupt": base_exception,
    system_exit = "SystemExit": base_exception,
    exception = "Exception": base_exception,
    exception_group = "ExceptionGroup": base_exception_group,
    arithmetic_error = "ArithmeticError": exception,
    floating_point_error = "FloatingPointError": arithmetic_error,
    overflow_error = "OverflowError": arithmetic_error,
    zero_division_error = "ZeroDivisionError": arithmetic_error,
    assertion_error = "AssertionError": exception,
    attribute_error = "AttributeError": exception,
    buffer_error = "BufferError": exception,
    eof_error = "EOFError": exception,
    import_error = "ImportError": exception,
    module_not_found_error = "ModuleNotFoundError": import_error,
    lookup_error = "LookupError": exception,
    index_error = "IndexError": lookup_error,
    key_error = "KeyError": lookup_error,
    memory_error = "MemoryError": exception,
    name_error = "NameError": exception,
    unbound_local_error = "UnboundLocalError": name_error,
    os_error = "OSError": exception,
    blocking_io_error = "BlockingIOError": os_error,
    child_process_error = "ChildProcessError": os_error,
    connection_error = "ConnectionError": os_error,
    broken_pipe_error = "BrokenPipeError": connection_error,
    connection_aborted_error = "ConnectionAbortedError": connection_error,
    connection_refused_error = "ConnectionRefusedError": connection_error,
    connection_reset_error = "ConnectionResetError": connection_error,
    file_exists_error = "FileExistsError": os_error,
    file_not_found_error = "FileNotFoundError": os_error,
    interrupted_error = "InterruptedError": os_error,
    is_a_directory_error = "IsADirectoryError": os_error,
    not_a_directory_error = "NotADirectoryError": os_error,
    permission_error = "PermissionError": os_error,
    process_lookup_error = "ProcessLookupError": os_error,
    timeout_error = "TimeoutError": os_error,
    reference_error = "ReferenceError": exception,
    runtime_error = "RuntimeError": exception,
    not_implemented_error = "NotImplementedError": runtime_error,
    python_finalization_error = "PythonFinalizationError": runtime_error,
    recursion_error = "RecursionError": runtime_error,
    stop_async_iteration = "StopAsyncIteration": exception,
    stop_iteration = "StopIteration": exception,
    syntax_error = "SyntaxError": exception,
    indentation_error = "IndentationError": syntax_error,
    tab_error = "TabError": indentation_error,
    system_error = "SystemError": exception,
    type_error = "TypeError": exception,
    value_error = "ValueError": exception,
    unicode_error = "UnicodeError": value_error,
    unicode_decode_error = "UnicodeDecodeError": unicode_error,
    unicode_encode_error = "UnicodeEncodeError": unicode_error,
    unicode_translate_error = "UnicodeTranslateError": unicode_error,
    warning = "Warning": exception,
    bytes_warning = "BytesWarning": warning,
    deprecation_warning = "DeprecationWarning": warning,
    encoding_warning = "EncodingWarning": warning,
    future_warning = "FutureWarning": warning,
    import_warning = "ImportWarning": warning,
    pending_deprecation_warning = "PendingDeprecationWarning": warning,
    resource_warning = "ResourceWarning": warning,
    runtime_warning = "RuntimeWarning": warning,
    syntax_warning = "SyntaxWarning": warning,
    unicode_warning = "UnicodeWarning": warning,
    user_warning = "UserWarning": warning,
}

macro_rules! builtin_types {
    ($($field:ident = $name:literal : $layout:ident $(, $flag:ident)?);* $(;)?) => {
        /// Every built-in type an interpreter needs from the start.
        pub struct TypeRegistry {
            pub object: ObjRef,
            pub type_: ObjRef,
            pub str_: ObjRef,
            pub dict: ObjRef,
            $(pub $field: ObjRef,)*
            pub exc: ExceptionTypes,
            pub none_type: ObjRef,
            pub not_implemented: Value,
            pub ellipsis: Value,
        }

        impl TypeRegistry {
            pub fn new() -> TypeRegistry {
                let b = TypeRegistryBuilder::bootstrap();
                $(let $field = b.new_type($name, &b.object, Layout::$layout);
                  $(builtin_types!(@flag $flag, $field);)?)*
                let exc = ExceptionTypes::create(&b);
                let none_type = b.new_type("NoneType", &b.object, Layout::Opaque);
                let not_implemented_type = b.new_type("NotImplementedType", &b.object, Layout::Opaque);
                let ellipsis_type = b.new_type("ellipsis", &b.object, Layout::Opaque);
                let not_implemented = Value::obj(PyObject::new(not_implemented_type, Payload::Instance));
                let ellipsis = Value::obj(PyObject::new(ellipsis_type, Payload::Instance));
                let reg = TypeRegistry {
                    object: b.object, type_: b.type_, str_: b.str_, dict: b.dict,
                    $($field,)* exc, none_type, not_implemented, ellipsis,
                };
                reg.fix_bool_base();
                reg.fix_exception_group_bases();
                reg
            }

            /// Every built-in type with its name (for `builtins` and reprs).
            pub fn all(&self) -> Vec<(&'static str, &ObjRef)> {
                vec![("object", &self.object), ("type", &self.type_), ("str", &self.str_),
                     ("dict", &self.dict), $(($name, &self.$field),)*]
            }
        }
    };
    (@flag final_, $field:ident) => { set_final(&$field) };
}

builtin_types! {
    int = "int": Int;
    bool_ = "bool": Bool, final_;
    float = "float": Float;
    bytes = "bytes": Bytes;
    complex = "complex": Complex;
    bytearray = "bytearray": ByteArray;
    memoryview = "memoryview": Opaque, final_;
    bytearray_iterator = "bytearray_iterator": Opaque, final_;
    memory_iterator = "memory_iterator": Opaque, final_;
    longrange_iterator = "longrange_iterator": Opaque, final_;
    tuple = "tuple": Tuple;
    list = "list": List;
    range = "range": Opaque, final_;
    slice = "slice": Opaque, final_;
    function = "function": Opaque, final_;
    builtin_function = "builtin_function_or_method": Opaque, final_;
    method = "method": Opaque, final_;
    code = "code": Opaque, final_;
    cell = "cell": Opaque, final_;
    module = "module": Module;
    traceback = "traceback": Opaque, final_;
    frame = "frame": Opaque, final_;
    list_iterator = "list_iterator": Opaque, final_;
    tuple_iterator = "tuple_iterator": Opaque, final_;
    str_iterator = "str_ascii_iterator": Opaque, final_;
    bytes_iterator = "bytes_iterator": Opaque, final_;
    range_iterator = "range_iterator": Opaque, final_;
    dict_keyiterator = "dict_keyiterator": Opaque, final_;
    dict_valueiterator = "dict_valueiterator": Opaque, final_;
    dict_itemiterator = "dict_itemiterator": Opaque, final_;
    set = "set": Set;
    frozenset = "frozenset": Set;
    set_iterator = "set_iterator": Opaque, final_;
    dict_keys = "dict_keys": Opaque, final_;
    dict_values = "dict_values": Opaque, final_;
    dict_items = "dict_items": Opaque, final_;
    dict_reversekeyiterator = "dict_reversekeyiterator": Opaque, final_;
    dict_reversevalueiterator = "dict_reversevalueiterator": Opaque, final_;
    dict_reverseitemiterator = "dict_reverseitemiterator": Opaque, final_;
    enumerate = "enumerate": Opaque;
    zip = "zip": Opaque;
    map = "map": Opaque;
    filter = "filter": Opaque;
    reversed = "reversed": Opaque;
    list_reverseiterator = "list_reverseiterator": Opaque, final_;
    callable_iterator = "callable_iterator": Opaque, final_;
    iterator = "iterator": Opaque, final_;
    classmethod_descriptor = "classmethod_descriptor": Opaque, final_;
    generator = "generator": Opaque, final_;
    simple_namespace = "SimpleNamespace": Object;
    text_io_wrapper = "TextIOWrapper": Opaque;
    coroutine = "coroutine": Opaque, final_;
    async_generator = "async_generator": Opaque, final_;
    async_generator_asend = "async_generator_asend": Opaque, final_;
    async_generator_athrow = "async_generator_athrow": Opaque, final_;
    coroutine_wrapper = "coroutine_wrapper": Opaque, final_;
    anext_awaitable = "anext_awaitable": Opaque, final_;
    property = "property": Opaque;
    staticmethod = "staticmethod": Opaque;
    classmethod = "classmethod": Opaque;
    super_ = "super": Opaque;
    member_descriptor = "member_descriptor": Opaque, final_;
    wrapper_descriptor = "wrapper_descriptor": Opaque, final_;
    method_wrapper = "method-wrapper": Opaque, final_;
    getset_descriptor = "getset_descriptor": Opaque, final_;
    generic_alias = "GenericAlias": Opaque;
    union_type = "Union": Opaque, final_;
    frame_locals_proxy = "FrameLocalsProxy": Native, final_;
    mappingproxy = "mappingproxy": Native, final_;
}

/// Mark a built-in type that cannot be subclassed (CPython's missing Py_TPFLAGS_BASETYPE).
fn set_final(ty: &ObjRef) {
    if let Some(t) = ty.as_type() {
        t.is_base_type.set(false);
    }
}

impl TypeRegistry {
    /// `bool` is a subclass of `int`; it is created under `object` with the others and
    /// re-parented here.
    fn fix_bool_base(&self) {
        if let Some(t) = self.bool_.as_type() {
            *t.bases.borrow_mut() = vec![self.int.clone()];
            *t.mro.borrow_mut() = vec![self.bool_.clone(), self.int.clone(), self.object.clone()];
        }
    }

    /// `ExceptionGroup` derives from both `BaseExceptionGroup` and `Exception`.
    fn fix_exception_group_bases(&self) {
        let e = &self.exc;
        if let Some(t) = e.exception_group.as_type() {
            *t.bases.borrow_mut() = vec![e.base_exception_group.clone(), e.exception.clone()];
            *t.mro.borrow_mut() = vec![
                e.exception_group.clone(),
                e.base_exception_group.clone(),
                e.exception.clone(),
                e.base_exception.clone(),
                self.object.clone(),
            ];
        }
    }

    pub fn new_str(&self, s: &str) -> Value {
        Value::obj(PyObject::new(
            self.str_.clone(),
            Payload::Str(PyStr::new(s)),
        ))
    }

    pub fn new_dict(&self) -> ObjRef {
        let d = Rc::new(PyObject::new(
            self.dict.clone(),
            Payload::Dict(RefCell::new(DictData::new())),
        ));
        crate::gc::collect::track(&d);
        d
    }

    /// A static (non-heap) type created after start-up, such as a native module's
    /// type: single base, watched namespace, MRO = itself + the base's.
    pub fn new_static_type(
        &self,
        name: &str,
        base: &ObjRef,
        layout: Layout,
        subclassable: bool,
    ) -> ObjRef {
        let mut namespace = DictData::new();
        namespace.watch();
        let ty = Rc::new(PyObject::with_dict(
            self.type_.clone(),
            Payload::Type(Box::new(type_data(
                name,
                layout,
                vec![base.clone()],
                subclassable,
            ))),
            Rc::new(PyObject::new(
                self.dict.clone(),
                Payload::Dict(RefCell::new(namespace)),
            )),
        ));
        if let Some(t) = ty.as_type() {
            let mut mro = vec![ty.clone()];
            mro.extend(
                base.as_type()
                    .map(|b| b.mro.borrow().clone())
                    .unwrap_or_default(),
            );
            *t.mro.borrow_mut() = mro;
        }
        ty
    }
}

impl Default for TypeRegistry {
    fn default() -> Self {
        TypeRegistry::new()
    }
}

/// The four types every other one needs, made by hand because they refer to each other.
struct TypeRegistryBuilder {
    object: ObjRef,
    type_: ObjRef,
    str_: ObjRef,
    dict: ObjRef,
}

impl TypeRegistryBuilder {
    fn bootstrap() -> TypeRegistryBuilder {
        let type_ = Rc::new(PyObject {
            class: RefCell::new(None),
            dict: RefCell::new(None),
            payload: Payload::Type(Box::new(type_data("type", Layout::Type, vec![], true))),
            extra: std::cell::Cell::new(None),
            gc_slot: std::cell::Cell::new(crate::gc::registry::UNTRACKED),
        });
        let bare = |name: &str, layout| {
            Rc::new(PyObject::new(
                type_.clone(),
                Payload::Type(Box::new(type_data(name, layout, vec![], true))),
            ))
        };
        let object = bare("object", Layout::Object);
        let str_ = bare("str", Layout::Str);
        let dict = bare("dict", Layout::Dict);
        let b = TypeRegistryBuilder {
            object,
            type_,
            str_,
            dict,
        };
        for (ty, base) in [
            (&b.object, None),
            (&b.type_, Some(&b.object)),
            (&b.str_, Some(&b.object)),
            (&b.dict, Some(&b.object)),
        ] {
            b.link(ty, base);
        }
        b
    }

    fn namespace(&self) -> ObjRef {
        let mut data = DictData::new();
        data.watch();
        Rc::new(PyObject::new(
            self.dict.clone(),
            Payload::Dict(RefCell::new(data)),
        ))
    }

    /// Give `ty` its namespace, bases and MRO.
    fn link(&self, ty: &ObjRef, base: Option<&ObjRef>) {
        *ty.dict.borrow_mut() = Some(self.namespace());
        if let Some(t) = ty.as_type() {
            let mut mro = vec![ty.clone()];
            if let Some(base) = base {
                *t.bases.borrow_mut() = vec![base.clone()];
                if let Some(bt) = base.as_type() {
                    mro.extend(bt.mro.borrow().iter().cloned());
                }
            }
            *t.mro.borrow_mut() = mro;
        }
    }

    fn new_type(&self, name: &str, base: &ObjRef, layout: Layout) -> ObjRef {
        let ty = Rc::new(PyObject::new(
            self.type_.clone(),
            Payload::Type(Box::new(type_data(name, layout, vec![], true))),
        ));
        self.link(&ty, Some(base));
        ty
    }
}

fn type_data(name: &str, layout: Layout, bases: Vec<ObjRef>, is_base_type: bool) -> TypeObject {
    TypeObject {
        name: RefCell::new(name.into()),
        qualname: RefCell::new(name.into()),
        bases: RefCell::new(bases),
        mro: RefCell::new(vec![]),
        layout,
        is_heap: false,
        is_base_type: Cell::new(is_base_type),
        version: Cell::new(0),
        slots: Cell::new(crate::objects::slots::SlotLayout::DICT_ONLY),
        is_abstract: Cell::new(false),
        subclasses: RefCell::new(Vec::new()),
        custom_getattribute: Cell::new((u64::MAX, false)),
        has_del: Cell::new((u64::MAX, false)),
    }
}
