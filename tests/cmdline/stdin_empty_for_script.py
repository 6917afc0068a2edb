# Standard input is empty for every program unless NAME.stdin exists; a script
# that never reads it runs normally.
print("stdin is not read here")
