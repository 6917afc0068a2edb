# for over range, list, tuple and str; the loop variable survives the loop.
for i in range(4):
    print("range", i)
for i in range(2, 5):
    print("range2", i)
for i in range(10, 0, -3):
    print("range3", i)
for i in range(0):
    print("never")
for i in range(5, 1):
    print("never")
for x in [1, "two", 3.0, None, [4]]:
    print("list", x)
for x in (10, 20, 30):
    print("tuple", x)
for ch in "héllo":
    print("str", ch)
print("last i", i)
print("last ch", ch)
total = 0
for n in range(1, 101):
    total += n
print(total)
for pair in [(1, "a"), (2, "b")]:
    print(pair)
for num, letter in [(1, "a"), (2, "b")]:
    print(num, letter)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)
grid = [[1, 2, 3], [4, 5, 6]]
for row in grid:
    for cell in row:
        print(cell, end=" ")
    print()
big = 0
for i in range(2 ** 62, 2 ** 62 + 3):
    big = i
print(big)
for i in range(-3, 3, 2):
    print(i)
