print(
    "start",
    1 / 0,
    "end",
)
