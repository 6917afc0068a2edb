# Tokenize a koi8-r file with CRLF line ends (see the .args file).
