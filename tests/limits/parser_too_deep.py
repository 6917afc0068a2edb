# Source too deeply nested for the parser: CPython's MemoryError/SyntaxError, never a crash.
for src, mode in [('-' * 100000 + '1', 'eval'), ('not ' * 100000 + 'x', 'eval'), ('(' * 100000 + '1' + ')' * 100000, 'eval'), ('[' * 300 + ']' * 300, 'eval')]:
    for flags in (0, 0x400):
        try:
            compile(src, '<deep>', mode, flags)
            print('compiled')
        except (SyntaxError, MemoryError, RecursionError) as e:
            print(type(e).__name__, e)
