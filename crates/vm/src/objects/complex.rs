//! The `complex` type's values and the protocols the VM reaches directly: arithmetic
//! mixed with int and float (CPython 3.14 keeps a real operand real, so signed zeros
//! come out as it gives them), `==` against every number, hash, truth and repr.
//! Construction and the methods are in `complex_methods.rs`.

use adder_numeric::complex::{self as cmath, Complex};
use adder_numeric::hash::hash_complex;

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::protocol::compare::{float_int_holds, CmpOp};
use crate::protocol::number::{as_float, as_int, BinOp};
use crate::value::Value;
use crate::vm::Vm;

pub fn new_complex(vm: &Vm, z: Complex) -> Value {
    Value::obj(PyObject::new(
        vm.types().complex.clone(),
        Payload::Complex(z),
    ))
}

/// The value of a complex (or complex subclass instance).
pub fn as_complex(v: &Value) -> Option<Complex> {
    match v.payload() {
        Some(Payload::Complex(z)) => Some(*z),
        _ => None,
    }
}

/// An arithmetic operand next to a complex: a complex, or a real (int or float).
#[derive(Clone, Copy)]
enum Operand {
    Complex(Complex),
    Real(f64),
}

impl Operand {
    fn to_complex(self) -> Complex {
        match self {
            Operand::Complex(z) => z,
            Operand::Real(r) => Complex::new(r, 0.0),
        }
    }
}

/// `v` as an operand; `None` for a type complex arithmetic does not accept
/// (NotImplemented). Ints too large for a float raise OverflowError, as CPython.
fn operand(vm: &Vm, v: &Value) -> PyResult<Option<Operand>> {
    if let Some(z) = as_complex(v) {
        return Ok(Some(Operand::Complex(z)));
    }
    if let Some(f) = as_float(v) {
        return Ok(Some(Operand::Real(f)));
    }
    match as_int(v) {
        Some(i) => Ok(Some(Operand::Real(vm.int_to_f64(&i)?))),
        None => Ok(None),
    }
}

/// `a <op> b` when either side is a complex; `None` is NotImplemented.
pub fn binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if as_complex(a).is_none() && as_complex(b).is_none() {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else {
        return Ok(None);
    };
    let result = match op {
        BinOp::Add => add(x, y),
        BinOp::Sub => add(x, negate(y)),
        BinOp::Mul => multiply(x, y),
        BinOp::TrueDiv => divide(x, y),
        BinOp::Pow => cmath::pow(x.to_complex(), y.to_complex()),
        _ => return Ok(None),
    };
    result
        .map(|z| Some(new_complex(vm, z)))
        .map_err(|e| vm.num_error(e))
}

/// `x ** y` for floats whose result is complex (a negative base, a fractional power).
pub fn real_pow(vm: &Vm, x: f64, y: f64) -> PyResult<Value> {
    cmath::pow(Complex::new(x, 0.0), Complex::new(y, 0.0))
        .map(|z| new_complex(vm, z))
        .map_err(|e| vm.num_error(e))
}

/// `-x`, keeping a real operand real.
fn negate(x: Operand) -> Operand {
    match x {
        Operand::Complex(z) => Operand::Complex(Complex::new(-z.re, -z.im)),
        Operand::Real(r) => Operand::Real(-r),
    }
}

type NumResult = adder_numeric::NumResult<Complex>;

/// A real operand adds only to the real part (the imaginary part keeps its sign).
fn add(x: Operand, y: Operand) -> NumResult {
    Ok(match (x, y) {
        (Operand::Complex(a), Operand::Complex(b)) => Complex::new(a.re + b.re, a.im + b.im),
        (Operand::Complex(z), Operand::Real(r)) | (Operand::Real(r), Operand::Complex(z)) => {
            Complex::new(z.re + r, z.im)
        }
        (Operand::Real(a), Operand::Real(b)) => Complex::new(a + b, 0.0),
    })
}

fn multiply(x: Operand, y: Operand) -> NumResult {
    Ok(match (x, y) {
        (Operand::Complex(a), Operand::Complex(b)) => cmath::mul(a, b),
        (Operand::Complex(z), Operand::Real(r)) | (Operand::Real(r), Operand::Complex(z)) => {
            cmath::mul_real(z, r)
        }
        (Operand::Real(a), Operand::Real(b)) => Complex::new(a * b, 0.0),
    })
}

fn divide(x: Operand, y: Operand) -> NumResult {
    match (x, y) {
        (Operand::Complex(a), Operand::Complex(b)) => cmath::div(a, b),
        (Operand::Complex(z), Operand::Real(r)) => cmath::div_by_real(z, r),
        (Operand::Real(r), Operand::Complex(z)) => cmath::real_div(r, z),
        (Operand::Real(a), Operand::Real(b)) => cmath::div_by_real(Complex::new(a, 0.0), b),
    }
}

/// `==`/`!=` with a complex on the left; `None` is NotImplemented (also for ordering,
/// which complex numbers do not have). An int is compared exactly, not as a float.
pub fn compare(z: Complex, other: &Value, op: CmpOp) -> Option<bool> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return None;
    }
    let equal = if let Some(w) = as_complex(other) {
        z == w
    } else if let Some(f) = as_float(other) {
        z.im == 0.0 && z.re == f
    } else if let Some(i) = as_int(other) {
        z.im == 0.0 && float_int_holds(CmpOp::Eq, z.re, &i)
    } else {
        return None;
    };
    Some(equal == (op == CmpOp::Eq))
}

/// `a <op> b` for the built-in comparison when either side is a complex.
pub fn rich_compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    match (as_complex(a), as_complex(b)) {
        (Some(z), _) => compare(z, b, op),
        (None, Some(z)) => compare(z, a, op.swapped()),
        (None, None) => None,
    }
}

/// `hash(z)`: equal to the hash of an equal int or float.
pub fn hash(z: Complex, v: &Value) -> i64 {
    hash_complex(z.re, z.im, v.id() as usize)
}

/// `abs(z)`.
pub fn abs(vm: &Vm, z: Complex) -> PyResult<Value> {
    cmath::abs(z)
        .map(|r| crate::objects::float_new::new_float(vm, r))
        .map_err(|e| vm.num_error(e))
}

pub fn repr(z: Complex) -> String {
    cmath::complex_repr(z)
}

pub fn is_true(z: Complex) -> bool {
    z.re != 0.0 || z.im != 0.0
}
