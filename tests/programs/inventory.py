# A small inventory: dicts of lists, updates through functions, a report.
stock = {}
log = []


def add_item(name, quantity, price=1.0):
    if name in stock:
        stock[name][0] += quantity
    else:
        stock[name] = [quantity, price]
    log.append(("add", name, quantity))


def remove_item(name, quantity):
    if name not in stock:
        log.append(("missing", name, quantity))
        return False
    entry = stock[name]
    if entry[0] < quantity:
        log.append(("short", name, quantity - entry[0]))
        return False
    entry[0] -= quantity
    log.append(("remove", name, quantity))
    return True


add_item("apple", 10, 0.5)
add_item("pear", 4, 0.75)
add_item("apple", 5)
add_item("plum", 0)
print(remove_item("apple", 3), remove_item("kiwi", 1), remove_item("pear", 9))
print(stock)
total = 0.0
for name in stock:
    quantity, price = stock[name]
    value = quantity * price
    total += value
    print(name, quantity, price, value, sep="\t")
print("total", total)
for entry in log:
    print(entry)
print(len(log), log[-1][0])
