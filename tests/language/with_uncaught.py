# an exception escaping a with block: __exit__ sees it, the traceback shows the body line
class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit saw", t, v)
        return False

def work(n):
    with CM():
        return 10 // n

print(work(2))
work(0)
