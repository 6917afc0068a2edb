# A syntax error anywhere means nothing runs: no output, exit code 1.
print("never printed")
x = (1 +
y = 2
