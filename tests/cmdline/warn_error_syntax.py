# Run with `-W error`: the compile-time SyntaxWarning becomes a SyntaxError
# before anything runs.
print("never printed")
x = 1
print(x is 1)
