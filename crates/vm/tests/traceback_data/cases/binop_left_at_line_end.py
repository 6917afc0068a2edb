a = "text"
x = (a

     - 1)
