# String building: concatenation in loops, str() of ints, indexing characters,
# repetition with *, and int() parsing back from the built text.


def digits_text(count):
    text = ""
    for i in range(count):
        text += str(i * 7919 % 100003)
        text = text + ","
    return text


def checksum_text(text):
    h = 0
    for ch in text:
        if ch == ",":
            h = (h * 3 + 1) % 1000000007
        else:
            h = (h * 10 + int(ch)) % 1000000007
    return h


def reverse(s):
    out = ""
    i = len(s) - 1
    while i >= 0:
        out += s[i]
        i -= 1
    return out


def parse_numbers(text):
    total = 0
    current = ""
    for ch in text:
        if ch == ",":
            total += int(current)
            current = ""
        else:
            current += ch
    return total


def main():
    h = 0
    total = 0
    length = 0
    for rep in range(240):
        text = digits_text(5000 + rep)
        h = (h + checksum_text(text)) % 1000000007
        total += parse_numbers(text)
        back = reverse(text)
        length += len(back)
        if back[len(back) - 1] != text[0]:
            print("reverse mismatch")
    line = "-=" * 20 + str(length)
    print(line)
    print("parsed total: " + str(total))
    print("checksum " + str(h))


main()
