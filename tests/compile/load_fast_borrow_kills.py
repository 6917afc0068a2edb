# Which loads of locals may borrow (LOAD_FAST_BORROW) as CPython 3.14.10 decides:
# not when `del` kills the local while the loaded value is still on the stack, nor when
# an f-string's FORMAT_SIMPLE (which returns a str as is) result is stored in a local.
import dis


def returns_deleted(task):
    try:
        return task
    finally:
        del task


def stores_formatted(count):
    text = f"{count}"
    return text


def returns_formatted(count):
    return f"{count}"


def formatted_across_branch(count, result):
    result.append(f"{count} item{'s' if count > 1 else ''}")


for f in [returns_deleted, stores_formatted, returns_formatted, formatted_across_branch]:
    loads = [
        (i.opname, i.argval)
        for i in dis.get_instructions(f)
        if i.opname.startswith("LOAD_FAST")
    ]
    print(f.__name__, loads)
