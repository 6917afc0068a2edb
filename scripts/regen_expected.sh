#!/usr/bin/env bash
# regen_expected.sh: write the expected outputs of the conformance corpus (tests/)
# by running each program on the reference CPython, exactly as the harness
# (crates/adder/tests/conformance.rs) runs adder.
#
#   scripts/regen_expected.sh                     # every program; also removes stale files
#   scripts/regen_expected.sh tests/basics/x.py   # only these programs (or directories)
#
# For tests/DIR/NAME.py it writes NAME.out (stdout), NAME.err (stderr, only when
# non-empty) and NAME.code (exit code, only when non-zero). The program runs from
# its own directory with `NAME.py` as argument (or the lines of NAME.args when that
# exists), standard input from NAME.stdin or empty, PYTHONHASHSEED=0,
# PYTHONIOENCODING=utf-8 and no other PYTHON* variables. Machine-dependent paths in
# its output are written as placeholders, which the harness substitutes the same
# way: the program's absolute directory (CPython prints the script's absolute path
# in tracebacks) as {TESTDIR}, the interpreter's path (in command-line errors) as
# {EXECUTABLE}.
# Set ADDER_REFERENCE_PYTHON to use another reference interpreter.
set -euo pipefail

script_dir="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd -P "$script_dir/.." && pwd)"
corpus="$repo/tests"
reference="${ADDER_REFERENCE_PYTHON:-$repo/../shared/tools/reference-python}"
[ -x "$reference" ] || { echo "regen_expected: no reference interpreter at $reference" >&2; exit 1; }
reference="$(cd -P "$(dirname "$reference")" && pwd)/$(basename "$reference")"
timeout_seconds=120

# The same environment as the harness gives adder.
for variable in $(compgen -e); do
    case "$variable" in PYTHON*|FORCE_COLOR|NO_COLOR) unset "$variable" ;; esac
done
export PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8

# The path the reference reports for itself (its argv[0]).
reference_executable="$("$reference" -c 'import sys; print(sys.executable)')"

# Programs are NAME.py files; names starting with `_` are helper modules.
list_programs() {
    find "$@" -name '*.py' ! -name '_*' -type f | sort
}

regenerate() {
    local program="$1" directory name arguments=()
    directory="$(cd -P "$(dirname "$program")" && pwd)"
    name="$(basename "$program" .py)"
    local base="$directory/$name"
    if [ -f "$base.args" ]; then
        mapfile -t arguments < "$base.args"
    else
        arguments=("$name.py")
    fi
    local stdin=/dev/null
    [ -f "$base.stdin" ] && stdin="$base.stdin"

    local code=0
    (cd "$directory" && timeout "$timeout_seconds" "$reference" "${arguments[@]}") \
        < "$stdin" > "$base.out" 2> "$base.err" || code=$?
    [ "$code" -eq 124 ] && echo "regen_expected: $program timed out" >&2

    for file in "$base.out" "$base.err"; do
        EXECUTABLE="$reference_executable" DIRECTORY="$directory/" perl -pi -e \
            's/\Q$ENV{EXECUTABLE}\E/{EXECUTABLE}/g; s/\Q$ENV{DIRECTORY}\E/{TESTDIR}\//g' "$file"
    done
    [ -s "$base.err" ] || rm -f "$base.err"
    if [ "$code" -ne 0 ]; then echo "$code" > "$base.code"; else rm -f "$base.code"; fi
    echo "${program#"$repo/"}: exit $code"
}

# Expected files whose program no longer exists.
remove_stale() {
    find "$corpus" -type f \( -name '*.out' -o -name '*.err' -o -name '*.code' \) | while read -r file; do
        if [ ! -f "${file%.*}.py" ]; then
            echo "removing stale ${file#"$repo/"}"
            rm -f "$file"
        fi
    done
}

if [ "$#" -eq 0 ]; then
    list_programs "$corpus" | while read -r program; do regenerate "$program"; done
    remove_stale
else
    list_programs "$@" | while read -r program; do regenerate "$program"; done
fi
