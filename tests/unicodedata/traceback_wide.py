# The traceback module's carets under wide (East Asian) characters use
# unicodedata.east_asian_width.
import traceback

def f():
    return "日本語" + 1 + "ｘ"

try:
    f()
except TypeError:
    print(traceback.format_exc().replace(__file__, 'FILE'))
