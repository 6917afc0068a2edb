# Runs _too_complex.py (see .args): a script too deeply nested to parse reports
# "MemoryError: Parser stack overflowed ..." alone, with no "File ..., line 0" line.
