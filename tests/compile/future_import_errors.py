# Misplaced and unknown `from __future__` imports are SyntaxErrors at CPython's
# locations.
SOURCES = [
    "x = 1\n\n\nfrom __future__ import annotations\n",
    "def f():\n    from __future__ import annotations\n",
    "from __future__ import braces\n",
    "from __future__ import (annotations,\n   spam)\n",
    '"doc"\nfrom __future__ import annotations\nif 1:\n    from __future__ import annotations\n',
    'from __future__ import annotations\n"not a docstring"\nfrom __future__ import division\n',
    '"doc"\nfrom __future__ import annotations, division\nfrom __future__ import generator_stop\nx = 1\n',
]

for source in SOURCES:
    try:
        compile(source, "<f>", "exec")
        print("ok")
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
