# Recursive functions: fib, factorial with big ints, gcd, sum of digits.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def digit_sum(n):
    if n < 10:
        return n
    return n % 10 + digit_sum(n // 10)


def power(base, exp):
    if exp == 0:
        return 1
    half = power(base, exp // 2)
    if exp % 2:
        return half * half * base
    return half * half


for i in range(15):
    print(i, fib(i))
print(fib(22))
print(fact(20))
print(fact(50))
print(gcd(1071, 462))
print(gcd(2 ** 40, 6 ** 20))
print(digit_sum(fact(30)))
print(power(3, 41))
print(power(2, 127) - 1)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(900))
