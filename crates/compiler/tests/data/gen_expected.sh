#!/bin/sh
# Regenerate the expected disassembly (*.dis) of every program here with the reference
# interpreter: `python3.14 -m dis` output with code-object addresses normalised.
cd "$(dirname "$0")" || exit 1
PY=${REFERENCE_PYTHON:-/work/shared/tools/reference-python}
for f in *.py; do
    "$PY" -m dis "$f" | sed -E 's/ at 0x[0-9a-f]+/ at 0x?/g' > "${f%.py}.dis"
done
# dis.stack_effect of every real opcode for a few arguments: "opcode arg effect".
"$PY" - > stack_effects.txt <<'PYEOF'
import dis, opcode
for name, op in sorted(opcode.opmap.items(), key=lambda x: x[1]):
    if op >= 230 or name == "CACHE":
        continue
    args = (0, 1, 2, 3, 8, 259) if op >= opcode.HAVE_ARGUMENT else (None,)
    for arg in args:
        print(op, arg or 0, dis.stack_effect(op, arg, jump=False))
PYEOF
