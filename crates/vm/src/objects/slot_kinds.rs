//! What each special-method slot of a built-in type does when called directly
//! (`int.__add__(1, 2)`, `list.__len__(l)`, `super().__eq__(other)`): the slot is named
//! by its dunder and runs the VM's built-in protocol implementation for the receiver
//! (`builtin_binary`, `builtin_len`, ...), never a Python override, so that a subclass's
//! `__add__` can defer to its base's without recursing (CPython's `wrap_binaryfunc`
//! family in `Objects/typeobject.c`).

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::function::Args;
use crate::objects::type_::Layout;
use crate::protocol::compare::CmpOp;
use crate::protocol::number::{as_float, as_int, BinOp};
use crate::value::Value;
use crate::vm::Vm;

/// The special methods a slot wrapper can stand for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SlotKind {
    Repr,
    Str,
    Hash,
    Bool,
    Len,
    Iter,
    Next,
    Call,
    Contains,
    GetItem,
    SetItem,
    DelItem,
    GetAttribute,
    SetAttr,
    DelAttr,
    Init,
    Compare(CmpOp),
    /// `__add__`: the operator with the receiver on the left.
    Binary(BinOp),
    /// `__radd__`: the receiver on the right.
    Reflected(BinOp),
    /// `__iadd__`.
    InPlace(BinOp),
    DivMod,
    RDivMod,
    Neg,
    Pos,
    Invert,
    Abs,
    Int,
    Float,
    Index,
    Get,
    Set,
    Delete,
    Format,
}

const COMPARISONS: [(&str, CmpOp); 6] = [
    ("__lt__", CmpOp::Lt),
    ("__le__", CmpOp::Le),
    ("__eq__", CmpOp::Eq),
    ("__ne__", CmpOp::Ne),
    ("__gt__", CmpOp::Gt),
    ("__ge__", CmpOp::Ge),
];

impl SlotKind {
    /// The slot a dunder name stands for; `None` for names that are not slots.
    pub fn from_name(name: &str) -> Option<SlotKind> {
        use SlotKind::*;
        let plain = match name {
            "__repr__" => Some(Repr),
            "__str__" => Some(Str),
            "__hash__" => Some(Hash),
            "__bool__" => Some(Bool),
            "__len__" => Some(Len),
            "__iter__" => Some(Iter),
            "__next__" => Some(Next),
            "__call__" => Some(Call),
            "__contains__" => Some(Contains),
            "__getitem__" => Some(GetItem),
            "__setitem__" => Some(SetItem),
            "__delitem__" => Some(DelItem),
            "__getattribute__" => Some(GetAttribute),
            "__setattr__" => Some(SetAttr),
            "__delattr__" => Some(DelAttr),
            "__init__" => Some(Init),
            "__divmod__" => Some(DivMod),
            "__rdivmod__" => Some(RDivMod),
            "__neg__" => Some(Neg),
            "__pos__" => Some(Pos),
            "__invert__" => Some(Invert),
            "__abs__" => Some(Abs),
            "__int__" => Some(Int),
            "__float__" => Some(Float),
            "__index__" => Some(Index),
            "__get__" => Some(Get),
            "__set__" => Some(Set),
            "__delete__" => Some(Delete),
            "__format__" => Some(Format),
            _ => None,
        };
        if plain.is_some() {
            return plain;
        }
        if let Some((_, op)) = COMPARISONS.iter().find(|(n, _)| *n == name) {
            return Some(Compare(*op));
        }
        let stem = name.strip_prefix("__")?.strip_suffix("__")?;
        if let Some(op) = BinOp::from_stem(stem) {
            return Some(Binary(op));
        }
        if let Some(op) = stem.strip_prefix('r').and_then(BinOp::from_stem) {
            return Some(Reflected(op));
        }
        stem.strip_prefix('i')
            .and_then(BinOp::from_stem)
            .map(InPlace)
    }

    /// How many arguments follow the receiver: `(least, most)`.
    fn arity(self) -> (usize, usize) {
        use SlotKind::*;
        match self {
            Repr | Str | Hash | Bool | Len | Iter | Next | Neg | Pos | Invert | Abs | Int
            | Float | Index => (0, 0),
            Contains | GetItem | DelItem | GetAttribute | DelAttr | Compare(_) | DivMod
            | RDivMod | Delete | InPlace(_) | Format => (1, 1),
            Binary(BinOp::Pow) | Reflected(BinOp::Pow) => (1, 2),
            Binary(_) | Reflected(_) => (1, 1),
            SetItem | SetAttr | Set => (2, 2),
            Get => (1, 2),
            Call | Init => (0, usize::MAX),
        }
    }
}

/// Call the slot `kind` of the built-in type `owner` on `receiver` (already checked to
/// be an instance of `owner`) with the remaining arguments.
pub fn invoke(
    vm: &mut Vm,
    kind: SlotKind,
    owner: &ObjRef,
    receiver: &Value,
    args: Args,
) -> PyResult<Value> {
    let rest = args.pos();
    let (least, most) = kind.arity();
    if !matches!(kind, SlotKind::Call | SlotKind::Init) && !args.kwnames.is_empty() {
        return Err(vm.type_error("wrapper takes no keyword arguments"));
    }
    if rest.len() < least || rest.len() > most {
        return Err(vm.type_error(if least == most {
            format!(
                "expected {least} argument{}, got {}",
                if least == 1 { "" } else { "s" },
                rest.len()
            )
        } else {
            format!("expected {least} to {most} arguments, got {}", rest.len())
        }));
    }
    let arg = |i: usize| rest.get(i).cloned().unwrap_or(Value::None);
    let not_implemented = vm.types().not_implemented.clone();
    use SlotKind::*;
    Ok(match kind {
        Repr => {
            let text = match receiver {
                Value::Obj(o) if is_object(vm, owner) => {
                    crate::objects::attributes::default_repr(vm, o, receiver)?
                }
                Value::Obj(o) => vm.builtin_repr(o, receiver)?,
                v => vm.repr(v)?,
            };
            vm.new_str(&text)
        }
        Str => {
            let text = vm.builtin_str(receiver)?;
            vm.new_str(&text)
        }
        Hash => Value::Int(if is_object(vm, owner) {
            adder_numeric::hash::hash_pointer(receiver.id() as usize)
        } else {
            vm.builtin_hash(receiver)?
        }),
        Bool => Value::Bool(vm.builtin_is_true(receiver)?),
        Len => Value::Int(vm.builtin_len(receiver)? as i64),
        Iter => vm.builtin_iter(receiver)?,
        Next => match vm.builtin_next(receiver)? {
            Some(v) => v,
            None => return Err(vm.error(&vm.types().exc.stop_iteration.clone(), "")),
        },
        Call => call_payload(vm, receiver, args)?,
        Contains => Value::Bool(vm.builtin_contains(receiver, &arg(0))?),
        GetItem => vm.builtin_get_item(receiver, &arg(0))?,
        SetItem => {
            vm.builtin_set_item(receiver, &arg(0), arg(1))?;
            Value::None
        }
        DelItem => {
            vm.builtin_del_item(receiver, &arg(0))?;
            Value::None
        }
        GetAttribute => vm.get_attr(receiver, &arg(0))?,
        SetAttr => {
            vm.generic_set_attr(receiver, &arg(0), arg(1))?;
            Value::None
        }
        DelAttr => {
            vm.generic_del_attr(receiver, &arg(0))?;
            Value::None
        }
        Init => {
            init(vm, receiver, args)?;
            Value::None
        }
        Compare(op) => {
            let other = arg(0);
            if is_object(vm, owner) {
                return object_compare(vm, receiver, &other, op);
            }
            if !accepts_operand(vm, owner, &other) {
                return Ok(not_implemented);
            }
            match vm.builtin_compare(receiver, &other, op)? {
                Some(b) => Value::Bool(b),
                None => not_implemented,
            }
        }
        Binary(op) => binary(vm, owner, receiver, &arg(0), op, rest.get(1))?,
        Reflected(op) => {
            let other = arg(0);
            if !accepts_operand(vm, owner, &other) {
                return Ok(not_implemented);
            }
            if op == BinOp::Pow && rest.get(1).is_some_and(|m| !m.is_none()) {
                return Ok(not_implemented);
            }
            match vm.builtin_binary(&other, receiver, op)? {
                Some(v) => v,
                None => not_implemented,
            }
        }
        InPlace(op) => match vm.builtin_inplace(receiver, &arg(0), op)? {
            Some(v) => v,
            None => binary(vm, owner, receiver, &arg(0), op, None)?,
        },
        DivMod | RDivMod => {
            let (a, b) = if kind == DivMod {
                (receiver.clone(), arg(0))
            } else {
                (arg(0), receiver.clone())
            };
            if !accepts_operand(vm, owner, &arg(0)) {
                return Ok(not_implemented);
            }
            let q = vm.builtin_binary(&a, &b, BinOp::FloorDiv)?;
            let r = vm.builtin_binary(&a, &b, BinOp::Rem)?;
            match (q, r) {
                (Some(q), Some(r)) => vm.new_tuple(vec![q, r]),
                _ => not_implemented,
            }
        }
        Neg => vm.builtin_negative(receiver)?,
        Pos => vm.builtin_positive(receiver)?,
        Invert => vm.builtin_invert(receiver)?,
        Abs => vm.builtin_absolute(receiver)?,
        Int | Index => match (as_int(receiver), as_float(receiver)) {
            (Some(i), _) => crate::objects::int_methods::plain_int(vm, &i),
            (None, Some(f)) => vm.new_int(
                adder_numeric::int_float::from_f64(f.trunc()).map_err(|e| vm.num_error(e))?,
            ),
            _ => return Err(vm.type_error("expected a number")),
        },
        Float => match (as_float(receiver), as_int(receiver)) {
            (Some(_), _) if crate::objects::float_new::is_exact_float(vm, receiver) => {
                receiver.clone()
            }
            (Some(f), _) => crate::objects::float_new::new_float(vm, f),
            (None, Some(i)) => Value::Float(vm.int_to_f64(&i)?),
            _ => return Err(vm.type_error("expected a number")),
        },
        Get => {
            let instance = match arg(0) {
                Value::None => Value::Null,
                v => v,
            };
            let owner_type = match rest.get(1) {
                Some(Value::Obj(t)) if t.as_type().is_some() => t.clone(),
                _ if instance.is_null() => {
                    return Err(vm.type_error("__get__(None, None) is invalid"))
                }
                _ => vm.type_of(&instance),
            };
            vm.builtin_descriptor_get(receiver.clone(), &instance, &owner_type)?
        }
        Set => {
            vm.descriptor_set_value(receiver, &arg(0), Some(&arg(1)))?;
            Value::None
        }
        Delete => {
            vm.descriptor_set_value(receiver, &arg(0), None)?;
            Value::None
        }
        Format => {
            let spec = arg(0);
            let Some(text) = spec.as_obj().and_then(|s| s.as_str()) else {
                return Err(vm.type_error(format!(
                    "__format__() argument must be str, not {}",
                    vm.type_name(&spec)
                )));
            };
            let spec = text.as_str().to_string();
            if is_object(vm, owner) && !spec.is_empty() {
                return Err(vm.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    vm.type_name(receiver)
                )));
            }
            let text = crate::objects::str_format::builtin_format(vm, receiver, &spec)?;
            vm.new_str(&text)
        }
    })
}

fn is_object(vm: &Vm, owner: &ObjRef) -> bool {
    Rc::ptr_eq(owner, &vm.types().object)
}

/// Whether the numeric slots of `owner` handle `other` (CPython's int slots return
/// NotImplemented for a float, so that float's reflected slot runs).
fn accepts_operand(vm: &Vm, owner: &ObjRef, other: &Value) -> bool {
    match owner.as_type().map(|t| t.layout) {
        Some(Layout::Int | Layout::Bool) => as_int(other).is_some(),
        Some(Layout::Float) => as_float(other).is_some() || as_int(other).is_some(),
        _ => !is_object(vm, owner),
    }
}

/// `owner.__op__(receiver, other[, modulo])`.
fn binary(
    vm: &mut Vm,
    owner: &ObjRef,
    receiver: &Value,
    other: &Value,
    op: BinOp,
    modulo: Option<&Value>,
) -> PyResult<Value> {
    let not_implemented = vm.types().not_implemented.clone();
    if let Some(m) = modulo.filter(|m| !m.is_none()) {
        return match (as_int(receiver), as_int(other), as_int(m)) {
            (Some(a), Some(b), Some(c)) => {
                let r = adder_numeric::int::pow_mod(&a.to_big(), &b.to_big(), &c.to_big())
                    .map_err(|e| vm.num_error(e))?;
                Ok(vm.new_int(r))
            }
            _ => Ok(not_implemented),
        };
    }
    if !accepts_operand(vm, owner, other) {
        return Ok(not_implemented);
    }
    if is_sequence(owner) && op == BinOp::Mul && as_int(other).is_none() {
        // `sq_repeat` converts its count first.
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(other)
        )));
    }
    match vm.builtin_binary(receiver, other, op)? {
        Some(v) => Ok(v),
        // The sequence slots (`sq_concat`, `sq_repeat`) raise instead.
        None if is_sequence(owner) && matches!(op, BinOp::Add | BinOp::Mul) => {
            Err(vm.binary_op_error(receiver, other, op, false))
        }
        None => Ok(not_implemented),
    }
}

fn is_sequence(owner: &ObjRef) -> bool {
    matches!(
        owner.as_type().map(|t| t.layout),
        Some(Layout::Str | Layout::Bytes | Layout::Tuple | Layout::List)
    )
}

/// `object`'s rich comparison: identity for `==`, the inverse of `__eq__` for `!=`,
/// NotImplemented for the orderings.
fn object_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let not_implemented = vm.types().not_implemented.clone();
    Ok(match op {
        CmpOp::Eq if a.is(b) => Value::Bool(true),
        CmpOp::Ne => {
            let eq = match vm.lookup_special_heap(a, "__eq__") {
                Some(m) => vm.call_method_value(&m, a, std::slice::from_ref(b))?,
                None => match vm.builtin_compare(a, b, CmpOp::Eq)? {
                    Some(r) => Value::Bool(r),
                    None => object_compare(vm, a, b, CmpOp::Eq)?,
                },
            };
            if eq.is(&not_implemented) {
                eq
            } else {
                Value::Bool(!vm.is_true(&eq)?)
            }
        }
        _ => not_implemented,
    })
}

/// `__call__` of the callable built-in types.
fn call_payload(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult<Value> {
    match receiver.payload() {
        Some(Payload::StaticMethod(f)) => {
            let f = f.clone();
            vm.call_with(&f, args)
        }
        _ => vm.call_with(receiver, args),
    }
}

/// `__init__` of the mutable containers: refill in place from the arguments.
fn init(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult<()> {
    let pos = args.pos();
    let type_name = vm.type_name(receiver);
    let too_many = |vm: &Vm| {
        vm.type_error(format!(
            "{type_name} expected at most 1 argument, got {}",
            pos.len()
        ))
    };
    match receiver.payload() {
        Some(Payload::List(l)) => {
            if pos.len() > 1 {
                return Err(too_many(vm));
            }
            if !args.kwnames.is_empty() {
                return Err(vm.type_error("list() takes no keyword arguments"));
            }
            let items = match pos.first() {
                Some(v) => vm.collect_iterable(v)?,
                None => vec![],
            };
            *l.borrow_mut() = items;
        }
        Some(Payload::Dict(_)) => {
            if pos.len() > 1 {
                return Err(too_many(vm));
            }
            let Some(d) = receiver.as_obj() else {
                return Ok(());
            };
            if let Some(v) = pos.first() {
                crate::objects::dict_methods::update_arg(vm, d, v)?;
            }
            for (k, v) in args.kwargs() {
                crate::objects::dict::set_item(vm, d, k.clone(), v.clone())?;
            }
        }
        Some(Payload::Set(cell)) if !crate::objects::set::is_frozen(vm, receiver) => {
            if pos.len() > 1 {
                return Err(too_many(vm));
            }
            if !args.kwnames.is_empty() {
                return Err(vm.type_error("set() takes no keyword arguments"));
            }
            cell.borrow_mut().clear();
            if let Some(v) = pos.first() {
                crate::objects::set::update(vm, receiver, v)?;
            }
        }
        // The other built-in types are complete after `__new__`.
        _ => {}
    }
    Ok(())
}
