# SystemExit with a string prints the string to stderr and exits with 1.
print("before exit")
raise SystemExit("fatal: something went wrong")
