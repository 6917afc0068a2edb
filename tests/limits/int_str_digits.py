# The 4300-digit limit on int/str conversion and sys.set_int_max_str_digits.
import sys

print(sys.get_int_max_str_digits())
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(0)
print(len(str(big)), len(str(int("7" * 5000))))
sys.set_int_max_str_digits(6000)
print(len(str(big)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError:", e)
