# Float division by zero; the result printed before is flushed first.
def scale(x, factor):
    result = x / factor
    return result


print(scale(1.0, 4.0))
print(scale(3, 0.5))
divisor = 0.0
print("about to divide")
print(scale(2.5, divisor))
