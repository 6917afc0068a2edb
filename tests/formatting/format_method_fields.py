# str.format field names: attributes and indexes.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

class P:
    x = 10
    y = [1, 2, 3]
    d = {"k": "v", 1: "one"}
p = P()
print("{0.x} {0.y[1]} {0.d[k]} {0.d[1]}".format(p), "{p.y[2]}".format(p=p), "{[0]}{[1]}".format("ab", "cd"))
print("{0[0][1]}".format([[1, 2]]), "{0[a b]}".format({"a b": 5}), "{0[-1]}".format({"-1": "neg"}))
t("{0.missing}", lambda: "{0.missing}".format(p))
t("{0[5]}", lambda: "{0[5]}".format([1]))
t("{0[x]}", lambda: "{0[x]}".format([1]))
t("{0[0]x}", lambda: "{0[0]x}".format([1]))
t("{0[}", lambda: "{0[}".format([1]))
t("{0.}", lambda: "{0.}".format(p))
t("{0[]}", lambda: "{0[]}".format({"": 1}))
t("{a.}", lambda: "{a.}".format(b=1))
t("{ 0}", lambda: "{ 0}".format(1))
t("{0 }", lambda: "{0 }".format(1))
t("{-1}", lambda: "{-1}".format(1))
t("{99999999999999999999}", lambda: "{99999999999999999999}".format(1))
