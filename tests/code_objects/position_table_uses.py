# Every reader of a code object's position table: co_positions, co_lines, co_linetable,
# f_lineno, traceback lines and columns, and code.replace(co_firstlineno=...), which
# moves every position with it (the table is relative to the first line).
import sys
import traceback


def sample(a, b):
    total = a + b
    if total > 10:
        return [
            total,
            a *
            b,
        ]
    return total


code = sample.__code__
positions = list(code.co_positions())
print(len(positions) == len(code.co_code) // 2)
print(positions[:6])
print(sorted({p[0] for p in positions if p[0] is not None}))
print(list(code.co_lines())[:5])
print(code.co_linetable.hex())

moved = code.replace(co_firstlineno=code.co_firstlineno + 100)
print(moved.co_firstlineno - code.co_firstlineno)
print([p[0] - 100 if p[0] is not None else None for p in moved.co_positions()] ==
      [p[0] for p in positions])
print(moved.co_linetable == code.co_linetable)
print(moved.replace(co_linetable=code.co_linetable).co_linetable == code.co_linetable)
print(code == code.replace(), code == moved)


def where():
    return sys._getframe(1).f_lineno


def caller():
    x = 1
    return where()


print(caller() - caller.__code__.co_firstlineno)


def fails(values):
    return values[0] + \
        values[1]


try:
    fails([1, None])
except TypeError as e:
    frame = traceback.extract_tb(e.__traceback__)[-1]
    print(frame.lineno - fails.__code__.co_firstlineno, frame.end_lineno - frame.lineno,
          frame.colno, frame.end_colno)

long_body = "def big():\n" + "".join(f"    x{i} = {i}\n" for i in range(300)) + "    return x299 / 0\n"
namespace = {}
exec(compile(long_body, "<big>", "exec"), namespace)
try:
    namespace["big"]()
except ZeroDivisionError as e:
    print(traceback.extract_tb(e.__traceback__)[-1].lineno)
big = namespace["big"].__code__
print(len(big.co_linetable), max(line for _, _, line in big.co_lines() if line))
