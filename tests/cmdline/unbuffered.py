# Run with -u (unbuffered streams): output is the same, only timing differs.
for i in range(5):
    print("unbuffered", i, end="; ")
print()
print("done")
