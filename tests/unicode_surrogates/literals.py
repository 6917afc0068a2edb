# Lone surrogates written in source: string literals, constants, ast, compile.
import ast

a = '\ud800'
b = "x\udc80y"
c = '\ud83d\ude00'          # two lone surrogates, not a pair
print(ascii(a), ascii(b), len(c), ascii(c), c == '\U0001f600')
print(ascii('\N{LATIN SMALL LETTER E WITH ACUTE}\udfff'), ascii(r'\ud800'))
print(ascii(f'{a}\udc00'), ascii('\ud800' '\udc00'), ascii(u'\udbff'))


def f():
    return '\udc7f', ('\ud800', 1)


print(ascii(f()), ascii(f.__code__.co_consts))

tree = ast.parse("x = '\\ud800z'")
print(ascii(tree.body[0].value.value))
print(ast.dump(tree))
print(eval("'\\udcff' + 'q'") == '\udcff' + 'q')
ns = {}
exec(compile("v = ['\\udbff\\udfff', b'\\xff']", 'mod', 'exec'), ns)
print(ascii(ns['v']))
print(ascii(eval(repr('\ud800\U0001f600\udfff'))))
