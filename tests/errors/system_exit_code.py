# raise SystemExit(3) ends the program with exit code 3 and no traceback.
def finish(code):
    print("finishing with", code)
    raise SystemExit(code)


print("working")
finish(3)
print("never printed")
