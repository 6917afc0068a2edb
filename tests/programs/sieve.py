# Sieve of Eratosthenes with a list of flags, then prime gaps and twin primes.
def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    n = 2
    while n * n <= limit:
        if flags[n]:
            multiple = n * n
            while multiple <= limit:
                flags[multiple] = False
                multiple += n
        n += 1
    primes = []
    for i in range(limit + 1):
        if flags[i]:
            primes.append(i)
    return primes


primes = sieve(200)
print(primes)
print(len(primes), primes[-1])
largest_gap = (0, 0, 0)
twins = []
for i in range(1, len(primes)):
    gap = primes[i] - primes[i - 1]
    if gap > largest_gap[0]:
        largest_gap = (gap, primes[i - 1], primes[i])
    if gap == 2:
        twins.append((primes[i - 1], primes[i]))
print("largest gap", largest_gap)
print("twin pairs", len(twins))
print(twins[:5], twins[-1])
print(len(sieve(10000)))
