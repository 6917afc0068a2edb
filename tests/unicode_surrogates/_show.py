# Helper for the programs here: print a labelled result, or the exception it raised.


def show(label, f):
    try:
        print(label, ascii(f()))
    except Exception as e:
        print(label, 'raises', type(e).__name__, ascii(str(e)))
