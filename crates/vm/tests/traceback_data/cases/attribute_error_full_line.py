class C:
    pass
obj = C()
value = obj.missing
