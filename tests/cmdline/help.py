# Not run itself: help.args runs `adder -h` (CPython's option summary).
