a = 1
b = "two"
x = (a  # left operand
     ) * (
    b) - 1
