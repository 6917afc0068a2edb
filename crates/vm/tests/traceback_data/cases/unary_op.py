s = "text"
x = [-s]
