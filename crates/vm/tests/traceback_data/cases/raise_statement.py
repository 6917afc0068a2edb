def check(value):
    if value < 0:
        raise ValueError(f"negative: {value}")
    return value

check(-1)
