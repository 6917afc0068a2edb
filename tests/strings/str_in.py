# Substring tests with `in` and `not in`, and len().
s = "the quick brown fox"
print("quick" in s)
print("slow" in s)
print("" in s)
print("" in "")
print("fox" not in s)
print("cat" not in s)
print("q" in s)
print("Q" in s)
print("the" in "the")
print("them" in "the")
print("日" in "日本")
print(len(""))
print(len("a"))
print(len(s))
print(len("日本語"))
print(len("\n\t"))
vowels = "aeiou"
count = 0
for ch in s:
    if ch in vowels:
        count += 1
print(count)
found = ""
for ch in "hello world":
    if ch not in found:
        found = found + ch
print(found)
