# Big-integer arithmetic: factorials, large Fibonacci numbers, powers and
# modular reductions, with digit counts taken from str() of the results.


def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def big_fib(n):
    a = 0
    b = 1
    for i in range(n):
        c = a + b
        a = b
        b = c
    return a


def digit_sum(x):
    s = str(x)
    total = 0
    for ch in s:
        total += int(ch)
    return total


def digit_count(x):
    # str() refuses ints above 4300 digits, so strip 1000-digit chunks first.
    chunk = 10 ** 1000
    count = 0
    while x >= chunk:
        x = x // chunk
        count += 1000
    return count + len(str(x))


def main():
    h = 0
    digits = 0
    for rep in range(200):
        f = factorial(1000 + rep)
        digits += len(str(f))
        h = (h + f % 1000000007 + digit_sum(f)) % 1000000007
    fib = big_fib(150000)
    digits += digit_count(fib)
    h = (h + fib % 998244353) % 1000000007
    huge = factorial(45000)
    digits += digit_count(huge)
    h = (h + huge % 1000000007) % 1000000007
    p = 3 ** 5000 - 2 ** 7000
    h = (h + abs(p) % 1000000009 + len(str(p))) % 1000000007
    q = 0
    x = 7 ** 1200
    for i in range(18000):
        q = (q + x // (i + 1)) % (2 ** 200)
        x = x * 3 - i
    print("digits: " + str(digits))
    print("checksum " + str((h + q) % 1000000007))


main()
