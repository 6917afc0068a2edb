# Assignment to a literal is a SyntaxError with a caret under it.
print("never")
1 = x
