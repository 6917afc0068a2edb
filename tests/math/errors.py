# math: argument checking and domain/range errors with CPython 3.14's messages.
import math

inf = float('inf')
nan = float('nan')


def show(expr):
    try:
        print(expr, '->', repr(eval(expr)))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)


for expr in [
    'math.sqrt()', 'math.sqrt(1, 2)', 'math.sqrt(x=1)', 'math.sqrt("a")',
    'math.sqrt(-1)', 'math.log(0)', 'math.log(-1.5)', 'math.log(1, 1)',
    'math.log()', 'math.log(1, 2, 3)', 'math.pow(0, -1)', 'math.exp(1000)',
    'math.factorial(-1)', 'math.factorial(1.0)', 'math.isqrt(-1)',
    'math.comb(-1, 2)', 'math.comb(2, -1)', 'math.perm(-1)', 'math.gcd(1.5)',
    'math.ldexp(1.0, 10**30)', 'math.ldexp(1.0, 2000)', 'math.ldexp(1.0, 2.0)',
    'math.fmod(1, 0)', 'math.floor("a")', 'math.trunc("a")', 'math.ceil("a")',
    'math.atan2()', 'math.hypot("a")', 'math.dist([1], [1, 2])', 'math.dist(1, 2)',
    'math.fsum([1e308, 1e308])', 'math.fsum([inf, -inf])', 'math.prod(x=1)',
    'math.prod([], start=1, x=2)', 'math.isclose(1, 2, rel_tol=-1)',
    'math.isclose(1)', 'math.isclose(1, 2, 3)', 'math.isclose(1, 2, x=3)',
    'math.nextafter(1, 2, steps=-1)', 'math.nextafter(1)', 'math.lcm("a")',
    'math.cos(inf)', 'math.gamma(0)', 'math.gamma(-1)', 'math.lgamma(0)',
    'math.log10(-1)', 'math.sqrt(10**400)', 'math.frexp("a")', 'math.copysign(1)',
    'math.isqrt(1.0)', 'math.comb(1)', 'math.fma(1, 2)', 'math.fma(inf, 0, 1)',
    'math.fma(1e308, 10, -1e308)', 'math.sumprod([1], [1, 2])',
    'math.remainder(1, 0)', 'math.acosh(0)', 'math.atanh(1)', 'math.exp2(2000)',
    'math.pow(-1, 0.5)', 'math.factorial(10**20)', 'math.exp(10**400)',
    'math.floor(nan)', 'math.ceil(inf)', 'math.trunc(inf)', 'math.log(10**400, 0)',
    'math.log2(0)', 'math.acos(2)', 'math.asin(-1.5)', 'math.log1p(-1)',
    'math.gamma(1000)', 'math.gamma(-inf)', 'math.perm(1, 2, 3)', 'math.perm()',
    'math.comb(1, 2, 3)', 'math.sumprod([1])', 'math.isinf(10**400)',
]:
    show(expr)
