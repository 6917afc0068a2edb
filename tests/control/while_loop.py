# while loops: counting, conditions recomputed each pass, nested loops.
i = 0
while i < 5:
    print(i)
    i += 1
print("after", i)

n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz steps", steps)

a = 0
b = 1
while b < 1000:
    a, b = b, a + b
print(a, b)

row = 1
while row <= 4:
    line = ""
    col = 1
    while col <= row:
        line = line + "*"
        col += 1
    print(line)
    row += 1

total = 0
k = 100
while k:
    total += k
    k -= 1
print(total)
while False:
    print("never")
