# Template strings (PEP 750): t"..." builds string.templatelib.Template objects.
from string.templatelib import Template, Interpolation, convert

x = 42
name = "bob"
t = t"hi {name!r:>10} and {x} {x=}"
print(type(t).__name__, type(t).__module__, type(t).__qualname__)
print(repr(t))
print(t.strings)
print(t.values)
print(t.interpolations)
for part in t:
    print(repr(part))

i = t.interpolations[0]
print(i.value, i.expression, i.conversion, i.format_spec)
print(Interpolation.__match_args__)
match i:
    case Interpolation(v, e, c, f):
        print("matched", v, e, c, f)

# Nested format specs are evaluated; the interpolation keeps the text.
width = 6
t2 = t"{x:{width}d}|{x + 1!s}|{'lit'!a}"
print([(p.value, p.expression, p.conversion, p.format_spec) for p in t2.interpolations])
print(t2.strings)

# Constructing by hand: adjacent strings join, interpolations get '' between them.
print(repr(Interpolation(1)))
print(repr(Interpolation(1, "a", "r", "x")))
print(repr(Template("a", Interpolation(1), "b", "c", Interpolation(2), Interpolation(3))))
print(repr(Template()))
print(list(Template("only")))

# Concatenation only with templates.
print(repr(t"a{1}" + t"b{2}c"))
try:
    t + "s"
except TypeError as e:
    print("TypeError:", e)

for bad in [lambda: Template(1), lambda: Interpolation(1, 2),
            lambda: Interpolation(1, "a", "z"), lambda: Interpolation(1, "a", None, 3)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

# Rendering a template the way an f-string would.
def render(template):
    out = []
    for part in template:
        if isinstance(part, str):
            out.append(part)
        else:
            value = convert(part.value, part.conversion)
            out.append(format(value, part.format_spec))
    return "".join(out)

print(render(t"hi {name!r:>10} and {x} {x=}"))
print(render(t"{3.14159:.2f} {'s'!r} {[1, 2]}"))

print(i.__reduce__()[1])
print(t.__reduce__()[1])
print(t == t, t"a" == t"a")
print(Template[int], Interpolation[str])
try:
    class S(Template):
        pass
except TypeError as e:
    print("TypeError:", e)
