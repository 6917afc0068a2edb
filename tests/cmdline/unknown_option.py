# Not run itself: unknown_option.args passes an option adder does not know (exit code 2).
