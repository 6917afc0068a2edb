//! `complex(...)` construction (numbers, strings, `__complex__`/`__float__`/`__index__`,
//! keywords), `complex.from_number`, the methods (`conjugate`, `__format__`...), the
//! arithmetic and comparison dunders as callable methods, and `real`/`imag`.

use adder_numeric::complex::{parse_complex, Complex};
use adder_numeric::complex_format::format_complex;

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::objects::complex::{self, as_complex, new_complex};
use crate::objects::float_new::new_float;
use crate::objects::function::{Args, NativeFn};
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::protocol::compare::CmpOp;
use crate::protocol::number::{as_float, as_int, BinOp};
use crate::value::Value;
use crate::vm::Vm;

/// `__add__`/`__radd__`... for one operator: the method form of `binary`.
macro_rules! binary_dunders {
    ($($name:ident, $rname:ident => $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let (z, other) = receiver_and_one(vm, &args, stringify!($name))?;
                let r = complex::binary(vm, &z, &other, $op)?;
                not_implemented_unless(vm, r)
            }
            fn $rname(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let (z, other) = receiver_and_one(vm, &args, stringify!($rname))?;
                let r = complex::binary(vm, &other, &z, $op)?;
                not_implemented_unless(vm, r)
            }
        )*
    };
}

binary_dunders! {
    dunder_add, dunder_radd => BinOp::Add;
    dunder_sub, dunder_rsub => BinOp::Sub;
    dunder_mul, dunder_rmul => BinOp::Mul;
    dunder_truediv, dunder_rtruediv => BinOp::TrueDiv;
}

/// `__eq__`/`__lt__`...: NotImplemented for orderings and foreign types.
macro_rules! compare_dunders {
    ($($name:ident => $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let (z, other) = receiver_and_one(vm, &args, stringify!($name))?;
                let z = as_complex(&z).unwrap_or(Complex::new(0.0, 0.0));
                Ok(complex::compare(z, &other, $op)
                    .map_or_else(|| vm.types().not_implemented.clone(), Value::Bool))
            }
        )*
    };
}

compare_dunders! {
    dunder_eq => CmpOp::Eq;
    dunder_ne => CmpOp::Ne;
    dunder_lt => CmpOp::Lt;
    dunder_le => CmpOp::Le;
    dunder_gt => CmpOp::Gt;
    dunder_ge => CmpOp::Ge;
}

pub fn install(vm: &Vm) {
    let ty = vm.types().complex.clone();
    const METHODS: &[(&str, NativeFn)] = &[
        ("conjugate", conjugate),
        ("__complex__", dunder_complex),
        ("__format__", dunder_format),
        ("__getnewargs__", getnewargs),
        ("__abs__", dunder_abs),
        ("__bool__", dunder_bool),
        ("__hash__", dunder_hash),
        ("__neg__", dunder_neg),
        ("__pos__", dunder_pos),
        ("__repr__", dunder_repr),
        ("__pow__", dunder_pow),
        ("__rpow__", dunder_rpow),
        ("__add__", dunder_add),
        ("__radd__", dunder_radd),
        ("__sub__", dunder_sub),
        ("__rsub__", dunder_rsub),
        ("__mul__", dunder_mul),
        ("__rmul__", dunder_rmul),
        ("__truediv__", dunder_truediv),
        ("__rtruediv__", dunder_rtruediv),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__lt__", dunder_lt),
        ("__le__", dunder_le),
        ("__gt__", dunder_gt),
        ("__ge__", dunder_ge),
    ];
    add_methods(vm, &ty, METHODS);
    crate::objects::dict_methods::add_class_methods(vm, &ty, &[("from_number", from_number)]);
}

/// `real` and `imag` of a complex.
pub fn attribute(vm: &Vm, v: &Value, name: &str) -> Option<Value> {
    let z = as_complex(v)?;
    match name {
        "real" => Some(new_float(vm, z.re)),
        "imag" => Some(new_float(vm, z.im)),
        _ => None,
    }
}

/// `format(z, spec)`.
pub fn format(vm: &Vm, z: Complex, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(complex::repr(z));
    }
    format_complex(z, spec).map_err(|e| vm.num_error(e))
}

fn descriptor_error(vm: &Vm, name: &str, recv: &Value) -> crate::error::PyErr {
    vm.type_error(format!(
        "descriptor '{name}' for 'complex' objects doesn't apply to a '{}' object",
        vm.type_name(recv)
    ))
}

fn receiver(vm: &Vm, args: &Args, name: &'static str) -> PyResult<Complex> {
    let method = MethodName {
        owner: "complex",
        name,
    };
    let (recv, _) = bind(vm, args, method, &Shape::NoArgs)?;
    as_complex(recv).ok_or_else(|| descriptor_error(vm, name, recv))
}

fn receiver_and_one(vm: &Vm, args: &Args, name: &'static str) -> PyResult<(Value, Value)> {
    let method = MethodName {
        owner: "complex",
        name,
    };
    let (recv, rest) = bind(vm, args, method, &Shape::One)?;
    if as_complex(recv).is_none() {
        return Err(descriptor_error(vm, name, recv));
    }
    Ok((recv.clone(), rest[0].cloned().unwrap_or(Value::None)))
}

fn not_implemented_unless(vm: &Vm, r: Option<Value>) -> PyResult<Value> {
    Ok(r.unwrap_or_else(|| vm.types().not_implemented.clone()))
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "conjugate")?;
    Ok(new_complex(vm, Complex::new(z.re, -z.im)))
}

fn dunder_complex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "__complex__")?;
    Ok(new_complex(vm, z))
}

fn getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "__getnewargs__")?;
    let parts = vec![new_float(vm, z.re), new_float(vm, z.im)];
    Ok(vm.new_tuple(parts))
}

fn dunder_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "__abs__")?;
    complex::abs(vm, z)
}

fn dunder_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "__bool__")?;
    Ok(Value::Bool(complex::is_true(z)))
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "__hash__")?;
    Ok(Value::Int(complex::hash(z, &args.pos()[0])))
}

fn dunder_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "__neg__")?;
    Ok(new_complex(vm, Complex::new(-z.re, -z.im)))
}

fn dunder_pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "__pos__")?;
    Ok(new_complex(vm, z))
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "__repr__")?;
    Ok(vm.new_str(&complex::repr(z)))
}

/// `__pow__(other, mod=None)`: a modulus is always an error for complex numbers.
fn pow_impl(vm: &mut Vm, args: &Args, name: &'static str, reflected: bool) -> PyResult<Value> {
    let method = MethodName {
        owner: "complex",
        name,
    };
    let (recv, rest) = bind(vm, args, method, &Shape::Positional { min: 1, max: 2 })?;
    if as_complex(recv).is_none() {
        return Err(descriptor_error(vm, name, recv));
    }
    if rest.get(1).copied().flatten().is_some_and(|m| !m.is_none()) {
        return Err(vm.value_error("complex modulo"));
    }
    let other = rest[0].cloned().unwrap_or(Value::None);
    let (a, b) = if reflected {
        (&other, recv)
    } else {
        (recv, &other)
    };
    let r = complex::binary(vm, a, b, BinOp::Pow)?;
    not_implemented_unless(vm, r)
}

fn dunder_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pow_impl(vm, &args, "__pow__", false)
}

fn dunder_rpow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pow_impl(vm, &args, "__rpow__", true)
}

fn dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let method = MethodName {
        owner: "complex",
        name: "__format__",
    };
    let (recv, rest) = bind(vm, &args, method, &Shape::One)?;
    let z = as_complex(recv).ok_or_else(|| descriptor_error(vm, "__format__", recv))?;
    let spec = rest[0].cloned().unwrap_or(Value::None);
    let Some(spec) = spec.as_obj().and_then(|o| o.as_str()) else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&spec)
        )));
    };
    let text = format(vm, z, spec.as_str())?;
    Ok(vm.new_str(&text))
}

/// A real number's value for `complex()`: float, int, or a class with `__float__` or
/// `__index__`; `None` when `v` is not a real number.
fn real_value(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = as_float(v) {
        return Ok(Some(f));
    }
    if let Some(i) = as_int(v) {
        return vm.int_to_f64(&i).map(Some);
    }
    if let Some(m) = vm.lookup_special_heap(v, "__float__") {
        let r = vm.call_method_value(&m, v, &[])?;
        return match as_float(&r) {
            Some(f) => Ok(Some(f)),
            None => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&r)
            ))),
        };
    }
    if let Some(m) = vm.lookup_special_heap(v, "__index__") {
        let r = vm.call_method_value(&m, v, &[])?;
        return match as_int(&r) {
            Some(i) => vm.int_to_f64(&i).map(Some),
            None => Err(vm.type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Ok(None)
}

/// A class's `__complex__` result, if it defines one.
fn special_complex(vm: &mut Vm, v: &Value) -> PyResult<Option<Complex>> {
    let Some(m) = vm.lookup_special_heap(v, "__complex__") else {
        return Ok(None);
    };
    let r = vm.call_method_value(&m, v, &[])?;
    match as_complex(&r) {
        Some(z) => Ok(Some(z)),
        None => Err(vm.type_error(format!(
            "__complex__ returned non-complex (type {})",
            vm.type_name(&r)
        ))),
    }
}

/// One argument of `complex(real, imag)`: a complex or a real number.
enum NumberArg {
    Complex(Complex),
    Real(f64),
}

impl NumberArg {
    fn to_complex(&self) -> Complex {
        match *self {
            NumberArg::Complex(z) => z,
            NumberArg::Real(r) => Complex::new(r, 0.0),
        }
    }
}

fn number_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<NumberArg>> {
    if let Some(z) = special_complex(vm, v)? {
        return Ok(Some(NumberArg::Complex(z)));
    }
    if let Some(z) = as_complex(v) {
        return Ok(Some(NumberArg::Complex(z)));
    }
    Ok(real_value(vm, v)?.map(NumberArg::Real))
}

/// `complex(real=0, imag=0)` / `complex(string)`.
pub fn construct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() + args.kwnames.len() > 2 {
        return Err(vm.type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            pos.len() + args.kwnames.len()
        )));
    }
    let mut slots: [Option<&Value>; 2] = [pos.first(), pos.get(1)];
    for (k, v) in args.kwargs() {
        let index = match name_str(k) {
            "real" => 0,
            "imag" => 1,
            _ => return Err(unexpected_keyword(vm, "complex", k)),
        };
        if slots[index].is_some() {
            return Err(vm.type_error(format!(
                "argument for complex() given by name ('{}') and position ({})",
                name_str(k),
                index + 1
            )));
        }
        slots[index] = Some(v);
    }
    let z = complex_from(vm, slots[0], slots[1])?;
    Ok(new_complex(vm, z))
}

fn complex_from(vm: &mut Vm, real: Option<&Value>, imag: Option<&Value>) -> PyResult<Complex> {
    let real_is_str = real.and_then(|r| r.as_obj()).and_then(|o| o.as_str());
    if let Some(text) = real_is_str {
        if imag.is_some() {
            return Err(vm.type_error(format!(
                "complex() argument 'real' must be a real number, not {}",
                vm.type_name(real.unwrap_or(&Value::None))
            )));
        }
        let text = text.as_str().to_string();
        return parse_complex(&text, || crate::objects::repr::str_repr(&text))
            .map_err(|e| vm.num_error(e));
    }
    let r = match real {
        None => NumberArg::Real(0.0),
        Some(v) => number_arg(vm, v)?.ok_or_else(|| {
            if imag.is_some() {
                vm.type_error(format!(
                    "complex() argument 'real' must be a real number, not {}",
                    vm.type_name(v)
                ))
            } else {
                vm.type_error(format!(
                    "complex() argument must be a string or a number, not {}",
                    vm.type_name(v)
                ))
            }
        })?,
    };
    let Some(imag) = imag else {
        return Ok(r.to_complex());
    };
    let i = number_arg(vm, imag)?.ok_or_else(|| {
        vm.type_error(format!(
            "complex() argument 'imag' must be a real number, not {}",
            vm.type_name(imag)
        ))
    })?;
    // real + imag*1j: a complex argument contributes its other part too; a real one
    // leaves the other part's sign alone (`complex(1.5, -0.0)` keeps the -0.0).
    let (mut re, mut im) = (r.to_complex().re, i.to_complex().re);
    if let NumberArg::Complex(zi) = i {
        re -= zi.im;
    }
    if let NumberArg::Complex(zr) = r {
        im += zr.im;
    }
    Ok(Complex::new(re, im))
}

/// `complex.from_number(number)`: a number (not a string) as a complex of `cls`.
fn from_number(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let method = MethodName {
        owner: "complex",
        name: "from_number",
    };
    let (class, rest) = bind(vm, &args, method, &Shape::One)?;
    let class = class.clone();
    let number = rest[0].cloned().unwrap_or(Value::None);
    let Some(z) = number_arg(vm, &number)?.map(|n| n.to_complex()) else {
        return Err(vm.type_error(format!(
            "must be real number, not {}",
            vm.type_name(&number)
        )));
    };
    let made = new_complex(vm, z);
    if class.is(&Value::Obj(vm.types().complex.clone())) {
        return Ok(made);
    }
    vm.call(&class, &[made])
}
