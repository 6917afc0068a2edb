# Indexing strings with positive and negative indices.
s = "hello, world"
print(s[0])
print(s[1])
print(s[4])
print(s[-1])
print(s[-5])
print(s[len(s) - 1])
print(s[-len(s)])
i = 0
while i < len(s):
    print(i, s[i])
    i = i + 2
u = "naïve 日本"
print(u[2])
print(u[-1])
print(u[-2])
print(len(u))
print([s[3]])
print(s[True])
