# An exception raised while handling another shows both, chained.
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        print("missing key, falling back")
        return table["default"]


settings = {"colour": "blue"}
print(lookup(settings, "colour"))
print(lookup(settings, "size"))
