def leaf():
    raise ValueError("leaf")

def countdown(n):
    if n == 0:
        leaf()
    else:
        countdown(n - 1)

countdown(8)
