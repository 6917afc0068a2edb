# str and bytes special methods: sequence slots raise, number slots return NotImplemented.
print(str.__add__('a', 'b'), 'ab'.__mul__(3), 'ab'.__rmul__(2), str.__len__('héllo'))
print('abc'.__getitem__(1), 'abc'.__getitem__(slice(0, 2)), 'abc'.__contains__('bc'))
print(str.__mod__('%d-%s', (1, 'x')), str.__rmod__('a', 5), 'x'.__eq__(1))
print(str.__lt__('a', 'b'), str.__hash__('a') == hash('a'), str.__repr__("it's"))
print(str.__str__('s'), list(str.__iter__('ab')), str.__format__('x', '>3'))
for bad in [lambda: 'a'.__add__(1), lambda: 'a'.__mul__('b'), lambda: str.__len__(1)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
print(bytes.__add__(b'a', b'b'), b'ab'.__mul__(2), bytes.__len__(b'xyz'))
print(b'abc'.__getitem__(0), b'abc'.__contains__(98), bytes.__eq__(b'a', b'a'))
print(bytes.__repr__(b'\x00a'), b'a'.__eq__('a'))
try:
    b'a'.__add__('x')
except TypeError as e:
    print('TypeError:', e)
