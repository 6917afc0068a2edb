# _string.formatter_field_name_split: the first name (an int when numeric) and the
# iterator of (is_attribute, key) parts that follow.
import _string

for s in ["a.b[0][x].c", "0", "", "12.real", "a[", "a.", "a[]", "a[0]x",
          "007[1]", "x[.]", "x[a.b]", "1a", "a..b", "[3]"]:
    try:
        first, rest = _string.formatter_field_name_split(s)
        print(repr(s), repr(first), list(rest))
    except ValueError as e:
        print(repr(s), "ValueError:", e)

first, rest = _string.formatter_field_name_split("a.b")
print(type(rest).__name__, iter(rest) is rest, next(rest), next(rest, "end"))
try:
    _string.formatter_field_name_split(None)
except TypeError as e:
    print("TypeError:", e)
