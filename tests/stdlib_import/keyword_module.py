import keyword
print(keyword.iskeyword('if'), keyword.iskeyword('match'), keyword.issoftkeyword('match'))
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
