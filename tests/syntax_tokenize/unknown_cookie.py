# Tokenize a file with an unknown coding cookie.
