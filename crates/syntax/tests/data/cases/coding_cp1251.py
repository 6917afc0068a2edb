# coding: cp1251
name = "Привет"
