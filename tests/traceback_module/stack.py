# Stack inspection through traceback: extract_stack, format_stack, print_stack,
# walk_tb/walk_stack, FrameSummary fields, StackSummary.from_list and
# TracebackException.
import sys
import traceback


def leaf():
    return traceback.extract_stack()


def middle():
    return leaf()


for fs in middle():
    print(fs.filename == __file__, fs.lineno, fs.end_lineno, fs.colno,
          fs.end_colno, fs.name, repr(fs.line))


def show_stack():
    print("".join(traceback.format_stack(limit=2)))
    traceback.print_stack(limit=1, file=sys.stdout)


show_stack()


def fail(n):
    if n == 0:
        return {}["key"]
    return fail(n - 1)


try:
    fail(3)
except KeyError as e:
    tb = e.__traceback__
    print([f.f_code.co_name for f, _ in traceback.walk_tb(tb)])
    print([lineno for _, lineno in traceback.walk_tb(tb)])
    te = traceback.TracebackException.from_exception(e, capture_locals=False)
    print(te.exc_type_str, str(te), len(te.stack))
    print("".join(te.format()))
    print("".join(te.format_exception_only()))
    summary = traceback.extract_tb(tb)
    print(summary.format())
    print(traceback.StackSummary.from_list([("f.py", 3, "g", "x = 1")]).format())
    print(traceback.format_list(summary[-2:]))
