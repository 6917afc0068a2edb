# Integer loops over lists: a sieve of Eratosthenes, repeated.
# Measures while/for loops over range, list item load/store and int arithmetic.


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= limit:
        if is_prime[i]:
            j = i * i
            while j <= limit:
                is_prime[j] = False
                j += i
        i += 1
    return is_prime


def main():
    limit = 400000
    total = 0
    count = 0
    for rep in range(48):
        flags = sieve(limit + rep)
        for n in range(len(flags)):
            if flags[n]:
                total += n
                count += 1
    print("primes counted: " + str(count))
    print("checksum " + str(total))


main()
