# -*- coding: koi8-r -*-
x = "аб"
y = 1 \
  + 2
s = """a
b"""
