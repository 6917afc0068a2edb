# Dict work: counting with int keys and str keys, lookups guarded by `in`,
# item assignment, overwrites, and iteration over keys in insertion order.


def count_ints(count, modulus):
    counts = {}
    state = 12345
    for i in range(count):
        state = (state * 69069 + 1) % 4294967296
        key = state % modulus
        if key in counts:
            counts[key] = counts[key] + 1
        else:
            counts[key] = 1
    return counts


def make_words(count):
    syllables = ["ka", "lo", "mi", "nu", "pe", "ra", "so", "ti"]
    words = []
    state = 7
    for i in range(count):
        state = (state * 1103515245 + 12345) % 2147483648
        word = syllables[state % 8] + syllables[(state >> 3) % 8]
        if state % 3 == 0:
            word = word + syllables[(state >> 6) % 8]
        words.append(word)
    return words


def count_words(words):
    counts = {}
    for w in words:
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    return counts


def fold_counts(counts, h):
    for key in counts:
        h = (h * 31 + counts[key]) % 1000000007
    return h


def main():
    h = 0
    distinct = 0
    for rep in range(35):
        ints = count_ints(120000, 5003 + rep)
        h = fold_counts(ints, h)
        distinct += len(ints)
    words = make_words(200000)
    for rep in range(35):
        counts = count_words(words)
        h = fold_counts(counts, h)
        distinct += len(counts)
    index = {}
    for i in range(len(words)):
        index[words[i]] = i
    last = 0
    for w in words:
        last = (last + index[w]) % 1000000007
    print("distinct keys: " + str(distinct))
    print("checksum " + str((h + last) % 1000000007))


main()
