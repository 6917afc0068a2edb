"""Fill in the expected errors of the invalid-syntax corpus (crates/syntax/tests/invalid_syntax.rs).

Run with the reference interpreter from the repository root:
    ../shared/tools/reference-python crates/syntax/tests/data/invalid/regen.py

Each *.txt file here is a list of records. A record is a header line starting with
`===` followed by the snippet's source lines (each ending in a newline). This script
rewrites every header as

    === Kind|msg|lineno|offset|end_lineno|end_offset

from `compile(source, '<snippet>', 'exec')` on the reference. Records the reference
accepts, or rejects only after parsing (`ast.parse` accepts them: symtable or
compiler errors), are dropped from the file and listed on stdout.
"""
import ast
import os
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = "==="


def records(text):
    """The snippet sources of a corpus file, in order."""
    sources = []
    for line in text.splitlines(keepends=True):
        if line.startswith(HEADER):
            sources.append("")
        elif sources:
            sources[-1] += line
    return sources


def parser_error(source):
    """The reference's error line for a snippet its parser rejects, else None."""
    try:
        compile(source, "<snippet>", "exec")
        return None
    except SyntaxError as e:
        compiled = e
    except ValueError:  # e.g. UnicodeDecodeError from a bad \N{...} escape
        return None
    try:
        ast.parse(source)
        return None
    except SyntaxError as e:
        if (type(e), e.msg, e.lineno, e.offset) != (
            type(compiled), compiled.msg, compiled.lineno, compiled.offset
        ):
            return None
    e = compiled
    return f"{type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}"


def main():
    warnings.simplefilter("ignore")
    kept = 0
    for name in sorted(os.listdir(HERE)):
        if not name.endswith(".txt"):
            continue
        path = os.path.join(HERE, name)
        with open(path, encoding="utf-8", newline="") as f:
            sources = records(f.read())
        out = []
        for source in sources:
            expected = parser_error(source)
            if expected is None:
                print(f"{name}: dropped (not a parser error): {source!r}")
                continue
            out.append(f"{HEADER} {expected}\n{source}")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.writelines(out)
        kept += len(out)
    print(f"{kept} snippets")


if __name__ == "__main__":
    main()
