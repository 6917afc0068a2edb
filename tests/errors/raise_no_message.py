# Raising an exception class without arguments, and with a non-string argument.
def check(flag):
    if flag:
        raise RuntimeError
    print("flag was false")


check(False)
check(True)
