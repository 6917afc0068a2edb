# math: results, bit for bit, for representative and special inputs.
import math

inf = float('inf')
nan = float('nan')
PLATFORM = {'acosh', 'asinh', 'atanh', 'cbrt', 'erf', 'erfc'}

for name in ['acos', 'asin', 'atan', 'acosh', 'asinh', 'atanh', 'cos', 'sin', 'tan',
             'cosh', 'sinh', 'tanh', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10',
             'log1p', 'sqrt', 'cbrt', 'fabs', 'erf', 'erfc', 'gamma', 'lgamma']:
    f = getattr(math, name)
    out = []
    for x in [0.5, 0.25, 1.0, 1.5, 2.0, 3.7, 10.0, -0.5, -2.5, 0.0, -0.0, 1e-300, 1e-10, 150.5, inf, nan, 7, 2**60]:
        try:
            r = f(x)
            # These six come from the platform's libm, whose last bit varies between
            # C library versions: compare them to 12 significant digits.
            out.append('%.12g' % r if name in PLATFORM else repr(r))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, ' '.join(out))

print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.atan2(1, 1), math.atan2(inf, -inf), math.atan2(-0.0, -1), math.atan2(0.0, -0.0))
print(math.copysign(1, -0.0), math.copysign(3, nan))
print(math.remainder(5, 3), math.remainder(-5.5, 2), math.remainder(4.5, 1), math.remainder(inf, 1) if False else 0)
print(math.fmod(-7, 3), math.fmod(7, inf), math.fmod(5.5, 2.25))
print(math.pow(2, 0.5), math.pow(nan, 0), math.pow(1, nan), math.pow(-inf, 3), math.pow(-inf, -3), math.pow(0.5, -inf))
print(math.fma(2.0, 3.0, 1.0), math.fma(0.1, 10, -1))
print(math.degrees(math.pi), math.radians(180), math.degrees(1))
print(math.isfinite(1), math.isinf(-inf), math.isnan(nan), math.isnan(1))
print(math.hypot(), math.hypot(3, 4), math.hypot(3, 4, 5), math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324), math.hypot(inf, nan), math.hypot(-2))
print(math.dist((1, 2), (4, 6)), math.dist([0.1, 0.2, 0.3], [1, 2, 3]), math.dist((), ()))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum([1e16, 1., 1e-16]), math.fsum(range(10)))
print(math.prod([1.5, 2, 3]), math.prod(range(1, 30)), math.prod([]), math.prod([2, 3], start=0.5), math.prod([[1]], start=2))
print(math.sumprod([1, 2], [3, 4]), math.sumprod([1.5, 2], [3, 4]), math.sumprod([], []), math.sumprod([0.1] * 10, [0.1] * 10), math.sumprod([2**70, 1], [3, 1.5]))
print(math.frexp(0.0), math.frexp(8.5), math.frexp(-1e-310), math.frexp(inf))
print(math.ldexp(0.5, 4), math.ldexp(1.0, -1074), math.ldexp(1.0, -1075), math.ldexp(1.5, -1074), math.ldexp(3.0, -10**30), math.ldexp(-0.0, 10))
print(math.modf(-3.5), math.modf(inf), math.modf(2.0))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 2.0, steps=3), math.nextafter(1.0, 2.0, steps=10**30), math.nextafter(0.0, -0.0))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(inf), math.ulp(-1.0), math.ulp(1e300), math.ulp(1.7976931348623157e308))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 2, abs_tol=1), math.isclose(inf, inf), math.isclose(nan, nan), math.isclose(a=1, b=1.0000001, rel_tol=1e-3))
print(math.log(8, 2), math.log(2**1000, 2), math.log10(10**500), math.log2(2**2000), math.log(10**400), math.log(True), math.log(100, 10))
