#coding:latin1

x = "café"
