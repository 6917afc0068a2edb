# Float formatting: repr, str, f-strings with precision, exponent and grouping
# specs, % formatting and round-trips through float(); the lengths and a digit
# checksum of the produced text are the result.


def lcg(state):
    return (state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616


def main():
    state = 12345
    total_len = 0
    digits = 0
    roundtrip_ok = 0
    for i in range(22000):
        state = lcg(state)
        x = (state % 2000003 - 1000000) / 7.0 * (10.0 ** (state % 17 - 8))
        texts = [
            repr(x),
            str(x * 3.5),
            f"{x:.3f}",
            f"{x:12.5e}",
            f"{x:,.2f}",
            f"{x:g}",
            "%.4f" % x,
            format(x, "+.6g"),
        ]
        for t in texts:
            total_len += len(t)
            digits += t.count("7")
        if float(repr(x)) == x:
            roundtrip_ok += 1
    print("checksum", total_len, digits, roundtrip_ok)


main()
