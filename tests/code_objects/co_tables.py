# co_linetable and co_exceptiontable: CPython's byte encodings of positions and
# exception handlers.
from _samples import SAMPLES, all_code

for sample in SAMPLES:
    for code in all_code(sample.__code__):
        print(code.co_qualname)
        print("  lines", code.co_linetable)
        print("  exceptions", code.co_exceptiontable)

deep = compile("\n" * 300 + "x = (1,\n" + "\n" * 70 + " 2)\ntry:\n    x\nexcept E:\n    pass\n",
               "<deep>", "exec")
print(deep.co_linetable)
print(deep.co_exceptiontable)
wide = compile("y = " + " + ".join(["value"] * 40) + "\n", "<wide>", "exec")
print(wide.co_linetable)
