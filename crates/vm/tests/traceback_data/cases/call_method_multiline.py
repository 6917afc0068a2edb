text = "a,b,c"
result = (
    text
    .upper()
    .split(",")
    .missing_method()
)
