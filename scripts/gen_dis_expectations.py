"""Write crates/compiler/tests/data/dis_stdlib_expectations.tsv for the dis parity sweep.

Run with the reference interpreter from the repository root:
    PYTHONHASHSEED=0 ../shared/tools/reference-python scripts/gen_dis_expectations.py

For every `.py` file under the reference's lib/python3.14 (standard library and test
suite, the same file set as crates/syntax/tests/stdlib_parity.rs) it writes one line

    PATH<TAB>DIS_HASH

PATH is relative to lib/python3.14. DIS_HASH is the FNV-1a 64 hash (16 lowercase hex
digits) of what `python -m dis PATH` prints when run from lib/python3.14, with every
`at 0x<hex>` address replaced by `at 0x?`; it is `-` for files the reference does not
compile. crates/compiler/tests/dis_stdlib_parity.rs computes the same on adder's side.

String hashing must be fixed with PYTHONHASHSEED=0 (the script refuses to run
otherwise), so that the element order of frozenset constants is reproducible.
"""
import dis
import io
import os
import re
import sys
import warnings

from _stdlib_files import LIB, REPO, fnv1a64, python_files

OUT = os.path.join(REPO, "crates", "compiler", "tests", "data", "dis_stdlib_expectations.tsv")

ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def dis_text(relpath):
    with open(relpath, "rb") as f:
        source = f.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = compile(source, relpath, "exec")
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    out = io.StringIO()
    dis.dis(code, file=out)
    return ADDRESS.sub(" at 0x?", out.getvalue())


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        sys.exit("run with PYTHONHASHSEED=0 (see the module docstring)")
    os.chdir(LIB)
    sys.setrecursionlimit(10000)
    lines = []
    for relpath in python_files():
        text = dis_text(relpath)
        digest = "-" if text is None else f"{fnv1a64(text):016x}"
        lines.append(f"{relpath}\t{digest}\n")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# path\tdis hash (scripts/gen_dis_expectations.py)\n")
        f.writelines(lines)
    print(f"wrote {len(lines)} lines to {OUT}")


if __name__ == "__main__":
    main()
