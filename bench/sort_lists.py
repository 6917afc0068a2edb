# List work: appending, indexing, swapping, and hand-written sorts
# (recursive quicksort, insertion sort, and a bottom-up merge sort).


def random_list(count, seed):
    values = []
    state = seed
    for i in range(count):
        state = (state * 1103515245 + 12345) % 2147483648
        values.append(state % 100000)
    return values


def quicksort(a, lo, hi):
    while lo < hi:
        pivot = a[(lo + hi) // 2]
        i = lo
        j = hi
        while i <= j:
            while a[i] < pivot:
                i += 1
            while a[j] > pivot:
                j -= 1
            if i <= j:
                tmp = a[i]
                a[i] = a[j]
                a[j] = tmp
                i += 1
                j -= 1
        # Recurse into the smaller half, loop over the larger one.
        if j - lo < hi - i:
            quicksort(a, lo, j)
            lo = i
        else:
            quicksort(a, i, hi)
            hi = j


def insertion_sort(a):
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key


def merge_sort(a):
    n = len(a)
    src = a
    width = 1
    while width < n:
        dst = []
        lo = 0
        while lo < n:
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i = lo
            j = mid
            while i < mid and j < hi:
                if src[j] < src[i]:
                    dst.append(src[j])
                    j += 1
                else:
                    dst.append(src[i])
                    i += 1
            while i < mid:
                dst.append(src[i])
                i += 1
            while j < hi:
                dst.append(src[j])
                j += 1
            lo = hi
        src = dst
        width *= 2
    return src


def is_sorted(a):
    for i in range(1, len(a)):
        if a[i - 1] > a[i]:
            return False
    return True


def lists_equal(a, b):
    if len(a) != len(b):
        return False
    for i in range(len(a)):
        if a[i] != b[i]:
            return False
    return True


def weighted_sum(a):
    total = 0
    for i in range(len(a)):
        total = (total + (i + 1) * a[i]) % 1000000007
    return total


def main():
    h = 0
    for rep in range(12):
        q = random_list(40000, rep + 1)
        quicksort(q, 0, len(q) - 1)
        m = merge_sort(random_list(40000, rep + 1))
        s = random_list(900, rep + 7)
        insertion_sort(s)
        if not (is_sorted(q) and is_sorted(m) and is_sorted(s)):
            print("not sorted")
        if not lists_equal(q, m):
            print("quicksort and merge sort disagree")
        h = (h + weighted_sum(q) + weighted_sum(s)) % 1000000007
    print("smallest " + str(q[0]) + " largest " + str(q[len(q) - 1]))
    print("checksum " + str(h))


main()
