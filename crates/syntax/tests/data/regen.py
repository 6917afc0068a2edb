"""Regenerate the expected outputs of crates/syntax/tests/parse_cases.rs.

Run with the reference interpreter from the repository root:
    ../shared/tools/reference-python crates/syntax/tests/data/regen.py

For each cases/NAME.py it writes:
  NAME.ast     ast.dump(..., include_attributes=True, indent=3) of the module, or
               for a rejected input one line: Kind|msg|lineno|offset|end_lineno|end_offset
  NAME.tokens  what `python -m tokenize cases/NAME.py` prints (stdout, then stderr)
"""
import ast
import contextlib
import io
import os
import tokenize

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")

for name in sorted(os.listdir(CASES)):
    if not name.endswith(".py"):
        continue
    path = os.path.join(CASES, name)
    base = os.path.join(HERE, "expected", name[:-3])
    os.makedirs(os.path.dirname(base), exist_ok=True)
    with open(path, "rb") as f:
        source = f.read()
    try:
        text = ast.dump(ast.parse(source), include_attributes=True, indent=3) + "\n"
    except SyntaxError as e:
        text = f"{type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}\n"
    with open(base + ".ast", "w") as f:
        f.write(text)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            tokenize._main([os.path.join("cases", name)])
        except SystemExit:
            pass
    with open(base + ".tokens", "w") as f:
        f.write(out.getvalue() + err.getvalue())
