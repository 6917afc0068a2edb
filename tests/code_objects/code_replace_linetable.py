# code.replace(co_linetable=...) accepts any position table, as CPython: readers of
# positions (co_lines, co_positions, dis, tracebacks, f_lineno) then use the new one.
import dis
import sys


def add(x):
    y = x + 1
    return y


def three_lines():
    a = 1
    b = 2
    return a


def fails(x):
    return 1 / x


code = add.__code__
borrowed = three_lines.__code__.co_linetable
for table in [b"", code.co_linetable[:2], borrowed, code.co_linetable]:
    moved = code.replace(co_linetable=table)
    print(table.hex())
    print(" same table", moved.co_linetable == table, "equal", moved == code)
    print(" lines", list(moved.co_lines()))
    print(" positions", list(moved.co_positions()))

dis.dis(code.replace(co_linetable=borrowed))

# A table moving every instruction of `fails` to line 1 of the function.
shifted = fails.__code__.replace(co_linetable=fails.__code__.co_linetable[:2] * 8)
print(list(shifted.co_lines()))
fails.__code__ = shifted
try:
    fails(0)
except ZeroDivisionError as e:
    print("raised at line", e.__traceback__.tb_next.tb_lineno - fails.__code__.co_firstlineno)


def where():
    return sys._getframe().f_lineno


print(where() - where.__code__.co_firstlineno)
where.__code__ = where.__code__.replace(co_linetable=b"")
print(where())
add.__code__ = add.__code__.replace(co_linetable=borrowed)
print(add(4))
