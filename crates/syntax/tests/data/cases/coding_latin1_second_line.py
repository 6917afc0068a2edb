#!/usr/bin/env python
# vim: set fileencoding=latin1 :
s = "café"
