# try/except catches exceptions by type; execution resumes after the handler.
try:
    print("in try")
    x = 1 // 0
    print("never")
except ZeroDivisionError:
    print("caught division by zero")

try:
    [1, 2][5]
except IndexError as e:
    print("caught IndexError:", e)

try:
    {}["missing"]
except KeyError as e:
    print("caught KeyError:", e)


def risky(n):
    if n == 0:
        raise ValueError("zero is not allowed")
    return 10 // n


for n in [5, 0, 2]:
    try:
        print("result", risky(n))
    except ValueError as e:
        print("error:", e)

try:
    undefined_name
except NameError as e:
    print(e)

try:
    1 + "a"
except TypeError as e:
    print(e)
else:
    print("never")
finally:
    print("finally runs")

try:
    print("no error")
except ZeroDivisionError:
    print("never")
else:
    print("else runs")
print("done")
