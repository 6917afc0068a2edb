# assigning a read-only property escapes with the 3.14 message
class Account:
    def __init__(self, balance):
        self._balance = balance
    @property
    def balance(self):
        return self._balance
acct = Account(10)
print(acct.balance)
acct.balance = 20
