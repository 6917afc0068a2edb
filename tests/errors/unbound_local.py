# Reading a local before assignment raises UnboundLocalError.
total = 100


def add_to_total(x):
    print("adding", x)
    total = total + x
    return total


print(total)
add_to_total(5)
