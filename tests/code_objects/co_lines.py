# code.co_lines(): byte ranges and their line, for many functions and nested code.
from _samples import SAMPLES, all_code

for sample in SAMPLES:
    for code in all_code(sample.__code__):
        print(code.co_qualname, list(code.co_lines()))

module = compile("x = 1\nif x:\n    y = [i for i in range(3)]\nelse:\n    pass\n", "<m>", "exec")
print(list(module.co_lines()))
expression = compile("(1 +\n 2)", "<e>", "eval")
print(list(expression.co_lines()))
