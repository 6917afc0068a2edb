table = {"row": {}}
value = table[
    "row"
][
    "missing"
]
