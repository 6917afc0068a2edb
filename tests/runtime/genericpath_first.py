# `import genericpath` first in a fresh process: CPython's site has imported os
# already, which breaks the genericpath -> os -> posixpath -> genericpath cycle.
import genericpath
import sys

print(genericpath.exists("/"), genericpath.commonprefix(["abc", "abd"]))
print("os" in sys.modules, sys.modules["posixpath"].splitext("a.b.c"))
