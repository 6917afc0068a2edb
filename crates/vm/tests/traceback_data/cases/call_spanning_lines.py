def boom(*args, **kwargs):
    raise KeyError("boom")

boom(
    1,
    2,
    key=3,
)
