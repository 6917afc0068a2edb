# String methods on many short and a few long strings: split/join, replace,
# find/count, case changes, strip, startswith, partition and formatting.


def main():
    words = ["alpha", "Beta", "gamma", "DELTA", "epsilon", "zeta", "eta", "theta"]
    lines = []
    for i in range(4000):
        parts = [words[(i * 7 + k) % len(words)] for k in range(6)]
        lines.append("  " + ", ".join(parts) + " #" + str(i) + "  ")
    text = "\n".join(lines)
    total = 0
    for rnd in range(270):
        for line in text.split("\n"):
            s = line.strip()
            head, _, tail = s.partition(" #")
            fields = head.split(", ")
            total += len(fields) + int(tail)
            up = head.upper()
            total += up.count("A") + head.lower().find("eta")
            total += len(head.replace("a", "AA"))
            if s.startswith("alpha") or s.endswith("7"):
                total += 1
            total += len("-".join(reversed(fields)).title())
        total += text.count("gamma") + len(text.replace("zeta", "Z"))
    print("checksum", total)


main()
