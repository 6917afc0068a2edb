# PEP 709 inlined comprehensions whose variables are captured by closures
def captured_iteration_variable(items):
    fs = [lambda: x for x in items]
    return [f() for f in fs]

def outer_cell_shadowed(items):
    base = 10
    g = (base + b for b in items)
    shadow = [base * 2 for base in items]
    return list(g), shadow, base

def outer_global_name(items):
    [lambda: x for x in items]
    try:
        return x
    except NameError as e:
        return "NameError: " + str(e)

def nested_capture(rows):
    return [[lambda: (r, c) for c in row] for r, row in enumerate(rows)]

def restore_after_raise(items):
    x = "outer"
    try:
        [1 / v for x in items for v in [x]]
    except ZeroDivisionError:
        pass
    return x

def free_in_child_of_comp(items):
    k = 3
    return [(lambda: k * i)() for i in items]

class Cls:
    y = 5
    vals = [a for a in range(3)]
    try:
        bad = [y for a in range(2)]
    except NameError as e:
        bad = str(e)
    fns = [lambda: a for a in range(2)]

print(captured_iteration_variable([1, 2, 3]))
print(outer_cell_shadowed([1, 2]))
print(outer_global_name([1]))
print([[f() for f in row] for row in nested_capture([[1, 2], [3]])])
print(restore_after_raise([1, 0]))
print(free_in_child_of_comp([1, 2]))
print(Cls.vals, Cls.bad, [f() for f in Cls.fns])
module_fns = [lambda: z for z in "ab"]
print([f() for f in module_fns])
try:
    z
except NameError as e:
    print("module", e)
print({k: (lambda: k)() for k in range(3)}, {(lambda: s)() for s in "xy"} == {"x", "y"})
