def countdown(n):
    if n == 0:
        raise ValueError("bottom")
    countdown(n - 1)

countdown(4)
