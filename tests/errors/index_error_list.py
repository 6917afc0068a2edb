# Indexing past the end of a list.
def last_plus_one(items):
    return items[len(items)]


data = [10, 20, 30]
print(data[2])
print(data[-3])
print(last_plus_one(data))
