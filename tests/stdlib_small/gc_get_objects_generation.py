# gc.get_objects(generation) validates the generation as CPython does.
import gc
for g in (-1, 3, 2**31, -2**63, 2**63, 'x'):
    try:
        gc.get_objects(g)
        print('ok', g)
    except Exception as e:
        print(type(e).__name__, e)
print(type(gc.get_objects()), type(gc.get_objects(None)), type(gc.get_objects(0)))
