# *args / **kwargs at call sites, and in function definitions
def show(*args, **kwargs):
    return f"args={args} kwargs={sorted(kwargs.items())}"
nums = [1, 2, 3]
opts = {"a": 1, "b": 2}
print(show(*nums))
print(show(0, *nums, 4, *(5, 6)))
print(show(**opts))
print(show(**opts, c=3, **{"d": 4}))
print(show(*range(2), *"ab", x=1, **opts))
print(show(*[], **{}))
def fixed(a, b, c=0, *, d=5):
    return (a, b, c, d)
print(fixed(*[1, 2]), fixed(*[1], **{"b": 2, "d": 9}))
gen = (i * i for i in range(3))
print(show(*gen))
try:
    fixed(**{"a": 1, "b": 2, "zz": 3})
except TypeError as e:
    print("TypeError:", e)
try:
    fixed(1, 2, **{"a": 3})
except TypeError as e:
    print("TypeError:", e)
try:
    show(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
class Obj:
    def method(self, *a, **k):
        return (a, k)
print(Obj().method(*nums, **opts))
