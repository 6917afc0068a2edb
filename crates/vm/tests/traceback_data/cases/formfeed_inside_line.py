a = 1
x = [a + "s"]
