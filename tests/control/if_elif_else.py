# if / elif / else chains, nesting and conditions of several types.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"


for n in [-5, 0, 3, 42, 1000, 10 ** 20]:
    print(n, classify(n))

x = 7
if x % 2 == 0:
    print("even")
else:
    print("odd")

if x > 5:
    if x > 6:
        print("more than six")
    else:
        print("six")
if x > 100:
    print("never")
if "":
    print("never")
elif []:
    print("never")
elif None:
    print("never")
else:
    print("all falsy")
if x: print("one-line if")
grade = ""
score = 85
if score >= 90:
    grade = "A"
elif score >= 80:
    grade = "B"
elif score >= 70:
    grade = "C"
print(grade)
