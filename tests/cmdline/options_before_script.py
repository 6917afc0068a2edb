# Run with -B -E -s: options that do not change this program's output.
a = [1, 2, 3]
a.append(4)
print(a, len(a))
