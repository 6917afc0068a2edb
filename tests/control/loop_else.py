# else clauses on loops run only when the loop was not left by break.
for i in range(3):
    print(i)
else:
    print("for finished")

for i in range(3):
    if i == 1:
        break
else:
    print("never")
print("broke at", i)

for i in []:
    print("never")
else:
    print("empty for: else runs")

n = 0
while n < 3:
    n += 1
else:
    print("while finished", n)

while True:
    break
else:
    print("never")


def find(items, target):
    for index in range(len(items)):
        if items[index] == target:
            print("found", target, "at", index)
            break
    else:
        print(target, "not found")


find([4, 5, 6], 5)
find([4, 5, 6], 7)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for i in range(3):
    continue
else:
    print("continue does not skip else")
