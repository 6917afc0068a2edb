# Tokenize a latin1-declared file: the ENCODING token keeps the name.
