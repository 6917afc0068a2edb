"""Fill in the expected trees of the type-comments corpus (crates/syntax/tests/type_comments.rs).

Run with the reference interpreter from the repository root:
    ../shared/tools/reference-python crates/syntax/tests/data/type_comments/regen.py

Each *.txt file here is a list of records: a header line starting with `===`, then
the snippet's source lines. This script rewrites every header as

    === DUMP

where DUMP is `ast.dump(ast.parse(source, type_comments=True), include_attributes=True)`
on the reference, or for a rejected snippet `Kind|msg|lineno|offset|end_lineno|end_offset`.
"""
import ast
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = "==="


def records(text):
    sources = []
    for line in text.splitlines(keepends=True):
        if line.startswith(HEADER):
            sources.append("")
        elif sources:
            sources[-1] += line
    return sources


def expected(source):
    try:
        tree = ast.parse(source, type_comments=True)
    except SyntaxError as e:
        return f"{type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}"
    return ast.dump(tree, include_attributes=True)


def main():
    total = 0
    for name in sorted(os.listdir(HERE)):
        if not name.endswith(".txt"):
            continue
        path = os.path.join(HERE, name)
        with open(path, encoding="utf-8", newline="") as f:
            sources = records(f.read())
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.writelines(f"{HEADER} {expected(s)}\n{s}" for s in sources)
        total += len(sources)
    print(f"{total} snippets")


if __name__ == "__main__":
    main()
