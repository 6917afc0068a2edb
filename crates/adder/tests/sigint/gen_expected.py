"""Regenerate the expected results of the SIGINT tests with the reference interpreter.

Run with any Python 3 from this directory's repository root:
    python3 crates/adder/tests/sigint/gen_expected.py
Each NAME.py is started with SIGINT at its default action, interrupted 0.2 s after it
printed its first line, and NAME.out / NAME.err / NAME.status record stdout, stderr
(the script's directory replaced by {TESTDIR}/) and how it ended ("signal 2" or
"exit N"), as crates/adder/tests/sigint.rs compares them.
"""
import glob
import os
import signal
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.environ.get("ADDER_REFERENCE_PYTHON", "/work/shared/tools/reference-python")

for path in sorted(glob.glob(os.path.join(HERE, "*.py"))):
    if os.path.basename(path) == "gen_expected.py":
        continue
    proc = subprocess.Popen(
        [REFERENCE, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=HERE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    first = proc.stdout.readline()
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    status = f"signal {-proc.returncode}" if proc.returncode < 0 else f"exit {proc.returncode}"
    base = path[:-3]
    with open(base + ".out", "wb") as f:
        f.write(first + out)
    with open(base + ".err", "w") as f:
        f.write(err.decode().replace(HERE + "/", "{TESTDIR}/"))
    with open(base + ".status", "w") as f:
        f.write(status + "\n")
