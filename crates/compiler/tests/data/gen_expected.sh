#!/bin/sh
# Regenerate the expected disassembly (*.dis) of every program here with the reference
# interpreter: `python3.14 -m dis` output with code-object addresses normalised.
cd "$(dirname "$0")" || exit 1
PY=${REFERENCE_PYTHON:-/work/shared/tools/reference-python}
for f in *.py; do
    "$PY" -m dis "$f" | sed -E 's/ at 0x[0-9a-f]+/ at 0x?/g' > "${f%.py}.dis"
done
