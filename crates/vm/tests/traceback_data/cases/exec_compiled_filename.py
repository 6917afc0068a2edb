code = compile("a = [1]\nb = a[3]\n", "<generated>", "exec")
exec(code)
