# input(): prompts go to stdout, lines come from stdin without their newline.
name = input("Name? ")
print("Hello,", name)
age = input()
print(repr(age))
print(repr(input("> ")))
try:
    input("last> ")
except EOFError as e:
    print("EOFError:", e)
