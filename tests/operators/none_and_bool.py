# None and bool values: printing, comparison, arithmetic of bools.
print(None)
print(True, False)
print(None == None)
print(None != None)
print(None is None)
print(None is not None)
print(None == 0, None == False, None == "")
print(True is True, True == 1, False == 0)
print(True + 1, False - 1, True * 10, True / 2)
print(True & True, True | False, False ^ True)
print(True < 2, False < True)
print([None, True, False])
print((None,))
print({None: True, True: None})
x = None
if x is None:
    print("x is None")
x = 0
if x is not None:
    print("x is not None:", x)


def nothing():
    pass


def implicit():
    return


print(nothing())
print(implicit())
print(nothing() is None)
print(1 == True, 2 == True, 1.0 == True)
