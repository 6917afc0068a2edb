# Indexing past the end of a string inside a loop.
word = "abc"
for i in range(5):
    print(i, word[i])
