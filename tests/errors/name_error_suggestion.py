# NameError with a "Did you mean" suggestion for a near-miss local name.
def total_price(prices):
    running_total = 0
    for price in prices:
        running_total += price
    return runing_total


print(total_price([1, 2, 3]))
