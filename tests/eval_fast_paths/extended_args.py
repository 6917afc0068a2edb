# Instructions whose argument needs EXTENDED_ARG prefixes: many locals, many
# constants, and loops and branches longer than 255 code units. Results, line
# numbers in tracebacks and f_lasti/f_lineno must be those of CPython.
import sys


def build(name, nlocals, body_lines):
    lines = [f"def {name}(n):"]
    lines += [f"    v{i} = {i}.5" for i in range(nlocals)]
    lines += body_lines
    return "\n".join(lines) + "\n"


# 300 locals and 300 distinct float constants: LOAD_FAST/STORE_FAST/LOAD_CONST
# with arguments above 255.
src = build("many_locals", 300, [
    "    total = 0.0",
    "    for i in range(n):",
    "        total += v299 - v0 + v257",
    "        v280 = v280 + 1",
    "    return total, v280",
])
ns = {}
exec(compile(src, "<many_locals>", "exec"), ns)
print(ns["many_locals"](10))

# A loop body longer than 255 code units: JUMP_BACKWARD and the loop's exits
# need EXTENDED_ARG.
body = ["    acc = 0", "    i = 0", "    while i < n:"]
body += [f"        acc = (acc * 3 + {k}) % 1000003" for k in range(120)]
body += ["        if acc % 7 == 3:", "            acc += 1", "        i += 1"]
body += ["    return acc"]
ns = {}
exec(compile(build("long_loop", 2, body), "<long_loop>", "exec"), ns)
print(ns["long_loop"](50))

# An error raised after a long jump reports CPython's line.
body = ["    for i in range(n):"]
body += [f"        x{k} = i + {k}" for k in range(100)]
body += ["        if i == 3:", "            raise ValueError(i)"]
ns = {}
exec(compile(build("raises_late", 1, body), "<raises_late>", "exec"), ns)
try:
    ns["raises_late"](10)
except ValueError as e:
    tb = e.__traceback__.tb_next
    print("ValueError", e, "line", tb.tb_lineno)

# f_lasti and f_lineno seen from inside a frame with large offsets.
body = [f"    w{k} = n + {k}" for k in range(150)]
body += ["    frame = sys._getframe()", "    return frame.f_lineno, frame.f_lasti > 255"]
ns = {"sys": sys}
exec(compile(build("where", 1, body), "<where>", "exec"), ns)
print(ns["where"](1))
