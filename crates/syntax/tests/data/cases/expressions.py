x = a if b else c if d else e
y = not not a
z = -~+a ** -b ** c
w = (yield)
v = [*a, *b]
u = {**a, 'b': 1}
t = a[1:2:3, ..., None:]
s = lambda *, k: k
r = (x := 10) + (y := 20)
q = a < b < c is not d not in e
p = await_ = f(a)(b)[c].d
o = (a for a in b if c for d in e)
n = x[*a]
m = (-1) ** 2
l = a @ b // c % d << e >> f & g ^ h | i
