//! The specialised forms of the hot instructions (CPython's `BINARY_OP_ADD_INT`,
//! `COMPARE_OP_FLOAT`, `BINARY_OP_SUBSCR_LIST_INT`, `TO_BOOL_INT`...): each answers for
//! the operand types it knows, or returns `None` to send the instruction down its
//! general path, which gives the same result (and raises the same errors).

use adder_bytecode::{CodeUnit, Opcode};

use crate::object::{ObjRef, Payload};
use crate::value::{Scalar, Value};
use crate::vm::Vm;

use super::decode;

/// `BINARY_OP` on two unboxed ints, when the result needs no big int and no error.
#[inline(always)]
pub(super) fn small_int_binop(arg: u32, a: i64, b: i64) -> Option<Scalar> {
    match arg {
        0 | 13 => a.checked_add(b).map(Scalar::int),
        10 | 23 => a.checked_sub(b).map(Scalar::int),
        5 | 18 => a.checked_mul(b).map(Scalar::int),
        1 | 14 => Some(Scalar::int(a & b)),
        7 | 20 => Some(Scalar::int(a | b)),
        12 | 25 => Some(Scalar::int(a ^ b)),
        2 | 15 if b > 0 => Some(Scalar::int(a.div_euclid(b))),
        6 | 19 if b > 0 => Some(Scalar::int(a.rem_euclid(b))),
        // Shifts that keep every bit: a right shift never overflows; a left shift
        // only when the bits shifted out are copies of the sign.
        9 | 22 if (0..64).contains(&b) => Some(Scalar::int(a >> b)),
        3 | 16 if (0..63).contains(&b) && (a << b) >> b == a => Some(Scalar::int(a << b)),
        _ => None,
    }
}

/// `BINARY_OP` on two floats for the operators and operands that cannot fail.
///
/// A NaN result (`inf - inf`, `0 * inf`...) must be a new heap float with its own
/// identity (see `objects::float_new`), so it is left to the general path: one
/// predictable branch on the result.
#[inline(always)]
pub(super) fn float_binop(arg: u32, a: f64, b: f64) -> Option<Scalar> {
    let r = match arg {
        0 | 13 => a + b,
        10 | 23 => a - b,
        5 | 18 => a * b,
        11 | 24 if b != 0.0 => a / b,
        // `**` with a positive finite base and a finite exponent: the C `pow` result,
        // as CPython's `float_pow`, unless it overflowed (OverflowError, general path).
        8 | 21 if a > 0.0 && a.is_finite() && b.is_finite() => {
            Some(a.powf(b)).filter(|r| r.is_finite())?
        }
        _ => return None,
    };
    if r.is_nan() {
        return None;
    }
    Some(Scalar::float(r))
}

/// `BINARY_OP` on two scalars (int/float mixes included), when no error is possible.
#[inline(always)]
pub(super) fn scalar_binop(arg: u32, a: &Value, b: &Value) -> Option<Scalar> {
    match (a, b) {
        (Value::Int(a), Value::Int(b)) => small_int_binop(arg, *a, *b),
        (Value::Float(a), Value::Float(b)) => float_binop(arg, *a, *b),
        (Value::Float(a), Value::Int(b)) => float_binop(arg, *a, *b as f64),
        (Value::Int(a), Value::Float(b)) => float_binop(arg, *a as f64, *b),
        _ => None,
    }
}

/// `COMPARE_OP` on two unboxed ints or two floats (`arg >> 5` picks the operator).
#[inline(always)]
fn compare_scalars<T: PartialOrd>(arg: u32, a: T, b: T) -> Option<bool> {
    Some(match arg >> 5 {
        0 => a < b,
        1 => a <= b,
        2 => a == b,
        3 => a != b,
        4 => a > b,
        5 => a >= b,
        _ => return None,
    })
}

/// `COMPARE_OP` on two ints or two floats.
#[inline(always)]
pub(super) fn scalar_compare(arg: u32, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(a), Value::Int(b)) => compare_scalars(arg, *a, *b),
        (Value::Float(a), Value::Float(b)) => compare_scalars(arg, *a, *b),
        _ => None,
    }
}

/// `TO_BOOL` for the values whose truth needs no method call.
#[inline(always)]
pub(super) fn scalar_truth(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Int(i) => Some(*i != 0),
        Value::None => Some(false),
        _ => None,
    }
}

/// Whether `o`'s class is exactly `ty` (not a subclass, which may override the
/// operation being specialised).
#[inline(always)]
fn class_is(o: &ObjRef, ty: &ObjRef) -> bool {
    o.class
        .try_borrow()
        .is_ok_and(|c| c.as_ref().is_some_and(|c| std::rc::Rc::ptr_eq(c, ty)))
}

/// Whether `o` is exactly a `str`.
#[inline(always)]
pub(super) fn is_exact_str(vm: &Vm, o: &ObjRef) -> bool {
    matches!(o.payload, Payload::Str(_)) && class_is(o, &vm.types().str_)
}

/// A Python index made non-negative for a sequence of `len` items, if in range.
#[inline(always)]
fn in_range(i: i64, len: usize) -> Option<usize> {
    let index = if i < 0 { i.wrapping_add(len as i64) } else { i };
    usize::try_from(index).ok().filter(|&k| k < len)
}

/// `list[i]` / `tuple[i]` for an exact list or tuple and an in-range index.
#[inline(always)]
pub(super) fn exact_sequence_item(vm: &Vm, o: &ObjRef, i: i64) -> Option<Value> {
    match &o.payload {
        Payload::List(l) if class_is(o, &vm.types().list) => {
            let items = l.try_borrow().ok()?;
            in_range(i, items.len()).map(|k| items[k].clone())
        }
        Payload::Tuple(t) if class_is(o, &vm.types().tuple) => {
            in_range(i, t.len()).map(|k| t[k].clone())
        }
        _ => None,
    }
}

/// `list[i] = value` for an exact list and an in-range index; gives `value` back when
/// the general path must handle it.
#[inline(always)]
pub(super) fn store_exact_list_item(
    vm: &Vm,
    o: &ObjRef,
    i: i64,
    value: Value,
) -> Result<(), Value> {
    let Payload::List(l) = &o.payload else {
        return Err(value);
    };
    if !class_is(o, &vm.types().list) {
        return Err(value);
    }
    let Ok(mut items) = l.try_borrow_mut() else {
        return Err(value);
    };
    match in_range(i, items.len()) {
        Some(k) => {
            // The old item is dropped after the list is released: its destructor may
            // look at the list.
            let old = std::mem::replace(&mut items[k], value);
            drop(items);
            drop(old);
            Ok(())
        }
        None => Err(value),
    }
}

/// `s += t` on two strs followed by `STORE_FAST` back into `s`'s own variable (CPython's
/// BINARY_OP_INPLACE_ADD_UNICODE): the variable's reference is dropped first, so when
/// the stack holds the only reference the text is appended in place instead of copied.
/// `operands` are the stack's two top values, `variable` the local the result goes
/// to; on success the operands are left as NULLs and the result is returned.
pub(super) fn concat_in_place(
    operands: &mut [Value; 2],
    locals: &mut [Value],
    next: Option<CodeUnit>,
) -> Option<Value> {
    let next = next?;
    if decode(next) != Opcode::StoreFast {
        return None;
    }
    let variable = locals.get_mut(next.arg as usize)?;
    let same_object = match (&*variable, &operands[0]) {
        (Value::Obj(x), Value::Obj(y)) => std::rc::Rc::ptr_eq(x, y),
        _ => false,
    };
    if !same_object {
        return None;
    }
    // The variable holds the same object as the left operand: let go of it, so that
    // the operand may be the only reference (it is put back below if not).
    *variable = Value::Null;
    let [left, right] = operands;
    let appended = match (&mut *left, right.payload()) {
        (Value::Obj(rc), Some(Payload::Str(tail))) => match std::rc::Rc::get_mut(rc) {
            Some(obj) => match &mut obj.payload {
                Payload::Str(s) => {
                    s.push_str(tail);
                    true
                }
                _ => false,
            },
            None => false,
        },
        _ => false,
    };
    if appended {
        *right = Value::Null;
        return Some(std::mem::replace(left, Value::Null));
    }
    // Someone else holds the string: restore the variable.
    *variable = left.clone();
    None
}
