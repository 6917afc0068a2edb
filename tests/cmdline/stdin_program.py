# Not run itself: stdin_program.args runs `adder -`, which reads the program
# from standard input (stdin_program.stdin); its traceback names "<stdin>".
