# A first program for adder: closures, recursion, big integers and containers.
def make_counter():
    count = 0

    def step(by=1):
        nonlocal count
        count += by
        return count

    return step


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


counter = make_counter()
counter()
counter(41)
print("counter:", counter(0))
print("fib(25) =", fib(25))
print("2 ** 100 =", 2 ** 100)
words = {"adder": 5, "python": 6}
print(sorted(words), [w * 2 for w in ["ab", "c"]])
