# break and continue in while and for loops, including nested loops.
for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print("for", i)

i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 8:
        break
    print("while", i)

for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print("nested", i, j)

for ch in "abcdef":
    if ch in "bd":
        continue
    print(ch)
    if ch == "e":
        break

primes = []
n = 2
while len(primes) < 10:
    is_prime = True
    for p in primes:
        if p * p > n:
            break
        if n % p == 0:
            is_prime = False
            break
    if is_prime:
        primes.append(n)
    n += 1
print(primes)
