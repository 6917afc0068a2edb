# compile() of Python-built trees whose ast.Constant holds a tuple or frozenset
# (only constants inside, possibly nested): the value lands in co_consts as is;
# a list, dict, set or subclass anywhere inside is refused.
import ast
import warnings


def expression(value):
    return ast.fix_missing_locations(ast.Expression(ast.Constant(value)))


def show_eval(value):
    code = compile(expression(value), "<tree>", "eval")
    result = eval(code)
    print(repr(result), code.co_consts, result == value, type(result).__name__)


show_eval((1, (2, frozenset({3}))))
show_eval(())
show_eval((1,))
show_eval(frozenset())
show_eval(frozenset({frozenset({1, 2}), (3, "a")}))
show_eval((None, True, False, ..., 1, 2**100, -2.5, -0.0, float("inf"), 1j, "s", "\ud800", b"b"))
show_eval(frozenset({1, 2.5, "x", b"y", None, ...}))
show_eval((((((),),),),))

# exec mode: the folded constant in co_consts, as the constant of an assignment
module = ast.parse("x = 0\ny = x in 0")
module.body[0].value = ast.Constant((1, 2, (3,)))
module.body[1].value.comparators[0] = ast.Constant(frozenset({4, 5}))
ast.fix_missing_locations(module)
code = compile(module, "<tree>", "exec")
print(code.co_consts)
namespace = {}
exec(code, namespace)
print(namespace["x"], namespace["y"])

# a function body: the constant is in the function's code object
module = ast.parse("def f():\n    return 0\n")
module.body[0].body[0].value = ast.Constant(("a", ("b",)))
ast.fix_missing_locations(module)
namespace = {}
exec(compile(module, "<tree>", "exec"), namespace)
print(namespace["f"](), namespace["f"].__code__.co_consts)

# invalid values anywhere inside
class SubTuple(tuple):
    pass


class SubFrozen(frozenset):
    pass


class SubInt(int):
    pass


class SubStr(str):
    pass


for bad in [[1], (1, [2]), {1: 2}, {1}, (frozenset({1}), {2}), ((((bytearray(),),),),),
            SubTuple((1,)), SubFrozen({1}), (SubInt(1),), SubStr("s"), object()]:
    for mode in ("eval", "exec"):
        tree = expression(bad) if mode == "eval" else ast.fix_missing_locations(
            ast.Module([ast.Expr(ast.Constant(bad))], []))
        try:
            compile(tree, "<tree>", mode)
        except TypeError as error:
            print(mode, type(error).__name__, error)

# ast.dump and ast.unparse of such trees
tree = expression((1, frozenset({2}), (float("inf"),), ()))
print(ast.dump(tree))
print(ast.unparse(tree))
print(ast.unparse(expression((5,))))

# a compile back to an AST (optimized) keeps the container constant
module = ast.parse("x")
module.body[0].value = ast.Constant((1, frozenset({2, "a"}), 2.0, -0.0))
ast.fix_missing_locations(module)
optimized = compile(module, "<tree>", "exec", ast.PyCF_OPTIMIZED_AST)
print(ast.dump(optimized))
module.body[0].value = ast.Constant((1, [2]))
ast.fix_missing_locations(module)
try:
    compile(module, "<tree>", "exec", ast.PyCF_OPTIMIZED_AST)
except TypeError as error:
    print(type(error).__name__, error)

# postponed annotations write the constant as source text
module = ast.parse("from __future__ import annotations\ndef f(a: A, b: B, c: C): pass\n")
arguments = module.body[1].args.args
arguments[0].annotation = ast.Constant((1, float("inf"), (2,), -0.0, 1j))
arguments[1].annotation = ast.Constant(frozenset({float("inf")}))
arguments[2].annotation = ast.Constant((float("-inf"),))
ast.fix_missing_locations(module)
namespace = {}
exec(compile(module, "<tree>", "exec"), namespace)
print(namespace["f"].__annotations__)

# SyntaxWarnings see the constant's type
warnings.simplefilter("always")
for value in [(1, 2), frozenset({1})]:
    module = ast.parse("x()\nx[0]\nx['a']\nx is 1")
    module.body[0].value.func = ast.Constant(value)
    module.body[1].value.value = ast.Constant(value)
    module.body[2].value.value = ast.Constant(value)
    module.body[3].value.left = ast.Constant(value)
    ast.fix_missing_locations(module)
    with warnings.catch_warnings(record=True) as caught:
        compile(module, "<tree>", "exec")
    for warning in caught:
        print(warning.lineno, warning.category.__name__, warning.message)

# the parser (even optimizing) never makes such constants: tuples stay Tuple nodes
print(ast.dump(ast.parse("(1, 2)\nx in (1, 2)", optimize=1)))

# literal patterns take numbers, str and bytes only; MatchSingleton only None/True/False
for value in [(1, 2), frozenset(), ..., None, 1, "s"]:
    module = ast.parse("match x:\n    case 1: pass\n")
    module.body[0].cases[0].pattern.value = ast.Constant(value)
    ast.fix_missing_locations(module)
    try:
        compile(module, "<tree>", "exec")
        print("MatchValue", repr(value), "compiles")
    except ValueError as error:
        print("MatchValue", repr(value), error)
    module = ast.parse("match x:\n    case None: pass\n")
    module.body[0].cases[0].pattern.value = value
    try:
        compile(module, "<tree>", "exec")
        print("MatchSingleton", repr(value), "compiles")
    except ValueError as error:
        print("MatchSingleton", repr(value), error)
