x = 0
if x:
    y = 1
elif x > 2:
    y = 2
else:
    y = 3
while x < 10:
    x += 1
    if x == 5:
        continue
    if x == 8:
        break
else:
    x = -1
for i in range(3):
    if i == 1:
        break
else:
    print("done")
