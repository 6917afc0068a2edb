for n in range(-30, 31, 5):
    print(n, round(n, -1), round(n * 10 + 5, -1), round(n * 100 + 50, -2))
print(round(2**70 + 5, -1), round(-(2**70) - 5, -1), round(10**25 + 5 * 10**24, -25))
print(round(7, -100), round(-7, -1), type(round(7, -1)).__name__)
print(round(True, -1), round(False, 2), (15).__round__(-1), (25).__round__(-1))
