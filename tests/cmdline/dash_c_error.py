# Not run itself: dash_c_error.args runs `adder -c CODE` where CODE fails;
# the traceback names the file "<string>".
