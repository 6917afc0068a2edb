# atexit: callbacks run last-registered first after the program, with their
# arguments; unregister; an exception in one is reported and the rest still run.
import atexit

def show(*args, **kwargs):
    print('show', args, sorted(kwargs.items()))

class Failing:
    def __call__(self):
        raise ValueError('callback failed')
    def __repr__(self):
        return '<Failing callback>'

fails = Failing()

atexit.register(show, 'first')
atexit.register(fails)
atexit.register(show, 'second', key='value')
atexit.register(print, 'never')
atexit.unregister(print)

@atexit.register
def decorated():
    print('decorated runs first')

print(atexit._ncallbacks())
try:
    atexit.register(5)
except TypeError as e:
    print(e)
print('main done')
