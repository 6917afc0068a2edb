# Lots of stdout output followed by an uncaught exception: all output must be
# written, then the traceback on stderr.
for i in range(200):
    print("line", i, "of output")
data = {"a": 1}
print("last line before the error", end="")
data["b"]
