"""Benchmark runner: times adder against the reference CPython on bench/*.py.

Run it with the reference interpreter, from the repository root:

    ../shared/tools/reference-python bench/run.py [--adder PATH] [--runs N]
        [--json FILE] [--memory] [--timeout SECONDS] [--reference PATH]
        [--list] [names...]

For every program the two interpreters run alternately, N times each; the
median wall time of each is reported with their ratio (adder / reference,
below 1 means adder is faster).  adder's stdout must equal the reference's
and its exit status must be 0, otherwise the row says MISMATCH or FAIL and
its ratio is left out of the geometric mean.  A `startup` row times
`-c pass`; it is reported but not part of the geometric mean.
"""

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
DEFAULT_ADDER = os.path.join(REPO_ROOT, "target", "release", "adder")
STARTUP = "startup"
RUNNER_NAME = os.path.basename(__file__)


class Outcome:
    """One interpreter execution: wall seconds, or why it did not succeed."""

    def __init__(self, seconds, stdout, error):
        self.seconds = seconds
        self.stdout = stdout
        # None when the process ran and exited with status 0.
        self.error = error


def default_reference_command():
    """The interpreter running this script, started the way its wrapper does.

    `shared/tools/reference-python` is a bash script that execs a private
    CPython through its own dynamic loader.  Timing the wrapper would charge
    the reference for a bash start (about 2 ms, a sixth of its startup), so
    when that private loader is found beside sys.prefix the runner issues the
    wrapper's exec line itself.
    """
    root = os.path.dirname(sys.prefix)
    libdirs = [os.path.join(sys.prefix, "lib", "x86_64-linux-gnu"), os.path.join(root, "lib", "x86_64-linux-gnu")]
    loader = os.path.join(libdirs[0], "ld-linux-x86-64.so.2")
    if os.access(loader, os.X_OK):
        return [loader, "--library-path", ":".join(libdirs), sys.executable]
    return [sys.executable]


def run_once(interpreter, args, timeout):
    """Run `interpreter + args`; never raises, so a broken adder is a row."""
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    command = interpreter + args
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=BENCH_DIR,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return Outcome(None, b"", "timed out after " + str(timeout) + " s")
    except OSError as exc:
        return Outcome(None, b"", "cannot start: " + str(exc))
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        return Outcome(seconds, proc.stdout, exit_description(proc))
    return Outcome(seconds, proc.stdout, None)


def exit_description(proc):
    """Exit status plus the last stderr line (usually the exception)."""
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    last = lines[-1] if lines else ""
    return "exit status " + str(proc.returncode) + (": " + last if last else "")


def first_difference(expected, actual):
    """Describe the first differing stdout line, for the failure notes."""
    want = expected.decode("utf-8", "replace").splitlines()
    got = actual.decode("utf-8", "replace").splitlines()
    for number in range(max(len(want), len(got))):
        w = want[number] if number < len(want) else "<missing>"
        g = got[number] if number < len(got) else "<missing>"
        if w != g:
            return "stdout line " + str(number + 1) + ": expected " + repr(w) + ", got " + repr(g)
    return "stdout differs"


def measure(name, args, options):
    """Time one program on both interpreters; returns a result dict."""
    reference_times = []
    adder_times = []
    expected = None
    status = "ok"
    detail = ""
    for _ in range(options.runs):
        ref = run_once(options.reference, args, options.timeout)
        if ref.error is not None:
            return result(name, "REF-FAIL", "reference: " + ref.error, reference_times, adder_times)
        if expected is None:
            expected = ref.stdout
        elif ref.stdout != expected:
            return result(name, "REF-FAIL", "reference output is not deterministic", reference_times, adder_times)
        reference_times.append(ref.seconds)
        if status != "ok":
            continue  # adder already failed here: keep timing only the reference
        mine = run_once(options.adder, args, options.timeout)
        if mine.error is not None:
            status, detail = "FAIL", mine.error
        elif mine.stdout != expected:
            status, detail = "MISMATCH", first_difference(expected, mine.stdout)
        else:
            adder_times.append(mine.seconds)
    return result(name, status, detail, reference_times, adder_times)


def result(name, status, detail, reference_times, adder_times):
    """Summarise raw times into medians and a ratio (ratio only when ok)."""
    reference = statistics.median(reference_times) if reference_times else None
    adder = statistics.median(adder_times) if adder_times else None
    ratio = adder / reference if status == "ok" and adder and reference else None
    return {
        "name": name,
        "status": status,
        "detail": detail,
        "reference_seconds": reference,
        "adder_seconds": adder,
        "ratio": ratio,
        "reference_times": reference_times,
        "adder_times": adder_times,
    }


# GNU time reports the peak RSS of exactly the process it starts.  A probe
# written in Python cannot: a child's ru_maxrss also counts the memory of the
# parent it was forked from, so every reading would be at least the probe's.
GNU_TIME = "/usr/bin/time"


def peak_memory_mb(interpreter, args, options):
    """Peak RSS in MiB of one extra, untimed run; None when it failed."""
    with tempfile.TemporaryDirectory() as scratch:
        report = os.path.join(scratch, "peak-kib")
        command = [GNU_TIME, "-f", "%M", "-o", report, "--"] + interpreter
        outcome = run_once(command, args, options.timeout)
        if outcome.error is not None:
            return None
        try:
            with open(report) as found:
                return int(found.read().split()[-1]) / 1024
        except (OSError, ValueError, IndexError):
            return None


def add_peak_memory(row, args, options):
    """With --memory: peak RSS of each interpreter (adder's only if it passed)."""
    row["reference_peak_mb"] = peak_memory_mb(options.reference, args, options)
    row["adder_peak_mb"] = peak_memory_mb(options.adder, args, options) if row["status"] == "ok" else None


def available_programs():
    """Every benchmark program in bench/, by name without `.py` (files starting with
    `_` are helper modules the programs import, not programs)."""
    names = []
    for entry in sorted(os.listdir(BENCH_DIR)):
        if entry.endswith(".py") and entry != RUNNER_NAME and not entry.startswith("_"):
            names.append(entry[: -len(".py")])
    return names


def selected_programs(requested):
    """The startup row plus the programs asked for (all when none are)."""
    known = available_programs()
    if not requested:
        return [STARTUP] + known
    chosen = []
    for raw in requested:
        name = raw[: -len(".py")] if raw.endswith(".py") else raw
        if name != STARTUP and name not in known:
            sys.exit("unknown benchmark " + repr(raw) + "; known: " + ", ".join([STARTUP] + known))
        chosen.append(name)
    return chosen


def program_args(name):
    if name == STARTUP:
        return ["-c", "pass"]
    return [os.path.join(BENCH_DIR, name + ".py")]


def format_seconds(value):
    return "-" if value is None else "%.3f" % value


def format_megabytes(value):
    return "-" if value is None else "%.1f" % value


def table_header(with_memory):
    header = "%-16s %10s %10s %7s" % ("program", "reference", "adder", "ratio")
    return header + ("  %8s %8s" % ("ref MB", "adder MB") if with_memory else "")


def format_row(row):
    ratio = "-" if row["ratio"] is None else "%.2f" % row["ratio"]
    line = "%-16s %10s %10s %7s" % (
        row["name"],
        format_seconds(row["reference_seconds"]),
        format_seconds(row["adder_seconds"]),
        ratio,
    )
    if "reference_peak_mb" in row:
        line += "  %8s %8s" % (format_megabytes(row["reference_peak_mb"]), format_megabytes(row["adder_peak_mb"]))
    return line + ("" if row["status"] == "ok" else "  " + row["status"])


def geometric_mean(ratios):
    if not ratios:
        return None
    return math.exp(sum(math.log(r) for r in ratios) / len(ratios))


def summarise(rows):
    """Geometric mean over passing programs (startup excluded), failed rows."""
    programs = [row for row in rows if row["name"] != STARTUP]
    ratios = [row["ratio"] for row in programs if row["ratio"] is not None]
    failed = [row for row in rows if row["status"] != "ok"]
    return geometric_mean(ratios), len(ratios), len(failed)


def print_report_tail(rows, geomean, passed, failed):
    print()
    if geomean is None:
        print("geometric mean: - (no program passed)")
    else:
        print("geometric mean of ratios: %.3f over %d programs (< 1: adder is faster)" % (geomean, passed))
    print("failed: %d of %d rows" % (failed, len(rows)))
    notes = [row for row in rows if row["detail"]]
    if notes:
        print()
        for row in notes:
            print(row["name"] + ": " + row["status"] + ": " + row["detail"])


def save_json(path, options, rows, geomean, passed, failed):
    report = {
        "adder": options.adder,
        "reference": options.reference,
        "runs": options.runs,
        "results": rows,
        "geometric_mean": geomean,
        "passed": passed,
        "failed": failed,
    }
    with open(path, "w") as out:
        json.dump(report, out, indent=2)
        out.write("\n")


def parse_options():
    parser = argparse.ArgumentParser(description="Time adder against the reference CPython.")
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all, plus startup)")
    parser.add_argument("--adder", default=DEFAULT_ADDER, help="adder binary (default: target/release/adder)")
    parser.add_argument("--reference", help="reference interpreter (default: the one running this script)")
    parser.add_argument("--runs", type=int, default=5, help="runs per interpreter and program (default 5)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a run counts as failed")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    parser.add_argument("--memory", action="store_true", help="also report peak RSS via GNU time (one extra run each)")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    options = parser.parse_args()
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    # Both interpreters are kept as argument lists (see default_reference_command).
    options.reference = [command_path(options.reference)] if options.reference else default_reference_command()
    options.adder = [command_path(options.adder)]
    return options


def command_path(path):
    """Programs run with bench/ as their directory, so anchor relative paths
    to the caller's directory; a bare name is left for the PATH search."""
    return os.path.abspath(path) if os.sep in path else path


def main():
    options = parse_options()
    if options.list:
        print("\n".join([STARTUP] + available_programs()))
        return
    names = selected_programs(options.names)
    print("adder:     " + " ".join(options.adder))
    print("reference: " + " ".join(options.reference))
    print("runs:      " + str(options.runs) + " each, median wall time")
    print()
    print(table_header(options.memory))
    rows = []
    for name in names:
        row = measure(name, program_args(name), options)
        if options.memory:
            add_peak_memory(row, program_args(name), options)
        rows.append(row)
        print(format_row(row), flush=True)
    geomean, passed, failed = summarise(rows)
    print_report_tail(rows, geomean, passed, failed)
    if options.json:
        save_json(options.json, options, rows, geomean, passed, failed)


if __name__ == "__main__":
    main()
