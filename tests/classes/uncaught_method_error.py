# An uncaught error raised inside a method, through several frames.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds: " + str(self.balance))
        self.balance -= amount
        return self.balance


def spend(account, amounts):
    for a in amounts:
        print("left", account.withdraw(a))


spend(Account(10), [3, 4, 5])
