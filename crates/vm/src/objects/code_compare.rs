//! Equality and hashing of code objects, as CPython's `code_richcompare`/`code_hash`:
//! two code objects are equal when their name, argument counts, flags, first line,
//! bytecode, constants, names, fast-local names, positions and exception tables are;
//! `co_qualname`, `co_filename` and `co_stacksize` do not count.

use crate::error::PyResult;
use crate::frame::code_data;
use crate::object::{ObjRef, Payload};
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

/// `a == b` for two code objects.
pub fn equal(vm: &mut Vm, a: &ObjRef, b: &ObjRef) -> PyResult<bool> {
    if std::rc::Rc::ptr_eq(a, b) {
        return Ok(true);
    }
    let (x, y) = (code_data(a), code_data(b));
    let (cx, cy) = (&x.code, &y.code);
    let same_shape = cx.name == cy.name
        && cx.argcount == cy.argcount
        && cx.posonlyargcount == cy.posonlyargcount
        && cx.kwonlyargcount == cy.kwonlyargcount
        && cx.flags == cy.flags
        && cx.firstlineno == cy.firstlineno
        && cx.code == cy.code
        && cx.localsplus_names == cy.localsplus_names
        && cx.linetable == cy.linetable
        && cx.exception_table == cy.exception_table
        && x.names.len() == y.names.len()
        && x.names
            .iter()
            .zip(&y.names)
            .all(|(m, n)| name_str(m) == name_str(n))
        && x.consts.len() == y.consts.len();
    if !same_shape {
        return Ok(false);
    }
    let pairs: Vec<(Value, Value)> = x
        .consts
        .iter()
        .cloned()
        .zip(y.consts.iter().cloned())
        .collect();
    vm.enter_native()?;
    let result = all_same_constants(vm, &pairs);
    vm.leave_native();
    result
}

fn all_same_constants(vm: &mut Vm, pairs: &[(Value, Value)]) -> PyResult<bool> {
    for (a, b) in pairs {
        if !same_constant(vm, a, b)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// CPython's `_PyCode_ConstantKey` comparison: the same type and value, with `0.0` and
/// `-0.0` (and `1`, `1.0`, `True`) told apart, containers compared item by item, and
/// other objects by identity.
fn same_constant(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if !std::rc::Rc::ptr_eq(&vm.type_of(a), &vm.type_of(b)) {
        return Ok(false);
    }
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => {
            return Ok(x.to_bits() == y.to_bits() || x == y && *x != 0.0)
        }
        (Value::Int(x), Value::Int(y)) => return Ok(x == y),
        (Value::Bool(x), Value::Bool(y)) => return Ok(x == y),
        _ => {}
    }
    match (a.payload(), b.payload()) {
        (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => {
            if x.len() != y.len() {
                return Ok(false);
            }
            let pairs: Vec<(Value, Value)> = x.iter().cloned().zip(y.iter().cloned()).collect();
            // Nested tuple constants recurse in Rust: bound the depth.
            vm.enter_native()?;
            let same = all_same_constants(vm, &pairs);
            vm.leave_native();
            same
        }
        (Some(Payload::Code(_)), Some(Payload::Code(_))) => match (a, b) {
            (Value::Obj(x), Value::Obj(y)) => equal(vm, x, y),
            _ => Ok(false),
        },
        (
            Some(
                Payload::Str(_)
                | Payload::Bytes(_)
                | Payload::Int(_)
                | Payload::Complex(_)
                | Payload::Set(_)
                | Payload::Slice(_),
            ),
            _,
        ) => vm.eq(a, b),
        _ => Ok(false),
    }
}

/// `hash(code)`: built from the fields equality compares (not the constants, so that
/// equal code objects always hash alike without hashing arbitrary objects).
pub fn hash(code: &ObjRef) -> i64 {
    let data = code_data(code);
    let co = &data.code;
    let mut state: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |bytes: &[u8]| {
        for &b in bytes {
            state = (state ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    mix(co.name.as_bytes());
    for number in [
        co.argcount,
        co.posonlyargcount,
        co.kwonlyargcount,
        co.flags,
        co.firstlineno,
    ] {
        mix(&number.to_le_bytes());
    }
    for unit in &co.code {
        mix(&[unit.op, unit.arg]);
    }
    for name in &data.names {
        mix(name_str(name).as_bytes());
    }
    // -1 is reserved for errors in CPython's hash protocol.
    match state as i64 {
        -1 => -2,
        h => h,
    }
}
