# sys's struct sequences: version_info, flags, float_info, int_info, hash_info (tuple
# subclasses with named, read-only fields), and the name/obj of AttributeError/NameError.
import sys
for n in ('version_info', 'flags', 'float_info', 'int_info', 'hash_info'):
    v = getattr(sys, n)
    t = type(v)
    print(n, t.__module__, t.__name__, type(t).__name__, t.n_sequence_fields, t.n_fields, t.n_unnamed_fields, len(v))
    print(" ", v)
    print(" ", isinstance(v, tuple), t.__match_args__[:3])
for n in ('version_info', 'flags', 'hash_info'):
    t = type(getattr(sys, n))
    try:
        t(tuple(getattr(sys, n)))
    except TypeError as e:
        print(" ", e)
print(sys.version_info.major, sys.version_info[:2], sys.version_info >= (3, 14), sys.version_info.releaselevel)
print(sys.flags.optimize, sys.flags.gil, sys.flags.context_aware_warnings, sys.flags.int_max_str_digits)
print(sys.hash_info.algorithm, sys.hash_info.modulus, sys.hash_info[0])
try:
    sys.version_info.major = 4
except AttributeError as e:
    print(type(e).__name__)
major, minor, *rest = sys.version_info
print(major, minor, rest)
for target, attr in ((sys.flags, "debug"), (sys.flags, "spam"), (sys.hash_info, "width"), (sys.float_info, "nope")):
    try:
        setattr(target, attr, 1)
    except AttributeError as e:
        print(type(e).__name__, e, e.name, e.obj is target)
print(sys.implementation.version[:2], sys.float_info.max, sys.int_info.bits_per_digit)
for e in (AttributeError("m"), AttributeError("m", name="n", obj=5), NameError("m"), NameError("m", name="q"), UnboundLocalError("u")):
    print(type(e).__name__, e.args, e.name, getattr(e, "obj", "-"))
class Custom(AttributeError):
    pass
print(Custom("c").name, Custom("c", name="k").name, Custom("c", obj=[1]).obj)
