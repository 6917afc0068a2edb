#!/usr/bin/env bash
# Set up adder on a fresh machine and run a script with it:
#   scripts/setup.sh [script.py [args...]]      (default: examples/hello.py)
# Installs the reference CPython 3.14 (its standard library and expected outputs come
# from it), builds the release binary, then runs the script.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
reference="$root/../shared/tools/reference-python"
if [ -x "$reference" ]; then
    "$reference" --prefix >/dev/null
fi
cargo build --release --manifest-path "$root/Cargo.toml" -p adder
if [ $# -eq 0 ]; then
    set -- "$root/examples/hello.py"
fi
exec "$root/target/release/adder" "$@"
