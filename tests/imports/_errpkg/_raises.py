raise ValueError("raised while importing _errpkg._raises")
