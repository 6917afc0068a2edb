# Concatenation and repetition.
a = "foo"
b = "bar"
print(a + b)
print(a + " " + b)
print(a * 3)
print(3 * a)
print(a * 0)
print(a * -2)
print("-" * 20)
print("ab" * 1 + "cd" * 2)
print((a + b) * 2)
s = ""
for i in range(5):
    s = s + "x"
    print(s)
t = "ab"
t += "cd"
print(t)
t *= 3
print(t)
print("" + "" == "")
print(len("abc" * 100))
print("é" * 3 + "!")
words = ["alpha", "beta", "gamma"]
joined = ""
for w in words:
    if joined != "":
        joined = joined + ", "
    joined = joined + w
print(joined)
print(True * "yes", False * "no", "|")
