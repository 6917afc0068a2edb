# sys.float_info and sys.int_info: struct sequences with CPython's values.
import sys

fi = sys.float_info
print(fi)
print(type(fi), type(fi).__name__, type(fi).__module__, isinstance(fi, tuple), len(fi))
print(fi.max, fi.max_exp, fi.max_10_exp, fi.min, fi.min_exp, fi.min_10_exp)
print(fi.dig, fi.mant_dig, fi.epsilon, fi.radix, fi.rounds)
print(fi[0] == fi.max, fi[-1], tuple(fi)[:3], fi.n_fields, fi.n_sequence_fields)
print(sys.int_info)
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits, tuple(sys.int_info))
print(1.0 + fi.epsilon > 1.0, 1.0 + fi.epsilon / 2 == 1.0)
import statistics
print(statistics.mean([1.0, 2.0, 3.5]), statistics.fmean([1, 2, 4]))
import ast
print(ast.unparse(ast.parse('x = 1e400 + 2j * 1e999')))
