# Positional parameters, default values and return values.
def add(a, b):
    return a + b


def greet(name, greeting="Hello", punctuation="!"):
    return greeting + ", " + name + punctuation


def no_return(x):
    x + 1


def early(n):
    if n < 0:
        return "negative"
    return "non-negative"


def pair(a, b):
    return a, b


print(add(2, 3))
print(add("x", "y"))
print(add([1], [2]))
print(greet("Ada"))
print(greet("Ada", "Hi"))
print(greet("Ada", "Hi", "?"))
print(no_return(5))
print(early(-1), early(1))
print(pair(1, 2))
first, second = pair("a", "b")
print(first, second)
counter = 10


def default_is_evaluated_once(x=counter):
    return x


counter = 20
print(default_is_evaluated_once())
print(default_is_evaluated_once(30))


def accumulate(item, into=[]):
    into.append(item)
    return into


print(accumulate(1))
print(accumulate(2))
print(accumulate(3, []))


def nothing():
    pass


print(nothing())
