# Regular expressions: compiled patterns searched, matched, split and substituted
# over a generated log text (literal prefixes, character classes, groups,
# alternation, lazy and greedy repeats, backreferences, named groups, IGNORECASE).
import re


def make_text():
    levels = ["INFO", "WARN", "ERROR", "debug"]
    hosts = ["alpha.example.com", "beta.example.org", "gamma.test", "delta.local"]
    lines = []
    for i in range(3000):
        level = levels[(i * 7) % 4]
        host = hosts[(i * 5) % 4]
        lines.append(
            f"2024-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d} "
            f"[{level}] {host} user{i % 97}@mail{i % 7}.com took {i * 37 % 1000}ms "
            f'"GET /api/v{i % 3}/items/{i}?q=word{i % 11}" said "hello hello"'
        )
    return "\n".join(lines)


def main():
    text = make_text()
    lines = text.split("\n")
    date = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d) (\d\d):(\d\d)")
    email = re.compile(r"[\w.]+@[\w.]+\.(?:com|org|net)")
    level = re.compile(r"\[(INFO|WARN|ERROR|DEBUG)\]", re.I)
    path = re.compile(r'"GET (/[^ ?"]*)(?:\?([^"]*))?"')
    doubled = re.compile(r"\b(\w+) \1\b")
    took = re.compile(r"took (\d+)ms")
    total = 0
    for rnd in range(18):
        for line in lines:
            m = date.match(line)
            total += int(m["y"]) + int(m.group("m")) * 3 + len(m.groups())
            total += len(email.findall(line))
            lv = level.search(line)
            total += len(lv.group(1)) + lv.start()
            p = path.search(line)
            total += len(p.group(1)) + (len(p.group(2)) if p.group(2) else 0)
            if doubled.search(line):
                total += 1
            total += int(took.search(line).group(1))
        total += len(re.findall(r"\d+", text))
        total += len(re.split(r"[\s,;]+", text))
        total += len(re.sub(r"(\w+)@(\w+)", r"\2 at \1", text))
        total += len(re.sub(r"\d", lambda m: str(9 - int(m.group())), text[:20000]))
        total += sum(1 for _ in re.finditer(r"\bexample\.\w+", text))
        total += len(re.findall(r"(?i)e[a-z]*?e", text))
        total += len(re.findall(r"[aeiou]{2,}", text))
    print("checksum", total)


main()
