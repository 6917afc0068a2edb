class Ctx:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        return False

with Ctx() as c:
    pass
