# nonlocal rebinds a variable of the enclosing function; each call gets its own cell.
def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment


c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5))
print(c2(), c2(-50))
print(c1())


def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance = balance + amount
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return "insufficient"
        balance -= amount
        return balance

    def current():
        return balance
    return deposit, withdraw, current


deposit, withdraw, current = make_account(10)
print(deposit(5))
print(withdraw(100))
print(withdraw(3))
print(current())


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    result = middle()
    return result, x


print(outer())
