# Arguments after the script name belong to the script and do not change how it runs.
print("script ran")
for i in range(3):
    print("line", i)
