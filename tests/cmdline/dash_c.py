# Not run itself: dash_c.args runs `adder -c CODE` (a program given on the command line).
