# Matrices as nested lists: identity, multiplication, powers (big Fibonacci numbers).
def identity(n):
    rows = []
    for i in range(n):
        row = [0] * n
        row[i] = 1
        rows.append(row)
    return rows


def multiply(a, b):
    result = []
    for i in range(len(a)):
        row = []
        for j in range(len(b[0])):
            total = 0
            for k in range(len(b)):
                total += a[i][k] * b[k][j]
            row.append(total)
        result.append(row)
    return result


def power(m, exponent):
    result = identity(len(m))
    while exponent > 0:
        if exponent % 2 == 1:
            result = multiply(result, m)
        m = multiply(m, m)
        exponent //= 2
    return result


print(identity(3))
a = [[1, 2], [3, 4]]
b = [[0, 1], [1, 0]]
print(multiply(a, b))
print(multiply(b, a))
print(power(a, 5))
fib = [[1, 1], [1, 0]]
for n in [10, 50, 100, 300]:
    print(n, power(fib, n)[0][1])
print(multiply([[0.5, 1.5]], [[2.0], [4.0]]))
