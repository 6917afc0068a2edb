# f-strings: conversions, format specs, nested specs, = debugging, expressions
name = "world"
value = 3.14159
width = 10
items = [1, 2, 3]
print(f"hello {name}!")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{value:.2f}|{value:10.3f}|{value:<10.1f}|")
print(f"{42:05d} {42:x} {42:#o} {255:#X} {1234567:,}")
print(f"{name:>{width}}|{name:^{width}}|{name:*<{width}}|")
print(f"{value=}")
print(f"{value = :.1f}")
print(f"{name=!r:>12}")
print(f"{1 + 2 = }")
print(f"{items[1:]} {len(items)} {items[-1] * 2}")
print(f"{'nested ' + f'{name}'}")
print(f"{{literal braces}} {{{name}}}")
d = {"k": "v"}
print(f"{d['k']} {d!r}")
class Custom:
    def __format__(self, spec):
        return f"<Custom spec={spec!r}>"
    def __repr__(self):
        return "Custom()"
c = Custom()
print(f"{c} {c:abc} {c!r} {c=}")
print(f"{3 if value > 3 else 0}")
print(f"{'multi'}" f"{'part'}" "plain")
x = 10
print(f"{x:{'>'}{width}}")
print(f"{True} {None} {-0.0} {1e100}")
