# Lexicographic comparison by code point.
print("abc" == "abc")
print("abc" != "abd")
print("abc" < "abd")
print("abc" < "ab")
print("ab" < "abc")
print("" < "a")
print("Z" < "a")
print("a" > "B")
print("apple" <= "apple")
print("apple" >= "banana")
print("é" > "z")
print("中" > "é")
print("a" < "b" < "c")
print("abc" == "ABC")
words = ["pear", "apple", "fig", "Banana", "apple"]
for i in range(len(words) - 1):
    print(words[i], words[i + 1], words[i] < words[i + 1], words[i] == words[i + 1])
print("1" == 1)
print("1" != 1)
print("" == "")
print(("a" + "b") == "ab")
smallest = words[0]
for w in words:
    if w < smallest:
        smallest = w
print(smallest)
