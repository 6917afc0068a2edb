"""Regenerate the traceback fixtures from the reference interpreter.

Run with CPython 3.14 (the reference):

    /work/shared/tools/reference-python crates/vm/tests/traceback_data/generate.py

For every program ``cases/NAME.py`` this runs ``python NAME.py`` exactly as a
user would (colours off) and stores:

* ``expected/NAME.stderr``: the bytes the reference wrote to stderr, untouched;
* ``expected/NAME.json``: what the formatter is given, taken from the reference
  itself by a ``sitecustomize`` hook that wraps ``sys.excepthook``: for each
  exception of the printed chain, oldest first, its type name and message as
  ``TracebackException`` shows them, how it links to the next one, and the
  ``traceback.extract_tb`` entries (filename, lineno, end_lineno, colno,
  end_colno, name).

The hook only observes: it then calls ``sys.__excepthook__``, so the stderr is
the reference's ordinary uncaught-exception output.

It also stores ``expected/synthetic_NAME.json`` and ``.stack``: hand-picked
FrameSummary fields, including odd ones a VM could pass (columns past the line,
inside a character, missing, reversed lines, unreadable files), and what
``StackSummary.format`` makes of them. These run in this process.
"""

import json
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE / "cases"
EXPECTED = HERE / "expected"
# The wrapper script, not sys.executable: the reference binary needs the
# wrapper's private C library to start.
REFERENCE = HERE.parents[4] / "shared" / "tools" / "reference-python"

HOOK = r'''
import json, os, sys, traceback

def _capture(exc_type, exc_value, exc_tb):
    chain = []
    seen = set()
    exc, link = exc_value, None
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        te = traceback.TracebackException(type(exc), exc, exc.__traceback__)
        frames = [
            {
                "filename": fs.filename,
                "lineno": fs.lineno,
                "end_lineno": fs.end_lineno,
                "colno": fs.colno,
                "end_colno": fs.end_colno,
                "name": fs.name,
            }
            for fs in traceback.extract_tb(exc.__traceback__)
        ]
        chain.append({
            "type": te.exc_type_str,
            "message": te._str,
            "frames": frames,
            "followed_by": link,
        })
        if exc.__cause__ is not None:
            exc, link = exc.__cause__, "cause"
        elif exc.__context__ is not None and not exc.__suppress_context__:
            exc, link = exc.__context__, "context"
        else:
            exc = None
    chain.reverse()
    with open(os.environ["TRACEBACK_CAPTURE"], "w", encoding="utf-8") as out:
        json.dump({"exceptions": chain}, out, indent=1, ensure_ascii=False)
        out.write("\n")
    sys.__excepthook__(exc_type, exc_value, exc_tb)

sys.excepthook = _capture
'''


# name -> entries as (case file or other filename, lineno, end_lineno, colno,
# end_colno, function name); a case file name is made absolute like a script's.
SYNTHETIC = {
    "columns_past_line_end": [("binop_simple.py", 3, 3, 6, 400, "f")],
    "start_past_line_end": [("binop_simple.py", 3, 3, 300, 400, "f")],
    "end_before_start": [("binop_simple.py", 3, 3, 9, 2, "f")],
    "empty_span": [("binop_simple.py", 3, 3, 6, 6, "f")],
    "zero_columns": [("binop_simple.py", 3, 3, 0, 0, "f")],
    "missing_end_column": [("binop_nested.py", 2, 2, 4, None, "f")],
    "missing_start_column": [("binop_nested.py", 2, 2, None, 9, "f")],
    "missing_end_line": [("binop_nested.py", 2, None, 4, 21, "f")],
    "missing_line": [("binop_nested.py", None, None, None, None, "f"),
                     ("binop_nested.py", None, None, None, None, "f"),
                     ("binop_nested.py", None, None, None, None, "f"),
                     ("binop_nested.py", None, None, None, None, "f")],
    "end_line_before_start": [("binop_multiline.py", 5, 3, 4, 5, "f")],
    "line_past_file_end": [("binop_simple.py", 40, 41, 0, 5, "f")],
    "span_runs_past_file_end": [("binop_simple.py", 3, 5, 6, 2, "f")],
    "column_inside_wide_character": [("unicode_wide_chars.py", 3, 3, 7, 14, "f")],
    "end_inside_character": [("unicode_identifier.py", 3, 3, 12, 17, "f")],
    "blank_line": [("binop_many_lines.py", 3, 3, 0, 4, "f")],
    "stdin_pseudo_file": [("<stdin-3>", 1, 1, 0, 4, "<module>")],
    "unreadable_file": [("/nonexistent/dir/file.py", 7, 7, 2, 5, "g")],
    "same_line_other_names": [("binop_simple.py", 3, 3, 6, 11, n) for n in "aabbbbc"],
    "repeat_counts_lines_not_columns": [("binop_simple.py", 3, 3, c, 11, "f")
                                        for c in range(6)],
    "multiline_partial_anchor": [("binop_many_lines.py", 4, 15, 4, 1, "f")],
    "form_feed_line": [("formfeed_inside_line.py", 2, 2, 5, 15, "f")],
}


def write_synthetic():
    import traceback
    for name, rows in SYNTHETIC.items():
        frames = []
        for filename, lineno, end_lineno, colno, end_colno, function in rows:
            if (CASES / filename).exists():
                filename = str(CASES / filename)
            frames.append({"filename": filename, "lineno": lineno,
                           "end_lineno": end_lineno, "colno": colno,
                           "end_colno": end_colno, "name": function})
        summary = traceback.StackSummary.from_list(
            [traceback.FrameSummary(**frame) for frame in frames])
        stem = EXPECTED / ("synthetic_" + name)
        stem.with_suffix(".json").write_text(
            json.dumps({"frames": frames}, indent=1, ensure_ascii=False) + "\n",
            encoding="utf-8")
        stem.with_suffix(".stack").write_text("".join(summary.format()),
                                              encoding="utf-8")
        print(stem.name)


def main():
    EXPECTED.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as hook_dir:
        pathlib.Path(hook_dir, "sitecustomize.py").write_text(HOOK)
        for case in sorted(CASES.glob("*.py")):
            capture = EXPECTED / (case.stem + ".json")
            env = dict(os.environ, PYTHONPATH=hook_dir, PYTHON_COLORS="0",
                       TRACEBACK_CAPTURE=str(capture), PYTHONHASHSEED="0")
            env.pop("FORCE_COLOR", None)
            run = subprocess.run([str(REFERENCE), case.name], cwd=CASES,
                                 env=env, capture_output=True)
            if run.returncode == 0 or not capture.exists():
                sys.exit(f"{case.name}: no uncaught exception captured\n"
                         + run.stderr.decode(errors="replace"))
            (EXPECTED / (case.stem + ".stderr")).write_bytes(run.stderr)
            print(case.stem)
    write_synthetic()


if __name__ == "__main__":
    main()
