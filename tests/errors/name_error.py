# An undefined name used inside a function.
def compute():
    value = 10
    return value + undefined_thing


print("start")
print(compute())
