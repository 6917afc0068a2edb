print(int("nope"))
