# string.Formatter, which is built on the _string module.
import string

f = string.Formatter()
print(f.format("{0} and {name!r:>8} {x[1]} {y.real}", 5, name="n", x=[1, 2], y=3))
print(f.format("{:{w}}|{:>{w}}|", "ab", "cd", w=5))
print(f.format("{} {} {}", 1, 2, 3))
print(f.format("{{literal}} {0!s}", [1]))
print(f.vformat("{a}-{b}", (), {"a": 1, "b": 2}))
print(list(f.parse("x{0:>3}y{a!r}")))

class Upper(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return key.upper()
        return super().get_value(key, args, kwargs)

    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)

print(Upper().format("{hello} {0!u} {1}", "abc", 2))

for template, args in [("{0} {}", (1, 2)), ("{} {1}", (1, 2)), ("{5}", (1,)),
                       ("{!z}", (1,)), ("{a", ()), ("{0.nope}", (1,))]:
    try:
        print(f.format(template, *args))
    except (ValueError, IndexError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
