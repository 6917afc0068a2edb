# str.format_map with dicts and custom mappings.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

print("{a} {b[0]}".format_map({"a": 1, "b": [2]}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
people = Default()
people["name"] = "Ann"
print("{name} is {age}".format_map(people))
class M:
    def __getitem__(self, k):
        return k.upper()
print("{hello} {world!r:>8}".format_map(M()))
t("positional", lambda: "{0}".format_map({}))
t("auto", lambda: "{}".format_map({}))
t("missing", lambda: "{a}".format_map({}))
t("no arg", lambda: "{a}".format_map())
t("two args", lambda: "{a}".format_map({}, {}))
t("not mapping", lambda: "{a}".format_map(1))
