//! The C library's functions that Rust's standard library does not expose, or
//! computes differently from the platform libm that CPython calls (`asinh`,
//! `acosh`, `atanh` are formulas in Rust's std; `erf`, `erfc`, `ldexp`, `frexp`
//! are missing).

mod ffi {
    extern "C" {
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn ldexp(x: f64, exp: i32) -> f64;
        pub fn frexp(x: f64, exp: *mut i32) -> f64;
    }
}

macro_rules! safe_libm {
    ($($name:ident),*) => {$(
        /// The platform libm's function of the same name.
        pub fn $name(x: f64) -> f64 {
            // SAFETY: a pure C function of one double, defined for every input.
            unsafe { ffi::$name(x) }
        }
    )*};
}

safe_libm!(asinh, acosh, atanh, erf, erfc);

/// `x * 2**exp`, rounded once.
pub fn ldexp(x: f64, exp: i32) -> f64 {
    // SAFETY: a pure C function, defined for every input.
    unsafe { ffi::ldexp(x, exp) }
}

/// Mantissa in [0.5, 1) and exponent; zeros, infinities and NaN come back unchanged
/// with exponent 0.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let mut e = 0i32;
    // SAFETY: `e` is a valid, exclusive pointer for the duration of the call.
    let m = unsafe { ffi::frexp(x, &mut e) };
    (m, e)
}
