a = 1
b = "two"
x = (
    a +
    # a comment between the operands
    b   # trailing
)
