pattern = "\d+"
x = pattern + 1
