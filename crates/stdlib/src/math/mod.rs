//! The `math` module: CPython's `Modules/mathmodule.c` (same algorithms where the
//! bits of the result depend on them, same error messages).

mod float_funcs;
mod gamma;
mod integer;
pub(crate) mod libm;
mod rounding;
mod sums;

use adder_vm::native_module::{add_functions, add_values};
use adder_vm::object::ObjRef;
use adder_vm::objects::float_new::new_float;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use float_funcs::{binary, unary, Unary};
use gamma::GammaError;

use crate::arity;
use crate::number_args::to_f64;

const FINITE: Option<&str> = Some("expected a finite input");
const UNIT_RANGE: Option<&str> = Some("expected a number in range from -1 up to 1");

/// Define `math.NAME(x)` as a libm function with CPython's error reporting.
macro_rules! unary_fns {
    ($($name:ident: $func:expr, $overflow:expr, $domain:expr;)*) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            unary(vm, args, &Unary {
                qualname: concat!("math.", stringify!($name)),
                func: $func,
                can_overflow: $overflow,
                domain: $domain,
            })
        }
    )*};
}

unary_fns! {
    acos: f64::acos, false, UNIT_RANGE;
    asin: f64::asin, false, UNIT_RANGE;
    acosh: libm::acosh, false, Some("expected argument value not less than 1");
    asinh: libm::asinh, false, None;
    atan: f64::atan, false, None;
    atanh: libm::atanh, false, Some("expected a number between -1 and 1");
    cbrt: f64::cbrt, false, None;
    cos: f64::cos, false, FINITE;
    sin: f64::sin, false, FINITE;
    tan: f64::tan, false, FINITE;
    cosh: f64::cosh, true, None;
    sinh: f64::sinh, true, None;
    tanh: f64::tanh, false, None;
    exp: f64::exp, true, None;
    exp2: f64::exp2, true, None;
    expm1: f64::exp_m1, true, None;
    fabs: f64::abs, false, None;
    log1p: f64::ln_1p, false, Some("expected argument value > -1");
    sqrt: f64::sqrt, false, Some("expected a nonnegative input");
}

/// erf and erfc: libm, which reports no errors CPython would raise.
fn erf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.erf")?;
    let x = to_f64(vm, v)?;
    Ok(new_float(vm, libm::erf(x)))
}

fn erfc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.erfc")?;
    let x = to_f64(vm, v)?;
    Ok(new_float(vm, libm::erfc(x)))
}

const GAMMA_DOMAIN: &str = "expected a noninteger or positive integer";

fn gamma_result(vm: &Vm, x: f64, r: Result<f64, GammaError>) -> PyResult<Value> {
    match r {
        Ok(r) => Ok(new_float(vm, r)),
        Err(GammaError::Domain) => Err(float_funcs::domain_error(vm, Some(GAMMA_DOMAIN), x)),
        Err(GammaError::Range) => Err(float_funcs::range_error(vm)),
    }
}

fn gamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.gamma")?;
    let x = to_f64(vm, v)?;
    gamma_result(vm, x, gamma::tgamma(x))
}

fn lgamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.lgamma")?;
    let x = to_f64(vm, v)?;
    gamma_result(vm, x, gamma::lgamma(x))
}

fn atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, args, "atan2", float_funcs::atan2)
}

fn copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, args, "copysign", f64::copysign)
}

fn remainder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, args, "remainder", float_funcs::remainder)
}

/// A predicate on one float argument.
fn float_map(vm: &mut Vm, args: Args, qualname: &str, f: fn(f64) -> Value) -> PyResult<Value> {
    let v = arity::one(vm, &args, qualname)?;
    Ok(f(to_f64(vm, v)?))
}

fn degrees(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.degrees")?;
    let x = to_f64(vm, v)?;
    Ok(new_float(vm, x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arity::one(vm, &args, "math.radians")?;
    let x = to_f64(vm, v)?;
    Ok(new_float(vm, x * (std::f64::consts::PI / 180.0)))
}

fn isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    float_map(vm, args, "math.isfinite", |x| Value::Bool(x.is_finite()))
}

fn isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    float_map(vm, args, "math.isinf", |x| Value::Bool(x.is_infinite()))
}

fn isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    float_map(vm, args, "math.isnan", |x| Value::Bool(x.is_nan()))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("acos", acos),
    ("acosh", acosh),
    ("asin", asin),
    ("asinh", asinh),
    ("atan", atan),
    ("atan2", atan2),
    ("atanh", atanh),
    ("cbrt", cbrt),
    ("ceil", rounding::ceil),
    ("comb", integer::comb),
    ("copysign", copysign),
    ("cos", cos),
    ("cosh", cosh),
    ("degrees", degrees),
    ("dist", sums::dist),
    ("erf", erf),
    ("erfc", erfc),
    ("exp", exp),
    ("exp2", exp2),
    ("expm1", expm1),
    ("fabs", fabs),
    ("factorial", integer::factorial),
    ("floor", rounding::floor),
    ("fma", float_funcs::fma),
    ("fmod", float_funcs::fmod),
    ("frexp", rounding::frexp),
    ("fsum", sums::fsum),
    ("gamma", gamma),
    ("gcd", integer::gcd),
    ("hypot", sums::hypot),
    ("isclose", rounding::isclose),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
    ("isqrt", integer::isqrt),
    ("lcm", integer::lcm),
    ("ldexp", rounding::ldexp),
    ("lgamma", lgamma),
    ("log", rounding::log),
    ("log10", rounding::log10),
    ("log1p", log1p),
    ("log2", rounding::log2),
    ("modf", rounding::modf),
    ("nextafter", rounding::nextafter),
    ("perm", integer::perm),
    ("pow", float_funcs::pow),
    ("prod", sums::prod),
    ("radians", radians),
    ("remainder", remainder),
    ("sin", sin),
    ("sinh", sinh),
    ("sqrt", sqrt),
    ("sumprod", sums::sumprod),
    ("tan", tan),
    ("tanh", tanh),
    ("trunc", rounding::trunc),
    ("ulp", rounding::ulp),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    // One heap NaN: `math.nan is math.nan`, but it is no other NaN.
    let nan = new_float(vm, f64::NAN);
    add_values(
        vm,
        module,
        &[
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", nan),
        ],
    );
    Ok(())
}
