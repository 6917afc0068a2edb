# The traceback of an uncaught FileNotFoundError from open().
print('before')
open('no-such-file-for-this-test.txt')
