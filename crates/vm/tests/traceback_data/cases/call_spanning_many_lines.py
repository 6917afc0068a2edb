def boom(*args):
    raise KeyError("boom")

value = boom(
    1,
    2,
    3,
    4,
    5,
    6,
) + 1
