# Not run itself: missing_file.args names a script that does not exist (exit code 2).
