# code.co_positions(): (line, end_line, column, end_column) for every code unit.
from _samples import SAMPLES, all_code

for sample in SAMPLES:
    for code in all_code(sample.__code__):
        positions = list(code.co_positions())
        print(code.co_qualname, len(positions), len(code.co_code) // 2)
        print(positions)
