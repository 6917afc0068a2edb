# Recursive calls: the naive doubly recursive Fibonacci function.
# Measures the cost of Python-to-Python calls, argument passing and returns.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    total = 0
    n = 0
    while n < 4:
        total = total + fib(31 + n)
        n += 1
    print("fib(31..34) sum: " + str(total))
    print("checksum " + str(total % 1000003))


main()
