//! Arithmetic: `BINARY_OP` and the unary operators. Small ints and floats take
//! allocation-free fast paths; big ints go through `adder_numeric`; user classes are
//! reached through `__add__`/`__radd__`/`__iadd__` with CPython's rules for reflected
//! operands (a subclass's reflected method goes first) and `NotImplemented`.

use std::borrow::Cow;

use adder_numeric::{float_ops, int as bigops, int_float, BigInt};

use crate::error::{PyErr, PyResult};
use crate::object::Payload;
use crate::objects::float_new::new_float;
use crate::value::Value;
use crate::vm::Vm;

/// The binary operators in `BINARY_OP`'s numbering (NB_ADD = 0 ... NB_XOR = 12;
/// NB_INPLACE_* = 13..25; NB_SUBSCR = 26).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    And,
    FloorDiv,
    LShift,
    MatMul,
    Mul,
    Rem,
    Or,
    Pow,
    RShift,
    Sub,
    TrueDiv,
    Xor,
}

const BINOPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::And,
    BinOp::FloorDiv,
    BinOp::LShift,
    BinOp::MatMul,
    BinOp::Mul,
    BinOp::Rem,
    BinOp::Or,
    BinOp::Pow,
    BinOp::RShift,
    BinOp::Sub,
    BinOp::TrueDiv,
    BinOp::Xor,
];

/// CPython 3.12+'s `bool_invert` warning.
const BOOL_INVERT_DEPRECATED: &str = "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. This returns the bitwise inversion of the underlying int object and is usually not what you expect from negating a bool. Use the 'not' operator for boolean negation or ~int(x) if you really want the bitwise inversion of the underlying int.";

pub const NB_SUBSCR: u32 = 26;
pub const NB_ADD: u32 = 0;
pub const NB_INPLACE_ADD: u32 = 13;

impl BinOp {
    pub fn from_arg(arg: u32) -> Option<(BinOp, bool)> {
        let i = arg as usize;
        if i < 13 {
            Some((BINOPS[i], false))
        } else if i < 26 {
            Some((BINOPS[i - 13], true))
        } else {
            None
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::And => "&",
            BinOp::FloorDiv => "//",
            BinOp::LShift => "<<",
            BinOp::MatMul => "@",
            BinOp::Mul => "*",
            BinOp::Rem => "%",
            BinOp::Or => "|",
            BinOp::Pow => "**",
            BinOp::RShift => ">>",
            BinOp::Sub => "-",
            BinOp::TrueDiv => "/",
            BinOp::Xor => "^",
        }
    }

    /// The operator whose dunder stem is `stem` (`add` for `__add__`).
    pub fn from_stem(stem: &str) -> Option<BinOp> {
        BINOPS.iter().copied().find(|op| op.stem() == stem)
    }

    /// `__add__`, `__radd__` and `__iadd__`: static names, so that looking a class's
    /// operator method up allocates nothing.
    fn dunders(self) -> [&'static str; 3] {
        match self {
            BinOp::Add => ["__add__", "__radd__", "__iadd__"],
            BinOp::And => ["__and__", "__rand__", "__iand__"],
            BinOp::FloorDiv => ["__floordiv__", "__rfloordiv__", "__ifloordiv__"],
            BinOp::LShift => ["__lshift__", "__rlshift__", "__ilshift__"],
            BinOp::MatMul => ["__matmul__", "__rmatmul__", "__imatmul__"],
            BinOp::Mul => ["__mul__", "__rmul__", "__imul__"],
            BinOp::Rem => ["__mod__", "__rmod__", "__imod__"],
            BinOp::Or => ["__or__", "__ror__", "__ior__"],
            BinOp::Pow => ["__pow__", "__rpow__", "__ipow__"],
            BinOp::RShift => ["__rshift__", "__rrshift__", "__irshift__"],
            BinOp::Sub => ["__sub__", "__rsub__", "__isub__"],
            BinOp::TrueDiv => ["__truediv__", "__rtruediv__", "__itruediv__"],
            BinOp::Xor => ["__xor__", "__rxor__", "__ixor__"],
        }
    }

    /// The dunder stem: `add` for `__add__`/`__radd__`/`__iadd__`.
    fn stem(self) -> &'static str {
        match self {
            BinOp::Add => "add",
            BinOp::And => "and",
            BinOp::FloorDiv => "floordiv",
            BinOp::LShift => "lshift",
            BinOp::MatMul => "matmul",
            BinOp::Mul => "mul",
            BinOp::Rem => "mod",
            BinOp::Or => "or",
            BinOp::Pow => "pow",
            BinOp::RShift => "rshift",
            BinOp::Sub => "sub",
            BinOp::TrueDiv => "truediv",
            BinOp::Xor => "xor",
        }
    }
}

/// An int operand: unboxed, or a big integer on the heap (also bools and int subclasses).
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_big(&self) -> Cow<'_, BigInt> {
        match self {
            IntRef::Small(i) => Cow::Owned(BigInt::from(*i)),
            IntRef::Big(b) => Cow::Borrowed(b),
        }
    }
}

pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    match v {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Bool(b) => Some(IntRef::Small(*b as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(IntRef::Big(b)),
            _ => None,
        },
        _ => None,
    }
}

/// A float operand (floats and float subclasses).
pub fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// `a <op> b` for `BINARY_OP`'s argument.
    pub fn binary_op(&mut self, a: &Value, b: &Value, arg: u32) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            if let Some((op, _)) = BinOp::from_arg(arg) {
                if let Some(r) = self.small_int_op(op, *x, *y)? {
                    return Ok(r);
                }
            }
        }
        if let (Value::Float(x), Value::Float(y)) = (a, b) {
            if let Some((op, _)) = BinOp::from_arg(arg) {
                if let Some(r) = self.float_op(op, *x, *y)? {
                    return Ok(r);
                }
            }
        }
        if arg == NB_SUBSCR {
            return self.get_item(a, b);
        }
        let Some((op, inplace)) = BinOp::from_arg(arg) else {
            return Err(self.system_error(format!("invalid BINARY_OP argument {arg}")));
        };
        self.binary_op_generic(a, b, op, inplace)
    }

    fn binary_op_generic(
        &mut self,
        a: &Value,
        b: &Value,
        op: BinOp,
        inplace: bool,
    ) -> PyResult<Value> {
        if inplace {
            if let Some(m) = self.lookup_special_heap(a, op.dunders()[2]) {
                let r = self.call_method_value(&m, a, std::slice::from_ref(b))?;
                if !r.is(&self.types().not_implemented) {
                    return Ok(r);
                }
            } else if !self.list_subclass_overrides(a, op) {
                if let Some(r) = self.builtin_inplace(a, b, op)? {
                    return Ok(r);
                }
            }
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let same = std::rc::Rc::ptr_eq(&ta, &tb);
        let reflected_name = op.dunders()[1];
        let b_reflected = if same {
            None
        } else {
            self.lookup_special_heap(b, reflected_name)
        };
        let not_impl = self.types().not_implemented.clone();
        // A subclass's reflected method gets the first chance.
        if let Some(rm) = &b_reflected {
            if self.is_subtype(&tb, &ta) {
                let r = self.call_method_value(rm, b, std::slice::from_ref(a))?;
                if !r.is(&not_impl) {
                    return Ok(r);
                }
            }
        }
        if let Some(m) = self.lookup_special_heap(a, op.dunders()[0]) {
            let r = self.call_method_value(&m, a, std::slice::from_ref(b))?;
            if !r.is(&not_impl) {
                return Ok(r);
            }
        } else if let Some(r) = self.builtin_binary(a, b, op)? {
            return Ok(r);
        }
        if let Some(rm) = &b_reflected {
            if !self.is_subtype(&tb, &ta) {
                let r = self.call_method_value(rm, b, std::slice::from_ref(a))?;
                if !r.is(&not_impl) {
                    return Ok(r);
                }
            }
        } else if !same
            && self.lookup_special_heap(b, reflected_name).is_none()
            && self.type_is_heap(&ta)
        {
            if let Some(r) = self.builtin_binary(a, b, op)? {
                return Ok(r);
            }
        }
        Err(self.binary_op_error(a, b, op, inplace))
    }

    /// The TypeError for operands no implementation accepted, with CPython's wording
    /// for sequences ("can only concatenate str ...").
    pub fn binary_op_error(&self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyErr {
        let sym = if inplace {
            format!("{}=", op.symbol())
        } else {
            op.symbol().to_string()
        };
        if op == BinOp::Add
            && self.is_instance(b, &self.types().str_.clone())
            && as_int(a).is_some()
        {
            return self.type_error(format!(
                "unsupported operand type(s) for {sym}: '{}' and '{}'",
                self.type_display_name_of_value(a),
                self.type_display_name_of_value(b)
            ));
        }
        if op == BinOp::Add
            && self.is_instance(a, &self.types().str_.clone())
            && !self.is_instance(b, &self.types().str_.clone())
        {
            return self.type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                self.type_name(b)
            ));
        }
        if op == BinOp::Add
            && self.is_instance(a, &self.types().list.clone())
            && !self.is_instance(b, &self.types().list.clone())
        {
            return self.type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                self.type_name(b)
            ));
        }
        if op == BinOp::Add
            && self.is_instance(a, &self.types().tuple.clone())
            && !self.is_instance(b, &self.types().tuple.clone())
        {
            return self.type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                self.type_name(b)
            ));
        }
        if op == BinOp::Mul {
            let non_int = if self.is_sequence_for_repeat(a) {
                Some(b)
            } else if self.is_sequence_for_repeat(b) {
                Some(a)
            } else {
                None
            };
            if let Some(other) = non_int {
                return self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(other)
                ));
            }
        }
        if op == BinOp::Pow {
            return self.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                self.type_display_name_of_value(a),
                self.type_display_name_of_value(b)
            ));
        }
        self.type_error(format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            self.type_display_name_of_value(a),
            self.type_display_name_of_value(b)
        ))
    }

    /// A list subclass's own `__add__`/`__mul__` comes before list's in-place
    /// concatenation (CPython tries `nb_add` before `sq_inplace_concat`).
    fn list_subclass_overrides(&self, a: &Value, op: BinOp) -> bool {
        matches!(a.payload(), Some(Payload::List(_)))
            && self.type_is_heap(&self.type_of(a))
            && self.lookup_special_heap(a, op.dunders()[0]).is_some()
    }

    /// In-place operators that mutate built-in containers (`list +=`, `list *=`, `set |=`,
    /// `dict |=`); `None` when the operands are not theirs.
    pub fn builtin_inplace(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        if matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
            && matches!(a.payload(), Some(Payload::Set(_) | Payload::Dict(_)))
        {
            if let Some(r) = crate::objects::set_methods::inplace_op(self, a, b, op)? {
                return Ok(Some(r));
            }
            return crate::objects::dict_methods::binary_op(self, a, b, op, true);
        }
        if matches!(a.payload(), Some(Payload::ByteArray(_))) {
            return crate::objects::bytearray::inplace(self, a, b, op);
        }
        let Some(Payload::List(list)) = a.payload() else {
            return Ok(None);
        };
        match op {
            BinOp::Add => {
                let items = self.collect_iterable(b)?;
                list.borrow_mut().extend(items);
                Ok(Some(a.clone()))
            }
            BinOp::Mul => {
                let Some(n) = as_int(b) else { return Ok(None) };
                let n = self.repeat_count(n)?;
                let orig = list.borrow().clone();
                // A size no allocation can hold is CPython's MemoryError, not an
                // abort (or an endless loop of reallocation).
                let mut grown: Vec<Value> = Vec::new();
                let reserved = orig
                    .len()
                    .checked_mul(n)
                    .filter(|&t| t <= isize::MAX as usize / std::mem::size_of::<Value>())
                    .is_some_and(|t| grown.try_reserve_exact(t).is_ok());
                if !reserved {
                    return Err(crate::error::PyErr(
                        self.new_exception(&self.types().exc.memory_error, vec![]),
                    ));
                }
                if !orig.is_empty() {
                    for _ in 0..n {
                        grown.extend(orig.iter().cloned());
                    }
                }
                // The old items are dropped after the borrow ends: a `__del__` may
                // read the list.
                let old = std::mem::replace(&mut *list.borrow_mut(), grown);
                drop(old);
                Ok(Some(a.clone()))
            }
            _ => Ok(None),
        }
    }

    /// The built-in types' implementations; `None` is NotImplemented.
    pub fn builtin_binary(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                BinOp::And => return Ok(Some(Value::Bool(x & y))),
                BinOp::Or => return Ok(Some(Value::Bool(x | y))),
                BinOp::Xor => return Ok(Some(Value::Bool(x ^ y))),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return self.int_op(op, x, y).map(Some);
        }
        if let Some(r) = crate::objects::complex::binary(self, a, b, op)? {
            return Ok(Some(r));
        }
        if as_float(a).is_some() || as_float(b).is_some() {
            let x = match as_float(a) {
                Some(f) => f,
                None => match as_int(a) {
                    Some(i) => self.int_to_f64(&i)?,
                    None => return self.sequence_binary(a, b, op),
                },
            };
            let y = match as_float(b) {
                Some(f) => f,
                None => match as_int(b) {
                    Some(i) => self.int_to_f64(&i)?,
                    None => return self.sequence_binary(a, b, op),
                },
            };
            return self.float_op(op, x, y);
        }
        self.sequence_binary(a, b, op)
    }

    pub fn int_to_f64(&self, i: &IntRef) -> PyResult<f64> {
        match i {
            IntRef::Small(v) => Ok(*v as f64),
            IntRef::Big(b) => int_float::to_f64(b).map_err(|e| self.num_error(e)),
        }
    }

    /// Both operands unboxed ints: `None` when the result needs a big int.
    #[inline]
    fn small_int_op(&mut self, op: BinOp, x: i64, y: i64) -> PyResult<Option<Value>> {
        Ok(match op {
            BinOp::Add => x.checked_add(y).map(Value::Int),
            BinOp::Sub => x.checked_sub(y).map(Value::Int),
            BinOp::Mul => x.checked_mul(y).map(Value::Int),
            BinOp::And => Some(Value::Int(x & y)),
            BinOp::Or => Some(Value::Int(x | y)),
            BinOp::Xor => Some(Value::Int(x ^ y)),
            BinOp::FloorDiv => bigops::floor_div_i64(x, y)
                .map_err(|e| self.num_error(e))?
                .map(Value::Int),
            BinOp::Rem => Some(Value::Int(
                bigops::mod_i64(x, y).map_err(|e| self.num_error(e))?,
            )),
            BinOp::LShift => bigops::shl_i64(x, y)
                .map_err(|e| self.num_error(e))?
                .map(Value::Int),
            BinOp::RShift => Some(Value::Int(
                bigops::shr_i64(x, y).map_err(|e| self.num_error(e))?,
            )),
            BinOp::TrueDiv => {
                const EXACT: i64 = 1 << 53;
                if y == 0 {
                    return Err(self.zero_division_error("division by zero"));
                }
                if x.abs() <= EXACT && y.abs() <= EXACT {
                    Some(Value::Float(x as f64 / y as f64))
                } else {
                    None
                }
            }
            BinOp::Pow => {
                if y >= 0 {
                    bigops::pow_i64(x, y as u64).map(Value::Int)
                } else {
                    None
                }
            }
            BinOp::MatMul => None,
        })
    }

    fn int_op(&mut self, op: BinOp, x: IntRef, y: IntRef) -> PyResult<Value> {
        if let (IntRef::Small(a), IntRef::Small(b)) = (&x, &y) {
            if let Some(r) = self.small_int_op(op, *a, *b)? {
                return Ok(r);
            }
        }
        if op == BinOp::MatMul {
            return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"));
        }
        let a = x.to_big();
        let b = y.to_big();
        let (a, b) = (a.as_ref(), b.as_ref());
        let ne = |vm: &Vm, e| vm.num_error(e);
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::And => bigops::bit_and(a, b),
            BinOp::Or => bigops::bit_or(a, b),
            BinOp::Xor => bigops::bit_xor(a, b),
            BinOp::FloorDiv => bigops::floor_div(a, b).map_err(|e| ne(self, e))?,
            BinOp::Rem => bigops::floor_mod(a, b).map_err(|e| ne(self, e))?,
            BinOp::LShift => bigops::shl(a, b).map_err(|e| ne(self, e))?,
            BinOp::RShift => bigops::shr(a, b).map_err(|e| ne(self, e))?,
            BinOp::TrueDiv => {
                return int_float::true_div(a, b)
                    .map(Value::Float)
                    .map_err(|e| ne(self, e));
            }
            BinOp::Pow => {
                if b.sign() == dashu_base::Sign::Negative {
                    return bigops::pow_negative_exponent(a, b)
                        .map(Value::Float)
                        .map_err(|e| ne(self, e));
                }
                let exp = dashu_base::UnsignedAbs::unsigned_abs(b.clone());
                bigops::pow(a, &exp).map_err(|e| ne(self, e))?
            }
            BinOp::MatMul => unreachable!("handled above"),
        };
        Ok(self.new_int(r))
    }

    fn float_op(&mut self, op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
        let ne = |vm: &Vm, e| vm.num_error(e);
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => float_ops::true_div(x, y).map_err(|e| ne(self, e))?,
            BinOp::FloorDiv => float_ops::floor_div(x, y).map_err(|e| ne(self, e))?,
            BinOp::Rem => float_ops::modulo(x, y).map_err(|e| ne(self, e))?,
            BinOp::Pow => match float_ops::pow(x, y).map_err(|e| ne(self, e))? {
                float_ops::FloatPow::Real(r) => r,
                float_ops::FloatPow::NeedsComplex => {
                    return crate::objects::complex::real_pow(self, x, y).map(Some);
                }
            },
            _ => return Ok(None),
        };
        Ok(Some(new_float(self, r)))
    }

    /// `+` and `*` on sequences.
    fn sequence_binary(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        match op {
            BinOp::Add => self.sequence_concat(a, b),
            BinOp::Mul => {
                if let Some(n) = as_int(b) {
                    if self.is_sequence_for_repeat(a) {
                        let n = self.repeat_count(n)?;
                        return self.sequence_repeat(a, n).map(Some);
                    }
                }
                if let Some(n) = as_int(a) {
                    if self.is_sequence_for_repeat(b) {
                        let n = self.repeat_count(n)?;
                        return self.sequence_repeat(b, n).map(Some);
                    }
                }
                Ok(None)
            }
            BinOp::Rem if matches!(a.payload(), Some(Payload::Str(_))) => {
                crate::objects::str_stand_in::exact(self, |vm| {
                    let template = crate::objects::str_stand_in::value_text(a);
                    crate::objects::str_printf::format(vm, &template, b)
                })
                .map(Some)
            }
            BinOp::Rem
                if matches!(a.payload(), Some(Payload::Bytes(_) | Payload::ByteArray(_))) =>
            {
                crate::objects::bytes_printf::rem(self, a, b)
            }
            _ => match crate::objects::set_methods::binary_op(self, a, b, op)? {
                Some(r) => Ok(Some(r)),
                None => match crate::objects::dict_methods::binary_op(self, a, b, op, false)? {
                    Some(r) => Ok(Some(r)),
                    None if op == BinOp::Or => crate::objects::union_type::or(self, a, b),
                    None => Ok(None),
                },
            },
        }
    }

    /// A repeat count from an int: negative means zero; too large is OverflowError.
    pub fn repeat_count(&self, n: IntRef) -> PyResult<usize> {
        match n {
            IntRef::Small(i) => Ok(i.max(0) as usize),
            IntRef::Big(b) => {
                if b.sign() == dashu_base::Sign::Negative {
                    Ok(0)
                } else {
                    Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
                }
            }
        }
    }

    /// `-x`.
    pub fn negative(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => self.new_int(-BigInt::from(*i)),
            }),
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => self.unary_op(v, "__neg__", Vm::builtin_negative),
        }
    }

    /// `+x`.
    pub fn positive(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::Float(_) => Ok(v.clone()),
            _ => self.unary_op(v, "__pos__", Vm::builtin_positive),
        }
    }

    /// `~x`.
    pub fn invert(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => Ok(Value::Int(!i)),
            _ => self.unary_op(v, "__invert__", Vm::builtin_invert),
        }
    }

    /// `abs(x)`.
    pub fn absolute(&mut self, v: &Value) -> PyResult<Value> {
        self.unary_op(v, "__abs__", Vm::builtin_absolute)
    }

    /// A class's unary dunder, else the built-in implementation.
    fn unary_op(
        &mut self,
        v: &Value,
        dunder: &str,
        builtin: fn(&mut Vm, &Value) -> PyResult<Value>,
    ) -> PyResult<Value> {
        match self.lookup_special_heap(v, dunder) {
            Some(m) => self.call_method_value(&m, v, &[]),
            None => builtin(self, v),
        }
    }

    /// `-x` for the built-in numbers.
    pub fn builtin_negative(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(i) = as_int(v) {
            return Ok(match i {
                IntRef::Small(i) => match i.checked_neg() {
                    Some(n) => Value::Int(n),
                    None => self.new_int(-BigInt::from(i)),
                },
                IntRef::Big(b) => self.new_int(-b.clone()),
            });
        }
        if let Some(z) = crate::objects::complex::as_complex(v) {
            let negated = adder_numeric::complex::Complex::new(-z.re, -z.im);
            return Ok(crate::objects::complex::new_complex(self, negated));
        }
        match as_float(v) {
            Some(f) => Ok(new_float(self, -f)),
            None => Err(self.bad_unary_operand("unary -", v)),
        }
    }

    /// `+x` for the built-in numbers (bools and subclasses become plain numbers).
    pub fn builtin_positive(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(i) = as_int(v) {
            return Ok(crate::objects::int_methods::plain_int(self, &i));
        }
        if let Some(z) = crate::objects::complex::as_complex(v) {
            return Ok(crate::objects::complex::new_complex(self, z));
        }
        match as_float(v) {
            Some(_) if crate::objects::float_new::is_exact_float(self, v) => Ok(v.clone()),
            Some(f) => Ok(new_float(self, f)),
            None => Err(self.bad_unary_operand("unary +", v)),
        }
    }

    /// `~x` for ints.
    pub fn builtin_invert(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Bool(_) = v {
            let category = self.types().exc.deprecation_warning.clone();
            self.warn(&category, BOOL_INVERT_DEPRECATED, 1)?;
        }
        match as_int(v) {
            Some(IntRef::Small(i)) => Ok(Value::Int(!i)),
            Some(IntRef::Big(b)) => Ok(self.new_int(bigops::invert(b))),
            None => Err(self.bad_unary_operand("unary ~", v)),
        }
    }

    /// `abs(x)` for the built-in numbers.
    pub fn builtin_absolute(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(f) = as_float(v) {
            return Ok(new_float(self, f.abs()));
        }
        if let Some(z) = crate::objects::complex::as_complex(v) {
            return crate::objects::complex::abs(self, z);
        }
        match as_int(v) {
            Some(IntRef::Small(i)) => Ok(match i.checked_abs() {
                Some(a) => Value::Int(a),
                None => self.new_int(dashu_base::Abs::abs(BigInt::from(i))),
            }),
            Some(IntRef::Big(b)) => Ok(self.new_int(dashu_base::Abs::abs(b.clone()))),
            None => Err(self.bad_unary_operand("abs()", v)),
        }
    }

    fn bad_unary_operand(&self, what: &str, v: &Value) -> PyErr {
        self.type_error(format!(
            "bad operand type for {what}: '{}'",
            self.type_name(v)
        ))
    }
}
