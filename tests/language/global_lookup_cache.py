# LOAD_GLOBAL results must follow every change to the globals and builtins, however
# often the same instruction ran before (adder caches where a name was found).
import builtins


def read_x():
    return x


x = 1
seen = [read_x() for _ in range(3)]
x = 2
seen.append(read_x())
del x
try:
    read_x()
except NameError as e:
    seen.append(str(e))
print(seen)


def use_len(s):
    return len(s)


print([use_len("abc") for _ in range(3)])
len = lambda s: "shadowed"  # a global now hides the builtin
print(use_len("abc"))
del len
print(use_len("abcd"))
original = builtins.len
builtins.len = lambda s: "patched builtin"
print(use_len("abc"))
builtins.len = original
print(use_len("ab"))
del builtins.len
try:
    use_len("a")
except NameError as e:
    print(e)
builtins.len = original

# One code object run against different globals dicts.
code = compile("y * 10", "<g>", "eval")
for ns in ({"y": 1}, {"y": 2}, {"y": 3, "z": 0}, {"z": 1, "y": 4}):
    print(eval(code, ns))
try:
    eval(code, {})
except NameError as e:
    print(e)


# Many globals added after the first lookup (the dict grows and is rebuilt).
def read_target():
    return target


target = "first"
print(read_target())
for i in range(200):
    globals()["filler%d" % i] = i
print(read_target())
target = "after growth"
print(read_target())
for i in range(200):
    del globals()["filler%d" % i]
print(read_target())
